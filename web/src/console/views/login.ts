/**
 * Signing in. Locally: pick a demo user of any role (the development identity provider). In AWS: one button that
 * leaves for the Cognito hosted UI (cognito/provider.ts), and the reason when the last attempt came back refused.
 * With no provider (no usable /console-config.json), the page says so instead of offering a form that cannot work.
 */
import type { ApiOutcome } from '../../common/api';
import { h, hl, replaceChildren } from '../../common/dom';
import type { DevelopmentProvider, SignInOption, TokenProvider } from '../auth';
import type { CognitoProvider } from '../cognito/provider';
import { L, ROLE_LABELS } from '../messages';
import { type Session, saveSession } from '../session';
import { bi, biText, busy, problemBox } from '../ui';

type Failure = Exclude<ApiOutcome<Session>, { kind: 'ok' }>;

const card = (...children: (HTMLElement | null)[]) =>
  h('section', { class: 'card', 'aria-labelledby': 'login-title' }, ...children);

export async function loginView(
  main: HTMLElement,
  provider: TokenProvider | null,
  onSignedIn: () => void,
  failure?: Failure,
): Promise<void> {
  const title = h('h1', { id: 'login-title' }, ...bi(L.login.title));
  if (!provider) {
    return replaceChildren(main, card(title, h('p', null, ...bi(L.login.unconfigured))));
  }
  const message = h('div', { class: 'form-message' }, failure ? problemBox(failure) : null);
  if (provider.kind === 'cognito') return replaceChildren(main, card(title, ...cognitoForm(provider, message)));
  return replaceChildren(main, card(title, ...(await developmentForm(provider, message, onSignedIn))));
}

function cognitoForm(provider: CognitoProvider, message: HTMLElement): HTMLElement[] {
  const region = h('div');
  const button: HTMLButtonElement = hl(
    'button',
    { type: 'button', class: 'button button-primary', id: 'cognito-sign-in' },
    {
      click: () => void busy(button, region, () => provider.signIn()),
    },
    ...bi(L.login.cognito),
  );
  region.append(button);
  return [h('p', { class: 'muted' }, ...bi(L.login.cognitoHint)), region, message];
}

async function developmentForm(
  provider: DevelopmentProvider,
  message: HTMLElement,
  onSignedIn: () => void,
): Promise<HTMLElement[]> {
  const users = await provider.options();
  const list = h('ul', { class: 'user-list' });
  const button = (user: SignInOption): HTMLButtonElement => {
    const b: HTMLButtonElement = hl(
      'button',
      { type: 'button', class: 'button user', 'data-sub': user.sub },
      {
        click: () =>
          void busy(b, list, () => provider.signIn(user)).then((res) => {
            if (res.kind !== 'ok') return replaceChildren(message, problemBox(res));
            saveSession(res.body);
            onSignedIn();
          }),
      },
      h('span', { class: 'user-name' }, user.name),
      h('span', { class: 'user-roles' }, user.roles.map((r) => biText(ROLE_LABELS[r])).join(' · ')),
    );
    return b;
  };
  list.append(...users.map((u) => h('li', null, button(u))));
  return [h('p', { class: 'muted' }, ...bi(L.login.development)), list, message];
}
