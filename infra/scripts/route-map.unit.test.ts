import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../shared/api/routes';
import { ROUTE_MAP } from '../../web/src/route-map';
import { ROUTE_MAP_FILE, routeMapSource } from './route-map';

describe('the browser route map (web/src/route-map.ts)', () => {
  it('is the route table as it is now (run `npx tsx infra/scripts/route-map.ts` after changing it)', () => {
    // Prepare / Act
    const onDisk = readFileSync(ROUTE_MAP_FILE, 'utf8');
    // Assess
    expect(onDisk).toBe(routeMapSource());
  });

  it('gives every route id its method and path, and nothing else', () => {
    // Prepare
    const expected = Object.fromEntries(Object.entries(ROUTES).map(([id, r]) => [id, [r.method, r.path]]));
    // Act / Assess
    expect(ROUTE_MAP).toEqual(expected);
  });
});
