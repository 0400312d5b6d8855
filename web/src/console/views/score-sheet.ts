/**
 * The GB/T 27922 score sheet as a form, built from the scheme table itself (shared/scheme: dimensions, indicators,
 * points, what is examined), never restated here. Each indicator takes points (one decimal, up to its maximum), may
 * be marked not applicable (删减), and carries evidence notes; the total and level update live through scoreTotal.
 */
import {
  CURRENT_SCHEME_VERSION,
  type IndicatorDef,
  SCHEME,
  type ScoreSheet,
  scoreTotal,
  validateScoreSheet,
} from '../../../../shared/scheme';
import { h, hl, replaceChildren } from '../../common/dom';
import type { Msg } from '../../common/i18n';
import { fill, L, levelMsg } from '../messages';
import { bi, biText, nextId } from '../ui';

interface IndicatorInputs {
  def: IndicatorDef;
  score: HTMLInputElement;
  excluded: HTMLInputElement;
  note: HTMLTextAreaElement;
}

export interface ScoreSheetForm {
  element: HTMLElement;
  /** The sheet as filled in (possibly incomplete: the server validates it again). */
  sheet(): ScoreSheet;
}

function indicatorRow(def: IndicatorDef, inputs: IndicatorInputs[]): HTMLElement {
  const id = nextId(`score-${def.code}`);
  const score = h('input', {
    id,
    name: def.code,
    type: 'number',
    inputmode: 'decimal',
    min: 0,
    max: def.points,
    step: 0.1,
    class: 'score-input',
    'aria-describedby': `${id}-examined`,
  });
  const excluded = h('input', { type: 'checkbox', name: `${def.code}-excluded`, id: `${id}-excluded` });
  const note = h('textarea', {
    id: `${id}-note`,
    name: `${def.code}-note`,
    rows: 2,
    maxlength: 2000,
    class: 'note-input',
  });
  excluded.addEventListener('change', () => {
    score.disabled = excluded.checked;
    if (excluded.checked) score.value = '';
  });
  inputs.push({ def, score, excluded, note });
  return h(
    'div',
    { class: 'indicator', 'data-code': def.code },
    h(
      'label',
      { for: id, class: 'indicator-name' },
      h('b', null, def.code),
      ' ',
      ...bi({ zh: def.zh, en: def.en }),
      ' ',
      h('span', { class: 'points' }, `（${def.points} ${biText(L.sheet.points)}）`),
    ),
    h('p', { class: 'hint', id: `${id}-examined` }, def.examined.zh, ' / ', h('span', { lang: 'en' }, def.examined.en)),
    h(
      'div',
      { class: 'indicator-inputs' },
      score,
      h('label', { class: 'check', for: excluded.id }, excluded, ...bi(L.sheet.notApplicable)),
    ),
    h('label', { for: note.id, class: 'small muted' }, ...bi(L.sheet.evidence)),
    note,
  );
}

function reasonList(label: Msg, name: string, onChange: () => void): { element: HTMLElement; reasons(): string[] } {
  const list = h('ol', { class: 'reasons' });
  const add = hl('button', { type: 'button', class: 'button' }, { click: () => addRow() }, '+ ', ...bi(label));
  const addRow = () => {
    const input = h('input', { type: 'text', name, maxlength: 2000, 'aria-label': biText(label) });
    const row = h(
      'li',
      null,
      input,
      hl(
        'button',
        { type: 'button', class: 'link-button', 'aria-label': biText(L.remove) },
        {
          click: () => {
            row.remove();
            onChange();
          },
        },
        '×',
      ),
    );
    list.append(row);
    input.focus();
    onChange();
  };
  const reasons = () => Array.from(list.querySelectorAll('input'), (i) => i.value.trim()).filter(Boolean);
  return { element: h('div', { class: 'reason-list' }, list, add), reasons };
}

export function scoreSheetForm(): ScoreSheetForm {
  const inputs: IndicatorInputs[] = [];
  const total = h('output', { class: 'sheet-total', 'aria-live': 'polite' });
  const recompute = () => update();
  const deductions = reasonList(L.sheet.specialDeduction, 'special-deduction', recompute);
  const bonusOn = h('input', { type: 'checkbox', name: 'bonus', id: nextId('bonus') });
  const bonusReason = h('input', {
    type: 'text',
    name: 'bonus-reason',
    maxlength: 2000,
    'aria-label': biText(L.sheet.bonusReason),
  });

  const dimensions = SCHEME.dimensions.map((d) =>
    h(
      'fieldset',
      { class: 'dimension' },
      h(
        'legend',
        null,
        h('b', null, d.code),
        ' ',
        ...bi({ zh: d.zh, en: d.en }),
        ` · ${d.points} ${biText(L.sheet.points)}`,
      ),
      SCHEME.indicators.filter((i) => i.dimension === d.code).map((def) => indicatorRow(def, inputs)),
    ),
  );

  const sheet = (): ScoreSheet => ({
    schemeVersion: CURRENT_SCHEME_VERSION,
    indicators: inputs.map(({ def, score, excluded, note }) => ({
      code: def.code,
      ...(excluded.checked ? { excluded: true } : score.value !== '' ? { score: Number(score.value) } : {}),
      ...(note.value.trim() ? { note: note.value.trim() } : {}),
    })),
    specialDeductions: deductions.reasons().map((reason) => ({ reason })),
    bonus: bonusOn.checked && bonusReason.value.trim() ? { reason: bonusReason.value.trim() } : null,
  });

  function update() {
    const current = sheet();
    const issues = validateScoreSheet(current);
    for (const [i, { score }] of inputs.entries()) {
      const bad = issues.some((issue) => issue.path === `indicators.${i}.score`);
      score.setAttribute('aria-invalid', String(bad));
    }
    if (issues.length) {
      const missing = issues.filter((i) => i.code === 'INDICATOR_MISSING').length;
      const wrong = issues.length - missing;
      replaceChildren(total, ...bi(fill(L.sheet.incomplete, { missing, wrong })));
      total.className = 'sheet-total incomplete';
      return;
    }
    const result = scoreTotal(current);
    replaceChildren(
      total,
      ...bi(L.sheet.total),
      ' ',
      h('strong', { class: 'total-value' }, result.total.toFixed(1)),
      ' · ',
      ...bi(levelMsg(result.level)),
    );
    total.className = `sheet-total ${result.passed ? 'passed' : 'failed'}`;
  }

  const element = h(
    'fieldset',
    { class: 'score-sheet' },
    h('legend', null, ...bi(L.sheet.title), ` (${SCHEME.version})`),
    dimensions,
    h(
      'fieldset',
      { class: 'dimension' },
      h('legend', null, ...bi(L.sheet.deductionsAndBonus)),
      deductions.element,
      h(
        'div',
        { class: 'bonus' },
        h('label', { class: 'check', for: bonusOn.id }, bonusOn, ...bi(L.sheet.bonus)),
        bonusReason,
      ),
    ),
    h('div', { class: 'sheet-total-bar' }, total),
  );
  element.addEventListener('input', recompute);
  element.addEventListener('change', recompute);
  update();
  return { element, sheet };
}

/** A recorded sheet, read only: what each indicator scored, with its notes. */
export function scoreSheetTable(sheet: ScoreSheet): HTMLElement {
  const entries = new Map(sheet.indicators.map((e) => [e.code, e]));
  return h(
    'table',
    { class: 'sheet-table' },
    h('caption', null, ...bi(L.sheet.scores)),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, ...bi(L.sheet.indicator)),
        h('th', { scope: 'col' }, ...bi(L.sheet.score)),
        h('th', { scope: 'col' }, ...bi(L.sheet.evidenceColumn)),
      ),
    ),
    h(
      'tbody',
      null,
      SCHEME.indicators.map((def) => {
        const e = entries.get(def.code);
        return h(
          'tr',
          null,
          h('th', { scope: 'row' }, `${def.code} ${def.zh}`),
          h('td', null, e?.excluded ? biText(L.sheet.excludedShort) : `${e?.score ?? '—'} / ${def.points}`),
          h('td', null, e?.note ?? ''),
        );
      }),
    ),
  );
}
