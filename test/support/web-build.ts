/**
 * Builds web/dist when it is missing or older than its sources, once, even when several test files (in parallel
 * workers) ask at the same time: a lock directory serialises the builds, and whoever gets it second finds the build
 * fresh and does nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ASSET_MANIFEST, type AssetManifest, buildWeb } from '../../web/build';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
export const WEB_DIST = join(root, 'web', 'dist');
const LOCK = join(root, 'web', '.build-lock');
const SOURCES = [
  join(root, 'web', 'src'),
  join(root, 'web', 'public'),
  join(root, 'web', 'build.ts'),
  join(root, 'shared'),
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when web/dist is missing or any page source, public file, the build script or a shared module is newer. */
function webBuildIsStale(): boolean {
  const marker = join(WEB_DIST, 'index.html');
  if (!existsSync(marker) || !existsSync(join(WEB_DIST, 'assets'))) return true;
  const built = statSync(marker).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

export async function ensureWebBuilt(options: { force?: boolean } = {}): Promise<string> {
  if (!options.force && !webBuildIsStale()) return WEB_DIST;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Someone else is building. A lock older than two minutes belongs to a crashed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 120_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another web build');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (options.force || webBuildIsStale()) await buildWeb();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return WEB_DIST;
}

/** What the last build made, page by page (web/dist/asset-manifest.json). */
export function assetManifest(dist = WEB_DIST): AssetManifest {
  return JSON.parse(readFileSync(join(dist, ASSET_MANIFEST), 'utf8')) as AssetManifest;
}
