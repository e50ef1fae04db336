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

/** Where the generated modules live: the routes public pages call (in every page's first load) and the rest (loaded on first use). */
export const ROUTE_MAP_FILE = fileURLToPath(new URL('../../web/src/route-map.ts', import.meta.url));
export const WORK_ROUTE_MAP_FILE = fileURLToPath(new URL('../../web/src/route-map-work.ts', import.meta.url));

/** Whether a public page may call the route: public routes and signing in and out (they load with every page). */
export const isFirstLoadRoute = (id: string, access: unknown) => access === 'public' || id.startsWith('auth.');

const line = ([id, route]: [string, { method: string; path: string }]) => `  '${id}': ['${route.method}', '${route.path}'],`;

/** The text of web/src/route-map.ts for the current route table. */
export function routeMapSource(): string {
  const lines = Object.entries(ROUTES).filter(([id, r]) => isFirstLoadRoute(id, r.access)).map(line);
  return `// Generated from shared/api/routes.ts by infra/scripts/route-map.ts: do not edit (a unit test checks it is current).
import type { HttpMethod, RouteId } from '../../shared/api/routes';

type Entry = readonly [HttpMethod, string];

/**
 * The method and path (API Gateway syntax) of the routes public pages call, by route id: the browser's copy of the
 * route table without its schemas. The other routes' (./route-map-work.ts) load on the first call of one of them, so
 * a public page's first load does not carry the work areas' routes (issue 11).
 */
export const FIRST_LOAD_ROUTES: { readonly [id: string]: Entry } = {
${lines.join('\n')}
};

let workRoutes: { readonly [id: string]: Entry } | undefined;

/** Called by ./route-map-work.ts as it loads: the work areas import it with their code, so their calls find it at once. */
export function registerWorkRoutes(routes: { readonly [id: string]: Entry }): void {
  workRoutes = routes;
}

/** A route's method and path, by its id: at once when known, else once ./route-map-work.ts has loaded. */
export function routeOf(id: RouteId): Entry | Promise<Entry> {
  return FIRST_LOAD_ROUTES[id] ?? workRoutes?.[id] ?? import('./route-map-work').then((m) => m.WORK_ROUTES[id]!);
}
`;
}

/** The text of web/src/route-map-work.ts for the current route table. */
export function workRouteMapSource(): string {
  const lines = Object.entries(ROUTES).filter(([id, r]) => !isFirstLoadRoute(id, r.access)).map(line);
  return `// Generated from shared/api/routes.ts by infra/scripts/route-map.ts: do not edit (a unit test checks it is current).
import type { HttpMethod } from '../../shared/api/routes';
import { registerWorkRoutes } from './route-map';

/** The method and path of every route public pages do not call, by route id (the work areas import it; else loaded on first use: ./route-map.ts). */
export const WORK_ROUTES: { readonly [id: string]: readonly [HttpMethod, string] } = {
${lines.join('\n')}
};

registerWorkRoutes(WORK_ROUTES);
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(ROUTE_MAP_FILE, routeMapSource());
  writeFileSync(WORK_ROUTE_MAP_FILE, workRouteMapSource());
  console.log(`wrote ${ROUTE_MAP_FILE} and ${WORK_ROUTE_MAP_FILE}`);
}
