/**
 * The staff console's shell: sign-in, the navigation for the person's roles, and the view of the current hash route.
 * Each render builds its view off-page and swaps it in only if no newer navigation started meanwhile.
 */

import { hasRole } from '../../../shared/access';
import { byId, h, hl, replaceChildren } from '../common/dom';
import type { Msg } from '../common/i18n';
import { detectProvider } from './auth';
import { whenSignedOut } from './client';
import type { ConsoleContext, View } from './context';
import { directoryMembers } from './directory';
import { L, ROLE_LABELS } from './messages';
import { homeOf, parseRoute } from './router';
import { clearSession, isStaff, loadSession, type SessionUser, saveSession } from './session';
import { bi, loading, whenProblemShown } from './ui';
import { mineView, queuesView } from './views/applications';
import { caseView } from './views/case';
import { caseSearchView } from './views/case-search';
import { certificateView } from './views/certificate';
import { certificatesView } from './views/certificates';
import { dueView } from './views/due';
import { legacyImportView } from './views/legacy-import';
import { loginView } from './views/login';
import { matterView } from './views/matter';
import { mattersView } from './views/matters';
import { nationalReportView } from './views/national-report';
import { newApplicationView } from './views/new-application';
import { outboxView } from './views/outbox';

const VIEWS: Record<string, View> = {
  queues: queuesView,
  search: caseSearchView,
  mine: mineView,
  case: caseView,
  certificates: certificatesView,
  certificate: certificateView,
  due: dueView,
  outbox: outboxView,
  reports: nationalReportView,
  matters: mattersView,
  matter: matterView,
  import: legacyImportView,
  new: newApplicationView,
};

function navFor(user: SessionUser, current: string): HTMLElement {
  const links: [string, string, Msg][] = isStaff(user)
    ? [
        ['queues', homeOf(user), L.queues],
        ['certificates', '#/certificates/valid', L.certificates],
        ['due', '#/due', L.due],
        ['outbox', '#/outbox', L.outbox],
        ['reports', '#/reports', L.nav.reports],
        ['matters', '#/matters', L.nav.matters],
        ...(hasRole(user, 'admin') ? ([['import', '#/import', L.nav.import]] as [string, string, Msg][]) : []),
      ]
    : [
        ['mine', '#/mine', L.mine],
        ['new', '#/new', L.newApplication],
        ['due', '#/due', L.due],
      ];
  return h(
    'ul',
    null,
    links.map(([view, href, label]) =>
      h('li', null, h('a', { href, 'aria-current': view === current ? 'page' : null }, ...bi(label))),
    ),
  );
}

export async function start(): Promise<void> {
  const main = byId('app');
  const nav = byId('nav');
  const userBox = byId('user-box');
  const status = byId('console-status');
  let notifiedAt = 0;
  let generation = 0;
  const provider = await detectProvider();
  // Back from the Cognito hosted UI: redeem the code before the first render, or keep the refusal to show it.
  const returned = provider?.kind === 'cognito' ? await provider.complete() : null;
  if (returned?.kind === 'ok') saveSession(returned.body);
  const failure = returned && returned.kind !== 'ok' ? returned : undefined;
  const signOut = (): void => {
    clearSession();
    // Cognito keeps its own session; without its /logout the next sign-in would skip the password silently.
    if (provider?.kind === 'cognito') {
      location.assign(provider.signOutUrl());
      return;
    }
    location.hash = '#/login';
    void render();
  };

  const render = async (): Promise<void> => {
    const mine = ++generation;
    if (Date.now() - notifiedAt > 1500) replaceChildren(status);
    const session = loadSession();
    if (!session) {
      replaceChildren(nav);
      replaceChildren(userBox);
      return loginView(
        main,
        provider,
        () => {
          const user = loadSession()!.user;
          if (location.hash === homeOf(user)) void render();
          else location.hash = homeOf(user);
        },
        failure,
      );
    }
    const route = parseRoute(location.hash);
    const view = VIEWS[route.view];
    if (!view) {
      location.hash = homeOf(session.user);
      return;
    }
    replaceChildren(nav, navFor(session.user, route.view));
    replaceChildren(
      userBox,
      h('span', { class: 'user-name' }, session.user.name ?? session.user.sub),
      h('span', { class: 'user-roles' }, session.user.roles.map((r) => ROLE_LABELS[r].zh).join('、')),
      hl('button', { type: 'button', class: 'link-button', id: 'sign-out' }, { click: signOut }, ...bi(L.signOut)),
    );
    const ctx: ConsoleContext = {
      user: session.user,
      assignable: {
        evaluator: await directoryMembers(session.user, 'evaluator'),
        committee: await directoryMembers(session.user, 'committee'),
      },
      notify: (message) => {
        notifiedAt = Date.now();
        replaceChildren(status, h('p', { class: 'notice' }, ...bi(message)));
      },
    };
    replaceChildren(main, loading());
    const target = h('div', { class: 'view', 'data-view': route.view });
    await view(ctx, target, route.param);
    if (mine !== generation) return;
    replaceChildren(main, target);
    (main.querySelector('h1') as HTMLElement | null)?.setAttribute('tabindex', '-1');
  };

  // A green "done" above a new red refusal would say two things at once: the refusal is the news.
  whenProblemShown(() => replaceChildren(status));
  whenSignedOut(() => void render());
  window.addEventListener('hashchange', () => void render());
  await render();
}
