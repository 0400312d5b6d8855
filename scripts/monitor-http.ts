/**
 * The monitor's source over HTTP: the log files under `<base>/log/` and the public records at
 * `<base>/v1/certificates/{number}`, exactly as anyone fetches them. A file or record that is not there (404, or
 * the 403 a bucket behind a CDN answers for a missing object) is absent; any other failure stops the run.
 * The public API limits each client's rate (429 with Retry-After) and may shed load (503): the monitor waits as
 * told and asks again, so a registry of any size can be checked anonymously, only more slowly; an API key (its
 * header as the API defines it) raises the limit.
 */
import { API_KEY_HEADER } from '../shared/api-keys';
import type { MonitoredRecord, MonitorSource } from '../shared/transparency-log/monitor';

export interface HttpMonitorOptions {
  /** A procurement API key, sent with every record request. */
  apiKey?: string;
  /** How many times one request is asked again after a 429 or 503. */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The longest wait a Retry-After may ask for before the monitor gives up on it. */
const LONGEST_WAIT_MS = 60_000;

/** Retry-After as seconds (RFC 9110 §10.2.3; an HTTP date is read too), else one second. */
export function retryDelayMs(header: string | null, now = Date.now()): number {
  if (header === null) return 1000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), LONGEST_WAIT_MS) : 1000;
}

export function httpMonitorSource(
  baseUrl: string,
  get: typeof fetch = fetch,
  options: HttpMonitorOptions = {},
): MonitorSource {
  const base = baseUrl.replace(/\/+$/, '');
  const retries = options.retries ?? 8;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const headers: Record<string, string> = options.apiKey ? { [API_KEY_HEADER]: options.apiKey } : {};
  const fetched = async (path: string): Promise<Response | undefined> => {
    for (let attempt = 0; ; attempt++) {
      const res = await get(`${base}${path}`, { headers });
      if (res.status === 404 || res.status === 403) return undefined;
      if ((res.status === 429 || res.status === 503) && attempt < retries) {
        await res.body?.cancel();
        await sleep(retryDelayMs(res.headers.get('retry-after')));
        continue;
      }
      if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
      return res;
    }
  };
  return {
    logFile: async (path) => {
      const res = await fetched(`/log/${path}`);
      return res ? new Uint8Array(await res.arrayBuffer()) : undefined;
    },
    records: async (numbers) => {
      const found = new Map<string, MonitoredRecord>();
      for (const number of numbers) {
        const res = await fetched(`/v1/certificates/${encodeURIComponent(number)}`);
        if (!res) continue;
        const record = await res.json();
        found.set(number, { record, ...(record.log ? { latestEntry: record.log.index } : {}) });
      }
      return found;
    },
  };
}
