/**
 * The organization behind a case, for staff: one record per 统一社会信用代码 with the applicant accounts that act for
 * it, its cases and its certificates. An admin links or unlinks accounts here, when the shared rule says they may.
 */
import { isStaff } from '../../../../shared/access';
import { mayManageAccounts, type OrganizationRecord } from '../../../../shared/organizations';
import { h, replaceChildren } from '../../common/dom';
import { formatInstant } from '../../common/format';
import { statusLabel } from '../../common/labels';
import { apiGet, apiPost, newIdempotencyKey } from '../client';
import type { ConsoleContext } from '../context';
import { fill, L, stateLabel } from '../messages';
import { badge, bi, busy, field, problemBox } from '../ui';

export function organizationSection(ctx: ConsoleContext, creditCode: string): HTMLElement | null {
  if (!isStaff(ctx.user)) return null;
  const section = h('section', {
    class: 'card organization',
    'aria-labelledby': 'organization-title',
    'data-credit-code': creditCode,
  });
  void render(ctx, section, creditCode);
  return section;
}

async function render(ctx: ConsoleContext, section: HTMLElement, creditCode: string): Promise<void> {
  const title = h('h2', { id: 'organization-title' }, ...bi(L.organization.title));
  const res = await apiGet('/v1/staff/organizations/{creditCode}', { params: { creditCode } });
  if (res.kind !== 'ok') {
    const missing = res.kind === 'problem' && res.status === 404;
    replaceChildren(
      section,
      title,
      missing ? h('p', { class: 'muted' }, ...bi(L.organization.notRegistered)) : problemBox(res),
    );
    return;
  }
  const { applications, certificates } = res.body;
  const organization: OrganizationRecord = res.body.organization;
  const manages = mayManageAccounts(ctx.user, organization);
  const again = () => {
    ctx.notify(L.done);
    void render(ctx, section, creditCode);
  };
  const message = h('div', { class: 'form-message' });
  const change = (action: 'link-account' | 'unlink-account', sub: string, button: HTMLButtonElement) =>
    busy(button, section, () =>
      apiPost(`/v1/staff/organizations/{creditCode}/${action}`, { sub }, newIdempotencyKey(), {
        params: { creditCode },
      }),
    ).then((outcome) => (outcome.kind === 'ok' ? again() : replaceChildren(message, problemBox(outcome))));

  const accounts = h(
    'ul',
    { class: 'accounts' },
    organization.accounts.map((a) => {
      const unlink = manages
        ? h('button', { type: 'button', class: 'button', 'data-unlink': a.sub }, ...bi(L.organization.unlink))
        : null;
      unlink?.addEventListener('click', () => void change('unlink-account', a.sub, unlink));
      return h(
        'li',
        { 'data-account': a.sub },
        h('code', null, a.sub),
        ' ',
        h(
          'span',
          { class: 'muted' },
          ...bi(fill(L.organization.linkedBy, { by: a.linkedBy, at: formatInstant(a.linkedAt) })),
        ),
        ' ',
        unlink,
      );
    }),
  );
  replaceChildren(
    section,
    title,
    h('p', null, h('strong', null, organization.name), ' ', h('code', null, organization.creditCode)),
    h('h3', null, ...bi(L.organization.accounts)),
    accounts,
    manages
      ? linkForm(change)
      : ctx.user.roles.includes('admin')
        ? h('p', { class: 'warning' }, ...bi(L.organization.ownOrganization))
        : null,
    message,
    h('h3', null, ...bi(L.organization.applications)),
    h(
      'ul',
      { class: 'organization-applications' },
      applications.map((a) =>
        h('li', null, h('a', { href: `#/case/${a.id}` }, a.scope), ' ', badge(stateLabel(a.state), 'plain')),
      ),
    ),
    h('h3', null, ...bi(L.organization.certificates)),
    certificates.length
      ? h(
          'ul',
          { class: 'organization-certificates' },
          certificates.map((c) =>
            h('li', null, h('a', { href: `#/certificate/${c.number}` }, c.number), ' ', badge(statusLabel(c.status))),
          ),
        )
      : h('p', { class: 'muted' }, ...bi(L.empty)),
  );
}

function linkForm(
  change: (action: 'link-account', sub: string, button: HTMLButtonElement) => Promise<void>,
): HTMLElement {
  const sub = h('input', { name: 'sub', type: 'text', maxlength: 128, autocomplete: 'off', required: true });
  const submit = h(
    'button',
    { type: 'submit', class: 'button button-primary', 'data-action': 'link-account' },
    ...bi(L.organization.link),
  );
  const form = h(
    'form',
    { class: 'action-form link-account', novalidate: true },
    field(L.organization.account, sub),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sub.value.trim()) void change('link-account', sub.value.trim(), submit);
  });
  return form;
}
