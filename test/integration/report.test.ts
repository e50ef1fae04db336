import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { SYSTEM_ACTOR } from '../../shared/audit/actions';
import { roundScope } from '../../shared/audit/chain';
import type { RoundExportResponse, RoundReportResponse, RoundSummaryResponse } from '../../shared/api/report';
import { ApplicationsRepository, type ApplicationRecord } from '../../functions/lib/applications/repository';
import { tableName } from '../../functions/lib/config';
import { registration, signInApplicant, stackRuntime } from './applications-helpers';
import { api, signInAdmin, uniqueEmail } from './helpers';
import { endNoticePeriod, objectionBody } from './notice-helpers';
import { consensusCard, outcomePaths, recordOpinion, recordVote, seedOutcomeRound } from './outcome-helpers';
import { assignTeam, clearDeclaration, createReviewRound, eligibleApplication, foreignAdmin, fullCard, invitedPerson, moveRoundTo, paths, scoreAndSubmit } from './reviews-helpers';
import { moveTo } from './rounds-helpers';

const report = (roundId: string) => `/api/publication/rounds/${roundId}/report`;
const exported = (roundId: string) => `/api/publication/rounds/${roundId}/export`;
const summary = (roundId: string) => `/api/publication/rounds/${roundId}/summary`;

/** An organisation that registered online and never submitted, straight in the table (audited like the seed). */
async function registeredOnly(roundId: string, organisation: Record<string, unknown>): Promise<string> {
  const rt = await stackRuntime();
  const applications = new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications'));
  const body = registration(roundId, organisation);
  const at = new Date().toISOString();
  const app: ApplicationRecord = {
    applicationId: ulid(),
    roundId,
    programmeId: 'city',
    ownerPersonId: `owner-${ulid()}`,
    status: 'registered',
    organisation: body.organisation as ApplicationRecord['organisation'],
    declarations: { ...body.declarations, majorIncidents: [], seriousPenalties: [] } as unknown as ApplicationRecord['declarations'],
    selfCheck: { eligible: true, failures: [] },
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await rt.audit.commit({ scope: roundScope(roundId), actor: SYSTEM_ACTOR, action: 'application.registered', target: { type: 'seed', id: app.applicationId }, state: app, requestId: 'test', now: new Date(), writes: [...applications.registration(app)] });
  return app.applicationId;
}

const NAMES = ['甲报告测试有限公司', '乙报告测试有限公司', '丙报告测试有限公司', '丁报告测试有限公司', '戊报告测试有限公司', '己报告测试有限公司', '庚报告测试有限公司'];

let roundId: string;
let version: number;
let ids: string[];
let admin: string;
let supervisor: string;

beforeAll(async () => {
  admin = await signInAdmin();
  const seeded = await seedOutcomeRound({
    config: { winnersQuota: 3, opinionDepartments: ['credit'] },
    applications: [
      { name: NAMES[0]!, material: consensusCard(80), onSite: consensusCard(80), panelScores: [80_000, 80_000] },
      { name: NAMES[1]!, material: consensusCard(70), onSite: consensusCard(75), panelScores: [75_000, 75_000] },
      { name: NAMES[2]!, material: consensusCard(75), onSite: consensusCard(70), panelScores: [70_000, 70_000] },
      { name: NAMES[3]!, material: consensusCard(65), onSite: consensusCard(65), panelScores: [65_000, 65_000] },
      { name: NAMES[4]!, material: consensusCard(40), onSite: consensusCard(40), panelScores: [40_000, 40_000] },
      { name: NAMES[5]!, material: consensusCard(30), onSite: consensusCard(30), notShortlisted: true },
      { name: NAMES[6]!, material: consensusCard(30), onSite: consensusCard(30), ineligible: '成立未满三年。' },
    ],
  });
  ({ roundId, version } = seeded);
  ids = [...seeded.applicationIds];
  await registeredOnly(roundId, { name: '辛报告测试有限公司', district: '台江区', industry: '建筑业', size: 'small' });
  await registeredOnly(roundId, { name: '壬报告测试有限公司', district: '台江区', industry: '建筑业', size: 'micro' });
  supervisor = (await invitedPerson('supervisor', { name: '报告监督员' })).cookie;
}, 240_000);
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const counts = (body: RoundReportResponse | RoundSummaryResponse) => Object.fromEntries(body.funnel.map((s) => [s.step, s.count]));

describe("the round's report: the funnel counted from the stored records", () => {
  it('counts each step at comprehensive evaluation, before anything of the outcome is recorded', async () => {
    const res = await api<RoundReportResponse>('GET', report(roundId), { cookie: admin });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(counts(res.body)).toEqual({ registered: 9, submitted: 7, eligible: 6, reviewed: 6, shortlisted: 5, visited: 5, defended: 5, candidates: 0, proposed: 0, awarded: 0 });
    // The share is of the step before: 7 of 9 submitted is 77.8%; 6 of 7 eligible 85.7%.
    expect(res.body.funnel[0]).toEqual({ step: 'registered', count: 9 });
    expect(res.body.funnel[1]).toEqual({ step: 'submitted', count: 7, sharePerMille: 778 });
    expect(res.body.funnel[2]).toEqual({ step: 'eligible', count: 6, sharePerMille: 857 });
    expect(res.body.funnel.at(-1)).toEqual({ step: 'awarded', count: 0 });
  });

  it('breaks the funnel down by district, industry and size as the profiles store them', async () => {
    const { body } = await api<RoundReportResponse>('GET', report(roundId), { cookie: supervisor });
    expect(body.breakdowns.district).toEqual([
      { value: '鼓楼区', counts: expect.objectContaining({ registered: 7, submitted: 7, eligible: 6, shortlisted: 5 }) },
      { value: '台江区', counts: expect.objectContaining({ registered: 2, submitted: 0, eligible: 0 }) },
    ]);
    expect(body.breakdowns.size.map((r) => [r.value, r.counts.registered])).toEqual([['medium', 7], ['micro', 1], ['small', 1]]);
    expect(body.breakdowns.industry.map((r) => r.value)).toEqual(['制造业', '建筑业']);
  });

  it('gives the distributions per stage and how each rank moved, from the consensus and panel scores', async () => {
    const { body } = await api<RoundReportResponse>('GET', report(roundId), { cookie: admin });
    const material = body.distributions.find((d) => d.stage === 'materialReview')!;
    // Material totals: 800, 700, 750, 650, 400, 300, 300 is not there (ineligible): 6 values in bins of 100 points.
    expect(material.total).toEqual({ n: 6, counts: [0, 0, 0, 1, 1, 0, 1, 2, 1, 0] });
    expect(material.categories).toHaveLength(7);
    expect(material.categories[0]).toMatchObject({ categoryId: '4.1', points: 110, histogram: { n: 6 } });
    expect(body.distributions.find((d) => d.stage === 'defense')!.total.n).toBe(5);
    const moved = Object.fromEntries(body.movements.map((m) => [m.organisationName, m.ranks]));
    expect(moved[NAMES[1]!]).toEqual({ materialReview: 3, onSite: 2, defense: 2 });
    expect(moved[NAMES[2]!]).toEqual({ materialReview: 2, onSite: 3, defense: 3 });
    expect(moved[NAMES[5]!]).toEqual({ materialReview: 6 });
    expect(body.movements).toHaveLength(6);
  });
});

describe('who may read the report and export it', () => {
  it('refuses applicants and experts (403) and another programme (404); the public summary is 404 before the announcement', async () => {
    const applicant = await signInApplicant(uniqueEmail('report-applicant'));
    const expert = (await invitedPerson('expert', { name: '报告专家' })).cookie;
    for (const cookie of [applicant, expert]) {
      for (const path of [report(roundId), exported(roundId)]) {
        const res = await api('GET', path, { cookie });
        expect(res.status, path).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
    const foreign = await foreignAdmin();
    for (const path of [report(roundId), exported(roundId)]) expect((await api('GET', path, { cookie: foreign })).status).toBe(404);
    expect((await api('GET', report(roundId))).status).toBe(401);
    const early = await api('GET', summary(roundId));
    expect(early.status).toBe(404);
    expect(JSON.stringify(early.body)).not.toContain(NAMES[0]!);
  });
});

describe('the round taken to the announcement: the report, the export and the public summary', () => {
  beforeAll(async () => {
    const recorded = await api('POST', outcomePaths.evaluation(roundId), { cookie: admin, body: { version } });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    let moved = await moveTo(roundId, 'opinions', version);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    for (const id of ids.slice(0, 3)) expect((await recordOpinion(admin, roundId, id, 'credit')).status).toBe(201);
    expect((await recordOpinion(admin, roundId, ids[3]!, 'credit', true)).status).toBe(201);
    moved = await moveTo(roundId, 'deliberation', moved.body.version);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await recordVote(admin, roundId, ids[0]!, { for: 9, against: 1 })).status).toBe(201);
    expect((await recordVote(admin, roundId, ids[1]!, { for: 8, against: 2 })).status).toBe(201);
    expect((await recordVote(admin, roundId, ids[2]!, { for: 2, against: 8 })).status).toBe(201);
    moved = await moveTo(roundId, 'publicNotice', moved.body.version);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const filed = await api('POST', `/api/publication/rounds/${roundId}/objections`, { cookie: admin, body: objectionBody(ids[1]!, '李实名') });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const resolved = await api('POST', `/api/publication/rounds/${roundId}/objections/${filed.body.objectionId}/resolution`, { cookie: admin, body: { upheld: true, reason: '经核实，异议属实。' } });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    await endNoticePeriod(roundId);
    moved = await moveTo(roundId, 'announcement', moved.body.version);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  }, 240_000);

  it('counts the candidates, the proposed and the awarded; the committee ranking carries the weights and each department\'s advice', async () => {
    const { body } = await api<RoundReportResponse>('GET', report(roundId), { cookie: admin });
    expect(counts(body)).toMatchObject({ defended: 5, candidates: 4, proposed: 2, awarded: 1 });
    expect(body.funnel.find((s) => s.step === 'awarded')).toEqual({ step: 'awarded', count: 1, sharePerMille: 500 });
    expect(body.committee).toMatchObject({ weights: { material: 0.3, onSite: 0.5, defense: 0.2 }, candidateThreshold: 500, winnersQuota: 3, evaluationRecorded: true, departments: ['credit'] });
    expect(body.committee.standings.map((s) => s.organisationName)).toEqual(NAMES.slice(0, 5));
    expect(body.committee.standings[3]!.opinions).toEqual([{ department: 'credit', objection: true, text: 'credit 函复：有异议。' }]);
    expect(body.committee.standings.filter((s) => s.suggested)).toHaveLength(3);
    expect(body.movements[0]!.ranks).toEqual({ materialReview: 1, onSite: 1, defense: 1, final: 1 });
  });

  it('exports six sheets with Chinese headers: scores, consensus, ranking, opinions, votes and objections', async () => {
    const res = await api<RoundExportResponse>('GET', exported(roundId), { cookie: supervisor });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const sheets = Object.fromEntries(res.body.sheets.map((s) => [s.key, s]));
    expect(res.body.sheets.map((s) => s.name)).toEqual(['评分', '合议', '排名', '征求意见', '审议表决', '公示异议']);
    expect(sheets.scores!.headers.slice(0, 4)).toEqual(['申报组织', '阶段', '评审专家', '4.1.2 高层领导的作用（%）']);
    // The seeded round has no expert cards, only the panel's scores: two per application heard.
    expect(sheets.scores!.rows).toHaveLength(10);
    expect(sheets.scores!.rows.every((r) => r[1] === '陈述答辩')).toBe(true);
    expect(sheets.consensus!.rows).toHaveLength(11);
    expect(sheets.ranking!.rows.map((r) => [r[0], r[1], r[9], r[12]])).toEqual([
      [1, NAMES[0], '是', '是'],
      [2, NAMES[1], '是', '否'],
      [3, NAMES[2], '是', '否'],
      [4, NAMES[3], '是', '否'],
      [5, NAMES[4], '否', '否'],
    ]);
    expect(sheets.ranking!.rows[0]![8]).toBe('800.00');
    expect(sheets.opinions!.rows).toHaveLength(4);
    expect(sheets.opinions!.rows.map((r) => r[1])).toEqual(['信用主管部门', '信用主管部门', '信用主管部门', '信用主管部门']);
    expect(sheets.votes!.rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual(expect.arrayContaining([[NAMES[0], 9, 1, '是'], [NAMES[2], 2, 8, '否']]));
    expect(sheets.objections!.rows).toEqual([[NAMES[1], '李实名', expect.any(String), expect.any(String), expect.any(String), expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), '异议成立', '经核实，异议属实。', expect.stringMatching(/^\d{4}-/)]]);
  });

  it('publishes a summary: the funnel and distributions, and no organisation but the winner with its published score', async () => {
    const res = await api<RoundSummaryResponse>('GET', summary(roundId));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(counts(res.body)).toMatchObject({ registered: 9, submitted: 7, awarded: 1 });
    expect(res.body.winners).toEqual([{ rank: 1, organisation: { name: NAMES[0], district: '鼓楼区', industry: '制造业' }, finalScore: '800.00' }]);
    const text = JSON.stringify(res.body);
    for (const name of NAMES.slice(1)) expect(text).not.toContain(name);
    expect(text).not.toContain('李实名');
    expect(res.body).not.toHaveProperty('movements');
  });
});

describe("the export's scores sheet: every submitted card, never a draft", () => {
  it('lists each submitted card with its expert by name and each item’s percentage; a draft card is not read', async () => {
    const round = await createReviewRound({ teams: { materialReviewMin: 3, onSiteMin: 3, defensePanelMin: 5 } });
    const { applicationId } = await eligibleApplication(round, '闽清导出示范有限公司');
    const experts = [];
    for (let i = 0; i < 3; i++) experts.push(await invitedPerson('expert', { name: `导出专家${i + 1}`, organisation: `导出协会${i}` }));
    await moveRoundTo(round, 'materialReview');
    await assignTeam(applicationId, experts);
    await scoreAndSubmit(applicationId, experts[0]!, 40);
    await scoreAndSubmit(applicationId, experts[1]!, 55);
    await api('POST', paths.declare(applicationId), { cookie: experts[2]!.cookie, body: clearDeclaration });
    const draft = await api('PUT', paths.card(applicationId), { cookie: experts[2]!.cookie, body: { items: fullCard(95), version: 0 } });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);

    const res = await api<RoundExportResponse>('GET', exported(round), { cookie: admin });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const scores = res.body.sheets.find((s) => s.key === 'scores')!;
    expect(scores.rows.map((r) => [r[0], r[1], r[2], r[3], r.at(-1)])).toEqual([
      ['闽清导出示范有限公司', '材料评审', '导出专家1', 40, '400.00'],
      ['闽清导出示范有限公司', '材料评审', '导出专家2', 55, '550.00'],
    ]);
    expect(scores.rows[0]).toHaveLength(scores.headers.length);
    // The funnel at material review: one registered, submitted, eligible; no consensus yet.
    const { body } = await api<RoundReportResponse>('GET', report(round), { cookie: admin });
    expect(counts(body)).toMatchObject({ registered: 1, submitted: 1, eligible: 1, reviewed: 0 });
  }, 240_000);
});
