/**
 * The daily open-data export: each dataset (datasets.ts) written as CSV and JSON Lines under the public
 * `open-data/` prefix, at a stable path and in the day's own folder, then the manifest of every file (rows, bytes,
 * SHA-256) as JSON and as a JWS signed by the status key. The manifest goes last and names the day's copies, so a
 * reader who fetched it mid-export still finds the files it describes. Running it again the same day replaces the
 * day's files with the register as it is then.
 */
import { createHash } from 'node:crypto';
import { chinaDate } from '../../../shared/calendar';
import { DomainError } from '../../../shared/errors';
import { compactJws } from '../../../shared/jws';
import {
  manifestSigningInput,
  OPEN_DATA_FORMATS,
  OPEN_DATA_MANIFEST_JWS_PATH,
  OPEN_DATA_MANIFEST_PATH,
  OPEN_DATA_MANIFEST_VERSION,
  OPEN_DATA_PREFIX,
  type OpenDataFile,
  type OpenDataFormat,
  type OpenDataManifest,
} from '../../../shared/open-data';
import type { Deps } from '../deps';
import type { OpenDataset } from './dataset';
import { OPEN_DATASETS } from './datasets';

export const OPEN_DATA_LICENCE = 'CC-BY-4.0';
const STABLE_CACHE = 'public, max-age=300';
const DAY_CACHE = 'public, max-age=86400';

export interface OpenDataReport {
  date: string;
  manifest: OpenDataManifest;
}

export async function exportOpenData(
  deps: Deps,
  datasets: readonly OpenDataset[] = OPEN_DATASETS,
): Promise<OpenDataReport> {
  const { objects, statusKeys } = deps;
  if (!objects || !statusKeys)
    throw new DomainError('SIGNING_KEY_UNAVAILABLE', 'the open-data export needs the object store and a status key');
  const now = deps.clock();
  const date = chinaDate(now);
  const files: OpenDataFile[] = [];
  for (const dataset of datasets) {
    const rendered = await dataset.render(deps, now);
    for (const format of Object.keys(OPEN_DATA_FORMATS) as OpenDataFormat[]) {
      const body = new TextEncoder().encode(rendered.files[format]);
      const file: OpenDataFile = {
        dataset: dataset.name,
        format,
        path: `${OPEN_DATA_PREFIX}${dataset.name}.${format}`,
        archivePath: `${OPEN_DATA_PREFIX}${date}/${dataset.name}.${format}`,
        contentType: OPEN_DATA_FORMATS[format],
        rows: rendered.rows,
        bytes: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
      };
      await objects.put(file.archivePath, body, { contentType: file.contentType, cacheControl: DAY_CACHE });
      await objects.put(file.path, body, { contentType: file.contentType, cacheControl: STABLE_CACHE });
      files.push(file);
    }
  }
  const body = deps.config.certificationBody;
  const manifest: OpenDataManifest = {
    v: OPEN_DATA_MANIFEST_VERSION,
    generatedAt: now.toISOString(),
    date,
    publisher: { name: body.name, approvalNumber: body.approvalNumber },
    licence: OPEN_DATA_LICENCE,
    files,
  };
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  const signer = await statusKeys.signer();
  const input = manifestSigningInput(json, signer.kid);
  const jws = compactJws(input, await signer.sign(new TextEncoder().encode(input)));
  const put = (path: string, text: string, contentType: string) =>
    objects.put(path, text, { contentType, cacheControl: STABLE_CACHE });
  await put(`${OPEN_DATA_PREFIX}${date}/manifest.json`, json, 'application/json');
  await put(`${OPEN_DATA_PREFIX}${date}/manifest.jws`, jws, 'application/jose');
  await put(OPEN_DATA_MANIFEST_PATH, json, 'application/json');
  await put(OPEN_DATA_MANIFEST_JWS_PATH, jws, 'application/jose');
  return { date, manifest };
}
