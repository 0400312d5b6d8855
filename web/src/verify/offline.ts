/**
 * Offline after the first visit: a service worker (/sw.js, built from web/src/service-worker/sw.ts) keeps the page,
 * its scripts and styles, and the last key set, so a star mark scanned with no signal still has its signature
 * checked. The keys themselves are also kept in localStorage by keys.ts, which works even where service workers are
 * disabled.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // no offline support in this browser profile; the page works online as before
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
