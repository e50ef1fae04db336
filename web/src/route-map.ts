// Generated from shared/api/routes.ts by infra/scripts/route-map.ts: do not edit (a unit test checks it is current).
import type { HttpMethod, RouteId } from '../../shared/api/routes';

type Entry = readonly [HttpMethod, string];

/**
 * The method and path (API Gateway syntax) of the routes public pages call, by route id: the browser's copy of the
 * route table without its schemas. The other routes' (./route-map-work.ts) load on the first call of one of them, so
 * a public page's first load does not carry the work areas' routes (issue 11).
 */
export const FIRST_LOAD_ROUTES: { readonly [id: string]: Entry } = {
  'submission.health': ['GET', '/api/submission/health'],
  'scoring.health': ['GET', '/api/scoring/health'],
  'publication.health': ['GET', '/api/publication/health'],
  'auth.requestLink': ['POST', '/api/submission/auth/links'],
  'auth.exchange': ['POST', '/api/submission/auth/session'],
  'auth.session': ['GET', '/api/submission/auth/session'],
  'auth.signOut': ['DELETE', '/api/submission/auth/session'],
  'public.programmes': ['GET', '/api/publication/programmes'],
  'applicants.requestLink': ['POST', '/api/submission/applicants/links'],
  'applications.form': ['GET', '/api/submission/rounds/{roundId}/form'],
  'certificates.check': ['GET', '/api/publication/certificates/{number}'],
  'report.summary': ['GET', '/api/publication/rounds/{roundId}/summary'],
  'portal.call': ['GET', '/api/submission/rounds/{roundId}/call'],
  'portal.downloadAttachment': ['GET', '/api/submission/rounds/{roundId}/call/attachments/{attachmentId}/download'],
  'portal.fileObjection': ['POST', '/api/submission/rounds/{roundId}/objections/online'],
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
