/**
 * Time to verdict for `/v#<token>` in Debian's Chromium with the CPU throttled 4× (a low-end phone), three ways in
 * each round: the verify page online with a warm service worker, the same page offline, and the floor — a bare page
 * that only verifies the same token with jose against the same key set (bench/verdict-floor). The time is the page's
 * own clock from the navigation's start to the moment a final verdict (anything but "checking") is in the DOM, taken
 * by a MutationObserver the bench adds to every page, so both pages are timed by the same code. Goal: offline within
 * 1.5× the floor. The service worker runs in a thread of its own that the emulation does not throttle.
 */
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type LocalSystem, startLocalSystem } from '../functions/local/system';
import { ensureWebBuilt } from '../test/support/web-build';
import { type BarePage, serveBarePage } from './bare-page';
import { issueOne } from './public-read';
import { type BenchRow, ms, ratio, verdict } from './table';

export const VERDICT_GOAL_RATIO = 1.5;
const CPU_SLOWDOWN = 4;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PHONE = { viewport: { width: 360, height: 740 }, locale: 'zh-CN', deviceScaleFactor: 2, isMobile: true };

/** Runs in every page before its own scripts: notes when the verdict region first holds a final verdict. */
const TIMER = `(() => {
  const note = () => {
    const kind = document.querySelector('#verdict [data-verdict]')?.getAttribute('data-verdict');
    if (kind && kind !== 'checking' && !window.__verdict)
      window.__verdict = { kind, at: performance.now(), online: navigator.onLine };
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/** The floor page, its script bundled with the key set written in. */
export function floorServer(jwks: unknown): Promise<BarePage> {
  return serveBarePage({
    entry: fileURLToPath(new URL('./verdict-floor/floor.ts', import.meta.url)),
    define: { __JWKS__: JSON.stringify(jwks) },
    body: '<div id="verdict"><output data-verdict="checking"></output></div>',
  });
}

export interface Timed {
  kind: string;
  ms: number;
  /** What the page itself believed of the network (navigator.onLine) when it reached its verdict. */
  online: boolean;
}

/** Opens `url` in a new page of `context`, throttled (and offline, if asked), and times its verdict. */
export async function timeVerdict(context: BrowserContext, url: string, offline = false): Promise<Timed> {
  const page: Page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // The context's offline switch may miss the renderer a navigation starts: the page is told directly too.
    if (offline)
      await cdp.send('Network.emulateNetworkConditions', {
        offline: true,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    await page.goto(url);
    const handle = await page.waitForFunction(() => (window as { __verdict?: Timed & { at: number } }).__verdict, {
      polling: 100,
      timeout: 60_000,
    });
    const { kind, at, online } = (await handle.jsonValue()) as { kind: string; at: number; online: boolean };
    return { kind, ms: at, online };
  } finally {
    await page.close();
  }
}

/** A fresh phone context whose pages note the moment of their verdict. */
export async function timedPhone(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(TIMER);
  return context;
}

/** A phone context that opened `/` online once: its service worker holds the page, keys and status snapshot. */
export async function warmPhone(browser: Browser, system: LocalSystem): Promise<BrowserContext> {
  const context = await timedPhone(browser);
  const home = await context.newPage();
  await home.goto(`${system.url}/`);
  await home.waitForFunction(
    async () => {
      if (!navigator.serviceWorker.controller) return false;
      const wanted = ['/jwks.json', '/v1/status-snapshot', '/certification-body.json', '/index.html'];
      return (await Promise.all(wanted.map((u) => caches.match(u)))).every(Boolean);
    },
    undefined,
    { polling: 200, timeout: 30_000 },
  );
  await home.close();
  return context;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function timeToVerdictRows(options: { rounds: number }): Promise<BenchRow[]> {
  const dist = await ensureWebBuilt();
  const system = await startLocalSystem({ port: 0, webRoot: dist, anonymousRatePerSecond: null });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  let floor: BarePage | undefined;
  try {
    const { token } = await issueOne(system);
    if (!token) throw new Error('the issued certificate has no star-mark token');
    const jwks = await (await fetch(`${system.url}/.well-known/jwks.json`)).json();
    floor = await floorServer(jwks);
    const phone = await warmPhone(browser, system);
    const bare = await timedPhone(browser);
    const mark = `${system.url}/v#${token}`;
    const runs = { online: [] as Timed[], offline: [] as Timed[], floor: [] as Timed[] };
    // Round 0 warms every path (the mark view online once, the floor's script into the cache) and is not counted.
    for (let round = 0; round <= options.rounds; round++) {
      const online = await timeVerdict(phone, mark);
      await phone.setOffline(true);
      const offline = await timeVerdict(phone, mark, true);
      await phone.setOffline(false);
      const bareRun = await timeVerdict(bare, `${floor.url}#${token}`);
      if (!round) continue;
      runs.online.push(online);
      runs.offline.push(offline);
      runs.floor.push(bareRun);
    }
    const kinds = (list: Timed[]) => [...new Set(list.map((r) => r.kind))].join(', ');
    // Chromium may leave navigator.onLine true in a renderer it starts for an offline navigation: the page then
    // takes its online path and its requests fail at once. Said, so the figure is read for what it is.
    const believedOnline = runs.offline.filter((r) => r.online).length;
    const allValid = Object.values(runs).every((list) => list.every((r) => r.kind === 'valid'));
    const floorMs = median(runs.floor.map((r) => r.ms));
    const offlineMs = median(runs.offline.map((r) => r.ms));
    const onlineMs = median(runs.online.map((r) => r.ms));
    // Each round's own ratio, then their median: a round compares like with like on a busy machine.
    const perRound = (list: Timed[]) => median(list.map((r, i) => r.ms / runs.floor[i]!.ms));
    const spread = (list: Timed[]) =>
      `${ms(Math.min(...list.map((r) => r.ms)))}–${ms(Math.max(...list.map((r) => r.ms)))}`;
    const noteOf = (list: Timed[]) =>
      `median of ${options.rounds} rounds (range ${spread(list)}); verdicts: ${kinds(list)}`;
    const area = 'time to verdict';
    const offlineRatio = perRound(runs.offline);
    return [
      {
        area,
        measure: `floor: bare page, jose compactVerify of the same token and key set, CPU ${CPU_SLOWDOWN}× slower`,
        figure: ms(floorMs),
        verdict: 'info',
        note: noteOf(runs.floor),
      },
      {
        area,
        measure: `/v#<token> online, warm service worker, CPU ${CPU_SLOWDOWN}× slower (live status in)`,
        figure: `${ms(onlineMs)} (${ratio(perRound(runs.online))} the floor)`,
        verdict: 'info',
        note: noteOf(runs.online),
      },
      {
        area,
        measure: `/v#<token> offline, CPU ${CPU_SLOWDOWN}× slower ("valid as of" the snapshot)`,
        figure: ms(offlineMs),
        verdict: 'info',
        note: `${noteOf(runs.offline)}; navigator.onLine true in ${believedOnline} of ${runs.offline.length} (requests failing at once)`,
      },
      {
        area,
        measure: 'offline verdict ÷ floor',
        figure: ratio(offlineRatio),
        goal: `≤ ${VERDICT_GOAL_RATIO}×`,
        verdict: allValid ? verdict(offlineRatio <= VERDICT_GOAL_RATIO) : 'missed',
        note: allValid
          ? 'from navigation start to the verdict in the DOM, by the page clock; the service worker is not throttled'
          : 'a run did not reach the valid verdict',
      },
    ];
  } finally {
    floor?.close();
    await browser.close().catch(() => undefined);
    await system.stop();
  }
}
