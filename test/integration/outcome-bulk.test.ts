import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundScope, verifyChain } from '../../shared/audit/chain';
import { nodeSha256 } from '../../functions/lib/audit/log';
import { stackRuntime } from './applications-helpers';
import { api, linkedChain, signInAdmin } from './helpers';
import { consensusCard, outcomePaths, recordOpinion, recordVote, seedOutcomeRound } from './outcome-helpers';
import { foreignAdmin, invitedPerson, nothingWritten, oneEntry } from './reviews-helpers';
import { chainActions, moveTo } from './rounds-helpers';
import { verify } from './verify-audit-helpers';

// Issue #13.5, bulk work: one department's letter answers several candidates at once, and the committee's votes are
// recorded from one table — each one audited change holding every record, or nothing at all.

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const letterPath = (roundId: string) => `${outcomePaths.opinions(roundId)}/letters`;
const tablePath = (roundId: string) => `${outcomePaths.votes(roundId)}/table`;
const LETTER = '市信用办函〔2026〕12 号：经核查，下列组织无严重失信记录。';

function expectError(res: { status: number; body: any }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message['zh-CN']).toMatch(/\S/);
  expect(res.body.error.message.en).toMatch(/\S/);
}

// Four candidates (quota 2, departments credit and tax) and one below the threshold.
const APPLICATIONS = [
  { name: '甲批量制造有限公司', material: consensusCard(80), onSite: consensusCard(80), panelScores: [80_000, 80_000] },
  { name: '乙批量仪器有限公司', material: consensusCard(70), onSite: consensusCard(70), panelScores: [70_000, 70_000] },
  { name: '丙批量装备有限公司', material: consensusCard(65), onSite: consensusCard(65), panelScores: [65_000, 65_000] },
  { name: '丁批量科技有限公司', material: consensusCard(55), onSite: consensusCard(55), panelScores: [55_000, 55_000] },
  { name: '戊批量食品有限公司', material: consensusCard(40), onSite: consensusCard(40), panelScores: [40_000, 40_000] },
];

describe("bulk work on a round's outcome: a department's letter for many candidates, the committee's votes from one table", () => {
  let roundId: string;
  let version: number;
  let admin: string;
  let a: string, b: string, c: string, d: string, below: string;

  beforeAll(async () => {
    const round = await seedOutcomeRound({ applications: APPLICATIONS, config: { winnersQuota: 2, opinionDepartments: ['credit', 'tax'] } });
    ({ roundId, version } = round);
    [a, b, c, d, below] = round.applicationIds as [string, string, string, string, string];
    admin = await signInAdmin();
    expect((await api('POST', outcomePaths.evaluation(roundId), { cookie: admin, body: { version } })).status).toBe(201);
    const moved = await moveTo(roundId, 'opinions', version);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    version = moved.body.version;
  });

  it('refuses a letter that names a non-candidate, an unknown department, a candidate twice or nobody, writing nothing', async () => {
    await nothingWritten(roundId, async () => {
      const stranger = await api('POST', letterPath(roundId), { cookie: admin, body: { department: 'credit', text: LETTER, answers: [{ applicationId: a, objection: false }, { applicationId: below, objection: false }] } });
      expectError(stranger, 422, 'NOT_CANDIDATE');
      expect(stranger.body.error.details.applicationIds).toEqual([below]);
      expectError(await api('POST', letterPath(roundId), { cookie: admin, body: { department: 'weather', text: LETTER, answers: [{ applicationId: a, objection: false }] } }), 422, 'UNKNOWN_DEPARTMENT');
      expectError(
        await api('POST', letterPath(roundId), { cookie: admin, body: { department: 'credit', text: LETTER, answers: [{ applicationId: a, objection: false }, { applicationId: a, objection: true }] } }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(await api('POST', letterPath(roundId), { cookie: admin, body: { department: 'credit', text: LETTER, answers: [] } }), 400, 'VALIDATION_FAILED');
      expectError(await api('POST', letterPath(roundId), { cookie: admin, body: { department: 'credit', text: '   ', answers: [{ applicationId: a, objection: false }] } }), 400, 'VALIDATION_FAILED');
    });
  });

  it('answers 403 to a supervisor and 404 to another programme, writing nothing', async () => {
    const supervisor = (await invitedPerson('supervisor')).cookie;
    const other = await foreignAdmin();
    const body = { department: 'credit', text: LETTER, answers: [{ applicationId: a, objection: false }] };
    await nothingWritten(roundId, async () => {
      expectError(await api('POST', letterPath(roundId), { cookie: supervisor, body }), 403, 'FORBIDDEN');
      expectError(await api('POST', letterPath(roundId), { cookie: other, body }), 404, 'NOT_FOUND');
      expectError(await api('POST', tablePath(roundId), { cookie: other, body: { votes: [{ applicationId: a, for: 5, against: 0, abstain: 0 }] } }), 404, 'NOT_FOUND');
    });
  });

  it("records one department's letter for all four candidates in one entry holding a record per candidate", async () => {
    const answers = [a, b, c, d].map((applicationId) => ({ applicationId, objection: applicationId === d }));
    const res = await oneEntry(roundId, 'opinion.letterRecorded', () => api('POST', letterPath(roundId), { cookie: admin, body: { department: 'credit', text: LETTER, answers } }), roundId);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.opinions.map((o: any) => [o.applicationId, o.department, o.objection, o.text])).toEqual(answers.map((x) => [x.applicationId, 'credit', x.objection, LETTER]));
    const entry = (await linkedChain((await stackRuntime()).audit, roundScope(roundId))).at(-1)!;
    expect(entry.records?.length).toBe(4);
    expect(entry.context).toEqual({ stage: 'opinions' });

    const read = await api('GET', outcomePaths.opinions(roundId), { cookie: admin });
    expect(read.body.candidates.map((x: any) => [x.applicationId, x.opinions.map((o: any) => o.department)])).toEqual([a, b, c, d].map((id) => [id, ['credit']]));
  });

  it('refuses a letter naming a candidate the department already answered, naming it, and records none of the others', async () => {
    expect((await recordOpinion(admin, roundId, b, 'tax')).status).toBe(201);
    const res = await nothingWritten(roundId, () =>
      api('POST', letterPath(roundId), { cookie: admin, body: { department: 'tax', text: LETTER, answers: [a, b, c, d].map((applicationId) => ({ applicationId, objection: false })) } }),
    );
    expectError(res, 409, 'OPINION_RECORDED');
    expect(res.body.error.details.applicationIds).toEqual([b]);
    const read = await api('GET', outcomePaths.opinions(roundId), { cookie: admin });
    expect(read.body.candidates.find((x: any) => x.applicationId === a).opinions.map((o: any) => o.department)).toEqual(['credit']);
  });

  it('lets only one of two simultaneous letters answering the same candidate land; the other records nothing', async () => {
    const letter = (ids: string[]) => api('POST', letterPath(roundId), { cookie: admin, body: { department: 'tax', text: LETTER, answers: ids.map((applicationId) => ({ applicationId, objection: false })) } });
    const before = await chainActions(roundId);
    const answers = await Promise.all([letter([a, c]), letter([c, d])]);
    expect(answers.map((x) => x.status).sort()).toEqual([201, 409]);
    expect((await chainActions(roundId)).slice(before.length)).toEqual(['opinion.letterRecorded']);
    const rest = answers[0]!.status === 201 ? [d] : [a];
    expect((await letter(rest)).status).toBe(201);
    const read = await api('GET', outcomePaths.opinions(roundId), { cookie: admin });
    expect(read.body.candidates.map((x: any) => [x.applicationId, x.outcome])).toEqual([
      [a, 'cleared'],
      [b, 'cleared'],
      [c, 'cleared'],
      [d, 'objected'],
    ]);
    const moved = await moveTo(roundId, 'deliberation', version);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    version = moved.body.version;
  });

  it('refuses a table with a candidate not cleared, a row without votes, or more proposed than the quota, writing nothing', async () => {
    const table = (votes: { applicationId: string; for: number; against: number; abstain: number }[]) => api('POST', tablePath(roundId), { cookie: admin, body: { votes } });
    await nothingWritten(roundId, async () => {
      const objected = await table([{ applicationId: a, for: 9, against: 0, abstain: 0 }, { applicationId: d, for: 9, against: 0, abstain: 0 }]);
      expectError(objected, 422, 'NOT_CLEARED');
      expect(objected.body.error.details.applicationIds).toEqual([d]);
      expectError(await table([{ applicationId: a, for: 0, against: 0, abstain: 0 }]), 422, 'NO_VOTES');
      const over = await table([a, b, c].map((applicationId) => ({ applicationId, for: 8, against: 1, abstain: 0 })));
      expectError(over, 422, 'QUOTA_EXCEEDED');
      expect(over.body.error.details).toEqual({ quota: 2, count: 3 });
      expectError(await table([{ applicationId: a, for: -1, against: 0, abstain: 0 }]), 400, 'VALIDATION_FAILED');
    });
  });

  it('races a table proposing two against a single proposing vote for the last places: exactly one lands', async () => {
    const before = await chainActions(roundId);
    const [fromTable, single] = await Promise.all([
      api('POST', tablePath(roundId), { cookie: admin, body: { votes: [a, b].map((applicationId) => ({ applicationId, for: 7, against: 2, abstain: 0 })) } }),
      recordVote(admin, roundId, c, { for: 6, against: 3 }),
    ]);
    expect([fromTable.status, single.status].sort()).toEqual([201, 422]);
    const loser = fromTable.status === 422 ? fromTable : single;
    expect(loser.body.error.code).toBe('QUOTA_EXCEEDED');
    expect((await chainActions(roundId)).slice(before.length)).toEqual([fromTable.status === 201 ? 'vote.tableRecorded' : 'vote.cast']);

    // Whichever won, the rest is recorded from one table without proposing anyone more.
    const voted = fromTable.status === 201 ? [a, b] : [c];
    const rest = [a, b, c].filter((id) => !voted.includes(id)).map((applicationId) => ({ applicationId, for: 2, against: 6, abstain: 1 }));
    const recorded = await oneEntry(roundId, 'vote.tableRecorded', () => api('POST', tablePath(roundId), { cookie: admin, body: { votes: rest } }), roundId);
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.votes.map((v: any) => v.proposed)).toEqual(rest.map(() => false));
    expectError(await nothingWritten(roundId, () => api('POST', tablePath(roundId), { cookie: admin, body: { votes: [{ applicationId: a, for: 1, against: 0, abstain: 0 }] } })), 409, 'VOTE_RECORDED');

    const read = await api('GET', outcomePaths.deliberation(roundId), { cookie: admin });
    expect(read.body.proposedCount).toBe(fromTable.status === 201 ? 2 : 1);
    expect(read.body.candidates.every((x: any) => x.vote)).toBe(true);
    const moved = await moveTo(roundId, 'publicNotice', version);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  });

  it('leaves a chain that verifies, every bulk record matching its entry', async () => {
    const entries = await linkedChain((await stackRuntime()).audit, roundScope(roundId));
    expect((await verifyChain(nodeSha256, roundScope(roundId), entries)).ok).toBe(true);
    // The records line (the seeded consensus records bypass the scoring function, so only records are asked here).
    const { lines } = await verify('--round', roundId);
    expect(lines.find((l) => l.includes(`records round:${roundId}`)), lines.join('\n')).toMatch(/^ok\s.*records match the chain/);
  });
});
