/**
 * The open-data manifest: what the day's export holds (each file's path, rows, bytes and SHA-256) and when it was
 * made, signed as a compact JWS (ES256) by the registry's status key — the key that already vouches for the
 * register's statuses in the status snapshot — under a `typ` of its own, so that a manifest never passes for a
 * snapshot, a mark or a receipt, nor they for a manifest. Anyone checks it with the published /jwks.json.
 */
import { type JwsKind, signingInputOf } from '../jws';
import type { JwksInput } from '../jws/key-lookup';
import { verifyJws } from '../jws/verify';
import * as z from '../zod';

export const OPEN_DATA_MANIFEST_TYP = 'starmark-open-data+jws';
export const OPEN_DATA_MANIFEST_VERSION = 1;
/** Where the export lives, under the public `open-data/` prefix: the stable paths, and one folder per day. */
export const OPEN_DATA_PREFIX = 'open-data/';
export const OPEN_DATA_MANIFEST_PATH = `${OPEN_DATA_PREFIX}manifest.json`;
export const OPEN_DATA_MANIFEST_JWS_PATH = `${OPEN_DATA_PREFIX}manifest.jws`;

export const OPEN_DATA_FORMATS = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
} as const;
export type OpenDataFormat = keyof typeof OPEN_DATA_FORMATS;

const sha256Hex = z.string().check(z.regex(/^[0-9a-f]{64}$/));

const fileSchema = z.strictObject({
  dataset: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,40}$/)),
  format: z.enum(Object.keys(OPEN_DATA_FORMATS) as [OpenDataFormat, ...OpenDataFormat[]]),
  /** The stable path (replaced each day) and the day's own copy (never replaced), both under open-data/. */
  path: z.string(),
  archivePath: z.string(),
  contentType: z.string(),
  rows: z.number().check(z.int(), z.minimum(0)),
  bytes: z.number().check(z.int(), z.minimum(0)),
  sha256: sha256Hex,
});

export const openDataManifestSchema = z.strictObject({
  v: z.literal(OPEN_DATA_MANIFEST_VERSION),
  /** When the export was made (ISO instant) and the Beijing day it is of. */
  generatedAt: z.string(),
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  publisher: z.strictObject({
    name: z.strictObject({ zh: z.string(), en: z.string() }),
    approvalNumber: z.string(),
  }),
  licence: z.string(),
  files: z.array(fileSchema),
});
export type OpenDataManifest = z.infer<typeof openDataManifestSchema>;
export type OpenDataFile = z.infer<typeof fileSchema>;

/** A manifest lists a handful of files; far past that is refused unread. */
const MAX_MANIFEST_JWS_LENGTH = 256 * 1024;

export const OPEN_DATA_MANIFEST_JWS: JwsKind = {
  name: 'open-data manifest',
  maxLength: MAX_MANIFEST_JWS_LENGTH,
  typ: OPEN_DATA_MANIFEST_TYP,
  purpose: 'status',
  unmarked: false,
};

export function manifestSigningInput(manifestJson: string, kid: string): string {
  return signingInputOf(OPEN_DATA_MANIFEST_JWS, manifestJson, kid);
}

export type ManifestCheck =
  | { ok: true; manifest: OpenDataManifest; kid: string }
  | { ok: false; code: string; reason: string };

/** A manifest is believed only when a status key of the JWKS signed it and it reads as a manifest. */
export async function verifyOpenDataManifest(jws: unknown, jwks: JwksInput): Promise<ManifestCheck> {
  const check = await verifyJws(jws, OPEN_DATA_MANIFEST_JWS, jwks);
  if (!check.ok) return { ok: false, code: check.code, reason: check.reason };
  try {
    const parsed = openDataManifestSchema.safeParse(JSON.parse(new TextDecoder().decode(check.payload)));
    if (parsed.success) return { ok: true, manifest: parsed.data, kid: check.kid };
  } catch {}
  return { ok: false, code: 'MALFORMED', reason: 'the payload is not an open-data manifest' };
}
