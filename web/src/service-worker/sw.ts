/**
 * Service worker of the public verification page: it makes the page work offline after the first visit, so a
 * star mark's signature can be checked with no signal at all. It precaches exactly the files the build made for
 * the page (its asset manifest, written into this file by web/build.ts), in a cache named after the build, and
 * deletes every older build's cache once it takes over. Only the verify page's own files are handled — the
 * console, the API and everything else go to the network untouched. Live certificate status (/v1/…) is never
 * cached: a status shown must be today's. The one exception is the signed status snapshot, which says when it was
 * made: the latest one seen is kept, so that a verdict offline can say "valid as of <its time>".
 *
 *   navigations to the verify page (/, /v, /c/…)   cache first, the worker revalidated in the background
 *   the build's other files (assets, web manifest)  cache first: they are this build's, fixed with it
 *   icons, key sets, status snapshot,              network first (3 s), then the cache
 *   certification body
 *
 * The page itself is never stale in a way that matters: its HTML is one of the build's files, and the build's id
 * is a digest of them all, so a different page is a different build and comes with a different /sw.js. Revalidating
 * the shell is therefore asking for the worker again (registration.update()): a new build installs beside this
 * one, precaches its whole shell, takes over and serves the next load — the HTML never runs ahead of its scripts.
 */
import { isPagePath, PAGE_FILES } from '../../../shared/pages';
import { BAKED_JWKS_PATH } from '../../../shared/star-mark/jwks';

/** Written by the build: the verify page's files (HTML, styles, every script it may load) and the build's id. */
declare const __PRECACHE__: readonly string[];
declare const __BUILD__: string;

/** The few service-worker types used here (this file compiles with the DOM library, not the WebWorker one). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly registration: { update(): Promise<unknown> };
  readonly navigator: Navigator;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const sw = self as unknown as ServiceWorkerScope;
const CACHE_PREFIX = 'starmark-verify-';
const CACHE = `${CACHE_PREFIX}${__BUILD__}`;
const PAGE = PAGE_FILES.verify;
const PRECACHE = new Set(__PRECACHE__);
/** Cached when present, never required: a deployment may have no baked key set, a browser no need of PNG icons. */
const OPTIONAL = [
  '/icon-192.png',
  '/icon-512.png',
  BAKED_JWKS_PATH,
  '/.well-known/jwks.json',
  '/v1/status-snapshot',
  '/certification-body.json',
];
const NETWORK_TIMEOUT_MS = 3000;

/** This build's own files: fixed for as long as this worker serves (a new build brings a new worker). */
const isBuildFile = (url: URL) => PRECACHE.has(url.pathname);
const isShellFile = (url: URL) => OPTIONAL.includes(url.pathname);
/** The worker is asked for again at most this often: one request in the background, not one per navigation. */
const REVALIDATE_EVERY_MS = 60_000;
let revalidatedAt = 0;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Every file of the build, fetched before any is stored: half a build would load offline and then fail on
      // its first missing chunk. A failure here fails the install, and the previous build keeps serving.
      const fetched = await Promise.all(
        [...PRECACHE].map(async (path) => {
          const res = await fetch(path, { cache: 'no-cache' });
          if (!res.ok) throw new Error(`${path}: ${res.status}`);
          return [path, res] as const;
        }),
      );
      await Promise.all(fetched.map(([path, res]) => cache.put(path, res)));
      await Promise.all(
        OPTIONAL.map(async (path) => {
          try {
            const res = await fetch(path, { cache: 'no-cache' });
            if (res.ok) await cache.put(path, res);
          } catch {
            // optional, or the network dropped: it is cached on first use instead
          }
        }),
      );
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      await sw.clients.claim();
    })(),
  );
});

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function networkFirst(request: Request, cacheKey: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  // Known to be offline: answer from the cache at once instead of waiting for the network to fail.
  if (sw.navigator.onLine === false) {
    const cached = await cache.match(cacheKey);
    if (cached) return cached;
  }
  try {
    const res = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (res.ok) await cache.put(cacheKey, res.clone());
    else if (res.status >= 500) throw new Error(`status ${res.status}`);
    return res;
  } catch (error) {
    const cached = await cache.match(cacheKey);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request: Request, cacheKey: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(cacheKey);
  if (cached) return cached;
  return networkFirst(request, cacheKey);
}

/** A check for a new build (a new /sw.js), off the page's critical path. */
function revalidate(event: ExtendableEvent): void {
  const now = Date.now();
  if (sw.navigator.onLine === false || now - revalidatedAt < REVALIDATE_EVERY_MS) return;
  revalidatedAt = now;
  event.waitUntil(sw.registration.update().catch(() => undefined));
}

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate') {
    if (!isPagePath(url.pathname, 'verify')) return;
    event.respondWith(cacheFirst(request, PAGE));
    revalidate(event);
    return;
  }
  if (isBuildFile(url)) event.respondWith(cacheFirst(request, url.pathname));
  else if (isShellFile(url)) event.respondWith(networkFirst(request, url.pathname));
});
