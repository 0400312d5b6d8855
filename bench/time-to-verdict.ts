/**
 * Time to verdict for `/v#<token>` in Debian's Chromium with the CPU throttled 4× (a low-end phone), four ways in
 * each round: the verify page online with a warm service worker; the same page offline (the browser really offline:
 * `navigator.onLine` false, test/support/chromium.ts); on a dead network (up, but every request hangs:
 * bench/dead-network.ts); and the floor — a bare page that only verifies the same token with jose against the same
 * key set (bench/verdict-floor). The time is the page's own clock from the navigation's start to the moment a final
 * verdict (anything but "checking") is in the DOM, taken by a MutationObserver the bench adds to every page, so all
 * pages are timed by the same code. Goal: offline within 1.5× the floor. The service worker runs in a thread of its
 * own that the emulation does not throttle.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startLocalSystem } from '../functions/local/system';
import { launchChromium } from '../test/support/chromium';
import { ensureWebBuilt } from '../test/support/web-build';
import { type BarePage, serveBarePage } from './bare-page';
import { type DeadNetwork, deadNetworkRelay } from './dead-network';
import { issueOne } from './public-read';
import { type BenchRow, ms, ratio, verdict } from './table';

export const VERDICT_GOAL_RATIO = 1.5;
const CPU_SLOWDOWN = 4;
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

/** Opens `url` in a new page of `context` (online or not, as the context is), throttled, and times its verdict. */
export async function timeVerdict(context: BrowserContext, url: string): Promise<Timed> {
  const page: Page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
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

/** A phone context that opened `origin`'s `/` online once: its service worker holds page, keys and snapshot. */
export async function warmPhone(browser: Browser, origin: string): Promise<BrowserContext> {
  const context = await timedPhone(browser);
  const home = await context.newPage();
  await home.goto(`${origin}/`);
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
  const browser = await launchChromium();
  let floor: BarePage | undefined;
  let relay: DeadNetwork | undefined;
  try {
    const { token } = await issueOne(system);
    if (!token) throw new Error('the issued certificate has no star-mark token');
    const jwks = await (await fetch(`${system.url}/.well-known/jwks.json`)).json();
    floor = await floorServer(jwks);
    // The phone reaches the system through the relay only, so that its network can die under it.
    relay = await deadNetworkRelay(system.url);
    const phone = await warmPhone(browser, relay.url);
    const bare = await timedPhone(browser);
    const mark = `${relay.url}/v#${token}`;
    const runs = { online: [] as Timed[], offline: [] as Timed[], dead: [] as Timed[], floor: [] as Timed[] };
    // Round 0 warms every path (the mark view online once, the floor's script into the cache) and is not counted.
    for (let round = 0; round <= options.rounds; round++) {
      const online = await timeVerdict(phone, mark);
      await phone.setOffline(true);
      const offline = await timeVerdict(phone, mark);
      await phone.setOffline(false);
      relay.dead();
      const dead = await timeVerdict(phone, mark);
      relay.alive();
      const bareRun = await timeVerdict(bare, `${floor.url}#${token}`);
      if (!round) continue;
      runs.online.push(online);
      runs.offline.push(offline);
      runs.dead.push(dead);
      runs.floor.push(bareRun);
    }
    const kinds = (list: Timed[]) => [...new Set(list.map((r) => r.kind))].join(', ');
    const believedOnline = runs.offline.filter((r) => r.online).length;
    const allValid = Object.values(runs).every((list) => list.every((r) => r.kind === 'valid'));
    const floorMs = median(runs.floor.map((r) => r.ms));
    // Each round's own ratio, then their median: a round compares like with like on a busy machine.
    const perRound = (list: Timed[]) => median(list.map((r, i) => r.ms / runs.floor[i]!.ms));
    const spread = (list: Timed[]) =>
      `${ms(Math.min(...list.map((r) => r.ms)))}–${ms(Math.max(...list.map((r) => r.ms)))}`;
    const noteOf = (list: Timed[]) =>
      `median of ${options.rounds} rounds (range ${spread(list)}); verdicts: ${kinds(list)}`;
    const timedRow = (measure: string, list: Timed[], note = noteOf(list)): BenchRow => ({
      area,
      measure,
      figure: `${ms(median(list.map((r) => r.ms)))} (${ratio(perRound(list))} the floor)`,
      verdict: 'info',
      note,
    });
    const area = 'time to verdict';
    const offlineRatio = perRound(runs.offline);
    const reallyOffline = believedOnline === 0;
    return [
      {
        area,
        measure: `floor: bare page, jose compactVerify of the same token and key set, CPU ${CPU_SLOWDOWN}× slower`,
        figure: ms(floorMs),
        verdict: 'info',
        note: noteOf(runs.floor),
      },
      timedRow(`/v#<token> online, warm service worker, CPU ${CPU_SLOWDOWN}× slower (live status in)`, runs.online),
      timedRow(
        `/v#<token> offline (navigator.onLine false), CPU ${CPU_SLOWDOWN}× slower ("valid as of" the snapshot)`,
        runs.offline,
        `${noteOf(runs.offline)}; navigator.onLine false in ${runs.offline.length - believedOnline} of ${runs.offline.length}`,
      ),
      timedRow(
        `/v#<token> on a dead network (requests hang), CPU ${CPU_SLOWDOWN}× slower`,
        runs.dead,
        `${noteOf(runs.dead)}; the worker waits 3 s for the network, the page 3 s for the live record`,
      ),
      {
        area,
        measure: 'offline verdict ÷ floor',
        figure: ratio(offlineRatio),
        goal: `≤ ${VERDICT_GOAL_RATIO}×`,
        verdict: allValid && reallyOffline ? verdict(offlineRatio <= VERDICT_GOAL_RATIO) : 'missed',
        note: !allValid
          ? 'a run did not reach the valid verdict'
          : !reallyOffline
            ? 'the page believed itself online in an offline run: the figure is not an offline one'
            : 'from navigation start to the verdict in the DOM, by the page clock; the service worker is not throttled',
      },
    ];
  } finally {
    floor?.close();
    relay?.close();
    await browser.close().catch(() => undefined);
    await system.stop();
  }
}
