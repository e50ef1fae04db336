import type * as v from 'valibot';
import type { ConfigureRoundBody, CreateRoundBody, RoundView } from '../../../shared/api/rounds';
import { canonicalJson, roundScope } from '../../../shared/audit/chain';
import { parseRoundConfig, ROUND_DATE_FIELDS, RoundConfigSchema, type ConfigIssue, type RoundConfig } from '../../../shared/round';
import { newRound, ROUND_STAGES, type RoundStage } from '../../../shared/stages';
import { WriteConditionError, type AuditLog } from '../../lib/audit/log';
import type { AwardsStore, RoundRecord } from '../../lib/awards/store';
import { AppError, conflict, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { roundAtVersion } from './rounds';

/** What creating, reading and configuring rounds needs: the awards table and the audit log (the only writer). */
export interface RoundConfigDeps {
  readonly audit: AuditLog;
  readonly awards: AwardsStore;
}

/** The top-level fields of a round configuration, in the schema's order (taken from the schema, so a new field is locked like the others). */
export const CONFIG_FIELDS = Object.keys(RoundConfigSchema.pipe[0].entries) as (keyof RoundConfig)[];

const isRoundStage = (stage: string): stage is RoundStage => (ROUND_STAGES as readonly string[]).includes(stage);
// A stage this code does not know is treated as the last one: nothing may change (fail closed).
const stageOf = (round: RoundRecord): RoundStage => (isRoundStage(round.stage) ? round.stage : 'announcement');

/** Whether a round's configuration can change at all at `stage`: until the announcement. */
export const isConfigurable = (stage: RoundStage): boolean => stage !== 'announcement';

// When reminders go out and how teams are drawn is how the office runs the round, not a rule anyone registered under: it may change until the announcement (each draw commits the rules it used).
const OPERATIONAL_FIELDS: ReadonlySet<string> = new Set(['dates', 'reminders', 'draw']);

const passed = (date: string, now: Date) => Date.parse(date) <= now.getTime();

// DOMAIN.md stage 0: the call fixes the rules every applicant registers under. Once registration has opened, a change
// of quota, threshold, weights, eligibility … could favour or harm someone already in, so only dates still ahead may move.
/** What can no longer change at `stage`: top-level field names, plus `dates.<field>` for milestones already passed. */
export function lockedFields(stage: RoundStage, config: RoundConfig, now: Date): string[] {
  if (stage === 'call') return [];
  if (!isConfigurable(stage)) return [...CONFIG_FIELDS];
  return [
    ...CONFIG_FIELDS.filter((field) => !OPERATIONAL_FIELDS.has(field)),
    ...ROUND_DATE_FIELDS.filter((field) => passed(config.dates[field], now)).map((field) => `dates.${field}`),
  ];
}

/**
 * The fields a change from `before` to `after` touches that `stage` no longer
 * lets change (empty: the change is allowed). After the call a date may move
 * only while it is still ahead, and never into the past.
 */
export function lockedChanges(stage: RoundStage, before: RoundConfig, after: RoundConfig, now: Date): string[] {
  if (stage === 'call') return [];
  if (!isConfigurable(stage)) return CONFIG_FIELDS.filter((field) => canonicalJson(before[field]) !== canonicalJson(after[field]));
  const fields: string[] = CONFIG_FIELDS.filter((field) => !OPERATIONAL_FIELDS.has(field) && canonicalJson(before[field]) !== canonicalJson(after[field]));
  for (const field of ROUND_DATE_FIELDS) {
    const [was, will] = [before.dates[field], after.dates[field]];
    if (Date.parse(was) === Date.parse(will)) continue;
    if (passed(was, now) || passed(will, now)) fields.push(`dates.${field}`);
  }
  return fields;
}

/** A round as the office and supervisors see it. A stored configuration that does not parse (never set) is shown as stored. */
export function roundView(round: RoundRecord, now: Date): RoundView {
  const stage = stageOf(round);
  const parsed = parseRoundConfig(round.config);
  const config = parsed.ok ? parsed.config : (round.config as RoundConfig);
  return {
    roundId: round.roundId,
    programmeId: round.programmeId,
    name: round.name,
    stage,
    ...(round.stageSince ? { stageSince: round.stageSince } : {}),
    ...(round.noticeOpenedAt ? { noticeOpenedAt: round.noticeOpenedAt } : {}),
    ...(round.noticeEndsAt ? { noticeEndsAt: round.noticeEndsAt } : {}),
    config,
    lockedFields: parsed.ok ? lockedFields(stage, parsed.config, now) : isConfigurable(stage) ? [] : [...CONFIG_FIELDS],
    configurable: isConfigurable(stage),
    createdAt: round.createdAt,
    version: round.version,
  };
}

const configInvalid = (issues: readonly ConfigIssue[]) => new AppError('CONFIG_INVALID', 422, { issues }, { count: issues.length });
const roundExists = (roundId: string) => new AppError('ROUND_EXISTS', 409, { roundId }, { roundId });
const actorOf = (session: Session) => ({ personId: session.personId, role: session.role });
// The public programmes list reads these two dates from the round record itself.
const mirroredDates = (config: RoundConfig) => ({ registrationOpens: config.dates.registrationOpens, submissionDeadline: config.dates.submissionDeadline });

/** The rounds of the caller's programme, newest first (latest registration opening, as the public list and the office's picker order them). */
export async function listRounds(deps: RoundConfigDeps, session: Session, now: Date): Promise<RoundView[]> {
  const rounds = await deps.awards.listProgrammeRounds(session.programmeId);
  // Dates may carry offsets (`+08:00`): compare instants, not strings.
  const time = (iso: string | undefined) => Date.parse(iso ?? '') || 0;
  const newestFirst = (a: RoundRecord, b: RoundRecord) =>
    time(b.registrationOpens) - time(a.registrationOpens) || time(b.createdAt) - time(a.createdAt) || a.roundId.localeCompare(b.roundId);
  return rounds.sort(newestFirst).map((round) => roundView(round, now));
}

/** One round of the caller's programme; any other is "not found". */
export async function getRound(deps: RoundConfigDeps, session: Session, roundId: string, now: Date): Promise<RoundView> {
  const round = roundId ? await deps.awards.getProgrammeRound(session.programmeId, roundId) : undefined;
  if (!round) throw notFound();
  return roundView(round, now);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The call (DOMAIN.md stage 0): the office creates a round of its programme
 * with a valid configuration (defaults filled), audited. Round ids are global
 * (the audit chain is `round:<id>`): an id any programme uses answers 409
 * ROUND_EXISTS and nothing is written.
 */
export async function createRound(
  deps: RoundConfigDeps,
  session: Session,
  input: v.InferOutput<typeof CreateRoundBody>,
  now: Date,
  requestId: string,
): Promise<RoundView> {
  // A round is read in its programme's time zone unless its configuration names another (issue #14).
  const programme = await deps.awards.getProgramme(session.programmeId);
  const config = programme?.timeZone && isPlainObject(input.config) && !('timeZone' in input.config) ? { ...input.config, timeZone: programme.timeZone } : input.config;
  const parsed = parseRoundConfig(config);
  if (!parsed.ok) throw configInvalid(parsed.issues);
  // The index is eventually consistent, so the put below is conditional too (it catches a same-programme race).
  if (await deps.awards.getRound(input.roundId)) throw roundExists(input.roundId);
  const state = newRound(input.roundId, now.toISOString());
  const round: RoundRecord = {
    programmeId: session.programmeId,
    roundId: input.roundId,
    name: input.name,
    stage: state.stage,
    stageSince: state.stageSince,
    ...mirroredDates(parsed.config),
    config: parsed.config,
    createdAt: now.toISOString(),
    version: 1,
  };
  try {
    await deps.audit.commit({
      scope: roundScope(round.roundId),
      actor: actorOf(session),
      action: 'round.created',
      target: { type: 'round', id: round.roundId },
      context: { stage: round.stage },
      state: round,
      requestId,
      now,
      writes: [deps.awards.roundPut(round)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw roundExists(round.roundId);
    throw error;
  }
  return roundView(round, now);
}

/**
 * The office changes a round's name and configuration, based on the version it
 * read (stale: 409 CONFLICT, nothing written). At the call anything may change;
 * from registration until the announcement only the name and dates still ahead
 * (422 CONFIG_LOCKED naming the fields); at the announcement nothing (422
 * STAGE_CLOSED). An unchanged name and configuration write nothing.
 */
export async function configureRound(
  deps: RoundConfigDeps,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof ConfigureRoundBody>,
  now: Date,
  requestId: string,
): Promise<RoundView> {
  const round = await roundAtVersion(deps, session, roundId, input.version);
  const stage = stageOf(round);
  if (!isConfigurable(stage)) throw new AppError('STAGE_CLOSED', 422, { stage });
  const parsed = parseRoundConfig(input.config);
  if (!parsed.ok) throw configInvalid(parsed.issues);

  const name = input.name ?? round.name;
  // A round stored without a valid configuration could never be registered for: nothing in it to protect.
  const before = parseRoundConfig(round.config);
  if (before.ok && canonicalJson({ name: round.name, config: before.config }) === canonicalJson({ name, config: parsed.config })) {
    return roundView(round, now);
  }
  const locked = before.ok ? lockedChanges(stage, before.config, parsed.config, now) : [];
  if (locked.length > 0) throw new AppError('CONFIG_LOCKED', 422, { fields: locked }, { fields: locked.join(', ') });

  const next: RoundRecord = { ...round, name, config: parsed.config, ...mirroredDates(parsed.config), version: round.version + 1 };
  try {
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: 'round.configured',
      target: { type: 'round', id: roundId },
      context: { stage },
      state: { name, config: parsed.config, version: next.version },
      requestId,
      now,
      writes: [deps.awards.roundUpdate(next, round.version)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw conflict();
    throw error;
  }
  return roundView(next, now);
}
