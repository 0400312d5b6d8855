/** An applicant's initial application: the organization, its credit code, the scope, and since when its system runs. */
import { creditCodeProblem } from '../../../../shared/credit-code';
import type { Application } from '../../../../shared/model';
import { h, replaceChildren } from '../../common/dom';
import { apiPost, newIdempotencyKey } from '../client';
import type { ConsoleContext } from '../context';
import { L } from '../labels';
import { bi, busy, field, problemBox } from '../ui';

export async function newApplicationView(ctx: ConsoleContext, main: HTMLElement): Promise<void> {
  const name = h('input', { name: 'name', required: true, maxlength: 200, autocomplete: 'organization' });
  const nameEn = h('input', { name: 'nameEn', maxlength: 200, lang: 'en' });
  const creditCode = h('input', {
    name: 'creditCode',
    required: true,
    maxlength: 18,
    autocapitalize: 'characters',
    spellcheck: false,
    class: 'mono',
  });
  const scope = h('textarea', { name: 'scope', required: true, rows: 2, maxlength: 500 });
  const operatingSince = h('input', { name: 'operatingSince', type: 'date', required: true });
  const manual = h('input', { name: 'manual', maxlength: 200, placeholder: '售后服务手册 V3.2' });
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
    h('h1', { id: 'new-title' }, ...bi({ zh: '认证申请', en: 'Apply for certification' })),
    field({ zh: '组织名称', en: 'Organization name' }, name),
    field({ zh: '英文名称（可选）', en: 'English name (optional)' }, nameEn),
    field(
      { zh: '统一社会信用代码', en: 'Unified social credit code' },
      creditCode,
      '18 位，含校验位 · 18 characters with a check character',
    ),
    field({ zh: '认证范围', en: 'Scope' }, scope),
    field(
      { zh: '售后服务体系运行起始日期', en: 'Service system operating since' },
      operatingSince,
      '须已运行满 3 个月 · at least 3 months before applying',
    ),
    field({ zh: '服务手册名称（可选）', en: 'Service manual (optional)' }, manual),
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
      documents: manual.value.trim() ? [{ name: manual.value.trim(), kind: 'manual' }] : [],
    };
    void busy(submit, form, () => apiPost<Application>('/v1/staff/applications', body, key)).then((res) => {
      if (res.kind === 'ok') {
        ctx.notify({ zh: '申请已提交', en: 'Application submitted' });
        location.hash = `#/case/${res.body.id}`;
        return;
      }
      if (res.kind === 'problem') key = newIdempotencyKey();
      replaceChildren(message, problemBox(res));
    });
  });
  replaceChildren(main, form);
}
