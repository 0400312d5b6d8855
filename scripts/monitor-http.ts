/**
 * The monitor's source over HTTP: the log files under `<base>/log/` and the public records at
 * `<base>/v1/certificates/{number}`, exactly as anyone fetches them. A file or record that is not there (404, or
 * the 403 a bucket behind a CDN answers for a missing object) is absent; any other failure stops the run.
 */
import type { MonitoredRecord, MonitorSource } from '../shared/transparency-log/monitor';

export function httpMonitorSource(baseUrl: string, get: typeof fetch = fetch): MonitorSource {
  const base = baseUrl.replace(/\/+$/, '');
  const fetched = async (path: string): Promise<Response | undefined> => {
    const res = await get(`${base}${path}`);
    if (res.status === 404 || res.status === 403) return undefined;
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return res;
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
