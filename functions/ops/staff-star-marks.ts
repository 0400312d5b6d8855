/** The staff star-mark operations: artwork of a certificate, and the signing keys (admin). */
import { mayReadCertificate } from '../../shared/access';
import { requireRole } from '../../shared/lifecycle/guards';
import type { Actor } from '../../shared/model';
import type { SigningKeyRecord } from '../../shared/star-mark';
import { certificateHtml } from '../documents/certificate';
import { deliverQueuedNotices } from '../notify/queue';
import { claimedOnce } from '../service/claimed';
import type { Deps } from '../service/deps';
import {
  certificatesAwaitingArtwork,
  continueMarkReissues,
  REQUEST_BUDGET,
  recordArtworkDownload,
  startMarkReissue,
} from '../service/mark-reissue';
import { starMarkArtworkPng, starMarkArtworkSvg } from '../signing/artwork/artwork';
import { starMarksOf } from '../signing/star-marks';
import { readableCertificate } from './staff-certificates';
import type { StaffOperations } from './tables';

/** What staff see of a key: never more than the JWKS shows, plus the internal dates and reason. */
const keyView = ({ publicJwk: _jwk, ...rest }: SigningKeyRecord) => rest;

/**
 * After a change of keys, the marks a revoked key signed are re-signed for a few seconds; the sweep carries on with
 * any left (and with those that had to wait for a rotation because no key signed).
 */
async function reissueMarks(deps: Deps, actor: Actor) {
  const report = await continueMarkReissues(deps, actor, REQUEST_BUDGET);
  if (deps.notifier) await deliverQueuedNotices(deps, deps.notifier);
  return {
    reissued: report.reissued.length,
    finished: report.unfinished.length === 0,
    waitingForKey: report.waitingForKey,
  };
}

const download = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"` });

export const staffStarMarkOperations = {
  starMarkSvg: async ({ actor, params }, deps) => {
    const certificate = await readableCertificate(actor, params.number, deps);
    const text = await starMarkArtworkSvg(deps, certificate);
    await recordArtworkDownload(deps, actor, certificate);
    return {
      status: 200,
      raw: { contentType: 'image/svg+xml; charset=utf-8', text },
      headers: download(`${certificate.number}-star-mark.svg`),
    };
  },
  starMarkPng: async ({ actor, params }, deps) => {
    const certificate = await readableCertificate(actor, params.number, deps);
    const png = await starMarkArtworkPng(deps, certificate);
    await recordArtworkDownload(deps, actor, certificate);
    return {
      status: 200,
      raw: { contentType: 'image/png', text: png.toString('base64'), base64: true },
      headers: download(`${certificate.number}-star-mark.png`),
    };
  },
  certificatePage: async ({ actor, params }, deps) => {
    const certificate = await readableCertificate(actor, params.number, deps);
    return {
      status: 200,
      raw: { contentType: 'text/html; charset=utf-8', text: await certificateHtml(deps, certificate) },
    };
  },
  // Staff see every certificate waiting for new artwork; a holder sees its own.
  marksAwaitingArtwork: async ({ actor }, deps) => {
    const items = (await certificatesAwaitingArtwork(deps)).filter((c) => mayReadCertificate(actor, c));
    return { status: 200, body: { items } };
  },
  listSigningKeys: async ({ actor }, deps) => {
    requireRole(actor, 'admin');
    const { ring } = starMarksOf(deps);
    return { status: 200, body: { rotation: ring.rotation, items: (await ring.records()).map(keyView) } };
  },
  // Key changes happen in the key ring, outside the store's transactions: the Idempotency-Key is claimed before
  // anything is done, so requests retried (or sent five times at once) under one key change the ring once.
  rotateSigningKey: async ({ actor, idempotency }, deps) => {
    requireRole(actor, 'admin');
    const { ring } = starMarksOf(deps);
    return claimedOnce(deps, idempotency, async () => {
      const record = await ring.rotate(deps.clock(), actor);
      return { status: 200, body: { ...keyView(record), reissue: await reissueMarks(deps, actor) } };
    });
  },
  revokeSigningKey: async ({ actor, params: { kid }, body: { reason }, idempotency }, deps) => {
    requireRole(actor, 'admin');
    const { ring } = starMarksOf(deps);
    return claimedOnce(deps, idempotency, async () => {
      const record = await ring.revoke(kid, reason, deps.clock(), actor);
      // Honest revocation: every live certificate whose mark this key signed gets a mark the current key signs.
      await startMarkReissue(deps, kid, record.revokedAt ?? deps.clock().toISOString());
      return { status: 200, body: { ...keyView(record), reissue: await reissueMarks(deps, actor) } };
    });
  },
} satisfies Partial<StaffOperations>;
