/** The staff star-mark operations: artwork of a certificate, and the signing keys (admin). */
import { requireRole } from '../../shared/lifecycle/guards';
import type { SigningKeyRecord } from '../../shared/star-mark';
import { certificateHtml } from '../documents/certificate';
import { claimedOnce } from '../service/claimed';
import { starMarkArtworkPng, starMarkArtworkSvg } from '../signing/artwork/artwork';
import { starMarksOf } from '../signing/star-marks';
import { readableCertificate } from './staff-certificates';
import type { StaffOperations } from './tables';

/** What staff see of a key: never more than the JWKS shows, plus the internal dates and reason. */
const keyView = ({ publicJwk: _jwk, ...rest }: SigningKeyRecord) => rest;

const download = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"` });

export const staffStarMarkOperations = {
  starMarkSvg: async ({ actor, params }, deps) => {
    const certificate = await readableCertificate(actor, params.number, deps);
    const text = await starMarkArtworkSvg(deps, certificate);
    return {
      status: 200,
      raw: { contentType: 'image/svg+xml; charset=utf-8', text },
      headers: download(`${certificate.number}-star-mark.svg`),
    };
  },
  starMarkPng: async ({ actor, params }, deps) => {
    const certificate = await readableCertificate(actor, params.number, deps);
    const png = await starMarkArtworkPng(deps, certificate);
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
    return claimedOnce(deps, idempotency, async () => ({
      status: 200,
      body: keyView(await ring.rotate(deps.clock(), actor)),
    }));
  },
  revokeSigningKey: async ({ actor, params: { kid }, body: { reason }, idempotency }, deps) => {
    requireRole(actor, 'admin');
    const { ring } = starMarksOf(deps);
    return claimedOnce(deps, idempotency, async () => ({
      status: 200,
      body: keyView(await ring.revoke(kid, reason, deps.clock(), actor)),
    }));
  },
} satisfies Partial<StaffOperations>;
