/**
 * National-platform reporting (全国认证认可信息公共服务平台): what is due with its deadline (overdue first to the
 * eye), the open batch with its CSV and XLSX files, and — for an administrator — opening a batch and marking it
 * reported. Kinds and statuses are named by shared/national-report, as the files name them.
 */
import { hasRole } from '../../../../shared/access';
import type { ReportBatch } from '../../../../shared/national-report/batch';
import { NATIONAL_STATUS_NAMES, REPORT_KIND_NAMES } from '../../../../shared/national-report/report-item';
import { h, hl, replaceChildren } from '../../common/dom';
import { formatDate, formatInstant } from '../../common/format';
import type { AnswerOf } from '../../common/typed-api';
import { apiGet, apiPost, download, newIdempotencyKey } from '../client';
import type { ConsoleContext } from '../context';
import { fill, L } from '../messages';
import { badge, bi, busy, field, loading, problemBox } from '../ui';

type Queue = AnswerOf<'/v1/staff/national-reports', 'get'>;
type QueueItem = Queue['items'][number];

const R = L.report;

function itemRow(item: QueueItem): HTMLElement {
  return h(
    'tr',
    { 'data-item': item.id, 'data-kind': item.kind, class: item.overdue ? 'overdue' : undefined },
    h('td', null, h('a', { href: `#/certificate/${encodeURIComponent(item.number)}` }, item.number)),
    h('td', null, item.holder.name),
    h('td', null, ...bi(REPORT_KIND_NAMES[item.kind])),
    h('td', null, ...bi(NATIONAL_STATUS_NAMES[item.nationalStatus])),
    h('td', null, formatDate(item.date)),
    h('td', null, formatDate(item.deadline), ' ', item.overdue ? badge(R.overdue, 'bad') : null),
    h('td', null, item.batchId ?? '—'),
  );
}

function itemTable(items: QueueItem[]): HTMLElement {
  if (items.length === 0) return h('p', { class: 'muted', 'data-empty': '' }, ...bi(R.nothingDue));
  const head = [R.number, R.holder, R.kind, R.status, R.eventDate, R.deadline, R.batch];
  return h(
    'table',
    { class: 'table report-items' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        head.map((label) => h('th', { scope: 'col' }, ...bi(label))),
      ),
    ),
    h('tbody', null, items.map(itemRow)),
  );
}

function openBatchCard(ctx: ConsoleContext, batch: ReportBatch, reload: () => void): HTMLElement {
  const message = h('div', { class: 'form-message' });
  const at = { params: { batchId: batch.id } };
  const file = (ext: 'csv' | 'xlsx', label: typeof R.csv) => {
    const button: HTMLButtonElement = hl(
      'button',
      { type: 'button', class: 'button', 'data-download': ext },
      {
        click: () =>
          void busy(button, card, () =>
            ext === 'csv'
              ? download('/v1/staff/national-reports/batches/{batchId}/report.csv', `${batch.id}.csv`, at)
              : download('/v1/staff/national-reports/batches/{batchId}/report.xlsx', `${batch.id}.xlsx`, at),
          ).then((r) => replaceChildren(message, r.kind === 'ok' ? null : problemBox(r))),
      },
      ...bi(label),
    );
    return h('li', null, button);
  };
  const reference = h('input', { name: 'platformReference', maxlength: 100, autocomplete: 'off' });
  const key = newIdempotencyKey();
  const markButton: HTMLButtonElement = h('button', { type: 'submit', class: 'button primary' }, ...bi(R.markReported));
  const form = hl(
    'form',
    { class: 'stack', 'data-form': 'mark-reported' },
    {
      submit: (event) => {
        event.preventDefault();
        const value = (reference as HTMLInputElement).value.trim();
        void busy(markButton, card, () =>
          apiPost(
            '/v1/staff/national-reports/batches/{batchId}/reported',
            value ? { platformReference: value } : {},
            key,
            {
              params: { batchId: batch.id },
            },
          ),
        ).then((r) => {
          if (r.kind !== 'ok') return replaceChildren(message, problemBox(r));
          ctx.notify(fill(R.reported, { id: batch.id }));
          reload();
        });
      },
    },
    field(R.reference, reference as HTMLInputElement, bi(R.referenceHint)),
    markButton,
  );
  const card = h(
    'section',
    { class: 'card', 'data-open-batch': batch.id, 'aria-labelledby': 'open-batch-title' },
    h('h2', { id: 'open-batch-title' }, ...bi(fill(R.openBatch, { id: batch.id }))),
    h(
      'p',
      { class: 'muted' },
      ...bi(fill(R.openedBy, { at: formatInstant(batch.openedAt), by: batch.openedBy, n: batch.itemIds.length })),
    ),
    h('ul', { class: 'inline-list' }, file('csv', R.csv), file('xlsx', R.xlsx)),
    hasRole(ctx.user, 'admin') ? form : null,
    message,
  );
  return card;
}

function openControl(ctx: ConsoleContext, queue: Queue, reload: () => void): HTMLElement | null {
  if (!hasRole(ctx.user, 'admin') || queue.openBatch || queue.items.length === 0) return null;
  const message = h('div', { class: 'form-message' });
  const key = newIdempotencyKey();
  const button: HTMLButtonElement = hl(
    'button',
    { type: 'button', class: 'button primary', 'data-action': 'open-batch' },
    {
      click: () =>
        void busy(button, region, () => apiPost('/v1/staff/national-reports/batches', {}, key)).then((r) => {
          if (r.kind !== 'ok') return replaceChildren(message, problemBox(r));
          ctx.notify(fill(R.opened, { id: r.body.id }));
          reload();
        }),
    },
    ...bi(R.open),
  );
  const region = h('div', { class: 'toolbar' }, button, message);
  return region;
}

function batchList(queue: Queue): HTMLElement | null {
  if (queue.batches.length === 0) return null;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'batches-title' },
    h('h2', { id: 'batches-title' }, ...bi(R.batches)),
    h(
      'ul',
      { class: 'rows' },
      queue.batches.map((b) =>
        h(
          'li',
          { class: 'row', 'data-batch': b.id },
          h('span', { class: 'row-title' }, b.id),
          h('span', { class: 'row-meta' }, formatInstant(b.openedAt), ' · ', ...bi(fill(R.itemCount, { n: b.items }))),
          badge(b.state === 'reported' ? R.stateReported : R.stateOpen, b.state === 'reported' ? 'good' : 'warn'),
        ),
      ),
    ),
  );
}

export async function nationalReportView(ctx: ConsoleContext, main: HTMLElement): Promise<void> {
  const title = h('h1', null, ...bi(L.nationalReport));
  replaceChildren(main, title, loading());
  const res = await apiGet('/v1/staff/national-reports');
  if (res.kind !== 'ok') return replaceChildren(main, title, problemBox(res));
  const queue = res.body;
  const reload = () => void nationalReportView(ctx, main);
  replaceChildren(
    main,
    title,
    h('p', { class: 'muted' }, ...bi(fill(R.intro, { days: queue.deadlineDays }))),
    h(
      'p',
      { class: 'summary', role: 'status' },
      ...bi(fill(R.summary, { n: queue.items.length, overdue: queue.overdue, today: formatDate(queue.today) })),
    ),
    queue.openBatch ? openBatchCard(ctx, queue.openBatch, reload) : null,
    openControl(ctx, queue, reload),
    itemTable(queue.items),
    batchList(queue),
  );
}
