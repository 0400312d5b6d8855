/*
 * Service worker of the public verification page: it makes the page work offline after the first visit, so a
 * star mark's signature can be checked with no signal at all. Only the verify page's own files are handled —
 * the console, the API and everything else go to the network untouched. Live certificate status (/v1/…) is never
 * cached: a status shown must be today's.
 *
 *   navigations to /, /v, /c/…       network first (3 s), then the cached page
 *   /assets/index.js, /verify.css,   network first (3 s), then the cache
 *   manifest, icons, key sets
 *   /assets/chunks/*-<hash>.js       cache first (the name changes when the content does)
 */
const CACHE = 'starmark-verify-v1';
const PAGE = '/index.html';
const SHELL = [PAGE, '/verify.css', '/assets/index.js', '/manifest.webmanifest', '/icon.svg'];
const OPTIONAL = ['/icon-192.png', '/icon-512.png', '/jwks.json', '/.well-known/jwks.json'];
const NETWORK_TIMEOUT_MS = 3000;

function isPageNavigation(url) {
  return (
    url.pathname === '/' ||
    url.pathname === '/index.html' ||
    url.pathname === '/v' ||
    url.pathname === '/v/' ||
    url.pathname.startsWith('/c/')
  );
}

function isShellFile(url) {
  return SHELL.includes(url.pathname) || OPTIONAL.includes(url.pathname);
}

function isHashedChunk(url) {
  return url.pathname.startsWith('/assets/chunks/');
}

/**
 * Caches a script and every script it imports (static and lazy), so the scanner works offline too. All are fetched
 * before any is stored: a half-stored graph would load offline and then fail on its first missing chunk.
 */
async function cacheScriptGraph(cache, start) {
  const fetched = new Map();
  const queue = [start];
  while (queue.length) {
    const url = queue.shift();
    if (fetched.has(url)) continue;
    const res = await fetch(url, { cache: 'no-cache' });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    fetched.set(url, res.clone());
    const text = await res.text();
    for (const m of text.matchAll(/["'](\.{1,2}\/[\w./-]+?\.js)["']/g)) {
      const next = new URL(m[1], new URL(url, self.location.origin)).pathname;
      if (next.startsWith('/assets/')) queue.push(next);
    }
  }
  await Promise.all([...fetched].map(([url, res]) => cache.put(url, res)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(
        [...SHELL.filter((p) => !p.endsWith('.js')), ...OPTIONAL].map(async (path) => {
          try {
            const res = await fetch(path, { cache: 'no-cache' });
            if (res.ok) await cache.put(path, res);
          } catch {
            // optional, or the network dropped: it is cached on first use instead
          }
        }),
      );
      await cacheScriptGraph(cache, '/assets/index.js');
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('starmark-verify-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function networkFirst(request, cacheKey) {
  const cache = await caches.open(CACHE);
  // Known to be offline: answer from the cache at once instead of waiting for the network to fail.
  if (self.navigator && self.navigator.onLine === false) {
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

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (isPageNavigation(url)) event.respondWith(networkFirst(request, PAGE));
    return;
  }
  if (isHashedChunk(url)) event.respondWith(cacheFirst(request));
  else if (isShellFile(url)) event.respondWith(networkFirst(request, url.pathname));
});
