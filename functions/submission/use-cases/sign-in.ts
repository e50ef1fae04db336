import { ulid } from 'ulid';
import type { SessionResponse } from '../../../shared/api/schemas';
import type { Role } from '../../../shared/api/roles';
import { t } from '../../../shared/messages';
import { LINK_TTL_SECONDS, SESSION_TTL_SECONDS } from '../../../shared/runtime';
import type { AwardsStore } from '../../lib/awards/store';
import { PLATFORM_SCOPE, programmeScope } from '../../../shared/audit/chain';
import { PLATFORM_ID } from '../../../shared/api/programmes';
import { SYSTEM_ACTOR } from '../../../shared/audit/actions';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError } from '../../lib/http/errors';
import { clearedSessionCookie, sessionCookie } from '../../lib/identity/sessions';
import { personView, type PersonRecord } from '../../lib/identity/store';
import { signLinkToken, signSessionToken, verifyLinkToken } from '../../lib/identity/tokens';
import type { Runtime } from '../../lib/runtime';
import { isRegistrationToken } from '../../lib/applications/registration-token';
import { exchangeRegistrationLink } from './applicant-sign-up';
import { bilingualMail } from '../../lib/mail';

/** What the sign-in use cases need. */
export type SignInDeps = Pick<Runtime, 'identity' | 'audit' | 'mailer' | 'key' | 'publicUrl' | 'config' | 'logger'> & { readonly awards: AwardsStore };

/** Link requests are counted per address and per client in 15-minute windows (abuse and mail-bombing guard). */
const WINDOW_SECONDS = 15 * 60;

/** Where every mailed link lands (the site's link page, web/src/public/LinkLanding.tsx); the token rides in the fragment, which browsers never send to a server or log. */
export const linkUrl = (publicUrl: string, token: string) => `${publicUrl}/auth#token=${token}`;

/** The URL of a sign-in link for one person. */
export async function signInUrl(deps: Pick<SignInDeps, 'key' | 'publicUrl'>, personId: string, now: Date): Promise<string> {
  const { token } = await signLinkToken(deps.key, personId, now);
  return linkUrl(await deps.publicUrl(), token);
}

async function programmeName(deps: SignInDeps, programmeId: string) {
  if (programmeId === PLATFORM_ID) return { 'zh-CN': t('platform.operatorProgramme', 'zh-CN'), en: t('platform.operatorProgramme', 'en') };
  return (await deps.awards.getProgramme(programmeId))?.name ?? { 'zh-CN': programmeId, en: programmeId };
}

/** Mails a person a fresh sign-in (or invitation) link, in Chinese then English. */
export async function mailLink(deps: SignInDeps, person: PersonRecord, kind: 'signin' | 'invite', now: Date): Promise<void> {
  const link = await signInUrl(deps, person.personId, now);
  const programme = await programmeName(deps, person.programmeId);
  const roleKey = `platform.role.${person.role}` as const;
  const params = (locale: 'zh-CN' | 'en') => ({
    name: person.name,
    role: t(roleKey, locale),
    programme: programme[locale],
    minutes: LINK_TTL_SECONDS / 60,
    link,
  });
  await deps.mailer.send(bilingualMail(person.email, `mail.${kind}.subject`, `mail.${kind}.body`, params), now);
}

/**
 * The first administrator comes from configuration: created (with their
 * programme, if it does not exist yet) the first time they ask for a link.
 * Both creations are audited as the system's.
 */
export async function ensureFirstAdmin(deps: SignInDeps, now: Date, requestId = 'bootstrap'): Promise<PersonRecord | undefined> {
  const email = deps.config.adminEmail;
  if (!email) return undefined;
  const programmeId = deps.config.defaultProgrammeId;
  const existing = (await deps.identity.membershipsOf(email)).find((m) => m.role === 'admin' && m.programmeId === programmeId);
  if (existing) return deps.identity.getPerson(existing.personId);
  if (!(await deps.awards.getProgramme(programmeId))) {
    const programme = { programmeId, name: { 'zh-CN': '政府质量奖', en: 'Government Quality Award' }, createdAt: now.toISOString() };
    await deps.audit
      .commit({
        scope: programmeScope(programmeId),
        actor: SYSTEM_ACTOR,
        action: 'programme.created',
        target: { type: 'programme', id: programmeId },
        state: programme,
        requestId,
        now,
        writes: [deps.awards.programmePut(programme)],
      })
      .catch((error: unknown) => {
        if (!(error instanceof WriteConditionError)) throw error; // created meanwhile by a concurrent request
      });
  }
  return bootstrapPerson(deps, email, 'admin', programmeId, programmeScope(programmeId), now, requestId);
}

/**
 * A person from configuration (the first administrator, the operator), found or created once and audited as the
 * system's (`person.bootstrapped` on `scope`); two first requests racing get the one the other created.
 */
async function bootstrapPerson(deps: SignInDeps, email: string, role: 'admin' | 'operator', programmeId: string, scope: string, now: Date, requestId: string): Promise<PersonRecord | undefined> {
  const existing = (await deps.identity.membershipsOf(email)).find((m) => m.role === role && m.programmeId === programmeId);
  if (existing) return deps.identity.getPerson(existing.personId);
  const person: PersonRecord = {
    personId: ulid(now.getTime()),
    email,
    name: email.split('@')[0] ?? email,
    role,
    programmeId,
    status: 'active',
    createdAt: now.toISOString(),
    version: 1,
  };
  try {
    await deps.audit.commit({
      scope,
      actor: SYSTEM_ACTOR,
      action: 'person.bootstrapped',
      target: { type: 'person', id: person.personId },
      state: personView(person),
      requestId,
      now,
      writes: deps.identity.personPuts(person),
    });
    return person;
  } catch (error) {
    if (error instanceof WriteConditionError) return bootstrapPerson(deps, email, role, programmeId, scope, now, requestId);
    throw error;
  }
}

/**
 * The platform operator comes from configuration like the first administrator (issue #14): created the first time
 * they ask for a link (or `npm start` prints one), bound to no programme ({@link PLATFORM_ID}); audited on the
 * platform chain as the system's.
 */
export async function ensureOperator(deps: SignInDeps, now: Date, requestId = 'bootstrap'): Promise<PersonRecord | undefined> {
  const email = deps.config.operatorEmail;
  if (!email) return undefined;
  return bootstrapPerson(deps, email, 'operator', PLATFORM_ID, PLATFORM_SCOPE, now, requestId);
}

/**
 * The mailbox an address reaches, for counting (issue #16.9): case does not matter, and `name+anything@` is delivered
 * to `name@` by most mail systems (plus-addressing), so 40 tags of one address are 40 requests to one mailbox.
 */
export function canonicalAddress(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${address.slice(at)}`;
}

/**
 * How long every link request takes at least (ms). Whether an address is known decides whether a mail is prepared and
 * sent — tens of milliseconds, more with SES — so without a floor the answer time would tell (issue #16.9: 28 vs
 * 14 ms at p50). Every answer waits until this much time has passed since the request began, known or not.
 */
export const LINK_ANSWER_MS = 300;

/** Runs a link request's work and answers no sooner than {@link LINK_ANSWER_MS} after `started` (performance.now()), failed or not. */
export async function answerEvenly<T>(started: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    const rest = started + LINK_ANSWER_MS - performance.now();
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
}

/** Counts a link request against the per-address (by {@link canonicalAddress}) and per-client limits; 429 RATE_LIMITED past either. */
export async function limitLinkRequests(deps: Pick<SignInDeps, 'identity' | 'config'>, email: string, sourceIp: string, now: Date): Promise<void> {
  const [addressLimited, clientLimited] = await Promise.all([
    deps.identity.hit('link-address', canonicalAddress(email), WINDOW_SECONDS, deps.config.linkLimits.perAddress, now),
    deps.identity.hit('link-client', sourceIp || 'unknown', WINDOW_SECONDS, deps.config.linkLimits.perClient, now),
  ]);
  if (addressLimited || clientLimited) throw new AppError('RATE_LIMITED', 429, { retryAfterSeconds: WINDOW_SECONDS });
}

/**
 * Mails a sign-in link for every active membership of an address. The answer
 * never says whether the address is known, neither in what it says nor in
 * when it says it ({@link answerEvenly}); requests are rate limited per
 * address and per client.
 */
export async function requestSignInLinks(deps: SignInDeps, email: string, sourceIp: string, now: Date, requestId: string): Promise<void> {
  const started = performance.now();
  await limitLinkRequests(deps, email, sourceIp, now);
  await answerEvenly(started, async () => {
    if (email === deps.config.adminEmail) await ensureFirstAdmin(deps, now, requestId);
    if (email === deps.config.operatorEmail) await ensureOperator(deps, now, requestId);
    const memberships = await deps.identity.membershipsOf(email);
    for (const membership of memberships) {
      const person = await deps.identity.getPerson(membership.personId);
      if (person?.status === 'active') await mailLink(deps, person, 'signin', now);
    }
  });
}

/** Exchanges a link's token for a session: valid signature, not expired, never used, person active. */
export async function exchangeSignInLink(
  deps: SignInDeps,
  token: string,
  now: Date,
  requestId = 'exchange',
): Promise<{ body: SessionResponse; cookie: string }> {
  // A self-registration link (an applicant new to the programme) creates the applicant first.
  if (isRegistrationToken(token)) return exchangeRegistrationLink(deps, token, now, requestId);
  const claims = await verifyLinkToken(deps.key, token, now);
  const person = await deps.identity.getPerson(claims.personId);
  if (!person) throw new AppError('LINK_INVALID', 401);
  return openSession(deps, person, claims.linkId, claims.expiresAt, now);
}

/** Spends a link and opens a session for an active person (the link works once). */
export async function openSession(
  deps: SignInDeps,
  person: PersonRecord,
  linkId: string,
  linkExpiresAt: Date,
  now: Date,
): Promise<{ body: SessionResponse; cookie: string }> {
  if (person.status !== 'active') throw new AppError('PERSON_REVOKED', 401);
  const sessionId = ulid(now.getTime());
  const signed = await signSessionToken(deps.key, { sessionId, personId: person.personId, role: person.role, programmeId: person.programmeId }, now);
  await deps.identity.spendLinkAndOpenSession(
    linkId,
    linkExpiresAt,
    {
      sessionId,
      personId: person.personId,
      role: person.role,
      programmeId: person.programmeId,
      createdAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + SESSION_TTL_SECONDS,
    },
    now,
  );
  return {
    body: { person: personView(person), role: person.role as Role, programmeId: person.programmeId, expiresAt: signed.expiresAt.toISOString() },
    cookie: sessionCookie(signed.token, deps.config.stage === 'aws'),
  };
}

/** The cookie that ends a session in the browser. */
export function signOutCookie(deps: Pick<SignInDeps, 'config'>): string {
  return clearedSessionCookie(deps.config.stage === 'aws');
}
