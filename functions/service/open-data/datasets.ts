/**
 * The datasets of the daily open-data export, in manifest order. A new dataset (say, monthly counts) is one more
 * `tableDataset(name, columns, rows)` here: the export writes its CSV and JSON Lines and lists them in the manifest.
 */
import { CERTIFICATE_STATUSES, type Certificate } from '../../../shared/model';
import { REGISTER_COLUMNS, REPORT_FIGURE_COLUMNS } from '../../../shared/open-data';
import { publicRecord } from '../../../shared/public-record';
import type { Deps } from '../deps';
import { reportFigures } from '../report-figures';
import { type OpenDataset, tableDataset } from './dataset';

/** Every certificate, by the expiry index of each status (never a scan), in number order. */
async function everyCertificate(deps: Deps): Promise<Certificate[]> {
  const all: Certificate[] = [];
  for (const status of CERTIFICATE_STATUSES) {
    let cursor: string | undefined;
    do {
      const page = await deps.store.listCertificatesExpiring(status, '0000-01-01', '9999-12-31', cursor, 1000);
      all.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
  }
  return all.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

export const OPEN_DATASETS: readonly OpenDataset[] = [
  tableDataset('register', REGISTER_COLUMNS, async (deps, now) =>
    (await everyCertificate(deps)).map((c) => publicRecord(c, now)),
  ),
  tableDataset('counterfeit-reports', REPORT_FIGURE_COLUMNS, async (deps) => (await reportFigures(deps)).months),
];
