import { ROUTES, type RouteDefinition, type RouteId } from '../../shared/api/routes';
import type { Identity, World } from './world';

/** Every route of the table, with its id. */
export const ROUTE_LIST = Object.entries(ROUTES) as [RouteId, RouteDefinition][];

/** The route's path filled with the world's records (`override` replaces one parameter's raw segment). */
export function pathOf(route: RouteDefinition, params: Readonly<Record<string, string>>, override?: { name: string; segment: string }): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => (override?.name === name ? override.segment : encodeURIComponent(params[name] ?? 'unknown')));
}

/** The path parameters of a route. */
export const paramsOf = (route: RouteDefinition) => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** What the route table says an identity must get from a route:
 * - `unauthenticated`: 401 (no session, a revoked person, an expired session), for every route that is not public;
 * - `forbidden`: 403 FORBIDDEN, the session's role is not among the route's roles;
 * - `refused`: a role the route allows, but not for this record (another applicant's, an application the expert is not
 *   cleared for, another programme's): 4xx, never an answer with the record;
 * - `answered`: entitled (its own record, the office of its programme, or no record named): anything but 401/403/5xx;
 * - `either`: entitled to act but the record's state decides (an undeclared expert may declare or recuse).
 */
export type Expectation = 'unauthenticated' | 'forbidden' | 'refused' | 'answered' | 'either';

const APPLICATION_PARAMS = ['applicationId', 'documentId', 'requestId'];
const PROGRAMME_PARAMS = ['roundId', 'scope', 'personId', 'objectionId', 'reviewerId'];

export function expectation(id: RouteId, route: RouteDefinition, who: Identity): Expectation {
  if (route.access === 'public') return 'answered';
  if (!who.role || who.standing === 'revoked' || who.standing === 'expired') return 'unauthenticated';
  if (!route.access.includes(who.role)) return 'forbidden';
  const params = paramsOf(route);
  const onApplication = params.some((p) => APPLICATION_PARAMS.includes(p));
  const onProgramme = params.some((p) => PROGRAMME_PARAMS.includes(p));
  // Another programme's administrator: nothing of `city` by its id; its own lists only.
  if (who.standing === 'foreign') return onApplication || onProgramme ? 'refused' : 'answered';
  if (!onApplication) return 'answered';
  switch (who.relation) {
    case 'owner':
    case 'office':
    case 'expertOn':
      return 'answered';
    case 'expertUndeclared':
      return id === 'reviews.declare' || id === 'reviews.recuse' ? 'either' : 'refused';
    case 'expertConflicted':
      return id === 'reviews.recuse' ? 'either' : 'refused';
    default:
      return 'refused';
  }
}

/** The texts of A an identity may not read (a leak is any of them in an answer to it). */
export function secretsFor(who: Identity, world: Pick<World, 'secrets'>): string[] {
  const s = world.secrets;
  if (who.standing !== 'ok') return [s.name, s.creditCode, s.profile, s.request, s.card];
  switch (who.relation) {
    case 'office':
      return [];
    case 'owner':
      return [s.card];
    case 'expertOn':
      return [s.request];
    case 'expertConflicted':
    case 'expertUndeclared':
      return [s.profile, s.request, s.card, s.creditCode];
    default:
      return [s.name, s.creditCode, s.profile, s.request, s.card];
  }
}
