import { ulid } from 'ulid';
import type { SessionResponse } from '../../../shared/api/schemas';
import { programmeScope } from '../../../shared/audit/chain';
import { parseRoundConfig } from '../../../shared/round';
import { LINK_TTL_SECONDS } from '../../../shared/runtime';
import { signRegistrationToken, verifyRegistrationToken } from '../../lib/applications/registration-token';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError } from '../../lib/http/errors';
import { personView, type PersonRecord } from '../../lib/identity/store';
import { registrationOpen } from './context';
import { answerEvenly, limitLinkRequests, linkUrl, mailLink, openSession, type SignInDeps } from './sign-in';
import { bilingualMail } from '../../lib/mail';

/** Whether a programme has a round whose online registration is open at `now`. */
async function hasOpenRound(deps: SignInDeps, programmeId: string, now: Date): Promise<boolean> {
  const programme = (await deps.awards.listProgrammes()).find((p) => p.programmeId === programmeId);
  for (const summary of programme?.rounds ?? []) {
    const round = await deps.awards.getRound(summary.roundId);
    const parsed = parseRoundConfig(round?.config);
    if (round && parsed.ok && registrationOpen(round, parsed.config, now)) return true;
  }
  return false;
}

/** The applicant membership of an address in a programme, if any. */
async function applicantOf(deps: SignInDeps, email: string, programmeId: string): Promise<PersonRecord | undefined> {
  const membership = (await deps.identity.membershipsOf(email)).find((m) => m.role === 'applicant' && m.programmeId === programmeId);
  return membership ? deps.identity.getPerson(membership.personId) : undefined;
}

/**
 * An applicant asks for a link (self-registration). A known applicant of the
 * programme gets a sign-in link; an unknown address gets a registration link
 * while a round of the programme is open for registration; otherwise nothing
 * is sent. The answer is the same in every case, and as slow (answerEvenly), and requests count against
 * the same per-address and per-client limits as sign-in links.
 */
export async function requestApplicantLink(
  deps: SignInDeps,
  input: { email: string; programmeId?: string | undefined },
  sourceIp: string,
  now: Date,
): Promise<void> {
  const started = performance.now();
  await limitLinkRequests(deps, input.email, sourceIp, now);
  await answerEvenly(started, () => mailApplicantLink(deps, input, now));
}

/** What an applicant's link request does once counted: a sign-in link, a registration link, or nothing. */
async function mailApplicantLink(deps: SignInDeps, input: { email: string; programmeId?: string | undefined }, now: Date): Promise<void> {
  const programmeId = input.programmeId ?? deps.config.defaultProgrammeId;
  const known = await applicantOf(deps, input.email, programmeId);
  if (known) {
    if (known.status === 'active') await mailLink(deps, known, 'signin', now);
    return;
  }
  if (!(await hasOpenRound(deps, programmeId, now))) return;
  const token = await signRegistrationToken(deps.key, input.email, programmeId, now);
  const link = linkUrl(await deps.publicUrl(), token);
  const programme = (await deps.awards.getProgramme(programmeId))?.name ?? { 'zh-CN': programmeId, en: programmeId };
  const params = (locale: 'zh-CN' | 'en') => ({ programme: programme[locale], minutes: LINK_TTL_SECONDS / 60, link });
  await deps.mailer.send(bilingualMail(input.email, 'mail.register.subject', 'mail.register.body', params), now);
}

/**
 * Opens a registration link: creates the applicant in the programme (audited)
 * unless the address became one meanwhile, then spends the link and opens a
 * session like any sign-in link.
 */
export async function exchangeRegistrationLink(
  deps: SignInDeps,
  token: string,
  now: Date,
  requestId: string,
): Promise<{ body: SessionResponse; cookie: string }> {
  const claims = await verifyRegistrationToken(deps.key, token, now);
  let person = await applicantOf(deps, claims.email, claims.programmeId);
  if (!person) {
    const created: PersonRecord = {
      personId: ulid(now.getTime()),
      email: claims.email,
      name: claims.email.split('@')[0] ?? claims.email,
      role: 'applicant',
      programmeId: claims.programmeId,
      status: 'active',
      createdAt: now.toISOString(),
      version: 1,
    };
    try {
      await deps.audit.commit({
        scope: programmeScope(claims.programmeId),
        actor: { personId: created.personId, role: 'applicant' },
        action: 'person.selfRegistered',
        target: { type: 'person', id: created.personId },
        state: personView(created),
        requestId,
        now,
        writes: deps.identity.personPuts(created),
      });
      person = created;
    } catch (error) {
      if (!(error instanceof WriteConditionError)) throw error;
      person = await applicantOf(deps, claims.email, claims.programmeId); // created by a concurrent request
    }
  }
  if (!person) throw new AppError('LINK_INVALID', 401);
  return openSession(deps, person, claims.linkId, claims.expiresAt, now);
}
