import type { Logger } from '@aws-lambda-powertools/logger';
import { LETTERS_TIME_BUDGET_MS, type ApplicationLettersResponse, type CertificateView, type LettersSentResponse, type LetterView } from '../../../shared/api/letters';
import { SYSTEM_ACTOR } from '../../../shared/audit/actions';
import { publicationPath } from '../../../shared/api/publication-path';
import type { AuditActor } from '../../../shared/audit/chain';
import { roundScope } from '../../../shared/audit/chain';
import { applicationStatusInRound, certificateNumber, dueLetters, isCertificateNumber, LETTER_KINDS, type DueLetter } from '../../../shared/letters/letters';
import { bilingual, momentText, type MessageKey, type MessageParams, type Text } from '../../../shared/messages';
import { parseRoundConfig, type RoundConfig } from '../../../shared/round';
import type { RoundStage } from '../../../shared/stages';
import type { ApplicationRecord, ApplicationsRepository } from '../../lib/applications/repository';
import { WriteConditionError, type AuditLog } from '../../lib/audit/log';
import { eachRound, type AwardsStore, type RoundRecord } from '../../lib/awards/store';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { IdentityStore } from '../../lib/identity/store';
import type { CertificateRecord, LetterRecord, LettersStore } from '../../lib/letters/store';
import type { FeedbackStore } from '../../lib/feedback/store';
import { bilingualMail, type Mailer } from '../../lib/mail';
import { notAwardedIds, opinionOutcome, candidatesOf } from '../../lib/outcome/progress';
import type { OutcomeStore, PublicationRecord } from '../../lib/outcome/store';
import type { ReviewProgressReader } from '../../lib/reviews/progress';

/** What the letters need: the round's records (read), the letters (written through the audit log), the owners' addresses, the mailer. */
export interface LettersDeps {
  readonly audit: AuditLog;
  readonly awards: AwardsStore;
  readonly applications: ApplicationsRepository;
  readonly reviews: ReviewProgressReader;
  readonly outcome: OutcomeStore;
  readonly letters: LettersStore;
  readonly identity: Pick<IdentityStore, 'getPerson'>;
  readonly mailer: Mailer;
  readonly logger: Pick<Logger, 'error'>;
}

/** How many applications' letters are written and mailed at once. */
const LETTER_CONCURRENCY = 8;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The latest publication of a kind, if any. */
const latest = (publications: readonly PublicationRecord[], kind: PublicationRecord['kind']) =>
  publications.filter((p) => p.kind === kind).sort((a, b) => (a.at < b.at ? -1 : 1)).at(-1);

/** The year of a moment in a time zone. */
const yearIn = (iso: string, timeZone: string) => Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(new Date(iso)));

/** The award's name and issuing body the certificates print: the round's settings, else the programme's name and its committee. */
function awardNames(config: RoundConfig, programme: Text): { award: Text; issuer: Text } {
  const params = { programme };
  return {
    award: config.award?.name ?? bilingual('letter.award.default', params),
    issuer: config.award?.issuer ?? bilingual('letter.issuer.default', params),
  };
}

/** A stored letter's placeholders: the facts, with moments in the round's time zone. */
function letterParams(record: LetterRecord): Record<string, string | Text> {
  return {
    organisation: record.organisation,
    programme: record.programme,
    round: record.round,
    reason: record.reason || '—',
    deadline: record.deadline ? momentText(record.deadline, record.timeZone) : '',
    noticeEndsAt: record.noticeEndsAt ? momentText(record.noticeEndsAt, record.timeZone) : '',
    certificate: record.certificate ?? '',
  };
}

const letterView = (record: LetterRecord): LetterView => ({ kind: record.letter, sentAt: record.sentAt, timeZone: record.timeZone, params: letterParams(record) });

/** The certificate as printed and checked. */
export const certificateView = (record: CertificateRecord): CertificateView => ({
  number: record.number,
  organisation: record.organisation,
  award: record.award,
  issuer: record.issuer,
  round: record.round,
  awardedAt: record.awardedAt,
  timeZone: record.timeZone,
  announcement: record.announcement,
  checkPath: `/check/${encodeURIComponent(record.number)}`,
});

/** Mails a stored letter to the application's owner, in Chinese then English. */
async function mailLetter(deps: LettersDeps, app: ApplicationRecord, record: LetterRecord, now: Date): Promise<void> {
  const owner = await deps.identity.getPerson(app.ownerPersonId);
  if (!owner) throw new Error(`owner of ${app.applicationId} not found`);
  const params = letterParams(record) as MessageParams;
  const body = `letter.${record.letter}.body` as MessageKey;
  const mail = bilingualMail(owner.email, `letter.${record.letter}.subject` as MessageKey, body, () => params);
  const signature = bilingual('letter.signature', { programme: record.programme });
  await deps.mailer.send({ ...mail, text: `${mail.text}\n\n${signature['zh-CN']} / ${signature.en}` }, now);
}

/**
 * Issues a winner's certificate (audited, once per application): its number is the programme, the announcement's
 * year and the winner's place (`CITY-2026-01`); a number another round of the programme already holds moves on by
 * the number of winners until a free one. Answers the certificate stored (a concurrent run's, if it won).
 */
async function issueCertificate(
  deps: LettersDeps,
  actor: AuditActor,
  base: Omit<CertificateRecord, 'number'>,
  place: number,
  step: number,
  requestId: string,
  now: Date,
): Promise<CertificateRecord> {
  const year = yearIn(base.awardedAt, base.timeZone);
  for (let n = place, tries = 0; tries < 50; n += Math.max(step, 1), tries++) {
    const record: CertificateRecord = { ...base, number: certificateNumber(base.programmeId, year, n) };
    try {
      await deps.audit.commit({
        scope: roundScope(base.roundId),
        actor,
        action: 'certificate.issued',
        target: { type: 'application', id: base.applicationId },
        context: { applicationId: base.applicationId, stage: 'announcement' },
        state: record,
        requestId,
        now,
        writes: deps.letters.certificatePuts(record),
      });
      return record;
    } catch (error) {
      if (!(error instanceof WriteConditionError)) throw error;
      // Write 0: this application has its certificate already (another run issued it); write 1: the number is taken.
      const issued = (await deps.letters.ofRound(base.roundId, base.applicationId)).certificates[0];
      if (issued) return issued;
    }
  }
  throw new Error(`no free certificate number for ${base.applicationId}`);
}

/**
 * Sends every result letter the round owes at its stage and has not sent yet
 * (shared/letters `dueLetters`: a stage's letters only once the round has
 * moved past the stage that records their result), and issues each winner's
 * certificate before its award letter. Each letter is one audited, conditional
 * write keyed by application and kind, then one bilingual mail: a retry or a
 * concurrent run never sends one twice. A mail that fails is logged (the
 * letter stays on the dashboard); a letter that fails to be written is tried
 * again on the next run.
 */
export async function sendDueLetters(
  deps: LettersDeps,
  actor: AuditActor,
  round: RoundRecord,
  now: Date,
  requestId: string,
  /** `performance.now()` after which no further application's letters are started (they are answered as pending). */
  stopAt = Number.POSITIVE_INFINITY,
): Promise<LettersSentResponse> {
  const parsed = parseRoundConfig(round.config);
  if (!parsed.ok) throw new AppError('ROUND_NOT_CONFIGURED', 422);
  const config = parsed.config;
  const [applications, progress, outcome, stored, programme] = await Promise.all([
    deps.applications.listRound(round.roundId),
    deps.reviews.ofRound(round.roundId),
    deps.outcome.ofRound(round.roundId),
    deps.letters.ofRound(round.roundId),
    deps.awards.getProgramme(round.programmeId),
  ]);
  const programmeName = programme?.name ?? { 'zh-CN': round.programmeId, en: round.programmeId };
  const stage = round.stage as RoundStage;
  const announcement = latest(outcome.publications, 'announcement');
  const objectionsUpheld = notAwardedIds(outcome);
  const due = dueLetters({
    stage,
    applications,
    shortlist: progress.shortlist,
    standings: outcome.evaluation?.standings ?? [],
    objected: candidatesOf(outcome)
      .filter((s) => opinionOutcome(s.applicationId, config.opinionDepartments, outcome.opinions) === 'objected')
      .map((s) => s.applicationId),
    votes: outcome.votes,
    notAwarded: [...objectionsUpheld],
    noticePublished: latest(outcome.publications, 'notice') !== undefined,
    announcementPublished: announcement !== undefined,
  });
  const sent = new Set(stored.letters.map((l) => `${l.applicationId}#${l.letter}`));
  const pending = due
    .filter((d) => !sent.has(`${d.applicationId}#${d.kind}`))
    .sort((a, b) => LETTER_KINDS.indexOf(a.kind) - LETTER_KINDS.indexOf(b.kind) || (a.applicationId < b.applicationId ? -1 : 1));
  const byId = new Map(applications.map((a) => [a.applicationId, a]));
  // The winners in their published order: a certificate's number follows its place.
  const winners = due.filter((d) => d.kind === 'awarded').map((d) => d.applicationId);
  const ranked = (outcome.evaluation?.standings ?? []).filter((s) => winners.includes(s.applicationId)).map((s) => s.applicationId);
  const certificates = new Map(stored.certificates.map((c) => [c.applicationId, c]));
  let letters = 0;
  let issued = 0;
  let failed = 0;

  // One application's letters go out in order; applications in parallel, a few at a time (a round of 170 moves in seconds).
  const send = async (d: DueLetter) => {
    const app = byId.get(d.applicationId)!;
    try {
      let certificate: CertificateRecord | undefined;
      if (d.kind === 'awarded' && announcement) {
        certificate = certificates.get(app.applicationId);
        if (!certificate) {
          const names = awardNames(config, programmeName);
          certificate = await issueCertificate(
            deps,
            actor,
            {
              roundId: round.roundId,
              programmeId: round.programmeId,
              applicationId: app.applicationId,
              organisation: app.organisation.name,
              ...names,
              round: round.name,
              awardedAt: round.stageSince ?? announcement.at,
              timeZone: config.timeZone,
              announcement: { path: publicationPath(round.roundId, 'announcement'), page: `/notices/${encodeURIComponent(round.roundId)}`, sha256: announcement.sha256 },
              issuedAt: now.toISOString(),
            },
            ranked.indexOf(app.applicationId) + 1,
            ranked.length,
            requestId,
            now,
          );
          issued += 1;
        }
      }
      const record = letterRecord(d, app, round, config, programmeName, outcome.objections, certificate, now);
      try {
        await deps.audit.commit({
          scope: roundScope(round.roundId),
          actor,
          action: 'letter.sent',
          target: { type: 'application', id: app.applicationId },
          context: { applicationId: app.applicationId, stage },
          state: record,
          requestId,
          now,
          writes: [deps.letters.letterPut(record)],
        });
      } catch (error) {
        // Another run sent it in the meantime: it mailed it too.
        if (error instanceof WriteConditionError) return;
        throw error;
      }
      letters += 1;
      await mailLetter(deps, app, record, now).catch((error: unknown) => {
        failed += 1;
        deps.logger.error('letter mail failed; the letter is on the dashboard', { applicationId: app.applicationId, kind: d.kind, requestId, error: error as Error });
      });
    } catch (error) {
      failed += 1;
      deps.logger.error('letter not sent; the next run sends it', { applicationId: app.applicationId, kind: d.kind, requestId, error: error as Error });
    }
  };
  const queue = [...new Set(pending.map((d) => d.applicationId))].map((id) => pending.filter((d) => d.applicationId === id));
  // An application's letters are started together or not at all; past `stopAt` the rest wait for the next run.
  const worker = async () => {
    while (queue.length > 0 && performance.now() < stopAt) for (const d of queue.shift()!) await send(d);
  };
  await Promise.all(Array.from({ length: Math.min(LETTER_CONCURRENCY, queue.length) }, worker));
  const pendingLetters = queue.reduce((n, next) => n + next.length, 0);
  return { roundId: round.roundId, sent: letters, certificates: issued, failed, pending: pendingLetters };
}

function letterRecord(
  d: DueLetter,
  app: ApplicationRecord,
  round: RoundRecord,
  config: RoundConfig,
  programme: Text,
  objections: readonly { applicationId: string; resolution?: { upheld: boolean; reason: string } }[],
  certificate: CertificateRecord | undefined,
  now: Date,
): LetterRecord {
  const upheld = objections.find((o) => o.applicationId === app.applicationId && o.resolution?.upheld)?.resolution?.reason;
  return {
    roundId: round.roundId,
    programmeId: round.programmeId,
    applicationId: app.applicationId,
    letter: d.kind,
    sentAt: now.toISOString(),
    timeZone: config.timeZone,
    organisation: app.organisation.name,
    programme,
    round: round.name,
    ...(d.reason !== undefined ? { reason: d.reason } : {}),
    ...(d.kind === 'notAwarded' && upheld ? { reason: upheld } : {}),
    ...(d.kind === 'siteVisit' ? { deadline: config.dates.onSiteDeadline } : {}),
    ...(d.kind === 'proposed' && round.noticeEndsAt ? { noticeEndsAt: round.noticeEndsAt } : {}),
    ...(certificate ? { certificate: certificate.number } : {}),
  };
}

/** The office sends what the round owes and did not go out (after a failed run); sent letters are never sent again. */
export async function sendRoundLetters(deps: LettersDeps, session: Session, roundId: string, now: Date, requestId: string): Promise<LettersSentResponse> {
  const stopAt = performance.now() + LETTERS_TIME_BUDGET_MS;
  const round = roundId ? await deps.awards.getProgrammeRound(session.programmeId, roundId) : undefined;
  if (!round) throw notFound();
  return sendDueLetters(deps, { personId: session.personId, role: session.role }, round, now, requestId, stopAt);
}

/** How long after a stage move the scheduled run still looks for letters the round owes (a move's own run may stop within its time). */
export const OWED_LETTERS_DAYS = 3;

/**
 * The scheduled run's part (every 15 minutes, with the reminders): for each round moved within the last few days,
 * the letters it still owes go out, so a move that answered with letters pending, or a letter whose write failed,
 * does not wait for the office. Within the run's own time; a round that fails is logged and the others still run.
 */
export async function sendOwedLetters(deps: LettersDeps, now: Date, requestId: string, stopAt: number, onlyRoundId?: string): Promise<LettersSentResponse[]> {
  const results: LettersSentResponse[] = [];
  await eachRound(deps.awards, deps.logger, onlyRoundId, async (round) => {
    if (performance.now() >= stopAt) return false;
    const since = round.stageSince ? Date.parse(round.stageSince) : Number.NaN;
    // Older moves are not reread every 15 minutes; a round without a valid configuration owes no letters.
    if (!(now.getTime() - since < OWED_LETTERS_DAYS * DAY_MS) || !parseRoundConfig(round.config).ok) return;
    const result = await sendDueLetters(deps, SYSTEM_ACTOR, round, now, requestId, stopAt);
    if (result.sent + result.failed + result.pending > 0) results.push(result);
  });
  return results;
}

// Letters are the applicant's own: its owner reads them, and the office and supervisors of its programme; anyone
// else gets the 404 that says nothing about whether the application exists.
/** An application's letters, its status as they tell it, and its certificate. */
export async function readApplicationLetters(
  deps: Pick<LettersDeps, 'applications' | 'awards' | 'letters'> & { readonly feedback?: Pick<FeedbackStore, 'release'> },
  session: Session,
  applicationId: string,
): Promise<ApplicationLettersResponse> {
  const app = applicationId ? await deps.applications.get(applicationId) : undefined;
  const entitled = app && (session.role === 'applicant' ? app.ownerPersonId === session.personId : app.programmeId === session.programmeId);
  if (!app || !entitled) throw notFound();
  const [round, stored, feedback] = await Promise.all([
    deps.awards.getProgrammeRound(app.programmeId, app.roundId),
    deps.letters.ofRound(app.roundId, applicationId),
    deps.feedback?.release(app.roundId),
  ]);
  if (!round) throw notFound();
  const letters = [...stored.letters].sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : LETTER_KINDS.indexOf(a.letter) - LETTER_KINDS.indexOf(b.letter)));
  const certificate = stored.certificates[0];
  return {
    applicationId,
    organisation: app.organisation.name,
    round: round.name,
    roundStage: round.stage as RoundStage,
    status: applicationStatusInRound(app.status, letters.map((l) => l.letter), round.stage as RoundStage),
    letters: letters.map(letterView),
    ...(certificate ? { certificate: certificateView(certificate) } : {}),
    // The feedback report (issue 12), once the round's reports are released with this one among them.
    ...(feedback?.applicationIds.includes(applicationId) ? { feedbackReleasedAt: feedback.releasedAt } : {}),
  };
}

/** Anyone checks a certificate number: the certificate, or 404 CERTIFICATE_NOT_FOUND (nothing else revealed). */
export async function checkCertificate(deps: Pick<LettersDeps, 'letters'>, raw: string): Promise<CertificateView> {
  const number = raw.trim().toUpperCase();
  const shown = number.length > 40 ? `${number.slice(0, 40)}…` : number;
  const record = isCertificateNumber(number) ? await deps.letters.byNumber(number) : undefined;
  if (!record) throw new AppError('CERTIFICATE_NOT_FOUND', 404, undefined, { number: shown });
  return certificateView(record);
}
