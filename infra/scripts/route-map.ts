/**
 * Writes web/src/route-map.ts: each route id's method and path, all the
 * browser needs to call the API. The route table (shared/api/routes.ts) also
 * holds every request schema (valibot) and a summary per route; the site would
 * load them all on every page only to find a path. `npx tsx infra/scripts/route-map.ts`
 * after changing the route table; a unit test (route-map.unit.test.ts) fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ROUTES } from '../../shared/api/routes';

/** Where the generated module lives. */
export const ROUTE_MAP_FILE = fileURLToPath(new URL('../../web/src/route-map.ts', import.meta.url));

/** The text of web/src/route-map.ts for the current route table. */
export function routeMapSource(): string {
  const lines = Object.entries(ROUTES).map(([id, route]) => `  '${id}': ['${route.method}', '${route.path}'],`);
  return `// Generated from shared/api/routes.ts by infra/scripts/route-map.ts: do not edit (a unit test checks it is current).
import type { HttpMethod, RouteId } from '../../shared/api/routes';

/** Each API route's method and path (API Gateway syntax), by route id: the browser's copy of the route table without its schemas. */
export const ROUTE_MAP: { readonly [Id in RouteId]: readonly [HttpMethod, string] } = {
${lines.join('\n')}
};
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(ROUTE_MAP_FILE, routeMapSource());
  console.log(`wrote ${ROUTE_MAP_FILE}`);
}
