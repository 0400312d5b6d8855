/**
 * Where a document asset is: beside the running bundle (the stack copies them there: infra/constructs/
 * starmark-function.ts), else in its installed npm package (tests, the local runtime).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_ASSET_DIR, type RuntimeAsset } from '../../shared/certificate-document/assets';

export function runtimeAssetPath(asset: RuntimeAsset): string {
  const beside = fileURLToPath(new URL(`./${DOCUMENT_ASSET_DIR}/${asset.file}`, import.meta.url));
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve(`${asset.package}/${asset.inPackage}`);
}
