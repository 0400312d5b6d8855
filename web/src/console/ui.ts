/**
 * Small building blocks shared by the console's views: bilingual text, badges, labelled fields, a busy state for long
 * actions, and the display of an API problem with its own zh/en title. All text goes in as text nodes.
 */
import { fieldMessage } from '../../../shared/field-issues';
import type { ApiOutcome, Problem } from '../common/api';
import { type Child, h, replaceChildren } from '../common/dom';
import { clearFieldProblems, showFieldProblems } from '../common/field-problems';
import type { Msg } from '../common/i18n';
import { fill, L } from './messages';

/** Chinese first, English beside it, each marked with its language for screen readers. */
export function bi(msg: Msg): Child[] {
  return [h('span', { lang: 'zh-CN' }, msg.zh), ' ', h('span', { class: 'en', lang: 'en' }, msg.en)];
}

/** One string for attributes (aria-label, title) where markup cannot go. */
export const biText = (msg: Msg) => `${msg.zh} ${msg.en}`;

/** A hint in one string: Chinese · English. */
export const biHint = (msg: Msg) => `${msg.zh} · ${msg.en}`;

export function badge(msg: Msg, tone: 'good' | 'warn' | 'bad' | 'info' | 'plain' = 'plain'): HTMLElement {
  return h('span', { class: ['badge', `badge-${tone}`] }, ...bi(msg));
}

let ids = 0;
export const nextId = (prefix: string) => `${prefix}-${++ids}`;

/** A control with its visible label (and an optional hint tied to it by aria-describedby). */
export function field(
  label: Msg,
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  hint?: Child,
): HTMLElement {
  control.id ||= nextId('f');
  const hintEl = hint ? h('span', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, ...bi(label)), control, hintEl);
}

/** Disables the button and marks the region busy with a spinner while `work` runs: long actions show progress. */
export async function busy<T>(button: HTMLButtonElement, region: HTMLElement, work: () => Promise<T>): Promise<T> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  region.setAttribute('aria-busy', 'true');
  const spinner = h('span', { class: 'spinner', 'aria-hidden': 'true' });
  button.prepend(spinner);
  try {
    return await work();
  } finally {
    spinner.remove();
    button.disabled = false;
    button.removeAttribute('aria-busy');
    region.removeAttribute('aria-busy');
  }
}

let onProblem: () => void = () => {};
/** The shell's hook: a refusal shown takes away the confirmation of an earlier step. */
export function whenProblemShown(listener: () => void): void {
  onProblem = listener;
}

/**
 * A refusal as a person reads it: the problem's own zh/en title, and each field problem in the catalogue's words.
 * Given the form, the field problems stand beside their fields (the values stay as typed) and the box keeps only
 * the title and what has no field. The server's detail and messages are for developers and never shown.
 */
export function problemBox(outcome: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>, form?: HTMLElement): HTMLElement {
  onProblem();
  if (form) clearFieldProblems(form);
  if (outcome.kind === 'network')
    return h('div', { class: 'problem', role: 'alert' }, h('p', { class: 'problem-title' }, ...bi(L.network)));
  const problem: Problem = outcome.problem;
  const issues = problem.errors ?? [];
  const unplaced = form ? showFieldProblems(form, issues, (m) => bi(m)) : issues;
  const title: Msg =
    issues.length && !unplaced.length
      ? L.checkFields
      : problem.title_zh && problem.title_en
        ? { zh: problem.title_zh, en: problem.title_en }
        : fill(L.requestFailed, { status: problem.status });
  return h(
    'div',
    { class: 'problem', role: 'alert', 'data-code': problem.code },
    h('p', { class: 'problem-title' }, ...bi(title)),
    unplaced.length
      ? h(
          'ul',
          { class: 'problem-fields' },
          unplaced.map((e) => h('li', { 'data-field-code': e.code }, ...bi(fieldMessage(e)))),
        )
      : null,
  );
}

/** Shows a message in a region (replacing what was there); `null` clears it. */
export function show(region: HTMLElement, content: Child): void {
  replaceChildren(region, content);
}

export function loading(): HTMLElement {
  return h(
    'p',
    { class: 'muted', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    ...bi(L.loading),
  );
}

export function definitionList(rows: [Msg, Child][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    rows.map(([term, value]) => [h('dt', null, ...bi(term)), h('dd', null, value ?? '—')]),
  );
}
