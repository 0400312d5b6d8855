/**
 * The monthly figures of counterfeit reports as open data: one row per Beijing calendar month, the counts alone —
 * the same numbers as the verify page's about section, and nothing of any report.
 */
import type { MonthlyReportFigures } from '../complaints/figures';
import type { Columns } from '../tabular/table';

export const REPORT_FIGURE_COLUMNS: Columns<MonthlyReportFigures> = [
  { key: 'month', title: { zh: '月份（北京时间）', en: 'Month (Beijing)' }, value: (r) => r.month },
  {
    key: 'reports_received',
    title: { zh: '收到的假冒举报数', en: 'Counterfeit reports received' },
    value: (r) => r.received,
  },
  {
    key: 'reports_handled',
    title: { zh: '办结的假冒举报数', en: 'Counterfeit reports handled' },
    value: (r) => r.handled,
  },
];
