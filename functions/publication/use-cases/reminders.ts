import type * as v from 'valibot';
import {
  MANUAL_REMINDER_INTERVAL_MINUTES,
  type LateGroup,
  type LateListResponse,
  type LatePerson,
  type LateWork,
  type SendReminderBody,
  type SendReminderResponse,
} from '../../../shared/api/reminders';
import { roundScope } from '../../../shared/audit/chain';
import { SYSTEM_ACTOR } from '../../../shared/audit/actions';
import { BEIJING_TIME, formatMoment, t, type Locale } from '../../../shared/messages';
import {
  deadlineOf,
  dueReminders,
  lateWindowDays,
  REMINDER_KINDS,
  reminderAudience,
  remindsAt,
  type ReminderKind,
} from '../../../shared/reminders/schedule';
import { parseRoundConfig, type RoundConfig } from '../../../shared/round';
import { ROUND_STAGES, type RoundStage } from '../../../shared/stages';
import type { ApplicationsRepository } from '../../lib/applications/repository';
import { WriteConditionError, type AuditLog } from '../../lib/audit/log';
import { eachRound, type AwardsStore, type RoundRecord } from '../../lib/awards/store';
import { AppError, conflict, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { IdentityStore } from '../../lib/identity/store';
import { bilingualMail, type Mailer } from '../../lib/mail';
import type { ReminderStore } from '../../lib/reminders/store';
import { applicationsBeforePanel, defenseOutcome, isPendingSeat } from '../../lib/reviews/defense';
import type { ReviewProgressReader } from '../../lib/reviews/progress';
import type { Runtime } from '../../lib/runtime';

/** What reminders need: the rounds, who owes what (applications, reviews), people's names and addresses, the marker store, mail. */
export interface ReminderDeps {
  readonly audit: AuditLog;
  readonly awards: AwardsStore;
  readonly applications: ApplicationsRepository;
  readonly reviews: ReviewProgressReader;
  readonly identity: IdentityStore;
  readonly reminders: ReminderStore;
  readonly mailer: Mailer;
  readonly publicUrl: () => Promise<string>;
  readonly logger: Pick<Runtime['logger'], 'error'>;
}

/** Someone who still owes work of a kind, with where to write to them. */
interface Owing {
  readonly personId: string;
  readonly name: string;
  readonly email: string;
  readonly role: LatePerson['role'];
  readonly work: LateWork[];
}

/** What one scheduled run sent for one round and kind. */
export interface ReminderRunSummary {
  readonly roundId: string;
  readonly kind: ReminderKind;
  readonly moment: string;
  readonly reminded: number;
}

const isRoundStage = (stage: string): stage is RoundStage => (ROUND_STAGES as readonly string[]).includes(stage);
const stageOf = (round: RoundRecord): RoundStage => (isRoundStage(round.stage) ? round.stage : 'announcement');
const configOf = (round: RoundRecord): RoundConfig | undefined => {
  const parsed = parseRoundConfig(round.config);
  return parsed.ok ? parsed.config : undefined;
};

// Groups open work by person, naming each from the identity table; a person revoked or gone is not written to.
// An applicant is named as their organisation registered its contact person (their account's name is only their address's).
async function byPerson(deps: ReminderDeps, role: LatePerson['role'], work: readonly { personId: string; item: LateWork; name?: string }[]): Promise<Owing[]> {
  const grouped = new Map<string, LateWork[]>();
  const names = new Map<string, string>();
  for (const w of work) {
    grouped.set(w.personId, [...(grouped.get(w.personId) ?? []), w.item]);
    if (w.name && !names.has(w.personId)) names.set(w.personId, w.name);
  }
  const people = await Promise.all([...grouped.keys()].map((id) => deps.identity.getPerson(id)));
  return people
    .flatMap((p) =>
      p && p.status !== 'revoked' && !p.revokedAt ? [{ personId: p.personId, name: names.get(p.personId) ?? p.name, email: p.email, role, work: grouped.get(p.personId)! }] : [],
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.personId.localeCompare(b.personId));
}

/**
 * Who owes work of a kind now: applicants whose package is not submitted (registration and submission kinds);
 * experts to declare or with a card not submitted (material review, on-site); panel members to declare or score
 * an application before the panel (defense).
 */
async function owingOf(deps: ReminderDeps, roundId: string, kind: ReminderKind): Promise<Owing[]> {
  if (reminderAudience(kind) === 'applicant') {
    const apps = await deps.applications.listRound(roundId);
    const open = apps.filter((a) => a.status === 'registered');
    return byPerson(
      deps,
      'applicant',
      open.map((a) => ({
        personId: a.ownerPersonId,
        item: { organisation: a.organisation.name, status: 'registered' as const },
        ...(a.organisation.contactPerson ? { name: a.organisation.contactPerson } : {}),
      })),
    );
  }
  if (kind === 'materialReview' || kind === 'onSite') {
    const assignments = await deps.reviews.assignmentsWithNames(roundId);
    const open = assignments.filter((a) => a.stage === kind && (a.status === 'awaitingDeclaration' || a.status === 'active'));
    return byPerson(deps, 'expert', open.map((a) => ({ personId: a.reviewerId, item: { organisation: a.organisation, status: a.status as 'awaitingDeclaration' | 'active' } })));
  }
  const [apps, progress, defense] = await Promise.all([deps.applications.listRound(roundId), deps.reviews.ofRound(roundId), deps.reviews.defenseOfRound(roundId)]);
  const work: { personId: string; item: LateWork }[] = [];
  for (const app of applicationsBeforePanel(apps, progress.shortlist, progress.consensus)) {
    for (const seat of defenseOutcome(app.applicationId, defense, 1).seats) {
      if (!isPendingSeat(seat.status)) continue;
      work.push({ personId: seat.reviewerId, item: { organisation: app.organisation.name, status: seat.status === 'scoring' ? 'scoring' : 'awaitingDeclaration' } });
    }
  }
  return byPerson(deps, 'deliberator', work);
}

// Where the reminded person acts: applicants in the application area, experts and deliberators in the review area.
const areaOf = (kind: ReminderKind) => (reminderAudience(kind) === 'applicant' ? '/apply' : '/review');

/** Writes one reminder, in Chinese then English: the deadline in the round's time zone and the open work by organisation. */
function reminderMail(round: RoundRecord, config: RoundConfig, kind: ReminderKind, person: Owing, programme: { 'zh-CN': string; en: string }, link: string) {
  const params = (locale: Locale) => ({
    programme: programme[locale],
    round: round.name[locale],
    name: person.name,
    deadline: formatMoment(deadlineOf(config, kind), locale, config.timeZone),
    work: person.work
      .map((w) => (locale === 'zh-CN' ? `- ${w.organisation}（${t(`reminders.work.${w.status}`, locale)}）` : `- ${w.organisation} (${t(`reminders.work.${w.status}`, locale)})`))
      .join('\n'),
    stage: t(`reminders.kind.${kind}`, locale),
    zone: config.timeZone === BEIJING_TIME ? t('reminders.zone.beijing', locale) : config.timeZone,
    link,
  });
  const audience = reminderAudience(kind);
  return bilingualMail(person.email, `mail.reminder.${audience}.subject`, `mail.reminder.${audience}.body`, params);
}

// A few mails at a time: a round's 170 applicants are written to well within the function's time, under SES's send rate.
const MAIL_CONCURRENCY = 5;

async function mailAll(deps: ReminderDeps, round: RoundRecord, config: RoundConfig, kind: ReminderKind, people: readonly Owing[]): Promise<void> {
  const programme = (await deps.awards.getProgramme(round.programmeId))?.name ?? { 'zh-CN': round.programmeId, en: round.programmeId };
  const link = `${await deps.publicUrl()}${areaOf(kind)}`;
  for (let i = 0; i < people.length; i += MAIL_CONCURRENCY) {
    await Promise.all(
      people.slice(i, i + MAIL_CONCURRENCY).map((person) =>
        deps.mailer.send(reminderMail(round, config, kind, person, programme, link), new Date()).catch((e: unknown) =>
          deps.logger.error('reminder mail failed', { roundId: round.roundId, kind, personId: person.personId, error: e as Error }),
        ),
      ),
    );
  }
}

/**
 * The scheduled reminders of one round at `now` (issue 13 part 4): for each
 * kind whose moment has come (shared/reminders/schedule.ts), the people who
 * still owe work are reminded once. The run's marker (round, kind, moment) is
 * written with its audit entry before any mail goes out, under a condition: a
 * second run for the same moment, or one running at the same time, writes
 * nothing and sends nothing. Nobody owing: nothing is written.
 */
export async function remindRound(deps: ReminderDeps, round: RoundRecord, now: Date, requestId: string): Promise<ReminderRunSummary[]> {
  const config = configOf(round);
  if (!config) return [];
  const sent: ReminderRunSummary[] = [];
  for (const due of dueReminders(config, stageOf(round), now)) {
    if (await deps.reminders.run(round.roundId, due.kind, due.moment)) continue;
    const people = await owingOf(deps, round.roundId, due.kind);
    if (people.length === 0) continue;
    const run = { roundId: round.roundId, ...due, reminded: people.length, sentAt: now.toISOString() };
    try {
      await deps.audit.commit({
        scope: roundScope(round.roundId),
        actor: SYSTEM_ACTOR,
        action: 'reminder.scheduled',
        target: { type: 'reminder', id: `${due.kind}/${due.moment}` },
        context: { stage: round.stage, count: people.length },
        state: { ...run, people: people.map((p) => p.personId) },
        requestId,
        now,
        writes: [deps.reminders.runPut(run)],
      });
    } catch (error) {
      if (error instanceof WriteConditionError) continue;
      throw error;
    }
    await mailAll(deps, round, config, due.kind, people);
    sent.push({ roundId: round.roundId, kind: due.kind, moment: due.moment, reminded: people.length });
  }
  return sent;
}

/**
 * The scheduled handler (EventBridge Scheduler in AWS, a timer in `npm start`): every round of every programme
 * that still reminds is looked at with the same `now`; a round that fails is logged and the others still run.
 */
export async function runDueReminders(deps: ReminderDeps, now: Date, requestId: string, onlyRoundId?: string): Promise<ReminderRunSummary[]> {
  const sent: ReminderRunSummary[] = [];
  await eachRound(
    deps.awards,
    deps.logger,
    onlyRoundId,
    async (round) => void sent.push(...(await remindRound(deps, round, now, requestId))),
    (summary) => !isRoundStage(summary.stage) || !remindsAt(summary.stage),
  );
  return sent;
}

const HOUR_MS = MANUAL_REMINDER_INTERVAL_MINUTES * 60 * 1000;
const remindable = (last: string | undefined, now: Date) => !last || now.getTime() - Date.parse(last) >= HOUR_MS;

async function officeRound(deps: ReminderDeps, session: Session, roundId: string): Promise<{ round: RoundRecord; config: RoundConfig }> {
  const round = roundId ? await deps.awards.getProgrammeRound(session.programmeId, roundId) : undefined;
  if (!round) throw notFound();
  const config = configOf(round);
  if (!config) throw new AppError('CONFIG_INVALID', 422, { issues: [] }, { count: 0 });
  return { round, config };
}

// The applicants' group names the next of their two deadlines: registration closing while it is ahead, then the submission deadline.
function kindsShown(config: RoundConfig, now: Date): ReminderKind[] {
  const registrationAhead =
    now.getTime() < Date.parse(config.dates.registrationCloses) && Date.parse(config.dates.registrationCloses) !== Date.parse(config.dates.submissionDeadline);
  return REMINDER_KINDS.filter((kind) => (kind === 'registrationCloses' ? registrationAhead : kind === 'submissionDeadline' ? !registrationAhead : true));
}

const DAY_MS = 24 * 60 * 60 * 1000;
// A reminder makes sense while the work can still be done: an applicant's package only before the deadline; review work also after it.
const canRemind = (kind: ReminderKind, overdue: boolean) => !(overdue && reminderAudience(kind) === 'applicant');

/**
 * The office's late list (issue 13 part 4): per kind whose deadline is near (within its earliest reminder) or past,
 * the people who still owe work, with the organisations concerned, when they were last reminded by hand and
 * whether they may be reminded now. A round of another programme is "not found".
 */
export async function lateList(deps: ReminderDeps, session: Session, roundId: string, now: Date): Promise<LateListResponse> {
  const { round, config } = await officeRound(deps, session, roundId);
  const groups: LateGroup[] = [];
  if (remindsAt(stageOf(round))) {
    const reminded = await deps.reminders.people(roundId);
    for (const kind of kindsShown(config, now)) {
      const deadline = deadlineOf(config, kind);
      if (now.getTime() < Date.parse(deadline) - lateWindowDays(config, kind) * DAY_MS) continue;
      const people = await owingOf(deps, roundId, kind);
      if (people.length === 0) continue;
      const overdue = now.getTime() >= Date.parse(deadline);
      groups.push({
        kind,
        deadline,
        overdue,
        canRemind: canRemind(kind, overdue),
        people: people.map(({ email: _email, ...p }) => {
          const last = reminded.get(p.personId)?.lastRemindedAt;
          return { ...p, ...(last ? { lastRemindedAt: last } : {}), remindable: remindable(last, now) };
        }),
      });
    }
  }
  const schedule = config.reminders ?? { applicantDays: [], reviewerDays: [] };
  return { roundId, timeZone: config.timeZone, schedule: { applicantDays: [...schedule.applicantDays], reviewerDays: [...schedule.reviewerDays] }, groups };
}

// A change writes at most 99 items besides its audit record: the office's "remind all" commits its people in chunks.
const CHUNK = 90;

/**
 * The office reminds one late person of a kind, or every late one, with one action. Each person reminded gets a
 * record of it, written with the audit entry (one entry per action, naming how many); nobody is reminded by hand
 * twice within an hour: one person answers 429 REMINDER_TOO_SOON, "all" leaves them out (and answers 429 when
 * that leaves nobody). Someone not late of that kind: 422 REMINDER_NOT_LATE; nobody late: 422 REMINDER_NOBODY;
 * an applicant after the deadline: 422 REMINDER_DEADLINE_PASSED. Two offices at once: the second gets 409.
 */
export async function sendReminder(
  deps: ReminderDeps,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof SendReminderBody>,
  now: Date,
  requestId: string,
): Promise<SendReminderResponse> {
  const { round, config } = await officeRound(deps, session, roundId);
  if (!remindsAt(stageOf(round))) throw new AppError('STAGE_CLOSED', 422, { stage: round.stage });
  const { kind, personId } = input;
  const overdue = now.getTime() >= Date.parse(deadlineOf(config, kind));
  if (!canRemind(kind, overdue)) throw new AppError('REMINDER_DEADLINE_PASSED', 422, { kind });
  const owing = await owingOf(deps, roundId, kind);
  const chosen = personId ? owing.filter((p) => p.personId === personId) : owing;
  if (personId && chosen.length === 0) throw new AppError('REMINDER_NOT_LATE', 422, { kind });
  if (chosen.length === 0) throw new AppError('REMINDER_NOBODY', 422, { kind });

  const records = await deps.reminders.people(roundId);
  const due = chosen.filter((p) => remindable(records.get(p.personId)?.lastRemindedAt, now));
  if (due.length === 0) {
    const last = Math.max(...chosen.map((p) => Date.parse(records.get(p.personId)?.lastRemindedAt ?? '') || 0));
    const minutes = Math.max(1, Math.ceil((last + HOUR_MS - now.getTime()) / 60000));
    throw new AppError('REMINDER_TOO_SOON', 429, { retryAfterMinutes: minutes }, { minutes });
  }
  for (let i = 0; i < due.length; i += CHUNK) {
    const part = due.slice(i, i + CHUNK);
    const writes = part.map((p) =>
      deps.reminders.personPut({ roundId, personId: p.personId, kind, lastRemindedAt: now.toISOString(), version: (records.get(p.personId)?.version ?? 0) + 1 }),
    );
    try {
      await deps.audit.commit({
        scope: roundScope(roundId),
        actor: { personId: session.personId, role: session.role },
        action: 'reminder.sent',
        target: { type: 'reminder', id: personId ? `${kind}/${personId}` : kind },
        context: { stage: round.stage, count: part.length },
        state: { kind, people: part.map((p) => p.personId), at: now.toISOString() },
        requestId,
        now,
        writes,
      });
    } catch (error) {
      if (error instanceof WriteConditionError) throw conflict();
      throw error;
    }
    await mailAll(deps, round, config, kind, part);
  }
  return { reminded: due.length, skipped: chosen.length - due.length };
}
