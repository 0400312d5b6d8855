/**
 * Signing in. Locally: pick a demo user of any role (the development identity provider). In AWS the Cognito hosted
 * login stands here (see auth.ts); until it is wired, the page says so instead of offering a form that cannot work.
 */
import { h, hl, replaceChildren } from '../../common/dom';
import type { SignInOption, TokenProvider } from '../auth';
import { ROLE_LABELS } from '../labels';
import { saveSession } from '../session';
import { bi, busy, problemBox } from '../ui';

export async function loginView(main: HTMLElement, provider: TokenProvider | null, onSignedIn: () => void): Promise<void> {
  const title = h('h1', { id: 'login-title' }, ...bi({ zh: '登录认证业务控制台', en: 'Sign in to the certification console' }));
  if (!provider) {
    return replaceChildren(
      main,
      h('section', { class: 'card', 'aria-labelledby': 'login-title' }, title, h('p', null, ...bi({ zh: '此环境通过机构统一身份认证（Cognito）登录，请联系管理员开通账号。', en: 'This deployment signs staff in through Cognito; ask an administrator for an account.' }))),
    );
  }
  const message = h('div', { class: 'form-message' });
  const users = await provider.options();
  const list = h('ul', { class: 'user-list' });
  const button = (user: SignInOption): HTMLButtonElement => {
    const b: HTMLButtonElement = hl('button', { type: 'button', class: 'user', 'data-sub': user.sub }, {
      click: () =>
        void busy(b, list, () => provider.signIn(user)).then((res) => {
          if (res.kind !== 'ok') return replaceChildren(message, problemBox(res));
          saveSession(res.body);
          onSignedIn();
        }),
    }, h('span', { class: 'user-name' }, user.name), h('span', { class: 'user-roles' }, user.roles.map((r) => `${ROLE_LABELS[r].zh} ${ROLE_LABELS[r].en}`).join(' · ')));
    return b;
  };
  list.append(...users.map((u) => h('li', null, button(u))));
  replaceChildren(
    main,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'login-title' },
      title,
      h('p', { class: 'muted' }, ...bi({ zh: '本地开发环境：选择一个演示用户登录。', en: 'Local development: sign in as one of the demo users.' })),
      list,
      message,
    ),
  );
}
