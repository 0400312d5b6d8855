/**
 * Importing certificates from another registry (an administrator's page): a CSV or XLSX file is checked by the
 * API's dry run, the same checks as `npm run import` (shared/legacy-import), and the report shows the rows accepted
 * and each refused row with its column and reason in both languages; confirming imports the accepted rows of exactly
 * that file (its SHA-256 goes back with it) and leaves the refused ones. The layout and limits are the shared ones.
 */
import { hasRole } from '../../../../shared/access';
import { CONSOLE_IMPORT_LIMITS, IMPORT_COLUMNS } from '../../../../shared/legacy-import';
import type { ImportReportAnswer } from '../../../../shared/legacy-import/schemas';
import { h, hl, replaceChildren } from '../../common/dom';
import type { Msg } from '../../common/i18n';
import { apiPost, newIdempotencyKey } from '../client';
import type { ConsoleContext } from '../context';
import { fill, L } from '../messages';
import { bi, busy, field, problemBox } from '../ui';
import { sizeText } from './case-upload';

const I = L.legacyImport;

async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const columnMsg = (key: string | null): Msg => {
  const column = IMPORT_COLUMNS.find((c) => c.key === key);
  return column ? { zh: column.zh, en: column.key } : I.wholeFile;
};

function layout(): HTMLElement {
  return h(
    'details',
    { class: 'card import-layout' },
    h('summary', null, ...bi(I.layout)),
    h(
      'ul',
      { class: 'inline-list' },
      IMPORT_COLUMNS.map((c) =>
        h('li', { 'data-column': c.key }, h('code', null, c.key), ' ', c.zh, c.required ? ' *' : ''),
      ),
    ),
    h('p', { class: 'muted' }, ...bi(I.required)),
  );
}

function problemList(report: ImportReportAnswer): HTMLElement | null {
  if (report.problems.length === 0) return null;
  return h(
    'section',
    { 'aria-labelledby': 'refused-title' },
    h('h3', { id: 'refused-title' }, ...bi(fill(I.refusedTitle, { n: refusedRows(report) }))),
    h(
      'ul',
      { class: 'rows', 'data-problems': '' },
      report.problems.map((p) =>
        h(
          'li',
          { class: 'row', 'data-problem-row': p.row, 'data-column': p.column ?? '', 'data-code': p.code },
          h('span', { class: 'row-title' }, ...bi(fill(I.row, { row: p.row }))),
          h('span', { class: 'row-meta' }, ...bi(columnMsg(p.column))),
          h(
            'span',
            { class: 'row-reason' },
            h('span', { lang: 'zh-CN' }, p.zh),
            ' ',
            h('span', { class: 'en', lang: 'en' }, p.en),
          ),
        ),
      ),
    ),
  );
}

const refusedRows = (report: ImportReportAnswer) => new Set(report.problems.map((p) => p.row)).size;

function numberList(numbers: readonly string[], linked: boolean): HTMLElement {
  return h(
    'ul',
    { class: 'inline-list', 'data-numbers': '' },
    numbers.map((n) =>
      h('li', null, linked ? h('a', { href: `#/certificate/${encodeURIComponent(n)}` }, n) : h('code', null, n)),
    ),
  );
}

function summary(report: ImportReportAnswer): HTMLElement {
  const values = {
    rows: report.rows,
    accepted: report.imported.length,
    already: report.already.length,
    refused: refusedRows(report),
  };
  return h(
    'p',
    { class: 'summary', role: 'status', 'data-summary': '' },
    ...bi(fill(report.dryRun ? I.checked : I.done, values)),
  );
}

/** The dry run's report, and the confirmation of what it accepted. */
function dryRunReport(ctx: ConsoleContext, report: ImportReportAnswer, file: string, region: HTMLElement) {
  const message = h('div', { class: 'form-message' });
  const key = newIdempotencyKey();
  const confirm: HTMLButtonElement = hl(
    'button',
    { type: 'button', class: 'button primary', 'data-action': 'confirm-import' },
    {
      click: () =>
        void busy(confirm, card, () =>
          apiPost('/v1/staff/legacy-imports', { file, fileSha256: report.fileSha256 }, key),
        ).then((r) => {
          if (r.kind !== 'ok') return replaceChildren(message, problemBox(r));
          ctx.notify(fill(I.imported, { n: r.body.imported.length }));
          replaceChildren(region, importedReport(r.body));
        }),
    },
    ...bi(fill(I.confirm, { n: report.imported.length })),
  );
  const card = h(
    'section',
    { class: 'card', 'data-import-report': 'dry-run', 'aria-labelledby': 'report-title' },
    h('h2', { id: 'report-title' }, ...bi(I.reportTitle)),
    summary(report),
    h('p', { class: 'muted' }, 'SHA-256 ', h('code', null, report.fileSha256)),
    problemList(report),
    report.imported.length
      ? [
          h('h3', null, ...bi(fill(I.acceptedTitle, { n: report.imported.length }))),
          numberList(report.imported, false),
          report.problems.length ? h('p', { class: 'warning' }, ...bi(I.refusedLeft)) : null,
          h('div', { class: 'toolbar' }, confirm),
        ]
      : h('p', { class: 'muted', 'data-nothing': '' }, ...bi(I.nothingToImport)),
    message,
  );
  return card;
}

function importedReport(report: ImportReportAnswer): HTMLElement {
  return h(
    'section',
    { class: 'card', 'data-import-report': 'imported', 'aria-labelledby': 'imported-title' },
    h('h2', { id: 'imported-title' }, ...bi(I.importedTitle)),
    summary(report),
    report.imported.length ? numberList(report.imported, true) : null,
    problemList(report),
  );
}

export async function legacyImportView(ctx: ConsoleContext, main: HTMLElement): Promise<void> {
  const title = h('h1', null, ...bi(L.legacyImportTitle));
  if (!hasRole(ctx.user, 'admin')) return replaceChildren(main, title, h('p', { class: 'muted' }, ...bi(I.adminOnly)));
  const { maxFileBytes, maxRows } = CONSOLE_IMPORT_LIMITS;
  const limits = fill(I.limits, { size: sizeText(maxFileBytes), rows: maxRows });
  const input = h('input', {
    type: 'file',
    name: 'file',
    required: true,
    accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }) as HTMLInputElement;
  const message = h('div', { class: 'form-message' });
  const result = h('div', { 'data-import-result': '' });
  const check = h('button', { type: 'submit', class: 'button primary' }, ...bi(I.check)) as HTMLButtonElement;
  const form = hl(
    'form',
    { class: 'stack card', 'data-form': 'legacy-import', novalidate: true },
    {
      submit: (event) => {
        event.preventDefault();
        const chosen = input.files?.[0];
        replaceChildren(result);
        if (!chosen) return replaceChildren(message, h('p', { class: 'problem', role: 'alert' }, ...bi(I.choose)));
        // The API would refuse it: say so before the bytes travel.
        if (chosen.size > maxFileBytes)
          return replaceChildren(
            message,
            h('p', { class: 'problem', role: 'alert', 'data-code': 'IMPORT_OVER_CONSOLE_LIMIT' }, ...bi(limits)),
          );
        replaceChildren(message);
        void busy(check, form, async () => {
          const file = await base64Of(chosen);
          const r = await apiPost('/v1/staff/legacy-imports/dry-runs', { file }, newIdempotencyKey());
          if (r.kind !== 'ok') return replaceChildren(message, problemBox(r));
          replaceChildren(result, dryRunReport(ctx, r.body, file, result));
        });
      },
    },
    field(I.file, input, bi(I.fileHint)),
    check,
    message,
  );
  replaceChildren(
    main,
    title,
    h('p', { class: 'muted' }, ...bi(I.intro)),
    h('p', { class: 'muted', 'data-limits': '' }, ...bi(limits)),
    layout(),
    form,
    result,
  );
}
