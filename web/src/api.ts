import type { BodyOf, ErrorBody, ResponseOf, RouteId } from '../../shared/api';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../../shared/api/client-header';
import { buildPath } from '../../shared/api/paths';
import { bilingual, type MessageKey } from '../../shared/messages/registry';
import type { Text } from '../../shared/messages/types';
import { routeOf } from './route-map';

/**
 * A failed API call: the stable code and the message in both languages from the error envelope. A failure the
 * site describes itself (no network, an answer that is not the envelope) names its catalogue key instead, read
 * when the message is shown: the site loads English only once a reader chooses it (./language.ts).
 */
export class ApiError extends Error {
  readonly #text: Text | MessageKey;

  constructor(
    readonly status: number,
    readonly code: string,
    text: Text | MessageKey,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(typeof text === 'string' ? code : `${code}: ${text.en}`);
    this.name = 'ApiError';
    this.#text = text;
  }

  /** The message in both languages. */
  get text(): Text {
    return typeof this.#text === 'string' ? bilingual(this.#text, { requestId: '-' }) : this.#text;
  }
}

/** What one call sends: path parameters, query and body (typed by the route's schema). */
export interface CallOptions<Id extends RouteId> {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: BodyOf<Id>;
  readonly signal?: AbortSignal;
}

/** Calls one route of the route table and returns its typed answer. */
export type Call = <Id extends RouteId>(id: Id, options?: CallOptions<Id>) => Promise<ResponseOf<Id>>;

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'object' && error.message !== null;
}

/**
 * A client on `fetch` (the browser's, or a fake in tests). Cookies go with same-origin requests only, and every call
 * carries the site's client header, without which the API refuses any change (a page of another origin cannot send it).
 */
export function createApi(fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): Call {
  return async function call<Id extends RouteId>(id: Id, options: CallOptions<Id> = {}): Promise<ResponseOf<Id>> {
    // Known at once for the first-load routes and in the work areas (which import the rest): no await, so the request
    // starts in the same turn as the call, as it always has.
    const known = routeOf(id);
    const [method, path] = 'then' in known ? await known : known;
    let url = buildPath(path, options.params);
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) query.set(k, String(v));
    if ([...query].length) url += `?${query}`;
    const hasBody = options.body !== undefined;
    let res: Response;
    try {
      res = await fetchImpl(url, {
        method,
        credentials: 'same-origin',
        headers: { accept: 'application/json', [CLIENT_HEADER]: CLIENT_HEADER_VALUE, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
        ...(hasBody ? { body: JSON.stringify(options.body) } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, 'NETWORK', 'error.network');
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      if (isErrorBody(json)) {
        const { code, message, details, requestId } = json.error;
        throw new ApiError(res.status, code, message, details, requestId);
      }
      const code = res.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL';
      throw new ApiError(res.status, code, code, json);
    }
    return json as ResponseOf<Id>;
  };
}
