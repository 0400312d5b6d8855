/** Paste or upload a list, see one table of verdicts, download it as CSV (built here, in the browser). */
import { h, hl, replaceChildren } from '../common/dom';
import { formatInstant } from '../common/format';
import { t } from '../common/i18n';
import { checkEntries } from './bulk-check';
import { type BulkEntry, MAX_ENTRIES, readEntries } from './bulk-input';
import { toCsv } from './csv';
import { readFile } from './file-input';
import { M } from './messages';
import { errorText, pageBulkApi } from './page-api';
import { receiptButton } from './receipt-button';
import { type BulkRow, COLUMNS, type Column, isAcceptable } from './rows';

/** Kept across a language switch, which redraws the page. */
const state: { text: string; rows: BulkRow[] | null; note: () => string } = { text: '', rows: null, note: () => '' };

function download(rows: readonly BulkRow[]): void {
  const csv = toCsv(
    COLUMNS.map((c) => t(c.title)),
    rows.map((r) => COLUMNS.map((c) => c.text(r))),
  );
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  // Named by the Beijing time of the check, as the table states it.
  const at = new Date(rows.find((r) => r.checkedAt)?.checkedAt ?? Date.now());
  const stamp = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-:]/g, '');
  const link = h('a', { href: url, download: `starmark-check-${stamp}.csv`, class: 'visually-hidden' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function table(rows: readonly BulkRow[]): HTMLElement {
  // Each cell names its column (data-label), which a phone shows beside it when the table stacks into cards.
  const cell = (row: BulkRow, column: Column) => {
    const text = column.text(row);
    const label = t(column.title);
    if (column.key === 'verdict')
      return h(
        'td',
        { 'data-label': label, 'data-key': column.key },
        h('span', { class: ['badge', isAcceptable(row) ? 'badge-valid' : 'badge-attention'] }, text),
      );
    const mono = column.key === 'number' || column.key === 'creditCode';
    return h('td', { class: [mono && 'mono', !text && 'empty'], 'data-label': label, 'data-key': column.key }, text);
  };
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'bulk-results', class: 'results-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          COLUMNS.map((c) => h('th', { scope: 'col' }, t(c.title))),
          h('th', { scope: 'col' }, t(M.receipt)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((row) =>
          h(
            'tr',
            { 'data-verdict': row.verdict, 'data-row': row.row },
            COLUMNS.map((c) => cell(row, c)),
            h(
              'td',
              { class: row.number ? 'receipt-cell' : 'empty', 'data-label': t(M.receipt) },
              row.number ? receiptButton(row.number) : '',
            ),
          ),
        ),
      ),
    ),
  );
}

export function bulkSection(): HTMLElement {
  const input = h('textarea', { id: 'bulk-input', class: 'input textarea', rows: '8', spellcheck: 'false' });
  input.value = state.text;
  const file = h('input', {
    id: 'bulk-file',
    type: 'file',
    accept: '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    class: 'file',
  });
  const status = h('p', { class: 'bulk-status', role: 'status', 'aria-live': 'polite' }, state.note());
  const results = h('div', { class: 'bulk-results' });
  const downloadButton = hl(
    'button',
    { id: 'bulk-download', type: 'button', class: 'button', hidden: !state.rows },
    { click: () => state.rows && download(state.rows) },
    t(M.download),
  );

  const show = () => {
    replaceChildren(results, state.rows ? table(state.rows) : null);
    downloadButton.hidden = !state.rows;
    status.textContent = state.note();
  };

  const check = async (read: { entries: BulkEntry[]; truncated: boolean } = readEntries(input.value)) => {
    state.text = input.value;
    const { entries, truncated } = read;
    if (!entries.length) {
      status.textContent = t(M.bulkEmpty);
      return;
    }
    status.textContent = t(M.bulkChecking, { n: entries.length });
    try {
      state.rows = await checkEntries(entries, pageBulkApi);
      const valid = state.rows.filter(isAcceptable).length;
      const at = state.rows.find((r) => r.checkedAt)?.checkedAt;
      const total = state.rows.length;
      state.note = () =>
        [
          t(M.bulkSummary, { total, valid, other: total - valid, at: at ? formatInstant(at) : '—' }),
          truncated ? t(M.bulkTruncated, { n: MAX_ENTRIES }) : '',
        ].join(' ');
    } catch (error) {
      state.rows = null;
      state.note = () => errorText(error);
    }
    show();
  };

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    file.value = '';
    try {
      const read = await readFile(chosen);
      // A text file is shown as read (GBK decoded), so the officer sees the names as they were meant.
      input.value = read.text ?? '';
      await check(read);
    } catch {
      status.textContent = t(M.bulkUnreadable);
    }
  });
  show();
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'bulk-title' },
    h('h2', { id: 'bulk-title' }, t(M.bulkTitle)),
    h('p', { class: 'muted' }, t(M.bulkIntro)),
    h('label', { for: 'bulk-input', class: 'label' }, t(M.bulkLabel)),
    input,
    h(
      'div',
      { class: 'controls' },
      hl(
        'button',
        { id: 'bulk-check', type: 'button', class: 'button button-primary' },
        { click: () => void check() },
        t(M.bulkCheck),
      ),
      h('label', { for: 'bulk-file', class: 'button' }, t(M.bulkFile)),
      file,
      downloadButton,
    ),
    status,
    results,
  );
}
