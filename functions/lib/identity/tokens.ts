import { ulid } from 'ulid';
import type { Role } from '../../../shared/api/roles';
import { LINK_TTL_SECONDS, SESSION_TTL_SECONDS } from '../../../shared/runtime';
import { AppError } from '../http/errors';
import { once } from '../once';

// Signing and verifying load on the first token: a request to a public route never compiles jose.
const jose = once(() => import('./jose'));

const ISSUER = 'merit';
const LINK_AUDIENCE = 'merit:signin';
const SESSION_AUDIENCE = 'merit:session';

/** Claims of a sign-in link: who it signs in, and a one-time id. */
export interface LinkClaims {
  readonly personId: string;
  readonly linkId: string;
  readonly expiresAt: Date;
}

/** Claims of a session cookie. */
export interface SessionClaims {
  readonly sessionId: string;
  readonly personId: string;
  readonly role: Role;
  readonly programmeId: string;
  readonly expiresAt: Date;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Signs a single-use sign-in token valid for 15 minutes (ARCHITECTURE.md "Identity"). */
export async function signLinkToken(key: Uint8Array, personId: string, now: Date): Promise<{ token: string; claims: LinkClaims }> {
  const linkId = ulid(now.getTime());
  const exp = seconds(now) + LINK_TTL_SECONDS;
  const token = await new (await jose()).SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(LINK_AUDIENCE)
    .setSubject(personId)
    .setJti(linkId)
    .setIssuedAt(seconds(now))
    .setExpirationTime(exp)
    .sign(key);
  return { token, claims: { personId, linkId, expiresAt: new Date(exp * 1000) } };
}

/** Verifies a sign-in token's signature and lifetime; LINK_EXPIRED or LINK_INVALID otherwise. */
export async function verifyLinkToken(key: Uint8Array, token: string, now: Date): Promise<LinkClaims> {
  try {
    const { payload } = await (await jose()).jwtVerify(token, key, {
      issuer: ISSUER,
      audience: LINK_AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
      clockTolerance: 0,
    });
    if (!payload.sub || !payload.jti || !payload.exp) throw new AppError('LINK_INVALID', 401);
    return { personId: payload.sub, linkId: payload.jti, expiresAt: new Date(payload.exp * 1000) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof (await jose()).errors.JWTExpired) throw new AppError('LINK_EXPIRED', 401);
    throw new AppError('LINK_INVALID', 401);
  }
}

/** Signs the session cookie value. The session record in DynamoDB stays the authority (revocation). */
export async function signSessionToken(
  key: Uint8Array,
  claims: Omit<SessionClaims, 'expiresAt'>,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const exp = seconds(now) + SESSION_TTL_SECONDS;
  const token = await new (await jose()).SignJWT({ role: claims.role, prg: claims.programmeId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(SESSION_AUDIENCE)
    .setSubject(claims.personId)
    .setJti(claims.sessionId)
    .setIssuedAt(seconds(now))
    .setExpirationTime(exp)
    .sign(key);
  return { token, expiresAt: new Date(exp * 1000) };
}

/** Verifies a session cookie; SESSION_EXPIRED or UNAUTHENTICATED otherwise. */
export async function verifySessionToken(key: Uint8Array, token: string, now: Date): Promise<SessionClaims> {
  try {
    const { payload } = await (await jose()).jwtVerify(token, key, {
      issuer: ISSUER,
      audience: SESSION_AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
    });
    const role = payload.role as Role | undefined;
    const programmeId = payload.prg as string | undefined;
    if (!payload.sub || !payload.jti || !payload.exp || !role || !programmeId) throw new AppError('UNAUTHENTICATED', 401);
    return { sessionId: payload.jti, personId: payload.sub, role, programmeId, expiresAt: new Date(payload.exp * 1000) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof (await jose()).errors.JWTExpired) throw new AppError('SESSION_EXPIRED', 401);
    throw new AppError('UNAUTHENTICATED', 401);
  }
}
