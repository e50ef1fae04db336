/**
 * What the deadline benchmarks (deadline.bench.ts) stand on: an HTTP client
 * that calls the local stack as the browser does, and seeding that writes
 * rounds, people, applications and assignments straight into the tables —
 * each write committed through the audit log with its entry, as the functions
 * and the demo seed do, so the chains stay complete and verifiable.
 * Sessions are opened through the real exchange route with link tokens signed
 * by the stack's key (what the outbox would have carried).
 */
import { randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import { CLIENT_HEADERS } from '../../shared/api/client-header';
import type { AssignmentRecord, DeclarationRecord, ScorecardRecord } from '../../functions/lib/reviews/repository';
import { ReviewsRepository } from '../../functions/lib/reviews/repository';
import { ApplicationsRepository, type ApplicationRecord } from '../../functions/lib/applications/repository';
import type { TransactItem } from '../../functions/lib/audit/log';
import { AwardsStore, type RoundRecord } from '../../functions/lib/awards/store';
import { tableName } from '../../functions/lib/config';
import type { PersonRecord } from '../../functions/lib/identity/store';
import { signLinkToken } from '../../functions/lib/identity/tokens';
import { signRegistrationToken } from '../../functions/lib/applications/registration-token';
import { OutcomeStore, type StandingRecord } from '../../functions/lib/outcome/store';
import type { Runtime } from '../../functions/lib/runtime';
import { SYSTEM_ACTOR, type AuditAction } from '../../shared/audit/actions';
import { programmeScope, roundScope } from '../../shared/audit/chain';
import { GBT19580_2012 } from '../../shared/criteria';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../../shared/eligibility';
import { defaultRoundConfig, type RoundConfig } from '../../shared/round';
import { scorecardTotals, type Scorecard } from '../../shared/scoring';
import type { RoundStage } from '../../shared/stages';

const DAY = 24 * 60 * 60 * 1000;
export const PROGRAMME = 'city';

/** A JSON answer of the API and how long it took (ms). */
export interface Answer<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
  readonly ms: number;
}

/** Calls the API over HTTP like the browser does. */
export async function call<T = any>(baseUrl: string, method: string, path: string, options: { body?: unknown; cookie?: string } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...CLIENT_HEADERS };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const start = performance.now();
  const res = await fetch(baseUrl + path, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers, ms: performance.now() - start };
}

/** Runs `fn` over `items` with at most `limit` at a time; results in order. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

/** The session cookie (name=value) from an answer's Set-Cookie. */
function cookieOf(answer: Answer): string {
  const set = answer.headers.getSetCookie()[0];
  if (answer.status !== 200 || !set) throw new Error(`session exchange failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return set.split(';')[0]!;
}

/** Exchanges a link token for a session cookie through the real route. */
export async function exchange(baseUrl: string, token: string): Promise<string> {
  return cookieOf(await call(baseUrl, 'POST', '/api/submission/auth/session', { body: { token } }));
}

/** A unified social credit code (GB 32100-2015) registered in Fuzhou, unique per `n` below 10⁹. */
export function creditCode(n: number): string {
  const digits = String(n).padStart(9, '0').split('').map((d) => CREDIT_CODE_ALPHABET[Number(d)]);
  const body = `91350100${digits.join('')}`;
  return body + creditCodeCheckCharacter(body);
}

/** A registration body of the API for one organisation. */
export function registrationBody(roundId: string, n: number) {
  return {
    roundId,
    organisation: {
      name: `基准测试制造${n}有限公司`,
      creditCode: creditCode(n),
      district: '鼓楼区',
      industry: '制造业',
      size: 'medium',
      address: `福州市鼓楼区示范路 ${n} 号`,
      legalRepresentative: '林法人',
      contactPerson: '陈联系',
      phone: '0591-12345678',
      email: `contact${n}@example.org`,
    },
    declarations: { legalPerson: true, establishedOn: '2010-05-01', goodCreditRecord: true, appliesPerformanceExcellence: true },
  };
}

/** A whole draft card as the review page sends it: every item with a percentage and both texts (about as long as a reviewer writes). */
export function draftItems(save: number) {
  return Object.fromEntries(
    GBT19580_2012.items.map((item, i) => [
      item.id,
      {
        percent: ((save + i) % 21) * 5,
        strengths: `${item.id} 方法系统、展开充分，第 ${save} 次保存：领导层定期评审战略目标，关键过程有测量和改进的证据。`,
        opportunities: `${item.id} 结果的对比数据不足，部分指标缺少三年以上的趋势。`,
      },
    ]),
  );
}

/** The stores of the tables the benchmarks seed. */
export function stores(rt: Runtime) {
  return {
    awards: new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards')),
    applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
    reviews: new ReviewsRepository(rt.clients.ddb, tableName(rt.config, 'reviews')),
    outcome: new OutcomeStore(rt.clients.ddb, tableName(rt.config, 'awards')),
    identityTable: tableName(rt.config, 'identity'),
    auditTables: { entries: tableName(rt.config, 'audit'), intents: tableName(rt.config, 'auditIntents') },
  };
}

/** Commits seed writes as the functions do: one transaction with the entry of `scope`. */
export async function seedCommit(rt: Runtime, scope: string, action: AuditAction, target: { type: string; id: string }, state: unknown, writes: TransactItem[]): Promise<void> {
  await rt.audit.commit({ scope, actor: SYSTEM_ACTOR, action, target, state, requestId: 'bench', now: new Date(), writes });
}

/** Round dates: registration open now (`open`), or registration and submission over (`closed`). */
function roundDates(when: 'open' | 'closed', now: number): RoundConfig['dates'] {
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  return when === 'open'
    ? { registrationOpens: at(-1), registrationCloses: at(30), submissionDeadline: at(30), materialReviewDeadline: at(60), onSiteDeadline: at(90), defenseDate: at(120) }
    : { registrationOpens: at(-10), registrationCloses: at(-5), submissionDeadline: at(-4), materialReviewDeadline: at(30), onSiteDeadline: at(60), defenseDate: at(90) };
}

/** A round of the programme at `stage`, created (audited) straight in the awards table. */
export async function seedRound(rt: Runtime, label: string, stage: RoundStage, when: 'open' | 'closed'): Promise<RoundRecord & { config: RoundConfig }> {
  const now = Date.now();
  const config = defaultRoundConfig(roundDates(when, now));
  const roundId = `${PROGRAMME}-bench-${label}-${now.toString(36)}-${randomInt(1e6)}`;
  const round = {
    programmeId: PROGRAMME,
    roundId,
    name: { 'zh-CN': `基准测试轮次（${label}）`, en: `Benchmark round (${label})` },
    stage,
    stageSince: new Date(now).toISOString(),
    registrationOpens: config.dates.registrationOpens,
    submissionDeadline: config.dates.submissionDeadline,
    config,
    createdAt: new Date(now).toISOString(),
    version: 1,
  };
  await seedCommit(rt, roundScope(roundId), 'round.created', { type: 'round', id: roundId }, round, [stores(rt).awards.roundPut(round)]);
  return round;
}

/** A submitted, eligible application of a round (as the submission function stores one), not committed yet. */
export function applicationRecord(roundId: string, n: number): ApplicationRecord {
  const body = registrationBody(roundId, n);
  const at = new Date().toISOString();
  return {
    applicationId: ulid(),
    roundId,
    programmeId: PROGRAMME,
    ownerPersonId: `owner-${ulid()}`,
    status: 'submitted',
    organisation: { ...body.organisation, size: 'medium' },
    declarations: { ...body.declarations, majorIncidents: [], seriousPenalties: [] },
    selfCheck: { eligible: true, failures: [] },
    eligibility: { decision: 'eligible', reason: '符合申报条件。', decidedAt: at, decidedBy: 'bench' },
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    version: 1,
  } as ApplicationRecord;
}

/** People of the programme with a role (audited 'person.invited'), each signed in through the exchange route. */
export async function signedInPeople(rt: Runtime, baseUrl: string, role: PersonRecord['role'], count: number, label: string): Promise<{ person: PersonRecord; cookie: string }[]> {
  const stamp = Date.now().toString(36);
  return pool(Array.from({ length: count }, (_, i) => i), 16, async (i) => {
    const now = new Date();
    const person: PersonRecord = {
      personId: ulid(),
      email: `${label}${i}.${stamp}@bench.merit.local`,
      name: `${label}${i}`,
      role,
      programmeId: PROGRAMME,
      status: 'active',
      createdAt: now.toISOString(),
      version: 1,
    };
    await seedCommit(rt, programmeScope(PROGRAMME), 'person.invited', { type: 'person', id: person.personId }, person, rt.identity.personPuts(person));
    const { token } = await signLinkToken(rt.key, person.personId, now);
    return { person, cookie: await exchange(baseUrl, token) };
  });
}

/** Applicants new to the programme, each signed in through a self-registration link (the exchange creates them). */
export async function signedInApplicants(rt: Runtime, baseUrl: string, count: number): Promise<string[]> {
  const stamp = Date.now().toString(36);
  return pool(Array.from({ length: count }, (_, i) => i), 16, async (i) => {
    const token = await signRegistrationToken(rt.key, `applicant${i}.${stamp}@bench.merit.local`, PROGRAMME, new Date());
    return exchange(baseUrl, token);
  });
}

/**
 * A round at the material review: `experts.length / teamSize` submitted,
 * eligible applications, each with a team of `teamSize` experts assigned and
 * declared clear (one audited commit per application and per expert).
 */
export async function seedReviewTeams(rt: Runtime, experts: readonly { person: PersonRecord }[], teamSize: number) {
  const { applications, reviews } = stores(rt);
  const round = await seedRound(rt, 'review', 'materialReview', 'closed');
  const apps = Array.from({ length: Math.ceil(experts.length / teamSize) }, (_, i) => applicationRecord(round.roundId, 100_000 + i));
  await pool(apps, 8, (app) =>
    seedCommit(rt, roundScope(round.roundId), 'application.registered', { type: 'application', id: app.applicationId }, app, applications.registration(app)),
  );
  const at = new Date().toISOString();
  const assignments = await pool(experts, 8, async ({ person }, i) => {
    const app = apps[Math.floor(i / teamSize)]!;
    const assignment: AssignmentRecord = {
      roundId: round.roundId,
      applicationId: app.applicationId,
      stage: 'materialReview',
      reviewerId: person.personId,
      reviewerName: person.name,
      leader: i % teamSize === 0,
      status: 'active',
      organisation: { name: app.organisation.name, district: app.organisation.district, industry: app.organisation.industry },
      assignedAt: at,
      assignedBy: SYSTEM_ACTOR.personId,
      version: 1,
      updatedAt: at,
    };
    const declaration: DeclarationRecord = {
      roundId: round.roundId,
      applicationId: app.applicationId,
      reviewerId: person.personId,
      reviewerName: person.name,
      declaredAt: at,
      relations: [],
      confidentialitySigned: true,
      impartialitySigned: true,
      conflicts: [],
    };
    await seedCommit(rt, roundScope(round.roundId), 'assignment.made', { type: 'assignment', id: `${app.applicationId}/${person.personId}` }, assignment, [
      reviews.assignmentPut(assignment),
      reviews.declarationPut(declaration),
    ]);
    return assignment;
  });
  return { round, assignments };
}

/** The card a save writes (for the raw baseline: the same item, the same size). */
export function cardRecord(assignment: AssignmentRecord, save: number, version: number): ScorecardRecord {
  const items = Object.fromEntries(Object.entries(draftItems(save)).map(([id, item]) => [id, item]));
  return {
    roundId: assignment.roundId,
    applicationId: assignment.applicationId,
    stage: assignment.stage,
    reviewerId: assignment.reviewerId,
    reviewerName: assignment.reviewerName,
    status: 'draft',
    items,
    version,
    updatedAt: new Date().toISOString(),
  };
}

/**
 * A round at deliberation with `count` eligible applications (both consensus
 * records and the site-visit shortlist each), the evaluation ranking all of
 * them, `candidates` above the threshold with every department's opinion and
 * the committee's vote, the first `quota` proposed: what moving to the public
 * notice reads and publishes.
 */
export async function seedDeliberatedRound(rt: Runtime, count: number, candidates: number) {
  const { applications, reviews, outcome } = stores(rt);
  const round = await seedRound(rt, 'notice', 'deliberation', 'closed');
  const { roundId } = round;
  const scope = roundScope(roundId);
  const at = new Date().toISOString();
  const card = (level: number) => Object.fromEntries(GBT19580_2012.items.map((i) => [i.id, level])) as Scorecard;
  const apps = Array.from({ length: count }, (_, i) => applicationRecord(roundId, 200_000 + i));
  await pool(apps, 8, async (app, i) => {
    const level = 80 - 5 * Math.floor((i * 12) / count);
    const consensus = (stage: 'materialReview' | 'onSite') => {
      const percents = card(level);
      const totals = scorecardTotals(percents, GBT19580_2012);
      return reviews.consensusPut({
        roundId,
        applicationId: app.applicationId,
        stage,
        items: Object.fromEntries(Object.entries(percents).map(([itemId, percent]) => [itemId, { percent: percent ?? level, rationale: '组内合议一致。' }])),
        categories: totals.categories,
        total: totals.total,
        flags: [],
        recordedBy: 'leader',
        recordedByName: '组长',
        recordedAt: at,
        basedOn: 5,
      });
    };
    const materialScore = scorecardTotals(card(level), GBT19580_2012).total;
    await seedCommit(rt, scope, 'application.registered', { type: 'application', id: app.applicationId }, app, [
      ...applications.registration(app),
      consensus('materialReview'),
      reviews.shortlistPut({ roundId, applicationId: app.applicationId, shortlisted: true, materialScore, decidedAt: at, decidedBy: 'bench' }),
      consensus('onSite'),
    ]);
  });
  const recorded = { at, by: SYSTEM_ACTOR.personId, byName: '评审委员会办公室' };
  // Final scores in 1/100,000 point, distinct and descending; the threshold is 500 points.
  const standings: StandingRecord[] = apps.map((app, i) => ({
    applicationId: app.applicationId,
    organisation: { name: app.organisation.name, district: app.organisation.district, industry: app.organisation.industry },
    material: 80_000 - i * 100,
    onSite: 81_000 - i * 100,
    defense: 82_000 - i * 100,
    results: 30_000,
    final: i < candidates ? 81_234_567 - i * 211_222 : 49_000_000 - i * 11_111,
    rank: i + 1,
    candidate: i < candidates,
  }));
  const evaluation = {
    ...recorded,
    roundId,
    standings,
    settings: { weights: round.config.weights, candidateThreshold: round.config.candidateThreshold, winnersQuota: round.config.winnersQuota },
  };
  await seedCommit(rt, scope, 'evaluation.recorded', { type: 'round', id: roundId }, evaluation, [outcome.evaluationPut(evaluation)]);
  await pool(standings.slice(0, candidates), 4, async (s, i) => {
    for (const department of round.config.opinionDepartments) {
      const opinion = { ...recorded, applicationId: s.applicationId, department, objection: false, text: '无异议。' };
      await seedCommit(rt, scope, 'opinion.recorded', { type: 'application', id: s.applicationId }, opinion, [outcome.opinionPut(roundId, opinion)]);
    }
    const proposed = i < round.config.winnersQuota;
    const vote = { ...recorded, applicationId: s.applicationId, for: proposed ? 15 : 5, against: proposed ? 4 : 14, abstain: 2, proposed };
    await seedCommit(rt, scope, 'vote.cast', { type: 'application', id: s.applicationId }, vote, [
      outcome.votePut(roundId, vote),
      ...(proposed ? [outcome.proposalCount(roundId, round.config.winnersQuota)] : []),
    ]);
  });
  return round;
}
