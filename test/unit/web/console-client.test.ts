/**
 * The console calls the staff API through a client typed by the OpenAPI document (web/src/console/client.ts), as the
 * public pages do. The type-level half runs in `npm run typecheck`: each `@ts-expect-error` below is an error the
 * compiler must report (a mistyped path, a missing path parameter, a body or query the route does not take), or the
 * typecheck fails ("unused directive"). The runtime half reads the console's sources: every path it calls is a path
 * of the route table with that method, and none is built by pasting values into a URL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { APPLICATION_TRANSITIONS, CERTIFICATE_TRANSITIONS } from '../../../shared/lifecycle/transitions';
import { ROUTES } from '../../../shared/routes';
import type { ApplicationAnswer } from '../../../web/src/console/answers';
import type { apiGet, apiPost, download } from '../../../web/src/console/client';

const CONSOLE = join(import.meta.dirname, '../../../web/src/console');

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [{ file: path, text: readFileSync(path, 'utf8') }] : [];
  });
}

/** Every call of the client in the console: which function, and its first argument as written. */
function calls(): { fn: string; path: string; file: string }[] {
  const found: { fn: string; path: string; file: string }[] = [];
  for (const { file, text } of sources(CONSOLE)) {
    if (file.endsWith('client.ts')) continue;
    // The client's functions this file imports (a local function may share a name, as a row's `download` does).
    const imported = [...text.matchAll(/import \{([^}]*)\} from '\.\.?\/(?:client|applications)'/g)]
      .flatMap((m) => m[1]!.split(','))
      .map((name) => name.trim());
    if (file.endsWith('applications.ts')) imported.push('pagedList');
    for (const m of text.matchAll(/\b(apiGet|apiPost|download|pagedList)\(\s*([^,)]+)/g))
      if (imported.includes(m[1]!)) found.push({ fn: m[1]!, path: m[2]!.trim(), file });
  }
  return found;
}

const routes = (method: string) => new Set(ROUTES.filter((r) => r.method === method).map((r) => r.path));

describe("the console's API client", () => {
  it('calls only paths of the route table (and so of the document), each with its method', () => {
    const found = calls();
    expect(found.length).toBeGreaterThan(40);
    for (const { fn, path, file } of found) {
      // A path passed on, typed by the document: a list's (P extends PagedPath), a step's (checked below).
      if (path === 'path' && (file.endsWith('applications.ts') || file.endsWith('actions.ts'))) continue;
      // A quoted path, or the organization's account action, a union of two of the document's paths.
      const quoted = /^'([^']+)'$/.exec(path);
      const action = /^`([^`$]*)\$\{action\}`$/.exec(path);
      expect(quoted ?? action, `${file}: ${fn}(${path})`).not.toBeNull();
      const method = fn === 'apiPost' ? 'POST' : 'GET';
      const candidates = action
        ? ['link-account', 'unlink-account'].map((a) => `${action[1]}${a}`)
        : [quoted?.[1] ?? ''];
      for (const p of candidates) expect(routes(method), `${file}: ${fn}(${p})`).toContain(p);
    }
  });

  it('has a route for the step of every transition the action forms send', () => {
    for (const spec of Object.values(APPLICATION_TRANSITIONS))
      expect(routes('POST')).toContain(`/v1/staff/applications/{id}/${spec.slug}`);
    for (const spec of Object.values(CERTIFICATE_TRANSITIONS))
      expect(routes('POST')).toContain(`/v1/staff/certificates/{number}/${spec.slug}`);
  });

  it('types paths, parameters, bodies and answers by the document', () => {
    // Never called: the compiler checks these calls.
    const typed = (get: typeof apiGet, post: typeof apiPost, save: typeof download) => {
      // @ts-expect-error a mistyped path is no path of the document
      void get('/v1/staff/aplications');
      // @ts-expect-error a path with a parameter needs it
      void get('/v1/staff/applications/{id}');
      // @ts-expect-error the parameter is named by the path
      void get('/v1/staff/applications/{id}', { params: { number: 'x' } });
      // @ts-expect-error a query the route does not take
      void get('/v1/staff/certificates', { query: { colour: 'red' } });
      // @ts-expect-error a status that is none of the document's
      void get('/v1/staff/certificates', { query: { status: 'lost' } });
      // @ts-expect-error a step's body without what the step requires (the suspension's reason)
      void post('/v1/staff/certificates/{number}/suspend', {}, 'key', { params: { number: 'x' } });
      // @ts-expect-error a change needs its Idempotency-Key
      void post('/v1/staff/applications', { organization: { name: 'n', creditCode: 'c' }, scope: 's' });
      // @ts-expect-error a download is a GET path of the document too
      void save('/v1/staff/certificates/{number}/star-mark.gif', 'x.gif', { params: { number: 'x' } });
      return get('/v1/staff/applications/{id}', { params: { id: 'a' } });
    };
    expectTypeOf(typed).returns.resolves.toMatchTypeOf<
      { kind: 'ok'; body: ApplicationAnswer } | { kind: 'problem' } | { kind: 'network' }
    >();
    expectTypeOf<ApplicationAnswer['state']>().toEqualTypeOf<
      | 'submitted'
      | 'accepted'
      | 'revision_requested'
      | 'document_review_passed'
      | 'scored'
      | 'approved'
      | 'rejected'
      | 'issued'
      | 'withdrawn'
    >();
  });
});
