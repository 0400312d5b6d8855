/** An applicant's initial application: the organization, its credit code, the scope, and since when its system runs. */
import { creditCodeProblem } from '../../../../shared/credit-code';
import { h, replaceChildren } from '../../common/dom';
import { apiPost, newIdempotencyKey } from '../client';
import type { ConsoleContext } from '../context';
import { L } from '../messages';
import { bi, biHint, busy, field, problemBox } from '../ui';

export async function newApplicationView(ctx: ConsoleContext, main: HTMLElement): Promise<void> {
  const name = h('input', {
    name: 'name',
    'data-path': 'body.organization.name',
    required: true,
    maxlength: 200,
    autocomplete: 'organization',
  });
  const nameEn = h('input', { name: 'nameEn', 'data-path': 'body.organization.nameEn', maxlength: 200, lang: 'en' });
  const creditCode = h('input', {
    name: 'creditCode',
    'data-path': 'body.organization.creditCode',
    required: true,
    maxlength: 18,
    autocapitalize: 'characters',
    spellcheck: false,
    class: 'mono',
  });
  const scope = h('textarea', { name: 'scope', 'data-path': 'body.scope', required: true, rows: 2, maxlength: 500 });
  const operatingSince = h('input', {
    name: 'operatingSince',
    'data-path': 'body.operatingSince',
    type: 'date',
    required: true,
  });
  const manual = h('input', {
    name: 'manual',
    'data-path': 'body.documents',
    maxlength: 200,
    placeholder: L.apply.manualExample.zh,
  });
  const message = h('div', { class: 'form-message' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, ...bi(L.submit));
  creditCode.addEventListener('change', () => {
    const problem = creditCode.value ? creditCodeProblem(creditCode.value.trim()) : null;
    creditCode.setCustomValidity(problem ?? '');
    creditCode.setAttribute('aria-invalid', String(Boolean(problem)));
    replaceChildren(message, problem ? h('p', { class: 'problem', role: 'alert' }, problem) : null);
  });
  const form = h(
    'form',
    { class: 'card action-form', novalidate: true, 'aria-labelledby': 'new-title' },
    h('h1', { id: 'new-title' }, ...bi(L.apply.title)),
    field(L.apply.name, name),
    field(L.apply.nameEn, nameEn),
    field(L.apply.creditCode, creditCode, biHint(L.apply.creditCodeHint)),
    field(L.apply.scope, scope),
    field(L.apply.operatingSince, operatingSince, biHint(L.apply.operatingSinceHint)),
    field(L.apply.manual, manual),
    message,
    h('div', { class: 'form-buttons' }, submit),
  );
  let key = newIdempotencyKey();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {
      organization: {
        name: name.value.trim(),
        ...(nameEn.value.trim() ? { nameEn: nameEn.value.trim() } : {}),
        creditCode: creditCode.value.trim(),
      },
      scope: scope.value.trim(),
      operatingSince: operatingSince.value,
      documents: manual.value.trim() ? [{ name: manual.value.trim(), kind: 'manual' as const }] : [],
    };
    void busy(submit, form, () => apiPost('/v1/staff/applications', body, key)).then((res) => {
      if (res.kind === 'ok') {
        ctx.notify(L.apply.submitted);
        location.hash = `#/case/${res.body.id}`;
        return;
      }
      if (res.kind === 'problem') key = newIdempotencyKey();
      replaceChildren(message, problemBox(res, form));
    });
  });
  replaceChildren(main, form);
}
