/** A dataset of the open-data export: its name (its files' names) and its rows rendered in each format. */
import type { OpenDataFormat } from '../../../shared/open-data';
import { type Columns, toCsv, toJsonLines } from '../../../shared/tabular/table';
import type { Deps } from '../deps';

export interface OpenDataset {
  name: string;
  render(deps: Deps, now: Date): Promise<{ rows: number; files: Record<OpenDataFormat, string> }>;
}

/** A dataset that is a table: its columns (shared/tabular) and how to read its rows. */
export function tableDataset<Row>(
  name: string,
  columns: Columns<Row>,
  rows: (deps: Deps, now: Date) => Promise<readonly Row[]>,
): OpenDataset {
  return {
    name,
    render: async (deps, now) => {
      const all = await rows(deps, now);
      return { rows: all.length, files: { csv: toCsv(columns, all), jsonl: toJsonLines(columns, all) } };
    },
  };
}
