import { inject } from 'vitest';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../../shared/api/client-header';

/**
 * The site's proof of a same-origin request: every fetch of the web client sends it, an HTML form cannot
 * (issue #16 defect 1): shared/api/client-header.ts.
 */
export const SITE_HEADER = CLIENT_HEADER.toLowerCase();
export const SITE_HEADER_VALUE = CLIENT_HEADER_VALUE;
/** The code a forged (cross-site or header-less) state-changing request is refused with. */
export const CROSS_SITE_CODE = 'CROSS_SITE_REQUEST';

/** One answer of the API, its body kept as text too (for the leak checks). */
export interface Reply {
  status: number;
  text: string;
  json: any;
  headers: Headers;
  ms: number;
}

export interface CallOptions {
  cookie?: string | undefined;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Send the site's header (default: yes, as the web client does). */
  site?: boolean;
  signal?: AbortSignal;
}

/** Calls the local stack's gateway over HTTP as the web client does (or, with `site: false`, as a plain form would). */
export async function call(method: string, path: string, options: CallOptions = {}, base = inject('baseUrl')): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.site === false ? {} : { [SITE_HEADER]: SITE_HEADER_VALUE }), ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= options.contentType ?? 'application/json';
  const started = performance.now();
  const res = await fetch(base + path, { method, headers, ...(body !== undefined ? { body } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers, ms: performance.now() - started };
}

/** Why an error answer is not a clear one (a code and a message in both languages, no placeholder left), or undefined. */
export function unclearError(reply: Reply): string | undefined {
  if (reply.status < 400) return undefined;
  const error = reply.json?.error;
  if (!error || typeof error.code !== 'string' || !error.code) return `no error code in ${reply.text.slice(0, 200)}`;
  const zh = error.message?.['zh-CN'];
  const en = error.message?.en;
  if (typeof zh !== 'string' || !zh.trim() || typeof en !== 'string' || !en.trim()) return `${error.code} without a message in both languages`;
  if (/\{\w+\}/.test(zh + en)) return `${error.code} with a placeholder left in its message`;
  return undefined;
}

/** Runs `work` over `items` with at most `limit` at once. */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!, i);
      }
    }),
  );
  return results;
}
