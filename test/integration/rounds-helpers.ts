import { randomInt } from 'node:crypto';
import { SYSTEM_ACTOR, type AuditAction } from '../../shared/audit/actions';
import { programmeScope, roundScope } from '../../shared/audit/chain';
import type { AssignmentStatus, ReviewStage } from '../../shared/api/reviews';
import { defaultRoundConfig, type RoundConfig } from '../../shared/round';
import type { TransactItem } from '../../functions/lib/audit/log';
import { AwardsStore, type RoundRecord } from '../../functions/lib/awards/store';
import { tableName } from '../../functions/lib/config';
import { reviewKeys } from '../../functions/lib/reviews/keys';
import { stackRuntime } from './applications-helpers';
import { api, linkedChain, signInAdmin } from './helpers';

const DAY = 24 * 60 * 60 * 1000;

const awards = async () => {
  const rt = await stackRuntime();
  return new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards'));
};

/** Round dates around now: registration open (`open`) or registration and submission both over (`closed`). */
export function roundDates(when: 'open' | 'closed', now = Date.now()): RoundConfig['dates'] {
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  return when === 'open'
    ? { registrationOpens: at(-1), registrationCloses: at(30), submissionDeadline: at(30), materialReviewDeadline: at(60), onSiteDeadline: at(90), defenseDate: at(120) }
    : { registrationOpens: at(-10), registrationCloses: at(-5), submissionDeadline: at(-4), materialReviewDeadline: at(30), onSiteDeadline: at(60), defenseDate: at(90) };
}

/** Commits test seed writes the way the functions do: in one transaction with an entry of the chain. */
async function seed(scope: string, action: AuditAction, target: { type: string; id: string }, state: unknown, writes: TransactItem[]): Promise<void> {
  const rt = await stackRuntime();
  await rt.audit.commit({ scope, actor: SYSTEM_ACTOR, action, target, state, requestId: 'test', now: new Date(), writes });
}

/**
 * A round straight in the awards table (audited like the seed), at the
 * registration stage unless told otherwise; `config: null` stores it without a configuration.
 */
export async function seedRound(
  options: { programmeId?: string; when?: 'open' | 'closed'; stage?: string; config?: null } = {},
): Promise<RoundRecord> {
  const now = Date.now();
  const programmeId = options.programmeId ?? 'city';
  const config = defaultRoundConfig(roundDates(options.when ?? 'open', now));
  const roundId = `${programmeId}-stage-${now.toString(36)}-${randomInt(1e6)}`;
  const round: RoundRecord = {
    programmeId,
    roundId,
    name: { 'zh-CN': '阶段测试轮次', en: 'Stage test round' },
    stage: options.stage ?? 'registration',
    registrationOpens: config.dates.registrationOpens,
    submissionDeadline: config.dates.submissionDeadline,
    ...(options.config === null ? {} : { config }),
    createdAt: new Date(now).toISOString(),
    version: 1,
  };
  await seed(roundScope(roundId), 'round.created', { type: 'round', id: roundId }, round, [(await awards()).roundPut(round)]);
  return round;
}

/** Another programme (a district's award) with one round of its own. */
export async function seedOtherProgramme(): Promise<RoundRecord> {
  const programmeId = `district-${Date.now().toString(36)}-${randomInt(1e6)}`;
  const programme = { programmeId, name: { 'zh-CN': '测试区质量奖', en: 'Test District Quality Award' }, createdAt: new Date().toISOString() };
  await seed(programmeScope(programmeId), 'programme.created', { type: 'programme', id: programmeId }, programme, [(await awards()).programmePut(programme)]);
  return seedRound({ programmeId, when: 'closed' });
}

/** The office changes a round's dates (audited 'round.configured'), e.g. to close registration and submission. */
export async function redateRound(roundId: string, when: 'open' | 'closed'): Promise<RoundRecord> {
  const store = await awards();
  const round = (await store.getRound(roundId))!;
  const config = { ...(round.config as RoundConfig), dates: roundDates(when) };
  const next: RoundRecord = {
    ...round,
    config,
    registrationOpens: config.dates.registrationOpens,
    submissionDeadline: config.dates.submissionDeadline,
    version: round.version + 1,
  };
  await seed(roundScope(roundId), 'round.configured', { type: 'round', id: roundId }, next, [store.roundUpdate(next, round.version)]);
  return next;
}

/** A review item in the layout the scoring function writes (partition `ROUND#<roundId>`, top-level attributes). */
export type ReviewItem =
  | { kind: 'assignment'; applicationId: string; stage: ReviewStage; reviewerId: string; status: AssignmentStatus; leader?: boolean }
  | { kind: 'consensus'; applicationId: string; stage: ReviewStage; total: number }
  | { kind: 'shortlist'; applicationId: string; shortlisted: boolean };

const ACTION_OF: Record<ReviewItem['kind'], AuditAction> = {
  assignment: 'assignment.made',
  consensus: 'consensus.recorded',
  shortlist: 'application.shortlistDecided',
};

/** Writes (or replaces) review items directly into the reviews table, one audited commit per item. */
export async function putReviewItems(roundId: string, items: readonly ReviewItem[]): Promise<void> {
  const rt = await stackRuntime();
  const table = tableName(rt.config, 'reviews');
  for (const item of items) {
    const pk = reviewKeys.round(roundId);
    let key: Record<string, string>;
    let attributes: Record<string, unknown>;
    if (item.kind === 'assignment') {
      key = {
        pk,
        sk: reviewKeys.assignment(item.applicationId, item.stage, item.reviewerId),
        gsi1pk: reviewKeys.reviewer(item.reviewerId),
        gsi1sk: reviewKeys.reviewerSort(roundId, item.applicationId, item.stage),
      };
      attributes = { applicationId: item.applicationId, stage: item.stage, reviewerId: item.reviewerId, status: item.status, leader: item.leader ?? false };
    } else if (item.kind === 'consensus') {
      key = { pk, sk: reviewKeys.consensus(item.applicationId, item.stage) };
      attributes = { applicationId: item.applicationId, stage: item.stage, total: item.total };
    } else {
      key = { pk, sk: reviewKeys.shortlist(item.applicationId) };
      attributes = { applicationId: item.applicationId, shortlisted: item.shortlisted };
    }
    const record = { roundId, ...attributes };
    await seed(roundScope(roundId), ACTION_OF[item.kind], { type: item.kind, id: key.sk! }, record, [
      { Put: { TableName: table, Item: { ...key, kind: item.kind, ...record } } },
    ]);
  }
}

/** Asks to move a round; the admin's cookie unless another is given. */
export async function moveTo(roundId: string, to: string, version: number, cookie?: string) {
  return api('POST', `/api/publication/rounds/${encodeURIComponent(roundId)}/stage`, { cookie: cookie ?? (await signInAdmin()), body: { to, version } });
}

/** The actions of a round's audit chain, oldest first (read straight from the audit table). */
export async function chainActions(roundId: string): Promise<string[]> {
  const rt = await stackRuntime();
  return (await linkedChain(rt.audit, roundScope(roundId))).map((e) => e.action);
}

/** The stage the public site shows for a round. */
export async function publicStage(roundId: string): Promise<string | undefined> {
  const res = await api('GET', '/api/publication/programmes');
  for (const p of res.body.programmes as { rounds: { roundId: string; stage: string }[] }[]) {
    const round = p.rounds.find((r) => r.roundId === roundId);
    if (round) return round.stage;
  }
  return undefined;
}
