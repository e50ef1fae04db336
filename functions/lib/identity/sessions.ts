import { SESSION_COOKIE, SESSION_TTL_SECONDS } from '../../../shared/runtime';
import { AppError } from '../http/errors';
import type { Session } from '../http/router';
import type { IdentityStore } from './store';
import { verifySessionToken } from './tokens';

/** Reads the session cookie value from API Gateway v2 `cookies` ("name=value" strings). */
export function readSessionCookie(cookies: readonly string[]): string | undefined {
  for (const cookie of cookies) {
    const eq = cookie.indexOf('=');
    if (eq > 0 && cookie.slice(0, eq).trim() === SESSION_COOKIE) return cookie.slice(eq + 1).trim();
  }
  return undefined;
}

/** The Set-Cookie value for a session: HttpOnly, SameSite=Strict, Secure in AWS, scoped to the API. */
export function sessionCookie(token: string, secure: boolean, maxAgeSeconds = SESSION_TTL_SECONDS): string {
  return [`${SESSION_COOKIE}=${token}`, 'Path=/api', `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', secure, 0);
}

/**
 * Resolves the caller's session. The signed cookie names the session; the
 * stored session and person decide, so a sign-out or a revocation takes effect
 * on the very next request.
 */
export async function authenticate(store: IdentityStore, key: Uint8Array, cookies: readonly string[], now: Date): Promise<Session> {
  const token = readSessionCookie(cookies);
  if (!token) throw new AppError('UNAUTHENTICATED', 401);
  const claims = await verifySessionToken(key, token, now);
  const { session, person } = await store.sessionWithPerson(claims.sessionId, claims.personId);
  if (!session || !person || session.personId !== person.personId) throw new AppError('UNAUTHENTICATED', 401);
  if (session.endedAt) throw new AppError('SESSION_REVOKED', 401);
  if (person.status !== 'active') throw new AppError('SESSION_REVOKED', 401);
  if (session.expiresAt * 1000 <= now.getTime()) throw new AppError('SESSION_EXPIRED', 401);
  return {
    sessionId: session.sessionId,
    personId: person.personId,
    role: session.role,
    programmeId: session.programmeId,
    email: person.email,
    name: person.name,
    expiresAt: new Date(session.expiresAt * 1000).toISOString(),
  };
}
