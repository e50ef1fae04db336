import { decodeJwt, errors, jwtVerify, SignJWT } from 'jose';
import { ulid } from 'ulid';
import { LINK_TTL_SECONDS } from '../../../shared/runtime';
import { AppError } from '../http/errors';

const ISSUER = 'merit';
const AUDIENCE = 'merit:register';

/**
 * Claims of a self-registration link: an address that is not yet an
 * applicant of a programme. The person is only created when the link is
 * opened, so asking for links creates nothing.
 */
export interface RegistrationClaims {
  readonly email: string;
  readonly programmeId: string;
  readonly linkId: string;
  readonly expiresAt: Date;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Signs a single-use registration token valid as long as a sign-in link (15 minutes). */
export async function signRegistrationToken(key: Uint8Array, email: string, programmeId: string, now: Date): Promise<string> {
  return new SignJWT({ prg: programmeId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(email)
    .setJti(ulid(now.getTime()))
    .setIssuedAt(seconds(now))
    .setExpirationTime(seconds(now) + LINK_TTL_SECONDS)
    .sign(key);
}

/** True when a token (unverified) claims to be a registration token; the verification decides. */
export function isRegistrationToken(token: string): boolean {
  try {
    const aud = decodeJwt(token).aud;
    return aud === AUDIENCE || (Array.isArray(aud) && aud.includes(AUDIENCE));
  } catch {
    return false;
  }
}

/** Verifies a registration token: LINK_EXPIRED or LINK_INVALID otherwise. */
export async function verifyRegistrationToken(key: Uint8Array, token: string, now: Date): Promise<RegistrationClaims> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: now, clockTolerance: 0 });
    const programmeId = payload.prg;
    if (!payload.sub || !payload.jti || !payload.exp || typeof programmeId !== 'string') throw new AppError('LINK_INVALID', 401);
    return { email: payload.sub, programmeId, linkId: payload.jti, expiresAt: new Date(payload.exp * 1000) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof errors.JWTExpired) throw new AppError('LINK_EXPIRED', 401);
    throw new AppError('LINK_INVALID', 401);
  }
}
