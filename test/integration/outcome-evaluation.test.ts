import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundScope, verifyChain } from '../../shared/audit/chain';
import { nodeSha256 } from '../../functions/lib/audit/log';
import { stackRuntime } from './applications-helpers';
import { api, linkedChain, signInAdmin } from './helpers';
import { consensusCard, outcomePaths, recordOpinion, recordVote, seedOutcomeRound, seedPanelScores, type SeededOutcomeRound } from './outcome-helpers';
import { foreignAdmin, invitedPerson, nothingWritten, oneEntry } from './reviews-helpers';
import { chainActions, moveTo, redateRound } from './rounds-helpers';

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

/** Asks for a move and expects a 422 refusal with `code`, nothing written. */
async function expectMoveRefused(roundId: string, to: string, version: number, code: string) {
  const res = await nothingWritten(roundId, () => moveTo(roundId, to, version));
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.error.code).toBe(code);
  return res.body.error as { code: string; details?: Record<string, unknown> };
}

/** Moves the round and expects it to land with one 'round.stageMoved' entry; returns the new version. */
async function expectMoved(roundId: string, to: string, version: number): Promise<number> {
  const before = await chainActions(roundId);
  const res = await moveTo(roundId, to, version);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body).toMatchObject({ stage: to, version: version + 1 });
  expect((await chainActions(roundId)).slice(before.length).filter((a) => a === 'round.stageMoved')).toEqual(['round.stageMoved']);
  return res.body.version as number;
}

/** Expects an error answer with this status and code. */
function expectError(res: { status: number; body: any }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
}

// Five applications before the panel (quota 2, threshold 500, departments credit and tax, a panel of two):
//   top     material 800.00, on-site 800.00, panel 800.00                       → final 800.00000
//   tieHigh material 600.00, on-site 640.00 (results 70 % = 280.00), panel (700.01 + 700.00) / 2 = 700.01 (half up) → 640.00200
//   tieLow  material 600.00, on-site 640.00 (results 55 % = 220.00), the same panel scores                          → 640.00200, after tieHigh
//   objected 550.00 everywhere                                                  → 550.00000
//   below   400.00 everywhere, not scored by the panel at first                 → 400.00000 once scored, no candidate
const APPLICATIONS = [
  { name: '甲卓越制造有限公司', material: consensusCard(80), onSite: consensusCard(80), panelScores: [80_000, 80_000] },
  { name: '乙精密仪器有限公司', material: consensusCard(60), onSite: consensusCard(60, 70), panelScores: [70_001, 70_000] },
  { name: '丙智能装备有限公司', material: consensusCard(60), onSite: consensusCard(70, 55), panelScores: [70_001, 70_000] },
  { name: '丁环保科技有限公司', material: consensusCard(55), onSite: consensusCard(55), panelScores: [55_000, 55_000] },
  { name: '戊食品有限公司', material: consensusCard(40), onSite: consensusCard(40) },
];

describe("a round's comprehensive evaluation, department opinions and the committee's vote, through the API", () => {
  let round: SeededOutcomeRound;
  let roundId: string;
  let version: number;
  let admin: string;
  let supervisor: string;
  let top: string, tieHigh: string, tieLow: string, objected: string, below: string;
  let preview: any;

  beforeAll(async () => {
    round = await seedOutcomeRound({ applications: APPLICATIONS, config: { winnersQuota: 2, opinionDepartments: ['credit', 'tax'] } });
    ({ roundId, version } = round);
    [top, tieHigh, tieLow, objected, below] = round.applicationIds as [string, string, string, string, string];
    admin = await signInAdmin();
    supervisor = (await invitedPerson('supervisor')).cookie;
  });

  it('previews the ranking before it is recorded: weighted exact finals, the results items breaking the tie, the threshold, and what an application lacks', async () => {
    const res = await nothingWritten(roundId, () => api('GET', outcomePaths.evaluation(roundId), { cookie: admin }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ roundId, roundStage: 'comprehensiveEvaluation', roundVersion: 1 });
    expect(res.body.roundName).toEqual({ 'zh-CN': expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) });
    expect(res.body.settings).toEqual({ weights: { material: 0.3, onSite: 0.5, defense: 0.2 }, candidateThreshold: 500, winnersQuota: 2 });
    expect(res.body.recorded).toBeUndefined();
    expect(res.body.standings.map((s: any) => [s.applicationId, s.material, s.onSite, s.results, s.defense, s.final, s.rank, s.candidate])).toEqual([
      [top, 80_000, 80_000, 32_000, 80_000, 80_000_000, 1, true],
      [tieHigh, 60_000, 64_000, 28_000, 70_001, 64_000_200, 2, true],
      [tieLow, 60_000, 64_000, 22_000, 70_001, 64_000_200, 3, true],
      [objected, 55_000, 55_000, 22_000, 55_000, 55_000_000, 4, true],
    ]);
    expect(res.body.standings[1].organisation).toEqual({ name: '乙精密仪器有限公司', district: '鼓楼区', industry: '制造业' });
    expect(res.body.unevaluable).toEqual([{ applicationId: below, organisation: { name: '戊食品有限公司', district: '鼓楼区', industry: '制造业' }, missing: ['defense'] }]);
    expect(res.body.suggestion).toEqual({ proposed: [top, tieHigh], tiedAtCutoff: [] });
  });

  it('refuses to record while an application before the panel lacks a score with 422 EVALUATION_INCOMPLETE, writing nothing', async () => {
    const res = await nothingWritten(roundId, () => api('POST', outcomePaths.evaluation(roundId), { cookie: admin, body: { version } }));
    expectError(res, 422, 'EVALUATION_INCOMPLETE');
    expect(res.body.error.details).toEqual({ count: 1 });
    expect(res.body.error.message.en).toContain('1 application(s)');
  });

  it('refuses comprehensive evaluation → opinions with EVALUATION_PENDING while nothing is recorded', async () => {
    await expectMoveRefused(roundId, 'opinions', version, 'EVALUATION_PENDING');
  });

  it('refuses a stale round version with 409 CONFLICT, writing nothing', async () => {
    await seedPanelScores(round, below, [40_000, 40_000]);
    version = (await redateRound(roundId, 'closed')).version;
    const res = await nothingWritten(roundId, () => api('POST', outcomePaths.evaluation(roundId), { cookie: admin, body: { version: version - 1 } }));
    expectError(res, 409, 'CONFLICT');
    expect((await api('GET', outcomePaths.evaluation(roundId), { cookie: admin })).body.recorded).toBeUndefined();
  });

  it('lets supervisors read every stage but answers 403 to their writes', async () => {
    for (const path of [outcomePaths.evaluation(roundId), outcomePaths.opinions(roundId), outcomePaths.deliberation(roundId)]) {
      expect((await api('GET', path, { cookie: supervisor })).status).toBe(200);
    }
    await nothingWritten(roundId, async () => {
      expectError(await api('POST', outcomePaths.evaluation(roundId), { cookie: supervisor, body: { version } }), 403, 'FORBIDDEN');
      expectError(await recordOpinion(supervisor, roundId, top, 'credit'), 403, 'FORBIDDEN');
      expectError(await recordVote(supervisor, roundId, top, { for: 5, against: 0 }), 403, 'FORBIDDEN');
    });
  });

  it("answers another programme's administrator 404 on every read and write, writing nothing", async () => {
    const foreign = await foreignAdmin();
    await nothingWritten(roundId, async () => {
      for (const path of [outcomePaths.evaluation(roundId), outcomePaths.opinions(roundId), outcomePaths.deliberation(roundId)]) {
        expectError(await api('GET', path, { cookie: foreign }), 404, 'NOT_FOUND');
      }
      expectError(await api('POST', outcomePaths.evaluation(roundId), { cookie: foreign, body: { version } }), 404, 'NOT_FOUND');
      expectError(await recordOpinion(foreign, roundId, top, 'credit'), 404, 'NOT_FOUND');
      expectError(await recordVote(foreign, roundId, top, { for: 5, against: 0 }), 404, 'NOT_FOUND');
    });
  });

  it('refuses opinions and votes before their stage with 422 STAGE_CLOSED', async () => {
    await nothingWritten(roundId, async () => {
      expectError(await recordOpinion(admin, roundId, top, 'credit'), 422, 'STAGE_CLOSED');
      expectError(await recordVote(admin, roundId, top, { for: 5, against: 0 }), 422, 'STAGE_CLOSED');
    });
  });

  it('records the evaluation once the panel scored everyone: one evaluation.recorded entry, the same ranking as the preview, by the acting administrator', async () => {
    preview = (await api('GET', outcomePaths.evaluation(roundId), { cookie: admin })).body;
    expect(preview.unevaluable).toEqual([]);
    expect(preview.standings.map((s: any) => [s.applicationId, s.final, s.rank, s.candidate])).toEqual([
      [top, 80_000_000, 1, true],
      [tieHigh, 64_000_200, 2, true],
      [tieLow, 64_000_200, 3, true],
      [objected, 55_000_000, 4, true],
      [below, 40_000_000, 5, false],
    ]);

    const res = await oneEntry(roundId, 'evaluation.recorded', () => api('POST', outcomePaths.evaluation(roundId), { cookie: admin, body: { version } }), roundId);

    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const me = (await api('GET', '/api/submission/auth/session', { cookie: admin })).body.person;
    const { recorded, ...rest } = res.body;
    expect(rest).toEqual({ ...preview, roundVersion: version });
    expect(recorded).toMatchObject({ by: me.personId, byName: me.name });
    expect(Date.parse(recorded.at)).toBeGreaterThan(Date.now() - 60_000);
    const read = await api('GET', outcomePaths.evaluation(roundId), { cookie: supervisor });
    expect(read.body).toEqual(res.body);
  });

  it('refuses to record it twice with 409 EVALUATION_RECORDED, writing nothing', async () => {
    const res = await nothingWritten(roundId, () => api('POST', outcomePaths.evaluation(roundId), { cookie: admin, body: { version } }));
    expectError(res, 409, 'EVALUATION_RECORDED');
  });

  it('moves on to opinions once the evaluation is recorded; recording it at another stage is 422 STAGE_CLOSED', async () => {
    version = await expectMoved(roundId, 'opinions', version);
    const res = await nothingWritten(roundId, () => api('POST', outcomePaths.evaluation(roundId), { cookie: admin, body: { version } }));
    expectError(res, 422, 'STAGE_CLOSED');
  });

  it('lists every candidate, best first, waiting for both departments, and holds the round at OPINIONS_PENDING', async () => {
    const res = await api('GET', outcomePaths.opinions(roundId), { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.body.departments).toEqual(['credit', 'tax']);
    expect(res.body.candidates.map((c: any) => [c.applicationId, c.rank, c.outcome, c.opinions.length])).toEqual([
      [top, 1, 'pending', 0],
      [tieHigh, 2, 'pending', 0],
      [tieLow, 3, 'pending', 0],
      [objected, 4, 'pending', 0],
    ]);
    expect((await expectMoveRefused(roundId, 'deliberation', version, 'OPINIONS_PENDING')).details).toEqual({ count: 8 });
  });

  it('refuses an opinion from a department the round does not ask, on a non-candidate, or without its text', async () => {
    await nothingWritten(roundId, async () => {
      const unknown = await recordOpinion(admin, roundId, top, 'weather');
      expectError(unknown, 422, 'UNKNOWN_DEPARTMENT');
      expect(unknown.body.error.message['zh-CN']).toContain('weather');
      expectError(await recordOpinion(admin, roundId, below, 'credit'), 422, 'NOT_CANDIDATE');
      expectError(await api('POST', outcomePaths.opinions(roundId), { cookie: admin, body: { applicationId: top, department: 'credit', objection: false, text: '  ' } }), 400, 'VALIDATION_FAILED');
    });
  });

  it('records each answer once, naming the application for the timeline; an objection takes the candidate out', async () => {
    for (const id of [top, tieHigh, tieLow, objected]) {
      for (const department of ['credit', 'tax']) {
        const objection = id === objected && department === 'tax';
        const res = await oneEntry(roundId, 'opinion.recorded', () => recordOpinion(admin, roundId, id, department, objection), id);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body).toMatchObject({ applicationId: id, department, objection });
      }
    }
    const rt = await stackRuntime();
    const opinionEntries = (await linkedChain(rt.audit, roundScope(roundId))).filter((e) => e.action === 'opinion.recorded');
    expect(opinionEntries.every((e) => e.context?.applicationId === e.target.id && e.context?.stage === 'opinions')).toBe(true);

    expectError(await nothingWritten(roundId, () => recordOpinion(admin, roundId, top, 'credit', true)), 409, 'OPINION_RECORDED');

    const res = await api('GET', outcomePaths.opinions(roundId), { cookie: supervisor });
    expect(res.body.candidates.map((c: any) => [c.applicationId, c.outcome])).toEqual([
      [top, 'cleared'],
      [tieHigh, 'cleared'],
      [tieLow, 'cleared'],
      [objected, 'objected'],
    ]);
    expect(res.body.candidates[3].opinions.map((o: any) => [o.department, o.objection])).toEqual([
      ['credit', false],
      ['tax', true],
    ]);
  });

  it('moves on to deliberation once every department answered on every candidate', async () => {
    version = await expectMoved(roundId, 'deliberation', version);
  });

  it('puts only the cleared candidates to the vote, with the advice of the ranking among them', async () => {
    const res = await api('GET', outcomePaths.deliberation(roundId), { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ roundStage: 'deliberation', winnersQuota: 2, proposedCount: 0 });
    expect(res.body.candidates.map((c: any) => [c.applicationId, c.rank, c.vote])).toEqual([
      [top, 1, undefined],
      [tieHigh, 2, undefined],
      [tieLow, 3, undefined],
    ]);
    expect(res.body.suggestion).toEqual({ proposed: [top, tieHigh], tiedAtCutoff: [] });
    await nothingWritten(roundId, async () => {
      expectError(await recordVote(admin, roundId, objected, { for: 9, against: 0 }), 422, 'NOT_CLEARED');
      expectError(await recordVote(admin, roundId, top, { for: 0, against: 0 }), 422, 'NO_VOTES');
    });
    expect((await expectMoveRefused(roundId, 'publicNotice', version, 'VOTES_PENDING')).details).toEqual({ count: 3 });
  });

  it('records a vote once; a majority of the votes cast proposes', async () => {
    const res = await oneEntry(roundId, 'vote.cast', () => recordVote(admin, roundId, top, { for: 7, against: 1, abstain: 1 }), top);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ applicationId: top, for: 7, against: 1, abstain: 1, proposed: true });
    expectError(await nothingWritten(roundId, () => recordVote(admin, roundId, top, { for: 1, against: 8 })), 409, 'VOTE_RECORDED');
  });

  it('lets exactly one of two simultaneous proposing votes take the last place; the other is 422 QUOTA_EXCEEDED', async () => {
    const before = await chainActions(roundId);
    const answers = await Promise.all([tieHigh, tieLow].map((id) => recordVote(admin, roundId, id, { for: 6, against: 3 })));

    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    const refused = answers.find((a) => a.status === 422)!;
    expect(refused.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', details: { quota: 2, count: 3 } });
    expect((await chainActions(roundId)).slice(before.length)).toEqual(['vote.cast']);
    const res = await api('GET', outcomePaths.deliberation(roundId), { cookie: admin });
    expect(res.body.proposedCount).toBe(2);
    expect(res.body.candidates.filter((c: any) => c.vote).length).toBe(2);
  });

  it('refuses another proposing vote at the quota, takes a vote that does not propose, and then moves on to the public notice', async () => {
    const res = await api('GET', outcomePaths.deliberation(roundId), { cookie: admin });
    const waiting = res.body.candidates.find((c: any) => !c.vote).applicationId as string;
    expect((await expectMoveRefused(roundId, 'publicNotice', version, 'VOTES_PENDING')).details).toEqual({ count: 1 });

    expectError(await nothingWritten(roundId, () => recordVote(admin, roundId, waiting, { for: 9, against: 0 })), 422, 'QUOTA_EXCEEDED');
    const notProposed = await oneEntry(roundId, 'vote.cast', () => recordVote(admin, roundId, waiting, { for: 3, against: 3, abstain: 3 }), waiting);
    expect(notProposed.status, JSON.stringify(notProposed.body)).toBe(201);
    expect(notProposed.body.proposed).toBe(false);

    version = await expectMoved(roundId, 'publicNotice', version);
  });

  it("leaves a chain that verifies, holding the round's outcome entries", async () => {
    const entries = await linkedChain((await stackRuntime()).audit, roundScope(roundId));
    expect((await verifyChain(nodeSha256, roundScope(roundId), entries)).ok).toBe(true);
    const actions = entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'evaluation.recorded')).toHaveLength(1);
    expect(actions.filter((a) => a === 'opinion.recorded')).toHaveLength(8);
    expect(actions.filter((a) => a === 'vote.cast')).toHaveLength(3);
  });
});

describe('recording the evaluation before its stage', () => {
  it('answers 422 STAGE_CLOSED at the defense, and the preview is still readable', async () => {
    const { roundId, version } = await seedOutcomeRound({ stage: 'defense', applications: APPLICATIONS.slice(0, 2) });
    const admin = await signInAdmin();

    const res = await nothingWritten(roundId, () => api('POST', outcomePaths.evaluation(roundId), { cookie: admin, body: { version } }));

    expectError(res, 422, 'STAGE_CLOSED');
    const read = await api('GET', outcomePaths.evaluation(roundId), { cookie: admin });
    expect(read.status).toBe(200);
    expect(read.body.standings).toHaveLength(2);
    expect(read.body.recorded).toBeUndefined();
  });
});
