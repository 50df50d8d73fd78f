import { describe, expect, it } from 'vitest';
import { GatewayRouteSchema } from '../../scenario/gateway-schema';
import type { RequestType } from '../../scenario/schema';
import { GatewayRouteTable, rewritePath } from './route-table';

const route = (input: object) => GatewayRouteSchema.parse({ services: ['s'], ...input });
const type = (method: RequestType['method'], path: string): RequestType => ({ method, path, weight: 1, headers: {} });

describe('gateway route table', () => {
  it('first match wins on method and path prefix; ANY matches every method', () => {
    const types = [type('GET', '/users/7'), type('POST', '/users'), type('GET', '/orders/1'), type('GET', '/other')];
    const table = new GatewayRouteTable(
      [route({ method: 'POST', pathPrefix: '/users' }), route({ method: 'ANY', pathPrefix: '/users' }), route({ pathPrefix: '/orders' })],
      types,
      () => -1,
    );
    expect([0, 1, 2, 3].map((t) => table.routeOf(t))).toEqual([1, 0, 2, -1]);
  });

  it('rewrites the matched prefix, interning the new request type', () => {
    const types = [type('GET', '/api/users/7')];
    const table = new GatewayRouteTable([route({ pathPrefix: '/api/users', rewritePrefix: '/' })], types, (t) => {
      types.push(t);
      return types.length - 1;
    });
    expect(types[table.rewrite(0)]?.path).toBe('/7');
    expect(rewritePath(route({ pathPrefix: '/v2', rewritePrefix: '/v1' }), '/v2/items')).toBe('/v1/items');
  });
});
