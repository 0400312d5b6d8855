/**
 * The monitor's source inside the deployment: the published log files from the object store the CDN serves them
 * from (never the entries in the table, which the log must be checked against), and each certificate's public
 * record made by the same `publicRecord` the public function answers with, from the certificate items. A table or
 * bucket rewritten behind the log's back is therefore seen as the public would see it.
 */
import { publicRecord } from '../../shared/public-record';
import type { RegistryStore } from '../../shared/store/port';
import type { MonitoredRecord, MonitorSource } from '../../shared/transparency-log/monitor';
import type { LogObjects } from './objects';

export function registryMonitorSource(store: RegistryStore, objects: LogObjects, now: Date): MonitorSource {
  return {
    logFile: (path) => objects.get(path),
    records: async (numbers) => {
      const found = new Map<string, MonitoredRecord>();
      for (const [number, certificate] of await store.getCertificates(numbers)) {
        found.set(number, {
          record: publicRecord(certificate, now),
          ...(certificate.log ? { latestEntry: certificate.log.index } : {}),
        });
      }
      return found;
    },
  };
}
