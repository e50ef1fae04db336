import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { SYSTEM_ACTOR, type AuditAction } from '../../shared/audit/actions';
import { roundScope, type AuditEntry } from '../../shared/audit/chain';
import type { RoundConfig } from '../../shared/round';
import type { TransactItem } from '../../functions/lib/audit/log';
import { AwardsStore, type RoundRecord } from '../../functions/lib/awards/store';
import { tableName } from '../../functions/lib/config';
import { OutcomeStore, type StandingRecord } from '../../functions/lib/outcome/store';
import { stackRuntime } from './applications-helpers';
import { api, baseUrl } from './helpers';
import { seedRound } from './rounds-helpers';

const DAY = 24 * 60 * 60 * 1000;

/** The awards and outcome stores as the publication function sees them (for seeding and reading back in tests). */
export async function outcomeTables() {
  const rt = await stackRuntime();
  const table = tableName(rt.config, 'awards');
  return { awards: new AwardsStore(rt.clients.ddb, table), outcome: new OutcomeStore(rt.clients.ddb, table) };
}

/** Commits seed writes the way the functions do: in one transaction with an entry of the round's chain. */
async function seed(roundId: string, action: AuditAction, target: { type: string; id: string }, state: unknown, writes: TransactItem[]): Promise<void> {
  const rt = await stackRuntime();
  await rt.audit.commit({ scope: roundScope(roundId), actor: SYSTEM_ACTOR, action, target, state, requestId: 'test', now: new Date(), writes });
}

/** How the seeded applications end up: proposed by the vote, voted down, objected to by a department, below the threshold. */
export type SeededFate = 'proposed' | 'notProposed' | 'objected' | 'belowThreshold';

/** One seeded application of the evaluation. */
export interface SeededStanding extends StandingRecord {
  readonly fate: SeededFate;
}

/** A round at deliberation with its recorded evaluation, every department's opinion and the committee's votes. */
export interface DeliberatedRound {
  readonly round: RoundRecord;
  readonly config: RoundConfig;
  /** Best first. */
  readonly standings: readonly SeededStanding[];
  /** The proposed winners' ids, best first. */
  readonly proposed: readonly string[];
}

/**
 * Seeds a round straight at deliberation (stages 7–9 done) with the records the
 * outcome use cases write (OutcomeStore's shapes), each audited like the seed:
 * the evaluation (final scores in 1/100,000 point), all departments' opinions on
 * every candidate, a vote on every cleared one. `fates` is in ranking order.
 */
export async function seedDeliberatedRound(
  fates: readonly SeededFate[] = ['proposed', 'proposed', 'notProposed', 'proposed', 'objected', 'belowThreshold'],
  options: { programmeId?: string } = {},
): Promise<DeliberatedRound> {
  const round = await seedRound({ when: 'closed', stage: 'deliberation', ...(options.programmeId ? { programmeId: options.programmeId } : {}) });
  const config = round.config as RoundConfig;
  const { outcome } = await outcomeTables();
  const at = new Date().toISOString();
  const recorded = { at, by: SYSTEM_ACTOR.personId, byName: '评审委员会办公室' };
  // Distinct, not round, descending final scores: 812.34567, 790.12345, …; the last one below the 500-point threshold.
  const standings: SeededStanding[] = fates.map((fate, i) => ({
    fate,
    applicationId: ulid(),
    organisation: { name: `公示测试单位${i + 1}有限公司`, district: '高新区', industry: '制造业' },
    material: 80_000 - i * 1_000,
    onSite: 81_000 - i * 1_000,
    defense: 82_000 - i * 1_000,
    results: 30_000,
    final: fate === 'belowThreshold' ? 45_012_345 : 81_234_567 - i * 2_211_222,
    rank: i + 1,
    candidate: fate !== 'belowThreshold',
  }));
  const strip = ({ fate: _fate, ...s }: SeededStanding): StandingRecord => s;
  const evaluation = {
    ...recorded,
    roundId: round.roundId,
    standings: standings.map(strip),
    settings: { weights: config.weights, candidateThreshold: config.candidateThreshold, winnersQuota: config.winnersQuota },
  };
  await seed(round.roundId, 'evaluation.recorded', { type: 'round', id: round.roundId }, evaluation, [outcome.evaluationPut(evaluation)]);
  for (const s of standings.filter((x) => x.candidate)) {
    for (const department of config.opinionDepartments) {
      const objection = s.fate === 'objected' && department === config.opinionDepartments[0];
      const opinion = { ...recorded, applicationId: s.applicationId, department, objection, text: objection ? '该单位存在失信记录。' : '无异议。' };
      await seed(round.roundId, 'opinion.recorded', { type: 'application', id: s.applicationId }, opinion, [outcome.opinionPut(round.roundId, opinion)]);
    }
    if (s.fate === 'objected') continue;
    const proposed = s.fate === 'proposed';
    const vote = { ...recorded, applicationId: s.applicationId, for: proposed ? 15 : 5, against: proposed ? 4 : 14, abstain: 2, proposed };
    await seed(round.roundId, 'vote.cast', { type: 'application', id: s.applicationId }, vote, [
      outcome.votePut(round.roundId, vote),
      ...(proposed ? [outcome.proposalCount(round.roundId, config.winnersQuota)] : []),
    ]);
  }
  return { round, config, standings, proposed: standings.filter((s) => s.fate === 'proposed').map((s) => s.applicationId) };
}

/**
 * Time passing, for tests only: moves the round's notice period into the past
 * (opened `daysAgo` days ago, ended an hour ago) straight in the awards table,
 * without a new version or an audit entry — nothing the office does; the
 * domain's clock is the request's time.
 */
export async function endNoticePeriod(roundId: string, programmeId = 'city', daysAgo = 8): Promise<RoundRecord> {
  const rt = await stackRuntime();
  const { awards } = await outcomeTables();
  const round = (await awards.getProgrammeRound(programmeId, roundId))!;
  const now = Date.now();
  const next: RoundRecord = { ...round, noticeOpenedAt: new Date(now - daysAgo * DAY).toISOString(), noticeEndsAt: new Date(now - 60 * 60 * 1000).toISOString() };
  await rt.clients.ddb.send(new PutCommand(awards.roundUpdate(next, round.version).Put!));
  return next;
}

/** A published document as the public site serves it: status, content type and the exact bytes. */
export async function fetchResult(path: string): Promise<{ status: number; contentType: string | null; bytes: Buffer; json: any }> {
  const res = await fetch(baseUrl() + path);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, contentType: res.headers.get('content-type'), bytes, json: res.status === 200 ? JSON.parse(bytes.toString('utf8')) : undefined };
}

/** A round's chain as a supervisor or the office exports it over the API (every page). */
export async function exportChain(roundId: string, cookie: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let after = 0;
  for (;;) {
    const res = await api('GET', `/api/publication/audit/${encodeURIComponent(roundScope(roundId))}/entries?after=${after}`, { cookie });
    if (res.status !== 200) throw new Error(`chain export failed: ${res.status} ${JSON.stringify(res.body)}`);
    entries.push(...res.body.entries);
    if (res.body.nextAfter === undefined) return entries;
    after = res.body.nextAfter;
  }
}

/** A valid objection against an application. */
export const objectionBody = (applicationId: string, objectorName = '张实名') => ({
  applicationId,
  objectorName,
  objectorContact: '138-0000-0000, zhang.shiming@example.org',
  statement: '该单位申报材料中的顾客满意度数据与实际不符。',
  evidence: '附件一：第三方调查报告（编号 2026-117）；附件二：投诉记录复印件。',
});
