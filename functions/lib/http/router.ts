import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { GenericSchema, InferOutput } from 'valibot';
import type { FunctionName } from '../../../shared/api/functions';
import type { ResponseOf, ROUTES, RouteDefinition, RouteId } from '../../../shared/api/routes';
import type { Role } from '../../../shared/api/roles';
import { VIEWER_ADDRESS_HEADER } from '../../../shared/runtime';
import { AppError } from './errors';
import { once } from '../once';
import { errorResponse, jsonResponse } from './response';
import { assertSameOrigin, fromCloudFront } from './same-origin';

/** A signed-in caller, as the identity layer hands it to a route. */
export interface Session {
  readonly sessionId: string;
  readonly personId: string;
  readonly role: Role;
  readonly programmeId: string;
  readonly email: string;
  readonly name: string;
  readonly expiresAt: string;
}

type RouteOf<Id extends RouteId> = (typeof ROUTES)[Id];
type BodySchemaOf<Id extends RouteId> = NonNullable<RouteOf<Id>['body']>;
type ParsedBody<Id extends RouteId> = [BodySchemaOf<Id>] extends [never]
  ? undefined
  : BodySchemaOf<Id> extends GenericSchema ? InferOutput<BodySchemaOf<Id>> : undefined;
type SessionOf<Id extends RouteId> = RouteOf<Id>['access'] extends 'public' ? Session | null : Session;

/** What a route handler receives: parsed, validated, authorized input. */
export interface Request<Id extends RouteId> {
  readonly routeId: Id;
  readonly body: ParsedBody<Id>;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly session: SessionOf<Id>;
  readonly requestId: string;
  readonly sourceIp: string;
  readonly now: Date;
}

/** What a route handler answers. */
export interface Reply<Id extends RouteId> {
  readonly body: ResponseOf<Id>;
  readonly status?: number;
  readonly cookies?: string[];
}

/** The handlers of one function: exactly the routes the route table gives it. */
export type RouteHandlers<F extends FunctionName> = {
  [Id in RouteId as RouteOf<Id>['fn'] extends F ? Id : never]: (req: Request<Id>) => Promise<Reply<Id>>;
};

/** What the router needs from outside. */
export interface RouterDeps {
  readonly logger: Logger;
  /** Resolves the session from the request's cookies or throws a 401 AppError. */
  readonly authenticate: (cookies: readonly string[], now: Date) => Promise<Session>;
  readonly clock: () => Date;
  /** The site's own origin (its public URL), for the `Origin` check of state-changing requests. */
  readonly siteOrigin?: () => Promise<string | undefined>;
  /**
   * The secret CloudFront adds to every API request (AWS). When set, a request without it is refused (403
   * DIRECT_ACCESS_REFUSED): nobody calls the API Gateway endpoint round CloudFront.
   */
  readonly originSecret?: string;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** No record's id is this long; a longer path parameter would only make DynamoDB refuse the key (a 500). */
const MAX_PATH_PARAMETER_CHARS = 256;

/** Parses the JSON body against the route's schema; a malformed request never reaches the handler. */
function parseBody(table: typeof import('./route-table'), route: RouteDefinition, event: APIGatewayProxyEventV2): unknown {
  if (!route.body) return undefined;
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 413, { maxBytes: MAX_BODY_BYTES });
  const type = event.headers?.['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new AppError('BAD_REQUEST', 415, { expected: 'application/json' });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('INVALID_JSON', 400);
  }
  const result = table.safeParse(route.body, json);
  if (!result.success) {
    const issues = result.issues.map((issue) => ({
      path: table.getDotPath(issue) ?? '',
      expected: issue.expected ?? undefined,
      message: issue.message,
    }));
    // A refused file name has a code and a reason of its own, so the applicant learns what to rename.
    const { DOCUMENT_NAME_ISSUE, bilingual, isMessageKey } = table;
    const name = issues.find((i) => i.message.startsWith(`${DOCUMENT_NAME_ISSUE}:`));
    const problem = name?.message.slice(DOCUMENT_NAME_ISSUE.length + 1) ?? '';
    const reason = `documentName.${problem}`;
    if (name && isMessageKey(reason)) throw new AppError(DOCUMENT_NAME_ISSUE, 400, { issues, problem }, { reason: bilingual(reason) });
    throw new AppError('VALIDATION_FAILED', 400, { issues });
  }
  return result.output;
}

/**
 * The caller's address. Behind CloudFront the connection to API Gateway comes
 * from an edge server shared by a whole city's visitors, so CloudFront's own
 * CloudFront-Viewer-Address (`ip:port`, IPv6 too) names the visitor — but only
 * when the request provably came through CloudFront (`viaCloudFront`): anyone
 * else can send that header. Otherwise (local gateway) the connection's address.
 */
export function clientAddress(event: APIGatewayProxyEventV2, viaCloudFront: boolean): string {
  const viewer = viaCloudFront ? event.headers?.[VIEWER_ADDRESS_HEADER.toLowerCase()] : undefined;
  const port = viewer?.lastIndexOf(':') ?? -1;
  if (viewer && port > 0) return viewer.slice(0, port).replace(/^\[(.*)\]$/, '$1');
  return event.requestContext?.http?.sourceIp ?? '';
}

function isThrottle(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  return /Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded|SlowDown|TimeoutError/.test(name);
}

// DynamoDB or S3 answering a server error after the SDK's retries (a full or failing disk under the local stack,
// an internal error in AWS): nothing was written, the request can be repeated later.
function isStorageFault(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode ?? 0;
  const name = (error as { name?: string } | null)?.name ?? '';
  return status >= 500 || /^(InternalServerError|InternalError|ServiceUnavailable)$/.test(name);
}

/**
 * Builds a function's HTTP entry from its handlers. Routes are resolved from
 * the event's routeKey against the route table; access is checked from the
 * table before the handler runs.
 */
export function createRouter<F extends FunctionName>(fn: F, handlers: RouteHandlers<F>, deps: () => Promise<RouterDeps>) {
  // The route table (every request schema, valibot) loads with the first request, while the runtime is being built
  // (the signing key's secret is read over the network meanwhile): the cold import compiles neither (issue 11).
  const routes = once(async () => {
    const table = await import('./route-table');
    const byKey = new Map<string, [RouteId, RouteDefinition]>();
    for (const [id, route] of Object.entries(table.ROUTES) as [RouteId, RouteDefinition][]) {
      if (route.fn === fn) byKey.set(`${route.method} ${route.path}`, [id, route]);
    }
    return { table, byKey };
  });
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const requestId = event.requestContext?.requestId ?? 'unknown';
    const [{ logger, authenticate, clock, siteOrigin, originSecret }, { table, byKey }] = await Promise.all([deps(), routes()]);
    try {
      const headers = (event.headers ?? {}) as Record<string, string>;
      const viaCloudFront = fromCloudFront(headers, originSecret);
      if (originSecret && !viaCloudFront) throw new AppError('DIRECT_ACCESS_REFUSED', 403);
      const match = byKey.get(event.routeKey);
      if (!match) throw new AppError('ROUTE_NOT_FOUND', 404, { routeKey: event.routeKey });
      const [routeId, route] = match;
      await assertSameOrigin(route.method, headers, siteOrigin);
      // A path parameter no record can have names nothing (found by test/hardening: a 3,000-character round id answered 500).
      if (Object.values(event.pathParameters ?? {}).some((p) => (p ?? '').length > MAX_PATH_PARAMETER_CHARS)) throw new AppError('NOT_FOUND', 404);
      const now = clock();
      let session: Session | null = null;
      if (route.access !== 'public') {
        session = await authenticate(event.cookies ?? [], now);
        if (!route.access.includes(session.role)) throw new AppError('FORBIDDEN', 403);
      }
      const body = parseBody(table, route, event);
      const handler = (handlers as unknown as Record<RouteId, (req: Request<RouteId>) => Promise<Reply<RouteId>>>)[routeId];
      const req = {
        routeId,
        body,
        params: (event.pathParameters ?? {}) as Record<string, string>,
        query: (event.queryStringParameters ?? {}) as Record<string, string>,
        headers,
        session,
        requestId,
        sourceIp: clientAddress(event, viaCloudFront),
        now,
      } as Request<RouteId>;
      const reply = await handler(req);
      return jsonResponse(reply.status ?? route.status ?? 200, reply.body, requestId, reply.cookies ? { cookies: reply.cookies } : {});
    } catch (error) {
      if (error instanceof AppError) {
        if (error.status >= 500) logger.error('request failed', { requestId, code: error.code });
        return await errorResponse(error, requestId, error.status === 503 ? { 'retry-after': '1' } : undefined);
      }
      if (isThrottle(error)) {
        logger.warn('dependency throttled', { requestId, error: error as Error });
        return await errorResponse(new AppError('SERVICE_UNAVAILABLE', 503), requestId, { 'retry-after': '2' });
      }
      if (isStorageFault(error)) {
        logger.error('storage unavailable', { requestId, routeKey: event.routeKey, error: error as Error });
        return await errorResponse(new AppError('STORAGE_UNAVAILABLE', 503), requestId, { 'retry-after': '5' });
      }
      logger.error('unexpected fault', { requestId, routeKey: event.routeKey, error: error as Error });
      return await errorResponse(new AppError('INTERNAL', 500), requestId);
    }
  };
}
