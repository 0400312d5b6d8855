/**
 * Service worker of the public verification page: it makes the page work offline after the first visit, so a
 * star mark's signature can be checked with no signal at all. It precaches exactly the files the build made for
 * the page (its asset manifest, written into this file by web/build.ts), in a cache named after the build, and
 * deletes every older build's cache once it takes over. Only the verify page's own files are handled — the
 * console, the API and everything else go to the network untouched. Live certificate status (/v1/…) is never
 * cached: a status shown must be today's. The one exception is the signed status snapshot, which says when it was
 * made: the latest one seen is kept, so that a verdict offline can say "valid as of <its time>".
 *
 *   navigations to the verify page (/, /v, /c/…)   network first (3 s), then the cached page
 *   the page's /assets/… (content-hashed names)    cache first: a name changes whenever its content does
 *   manifest, icons, key sets, status snapshot,   network first (3 s), then the cache
 *   certification body
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

/** This build's own content-hashed files: a name changes whenever its content does. */
const isHashed = (url: URL) => url.pathname.startsWith('/assets/') && PRECACHE.has(url.pathname);
const isShellFile = (url: URL) => PRECACHE.has(url.pathname) || OPTIONAL.includes(url.pathname);

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

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate') {
    if (isPagePath(url.pathname, 'verify')) event.respondWith(networkFirst(request, PAGE));
    return;
  }
  if (isHashed(url)) event.respondWith(cacheFirst(request));
  else if (isShellFile(url)) event.respondWith(networkFirst(request, url.pathname));
});
