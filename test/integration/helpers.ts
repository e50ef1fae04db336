import type { AuditEntry } from '../../shared/audit/chain';
import type { AuditLog } from '../../functions/lib/audit/log';
import { localS3Client } from '../../functions/lib/clients';
import { inject } from 'vitest';
import { CLIENT_HEADERS } from '../../shared/api/client-header';

/** The local stack's base URL (started by test/setup/local-stack.ts). */
export const baseUrl = () => inject('baseUrl');

/** A JSON answer of the API. */
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the API over HTTP like the site's client does (with its client header, unless `foreign`). */
export async function api<T = any>(
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; rawBody?: string; contentType?: string; headers?: Record<string, string>; foreign?: boolean } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(options.foreign ? {} : CLIENT_HEADERS), ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const res = await fetch(baseUrl() + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  links: string[];
  sentAt: string;
}

/** Every mail the stack has "sent", newest first. */
export async function outbox(): Promise<OutboxMessage[]> {
  const res = await fetch(`${baseUrl()}/dev/outbox.json`);
  return ((await res.json()) as { messages: OutboxMessage[] }).messages;
}

/** Mails to one address, newest first. */
export async function mailTo(email: string): Promise<OutboxMessage[]> {
  return (await outbox()).filter((m) => m.to === email);
}

/** The token of the newest sign-in link mailed to an address. */
export async function latestToken(email: string): Promise<string> {
  const [mail] = await mailTo(email);
  const link = mail?.links.find((l) => l.includes('#token='));
  if (!link) throw new Error(`no sign-in link mailed to ${email}`);
  return link.split('#token=')[1]!;
}

/** The session cookie (name=value) from a Set-Cookie header. */
export function cookieFrom(headers: Headers): string {
  const set = headers.getSetCookie()[0];
  if (!set) throw new Error('no Set-Cookie');
  return set.split(';')[0]!;
}

/** Signs in through the real flow: request a link, read the outbox, exchange the token. */
export async function signIn(email: string): Promise<string> {
  const requested = await api('POST', '/api/submission/auth/links', { body: { email } });
  if (requested.status !== 202) throw new Error(`link request failed: ${requested.status}`);
  const exchanged = await api('POST', '/api/submission/auth/session', { body: { token: await latestToken(email) } });
  if (exchanged.status !== 200) throw new Error(`exchange failed: ${JSON.stringify(exchanged.body)}`);
  return cookieFrom(exchanged.headers);
}

let adminCookie: Promise<string> | undefined;
/** Signs in as the configured first administrator (once per test file: link requests are rate limited per address). */
export const signInAdmin = () => (adminCookie ??= signIn(inject('adminEmail')));

let counter = 0;
/** A unique email address for a test. */
export const uniqueEmail = (label: string) => `${label}.${Date.now().toString(36)}.${++counter}@example.org`;

/** A client of the test stack's s3rver, made as the functions make theirs locally. */
export const localS3 = () => localS3Client(inject('s3Endpoint'));

/** The audit tables of the local stack. */
export const auditTables = () => ({ entries: inject('stackEnv').TABLE_AUDIT!, intents: inject('stackEnv').TABLE_AUDIT_INTENTS! });

/**
 * A chain once the linker has caught up: every change committed before the
 * call, linked (by whichever linker gets there first) — what a test reads right
 * after a write, instead of waiting for a while.
 */
export async function linkedChain(audit: AuditLog, scope: string): Promise<AuditEntry[]> {
  await audit.caughtUp(scope);
  return audit.entries(scope);
}
