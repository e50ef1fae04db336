import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signInAdmin } from './helpers';
import { stackRuntime } from './applications-helpers';
import {
  clearDeclaration,
  consensusItems,
  createReviewRound,
  eligibleApplication,
  foreignAdmin,
  fullCard,
  invitedPerson,
  moveRoundTo,
  nothingWritten,
  oneEntry,
  paths,
  submittedApplication,
} from './reviews-helpers';

type Person = Awaited<ReturnType<typeof invitedPerson>>;

const APPLICANT = '福州回避测试股份有限公司';
let roundId: string;
let applicationId: string;
let undecidedId: string;
let e: Person[];
let insider: Person;
let supervisor: Person;

beforeAll(async () => {
  roundId = await createReviewRound();
  applicationId = (await eligibleApplication(roundId, APPLICANT)).applicationId;
  undecidedId = (await submittedApplication(roundId, '福州待审查有限公司')).applicationId;
  e = [];
  for (let i = 0; i < 6; i++) e.push(await invitedPerson('expert', { name: `评审${i + 1}`, organisation: `高校${i}` }));
  // Works for the applicant: the name differs only in spacing and bracket width.
  insider = await invitedPerson('expert', { name: '内部专家', organisation: ` ${APPLICANT} ` });
  supervisor = await invitedPerson('supervisor');
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const assign = async (reviewerId: string, options: { leader?: boolean; stage?: string; application?: string; cookie?: string } = {}) =>
  api('POST', paths.assign(options.application ?? applicationId), {
    cookie: options.cookie ?? (await signInAdmin()),
    body: { stage: options.stage ?? 'materialReview', reviewerId, leader: options.leader ?? false },
  });

const expectRefused = (res: { status: number; body: any }, status: number, code: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message['zh-CN']).toMatch(/\S/);
  expect(res.body.error.message.en).toMatch(/\S/);
};

describe('assignments the office cannot make', () => {
  it('refuses a material review assignment before the eligibility stage with 422 STAGE_CLOSED', async () => {
    expectRefused(await nothingWritten(roundId, () => assign(e[0]!.personId, { leader: true })), 422, 'STAGE_CLOSED');
    await moveRoundTo(roundId, 'materialReview');
  });

  it('refuses anyone but an active expert of the programme with 422 REVIEWER_UNKNOWN', async () => {
    const admin = await signInAdmin();
    const revoked = await invitedPerson('expert');
    expect((await api('POST', `/api/submission/people/${revoked.personId}/revoke`, { cookie: admin })).status).toBe(200);
    for (const reviewerId of ['01ARZ3NDEKTSV4RRFFQ69G5FAV', supervisor.personId, revoked.personId]) {
      const res = await nothingWritten(roundId, () => assign(reviewerId));
      expectRefused(res, 422, 'REVIEWER_UNKNOWN');
      expect(res.body.error.message.en).toContain(reviewerId);
    }
  });

  it('refuses an application not found eligible (422 APPLICATION_NOT_ELIGIBLE) and on-site before the shortlist (422 NOT_SHORTLISTED)', async () => {
    expectRefused(await nothingWritten(roundId, () => assign(e[0]!.personId, { application: undecidedId })), 422, 'APPLICATION_NOT_ELIGIBLE');
    expectRefused(await nothingWritten(roundId, () => assign(e[0]!.personId, { stage: 'onSite' })), 422, 'NOT_SHORTLISTED');
  });

  it("refuses an expert who works for the applicant with 422 CONFLICT_OF_INTEREST, detected from their organisation", async () => {
    const res = await nothingWritten(roundId, () => assign(insider.personId));
    expectRefused(res, 422, 'CONFLICT_OF_INTEREST');
    expect(res.body.error.details.conflicts).toEqual([{ source: 'detected', kind: 'employment', match: 'name' }]);
  });

  it('refuses the same expert twice (409 ALREADY_ASSIGNED) and a second leader (409 LEADER_TAKEN)', async () => {
    expect((await oneEntry(roundId, 'assignment.made', () => assign(e[0]!.personId, { leader: true }))).status).toBe(201);
    expectRefused(await nothingWritten(roundId, () => assign(e[0]!.personId)), 409, 'ALREADY_ASSIGNED');
    expectRefused(await nothingWritten(roundId, () => assign(e[1]!.personId, { leader: true })), 409, 'LEADER_TAKEN');
    for (const expert of e.slice(1)) expect((await assign(expert.personId)).status).toBe(201);
  });

  it('answers 404 to an administrator of another programme, revealing nothing', async () => {
    const foreign = await foreignAdmin();
    for (const res of [
      await assign(e[0]!.personId, { cookie: foreign }),
      await api('GET', paths.round(roundId), { cookie: foreign }),
      await api('GET', paths.team(applicationId), { cookie: foreign }),
      await api('POST', paths.shortlist(roundId), { cookie: foreign }),
      await api('POST', paths.recuse(applicationId, 'materialReview', e[1]!.personId), { cookie: foreign, body: { reason: '越权' } }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
      expect(res.body.error.details).toBeUndefined();
    }
  });
});

describe('declarations of conflicts of interest', () => {
  it('refuses a declaration without both signatures with 422 DECLARATION_UNSIGNED', async () => {
    const res = await nothingWritten(roundId, () => api('POST', paths.declare(applicationId), { cookie: e[1]!.cookie, body: { relations: [], confidentialitySigned: true, impartialitySigned: false } }));
    expectRefused(res, 422, 'DECLARATION_UNSIGNED');
  });

  it('blocks the assignment of an expert who declares a conflict: conflicted, and the package stays hidden (404)', async () => {
    const res = await oneEntry(roundId, 'declaration.made', () =>
      api('POST', paths.declare(applicationId), { cookie: e[5]!.cookie, body: { ...clearDeclaration, relations: [{ kind: 'consulting', note: '2024 年为其提供咨询' }] } }),
    );
    expect(res.status).toBe(201);
    expect(res.body.declaration.conflicts).toEqual([{ source: 'declared', kind: 'consulting' }]);
    expect(res.body.assignments).toEqual([expect.objectContaining({ reviewerId: e[5]!.personId, status: 'conflicted' })]);
    for (const path of [paths.material(applicationId), paths.card(applicationId), paths.team(applicationId)]) {
      expect((await api('GET', path, { cookie: e[5]!.cookie })).status).toBe(404);
    }
    expectRefused(await nothingWritten(roundId, () => api('POST', paths.recuse(applicationId, 'materialReview', e[5]!.personId), { cookie: e[5]!.cookie, body: { reason: '已申报冲突' } })), 409, 'ASSIGNMENT_CLOSED');
    const office = await api('GET', paths.team(applicationId), { cookie: supervisor.cookie });
    expect(office.body.declarations.find((d: { reviewerId: string }) => d.reviewerId === e[5]!.personId)).toMatchObject({ relations: [{ kind: 'consulting' }], conflicts: [{ source: 'declared', kind: 'consulting' }] });
    // After a reload the expert still reads what blocked the assignment: their own declaration comes with their assignments.
    const mine = await api('GET', paths.mine, { cookie: e[5]!.cookie });
    expect(mine.body.assignments).toEqual([
      expect.objectContaining({ status: 'conflicted', declaration: expect.objectContaining({ reviewerId: e[5]!.personId, conflicts: [{ source: 'declared', kind: 'consulting' }] }) }),
    ]);
  });

  it('does not count employment that ended longer ago than the round allows (3 years)', async () => {
    const res = await api('POST', paths.declare(applicationId), { cookie: e[4]!.cookie, body: { ...clearDeclaration, relations: [{ kind: 'employment', endedOn: '2015-06-30' }] } });
    expect(res.status).toBe(201);
    expect(res.body.declaration.conflicts).toEqual([]);
    expect(res.body.assignments[0].status).toBe('active');
    for (const expert of e.slice(0, 4)) expect((await api('POST', paths.declare(applicationId), { cookie: expert.cookie, body: clearDeclaration })).status).toBe(201);
  });
});

describe('scorecards that cannot be saved or submitted', () => {
  it('refuses an item outside the criteria (422 UNKNOWN_ITEM) and a percentage off the 5-point grid (400), writing nothing', async () => {
    const unknown = await nothingWritten(roundId, () =>
      api('PUT', paths.card(applicationId), { cookie: e[1]!.cookie, body: { items: { '4.1.2': { percent: 50 }, '4.8.1': { percent: 50 } }, version: 0 } }),
    );
    expectRefused(unknown, 422, 'UNKNOWN_ITEM');
    expect(unknown.body.error.message.en).toContain('4.8.1');
    const offGrid = await nothingWritten(roundId, () => api('PUT', paths.card(applicationId), { cookie: e[1]!.cookie, body: { items: { '4.1.2': { percent: 7 } }, version: 0 } }));
    expectRefused(offGrid, 400, 'VALIDATION_FAILED');
  });

  it('refuses to submit a card with unscored items with 422 CARD_INCOMPLETE and their count', async () => {
    const partial = { '4.1.2': { percent: 50 }, '4.1.3': { percent: null, strengths: '治理结构清晰' }, '4.2.2': { percent: 40 } };
    const saved = await api('PUT', paths.card(applicationId), { cookie: e[1]!.cookie, body: { items: partial, version: 0 } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.scored).toBe(2);
    expect(saved.body.total).toBeUndefined();
    const res = await nothingWritten(roundId, () => api('POST', paths.submit(applicationId), { cookie: e[1]!.cookie, body: { version: 1 } }));
    expectRefused(res, 422, 'CARD_INCOMPLETE');
    expect(res.body.error.message.en).toContain('21');
    expect(res.body.error.details.count).toBe(21);
    expect(res.body.error.details.missing).toContain('4.1.3');
  });
  it('lets only one of two saves based on the same version win; the other gets 409 CONFLICT', async () => {
    const card = await api('GET', paths.card(applicationId), { cookie: e[1]!.cookie });
    const results = await oneEntry(roundId, 'scorecard.saved', () =>
      Promise.all([
        api('PUT', paths.card(applicationId), { cookie: e[1]!.cookie, body: { items: { '4.1.2': { percent: 55 } }, version: card.body.version } }),
        api('PUT', paths.card(applicationId), { cookie: e[1]!.cookie, body: { items: { '4.1.2': { percent: 65 } }, version: card.body.version } }),
      ]),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const stored = await api('GET', paths.card(applicationId), { cookie: e[1]!.cookie });
    expect(stored.body).toEqual(winner.body);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('CONFLICT');
  });
});

describe('work outside its stage', () => {
  it('refuses cards, consensus, assignments and the shortlist once the round has moved on, with 422 STAGE_CLOSED', async () => {
    await moveRoundTo(roundId, 'onSite');
    const admin = await signInAdmin();
    const card = await api('GET', paths.card(applicationId), { cookie: e[1]!.cookie });
    expect(card.status).toBe(200);
    for (const res of [
      await nothingWritten(roundId, () => api('PUT', paths.card(applicationId), { cookie: e[1]!.cookie, body: { items: fullCard(50), version: card.body.version } })),
      await nothingWritten(roundId, () => api('POST', paths.submit(applicationId), { cookie: e[1]!.cookie, body: { version: card.body.version } })),
      await nothingWritten(roundId, () => api('POST', paths.consensus(applicationId), { cookie: e[0]!.cookie, body: { items: consensusItems(50) } })),
      await nothingWritten(roundId, () => api('POST', paths.shortlist(roundId), { cookie: admin })),
      await nothingWritten(roundId, () => assign(e[0]!.personId)),
    ]) {
      expectRefused(res, 422, 'STAGE_CLOSED');
    }
    await moveRoundTo(roundId, 'materialReview');
  });
});


describe('recusals during review', () => {
  it('logs an expert recusing themself after submitting, with the reason; their card is set aside and cannot change', async () => {
    const saved = await api('PUT', paths.card(applicationId), { cookie: e[2]!.cookie, body: { items: fullCard(90), version: 0 } });
    expect(saved.status).toBe(200);
    expect((await api('POST', paths.submit(applicationId), { cookie: e[2]!.cookie, body: { version: 1 } })).status).toBe(200);
    const res = await oneEntry(
      roundId,
      'recusal.logged',
      () => api('POST', paths.recuse(applicationId, 'materialReview', e[2]!.personId), { cookie: e[2]!.cookie, body: { reason: '发现近亲属在该单位任职' } }),
      `${applicationId}/materialReview/${e[2]!.personId}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'recused', recusal: { reason: '发现近亲属在该单位任职', by: e[2]!.personId } });
    expectRefused(await nothingWritten(roundId, () => api('POST', paths.recuse(applicationId, 'materialReview', e[2]!.personId), { cookie: e[2]!.cookie, body: { reason: '再次' } })), 409, 'ASSIGNMENT_CLOSED');
    expectRefused(await nothingWritten(roundId, () => api('PUT', paths.card(applicationId), { cookie: e[2]!.cookie, body: { items: fullCard(10), version: 2 } })), 409, 'ASSIGNMENT_CLOSED');
  });

  it("lets the office log an expert's recusal, but not another expert (404)", async () => {
    expect((await api('POST', paths.recuse(applicationId, 'materialReview', e[3]!.personId), { cookie: e[1]!.cookie, body: { reason: '代为回避' } })).status).toBe(404);
    const res = await oneEntry(roundId, 'recusal.logged', async () =>
      api('POST', paths.recuse(applicationId, 'materialReview', e[3]!.personId), { cookie: await signInAdmin(), body: { reason: '办公室核实存在利害关系' } }),
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('recused');
    expect(res.body.recusal.by).not.toBe(e[3]!.personId);
    expect((await api('POST', paths.recuse(applicationId, 'materialReview', e[3]!.personId), { cookie: e[3]!.cookie, body: { reason: '  ' } })).status).toBe(400);
  });

  it('refuses a consensus on fewer submitted cards than the round requires with 422 TEAM_TOO_SMALL', async () => {
    for (const expert of [e[0]!, e[1]!, e[4]!]) {
      const card = await api('GET', paths.card(applicationId), { cookie: expert.cookie });
      const saved = await api('PUT', paths.card(applicationId), { cookie: expert.cookie, body: { items: fullCard(50), version: card.body.version } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect((await api('POST', paths.submit(applicationId), { cookie: expert.cookie, body: { version: saved.body.version } })).status).toBe(200);
    }
    const res = await nothingWritten(roundId, () => api('POST', paths.consensus(applicationId), { cookie: e[0]!.cookie, body: { items: consensusItems(50) } }));
    expectRefused(res, 422, 'TEAM_TOO_SMALL');
    expect(res.body.error.details).toEqual({ min: 5, count: 3 });
    // The recused expert's card is not among the team's flags: 90 % against 50 % would flag every item.
    const team = await api('GET', paths.team(applicationId), { cookie: e[1]!.cookie });
    expect(team.body.flags).toEqual([]);
    expect(team.body.scorecards.map((c: { reviewerId: string }) => c.reviewerId).sort()).toEqual([e[0]!.personId, e[1]!.personId, e[4]!.personId].sort());
    const office = await api('GET', paths.team(applicationId), { cookie: supervisor.cookie });
    expect(office.body.scorecards.find((c: { reviewerId: string }) => c.reviewerId === e[2]!.personId)).toMatchObject({ status: 'submitted', total: 90_000 });
  });

  it('lists every recusal on the round board, oldest first', async () => {
    const res = await api('GET', paths.round(roundId), { cookie: supervisor.cookie });
    expect(res.body.recusals.map((r: { reviewerId: string; reason: string }) => [r.reviewerId, r.reason])).toEqual([
      [e[2]!.personId, '发现近亲属在该单位任职'],
      [e[3]!.personId, '办公室核实存在利害关系'],
    ]);
    expect(res.body.applications.map((a: { applicationId: string }) => a.applicationId)).toEqual([applicationId]);
  });
});
