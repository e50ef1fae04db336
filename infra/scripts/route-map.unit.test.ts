import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTES, type RouteId } from '../../shared/api/routes';
import { FIRST_LOAD_ROUTES, routeOf } from '../../web/src/route-map';
import { WORK_ROUTES } from '../../web/src/route-map-work';
import { ROUTE_MAP_FILE, routeMapSource, WORK_ROUTE_MAP_FILE, workRouteMapSource } from './route-map';

describe('the browser route map (web/src/route-map.ts and route-map-work.ts)', () => {
  it('is the route table as it is now (run `npx tsx infra/scripts/route-map.ts` after changing it)', () => {
    // Prepare / Act / Assess
    expect(readFileSync(ROUTE_MAP_FILE, 'utf8')).toBe(routeMapSource());
    expect(readFileSync(WORK_ROUTE_MAP_FILE, 'utf8')).toBe(workRouteMapSource());
  });

  it('gives every route id its method and path, and nothing else', async () => {
    // Prepare
    const expected = Object.fromEntries(Object.entries(ROUTES).map(([id, r]) => [id, [r.method, r.path]]));
    // Act
    const found = Object.fromEntries(await Promise.all(Object.keys(ROUTES).map(async (id) => [id, await routeOf(id as RouteId)])));
    // Assess
    expect(found).toEqual(expected);
    expect(Object.keys(FIRST_LOAD_ROUTES).length + Object.keys(WORK_ROUTES).length).toBe(Object.keys(ROUTES).length);
  });

  it('keeps in the first load only what public pages call: public routes and signing in', () => {
    for (const id of Object.keys(FIRST_LOAD_ROUTES)) expect(ROUTES[id as RouteId].access === 'public' || id.startsWith('auth.'), id).toBe(true);
    expect(FIRST_LOAD_ROUTES['public.programmes']).toBeDefined();
    expect(FIRST_LOAD_ROUTES['auth.exchange']).toBeDefined();
    expect(WORK_ROUTES['people.list']).toBeDefined();
  });
});
