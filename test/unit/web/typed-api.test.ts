/**
 * The pages' typed client: its types are generated from the OpenAPI document (every route of the table is a path
 * of them, with its operation), and the URL it calls is the document's path with its parameters filled in.
 */
import { describe, expect, it } from 'vitest';
import { apiTypesSource } from '../../../scripts/api-types';
import { ROUTES, routeName } from '../../../shared/routes';
import { urlOf } from '../../../web/src/common/typed-api';

describe('the pages typed client', () => {
  it('has a typed path and operation for every route of the route table', async () => {
    const source = await apiTypesSource();
    for (const route of ROUTES) {
      expect(source).toContain(`"${route.path}": {`);
      expect(source).toContain(`    ${routeName(route).replace(/[^A-Za-z0-9]+/g, '_')}: {`);
    }
  });

  it('fills path parameters encoded and appends only the query values that are set', () => {
    expect(urlOf('/v1/certificates/{number}', { params: { number: 'SM-SV-2026-000001' } })).toBe(
      '/v1/certificates/SM-SV-2026-000001',
    );
    expect(urlOf('/r/{id}', { params: { id: 'a/b c' } })).toBe('/r/a%2Fb%20c');
    expect(urlOf('/v1/certificates', { query: { q: '华东 家电', status: undefined, level: '' } })).toBe(
      `/v1/certificates?q=${encodeURIComponent('华东').replace(/%20/g, '+')}+${encodeURIComponent('家电')}`,
    );
    expect(urlOf('/.well-known/jwks.json', {})).toBe('/.well-known/jwks.json');
  });

  it('refuses to call a path whose parameter is missing', () => {
    expect(() => urlOf('/v1/certificates/{number}', {})).toThrow(/number/);
  });
});
