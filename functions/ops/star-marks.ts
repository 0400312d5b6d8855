/** Operations of the star-marks concern, by the op names of its routes: parse → call the signing module → respond. */
import { requireRole } from '../../shared/lifecycle/guards';
import type { SigningKeyRecord } from '../../shared/star-mark';
import { CERTIFICATE_CSS } from '../../shared/star-mark/artwork/certificate-css';
import {
  revokeSigningKeySchema,
  rotateSigningKeySchema,
  signingKeyPathSchema,
  verificationRequestSchema,
} from '../../shared/star-mark/schemas';
import { certificateHtml } from '../documents/certificate';
import type { Operation } from '../http/dispatch';
import { parseInput } from '../http/parse';
import { execute } from '../service/plan';
import { starMarkArtworkPng, starMarkArtworkSvg } from '../signing/artwork/artwork';
import { starMarksOf } from '../signing/star-marks';
import { publishedJwks, verify } from '../signing/verification';
import { idempotencyOf } from './staff-applications';
import { readableCertificate } from './staff-certificates';

/** What staff see of a key: never more than the JWKS shows, plus the internal dates and reason. */
const keyView = ({ publicJwk: _jwk, ...rest }: SigningKeyRecord) => rest;

const download = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"` });

export const publicStarMarkOperations: Record<string, Operation> = {
  verify: async (req, deps) => ({
    status: 200,
    body: await verify(deps, parseInput(verificationRequestSchema, req.body, 'body')),
  }),
  jwks: async (_req, deps) => ({ status: 200, body: await publishedJwks(deps) }),
  certificateStylesheet: async () => ({
    status: 200,
    raw: { contentType: 'text/css; charset=utf-8', text: CERTIFICATE_CSS },
  }),
};

export const staffStarMarkOperations: Record<string, Operation> = {
  starMarkSvg: async (req, deps) => {
    const certificate = await readableCertificate(req, deps);
    const text = await starMarkArtworkSvg(deps, certificate);
    return {
      status: 200,
      raw: { contentType: 'image/svg+xml; charset=utf-8', text },
      headers: download(`${certificate.number}-star-mark.svg`),
    };
  },
  starMarkPng: async (req, deps) => {
    const certificate = await readableCertificate(req, deps);
    const png = await starMarkArtworkPng(deps, certificate);
    return {
      status: 200,
      raw: { contentType: 'image/png', text: png.toString('base64'), base64: true },
      headers: download(`${certificate.number}-star-mark.png`),
    };
  },
  certificatePage: async (req, deps) => {
    const certificate = await readableCertificate(req, deps);
    return {
      status: 200,
      raw: { contentType: 'text/html; charset=utf-8', text: await certificateHtml(deps, certificate) },
    };
  },
  listSigningKeys: async (req, deps) => {
    requireRole(req.actor!, 'admin');
    const { ring } = starMarksOf(deps);
    return { status: 200, body: { rotation: ring.rotation, items: (await ring.records()).map(keyView) } };
  },
  // Key changes happen in the key ring, not in the plan's writes; execute() still records the answer under the
  // Idempotency-Key, so a retried request replays it instead of rotating (or revoking) a second time.
  rotateSigningKey: async (req, deps) => {
    requireRole(req.actor!, 'admin');
    parseInput(rotateSigningKeySchema, req.body, 'body');
    const { ring } = starMarksOf(deps);
    return execute(
      deps,
      async () => ({
        writes: [],
        outcome: { status: 200, body: keyView(await ring.rotate(deps.clock(), req.actor!)) },
      }),
      idempotencyOf(req),
    );
  },
  revokeSigningKey: async (req, deps) => {
    requireRole(req.actor!, 'admin');
    const { kid } = parseInput(signingKeyPathSchema, req.params, 'path');
    const { reason } = parseInput(revokeSigningKeySchema, req.body, 'body');
    const { ring } = starMarksOf(deps);
    return execute(
      deps,
      async () => ({
        writes: [],
        outcome: { status: 200, body: keyView(await ring.revoke(kid, reason, deps.clock(), req.actor!)) },
      }),
      idempotencyOf(req),
    );
  },
};
