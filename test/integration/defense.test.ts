import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, mailTo, signInAdmin } from './helpers';
import { stackRuntime } from './applications-helpers';
import {
  assignTeam,
  clearDeclaration,
  consensusItems,
  createReviewRound,
  eligibleApplication,
  foreignAdmin,
  invitedPerson,
  moveRoundTo,
  nothingWritten,
  oneEntry,
  paths,
  scoreAndSubmit,
  oneMove,
} from './reviews-helpers';
import { moveTo } from './rounds-helpers';

type Person = Awaited<ReturnType<typeof invitedPerson>>;

let roundId: string;
let applicationId: string;
let admin: string;
let materialExpert: Person;
let siteExpert: Person;
let d1: Person;
let d2: Person;
let d3: Person;
let outsider: Person;
let supervisor: Person;

/** The round's version as the office's board reads it. */
async function roundVersion(): Promise<number> {
  const res = await api('GET', paths.round(roundId), { cookie: admin });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.roundVersion as number;
}

const defenseOf = (cookie: string) => api('GET', paths.defense(roundId), { cookie });

// One application through the material review, the shortlist and the site visit, all through the API;
// a round whose teams need two cards each (the smallest allowed) and whose defense panel needs two scores.
beforeAll(async () => {
  roundId = await createReviewRound({ teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 2 } });
  applicationId = (await eligibleApplication(roundId, '泉州答辩示范有限公司')).applicationId;
  admin = await signInAdmin();
  materialExpert = await invitedPerson('expert', { name: '材料专家', organisation: '质量协会甲' });
  siteExpert = await invitedPerson('expert', { name: '现场专家', organisation: '质量协会乙' });
  d1 = await invitedPerson('deliberator', { name: '审议员甲', organisation: '市人大' });
  d2 = await invitedPerson('deliberator', { name: '审议员乙', organisation: '市政协' });
  d3 = await invitedPerson('deliberator', { name: '审议员丙', organisation: '行业协会' });
  outsider = await invitedPerson('deliberator', { name: '局外审议员' });
  supervisor = await invitedPerson('supervisor', { name: '监督员' });

  await moveRoundTo(roundId, 'materialReview');
  await assignTeam(applicationId, [materialExpert, siteExpert]);
  await scoreAndSubmit(applicationId, materialExpert, 80);
  await scoreAndSubmit(applicationId, siteExpert, 80);
  const material = await api('POST', paths.consensus(applicationId), { cookie: materialExpert.cookie, body: { items: consensusItems(80) } });
  expect(material.status, JSON.stringify(material.body)).toBe(201);
  const shortlist = await api('POST', paths.shortlist(roundId), { cookie: admin });
  expect(shortlist.status, JSON.stringify(shortlist.body)).toBe(200);
  expect(shortlist.body.decisions).toMatchObject([{ applicationId, shortlisted: true }]);

  await moveRoundTo(roundId, 'onSite');
  await assignTeam(applicationId, [siteExpert, materialExpert], 'onSite');
  await scoreAndSubmit(applicationId, siteExpert, 75, 'onSite');
  await scoreAndSubmit(applicationId, materialExpert, 75, 'onSite');
  const onSite = await api('POST', paths.consensus(applicationId, 'onSite'), { cookie: siteExpert.cookie, body: { items: consensusItems(75) } });
  expect(onSite.status, JSON.stringify(onSite.body)).toBe(201);
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('the defense panel, from its forming to the panel score and the move to comprehensive evaluation', () => {
  it('refuses a panel member who is not a deliberator with 422 DELIBERATOR_UNKNOWN and writes nothing', async () => {
    const res = await nothingWritten(roundId, () => api('POST', paths.panel(roundId), { cookie: admin, body: { reviewerId: siteExpert.personId } }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('DELIBERATOR_UNKNOWN');
  });

  it('adds three deliberators during the site visits, one audited assignment.made each; twice is 409 ALREADY_ON_PANEL', async () => {
    for (const d of [d1, d2, d3]) {
      const res = await oneEntry(roundId, 'assignment.made', () => api('POST', paths.panel(roundId), { cookie: admin, body: { reviewerId: d.personId } }), `${roundId}/${d.personId}`);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ roundId, reviewerId: d.personId, reviewerName: d.name });
    }
    const again = await nothingWritten(roundId, () => api('POST', paths.panel(roundId), { cookie: admin, body: { reviewerId: d1.personId } }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_ON_PANEL');
  });

  it('mails each new panel member, in both languages, which round and where to declare and score', async () => {
    const [mail] = await mailTo(d1.email);
    expect(mail!.subject).toMatch(/^【示范市政府质量奖】答辩评审组：.+ \/ \[Demo City Government Quality Award\] Defense panel: /);
    expect(mail!.text).toContain('利益冲突声明');
    expect(mail!.text).toContain('presentation and defense panel');
    expect(mail!.text).toContain('/review');
  });

  it('shows the application before the panel with every seat awaiting its declaration; scoring first is 403 DECLARATION_REQUIRED', async () => {
    const res = await defenseOf(d1.cookie);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ roundId, roundStage: 'onSite', panelMin: 2 });
    expect(res.body.panel).toHaveLength(3);
    expect(res.body.applications).toHaveLength(1);
    expect(res.body.applications[0].applicationId).toBe(applicationId);
    expect(res.body.applications[0].onSiteTotal).toBe(75_000);
    expect(res.body.applications[0].seats.map((s: { status: string }) => s.status)).toEqual(['awaitingDeclaration', 'awaitingDeclaration', 'awaitingDeclaration']);
    expect(res.body.applications[0]).not.toHaveProperty('panelScore');
    const early = await api('GET', paths.defenseScore(applicationId), { cookie: d1.cookie });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('DECLARATION_REQUIRED');
  });

  it('takes each declaration once, signed, audited: two clear (scoring), one with a declared conflict (conflicted, off the application)', async () => {
    const unsigned = await nothingWritten(roundId, () =>
      api('POST', paths.defenseDeclare(applicationId), { cookie: d1.cookie, body: { ...clearDeclaration, impartialitySigned: false } }),
    );
    expect(unsigned.status).toBe(422);
    expect(unsigned.body.error.code).toBe('DECLARATION_UNSIGNED');
    for (const d of [d1, d2]) {
      const res = await oneEntry(roundId, 'declaration.made', () => api('POST', paths.defenseDeclare(applicationId), { cookie: d.cookie, body: clearDeclaration }), `${applicationId}/${d.personId}`);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ status: 'scoring', declaration: { reviewerId: d.personId, conflicts: [] } });
    }
    const conflicted = await oneEntry(roundId, 'declaration.made', () =>
      api('POST', paths.defenseDeclare(applicationId), { cookie: d3.cookie, body: { ...clearDeclaration, relations: [{ kind: 'consulting', note: '曾为其提供咨询' }] } }),
    );
    expect(conflicted.status, JSON.stringify(conflicted.body)).toBe(201);
    expect(conflicted.body).toMatchObject({ status: 'conflicted', declaration: { conflicts: [{ source: 'declared', kind: 'consulting' }] } });
    const twice = await nothingWritten(roundId, () => api('POST', paths.defenseDeclare(applicationId), { cookie: d1.cookie, body: clearDeclaration }));
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('DECLARATION_MADE');
    expect((await api('GET', paths.defenseScore(applicationId), { cookie: d3.cookie })).status).toBe(404);
    // The same declarations the office's board of the round lists.
    const board = await api('GET', paths.round(roundId), { cookie: admin });
    expect(board.body.declarations.map((d: { reviewerId: string }) => d.reviewerId)).toEqual(expect.arrayContaining([d1.personId, d2.personId, d3.personId]));
  });

  it('refuses a deliberator off the panel with 404, for the round and the application alike', async () => {
    expect((await defenseOf(outsider.cookie)).status).toBe(404);
    expect((await api('POST', paths.defenseDeclare(applicationId), { cookie: outsider.cookie, body: clearDeclaration })).status).toBe(404);
  });

  it('refuses scores outside the defense with 422 STAGE_CLOSED and writes nothing', async () => {
    const res = await nothingWritten(roundId, () => api('PUT', paths.defenseScore(applicationId), { cookie: d1.cookie, body: { score: 80_000, version: 0 } }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('STAGE_CLOSED');
  });

  it('saves a draft on its version (stale: 409 CONFLICT), submits it only with a score, then never changes it; a retry answers it', async () => {
    await moveRoundTo(roundId, 'defense');
    const empty = await api('GET', paths.defenseScore(applicationId), { cookie: d1.cookie });
    expect(empty.body).toMatchObject({ status: 'draft', version: 0, comment: '' });
    const none = await nothingWritten(roundId, () => api('POST', paths.defenseSubmit(applicationId), { cookie: d1.cookie, body: { version: 1 } }));
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('SCORE_REQUIRED');

    const undecided = await oneEntry(roundId, 'scorecard.saved', () =>
      api('PUT', paths.defenseScore(applicationId), { cookie: d1.cookie, body: { score: null, comment: '陈述清楚', version: 0 } }),
    `${applicationId}/${d1.personId}`);
    expect(undecided.status, JSON.stringify(undecided.body)).toBe(200);
    expect(undecided.body).toMatchObject({ status: 'draft', version: 1, comment: '陈述清楚' });
    expect(undecided.body).not.toHaveProperty('score');
    const stillNone = await nothingWritten(roundId, () => api('POST', paths.defenseSubmit(applicationId), { cookie: d1.cookie, body: { version: 1 } }));
    expect(stillNone.body.error.code).toBe('SCORE_REQUIRED');

    const stale = await nothingWritten(roundId, () => api('PUT', paths.defenseScore(applicationId), { cookie: d1.cookie, body: { score: 1, version: 0 } }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');

    const saved = await oneEntry(roundId, 'scorecard.saved', () =>
      api('PUT', paths.defenseScore(applicationId), { cookie: d1.cookie, body: { score: 81_235, comment: '答辩充分', version: 1 } }),
    );
    expect(saved.body).toMatchObject({ score: 81_235, version: 2 });
    const submitted = await oneEntry(roundId, 'scorecard.submitted', () => api('POST', paths.defenseSubmit(applicationId), { cookie: d1.cookie, body: { version: 2 } }), `${applicationId}/${d1.personId}`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', score: 81_235, comment: '答辩充分', version: 3 });
    const retry = await nothingWritten(roundId, () => api('POST', paths.defenseSubmit(applicationId), { cookie: d1.cookie, body: { version: 2 } }));
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(submitted.body);
    const late = await nothingWritten(roundId, () => api('PUT', paths.defenseScore(applicationId), { cookie: d1.cookie, body: { score: 90_000, version: 3 } }));
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('SCORE_SUBMITTED');
  });

  it('shows a deliberator their own score, and the others’ submitted ones only after submitting; supervisors see drafts and every declaration', async () => {
    const draft = await oneEntry(roundId, 'scorecard.saved', () => api('PUT', paths.defenseScore(applicationId), { cookie: d2.cookie, body: { score: 77_750, version: 0 } }));
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);

    const before = (await defenseOf(d2.cookie)).body;
    expect(before.applications[0].scores.map((s: { reviewerId: string }) => s.reviewerId)).toEqual([d2.personId]);
    expect(before.declarations.map((d: { reviewerId: string }) => d.reviewerId)).toEqual([d2.personId]);
    const submitter = (await defenseOf(d1.cookie)).body;
    // d1 submitted, but d2's score is still a draft: only d1's own.
    expect(submitter.applications[0].scores.map((s: { reviewerId: string }) => s.reviewerId)).toEqual([d1.personId]);

    const watched = await defenseOf(supervisor.cookie);
    expect(watched.status).toBe(200);
    expect(watched.body.applications[0].scores.map((s: { reviewerId: string; status: string }) => [s.reviewerId, s.status]).sort()).toEqual(
      [[d1.personId, 'submitted'], [d2.personId, 'draft']].sort(),
    );
    expect(watched.body.declarations).toHaveLength(3);
    expect(
      Object.fromEntries(watched.body.applications[0].seats.map((s: { reviewerId: string; status: string }) => [s.reviewerId, s.status])),
    ).toEqual({ [d1.personId]: 'submitted', [d2.personId]: 'scoring', [d3.personId]: 'conflicted' });
    expect(watched.body.applications[0]).not.toHaveProperty('panelScore');

    expect((await defenseOf(await foreignAdmin())).status).toBe(404);
    const expert = await defenseOf(siteExpert.cookie);
    expect(expert.status).toBe(403);
  });

  it('refuses defense → comprehensive evaluation with 422 ASSIGNMENTS_INCOMPLETE while a seat is still scoring', async () => {
    const res = await nothingWritten(roundId, async () => moveTo(roundId, 'comprehensiveEvaluation', await roundVersion(), admin));
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('ASSIGNMENTS_INCOMPLETE');
    // d2's seat, and the application without its panel score.
    expect(res.body.error.details).toEqual({ count: 2 });
  });

  it('gives the panel score as the exact mean, half up: 812.35 and 777.50 → 794.93; then each submitter sees both', async () => {
    const submitted = await oneEntry(roundId, 'scorecard.submitted', () => api('POST', paths.defenseSubmit(applicationId), { cookie: d2.cookie, body: { version: 1 } }));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    for (const cookie of [d1.cookie, d2.cookie, admin]) {
      const view = (await defenseOf(cookie)).body;
      expect(view.applications[0].panelScore).toBe(79_493);
      expect(view.applications[0].scores.map((s: { score: number }) => s.score).sort()).toEqual([77_750, 81_235]);
    }
    // The conflicted member sees the outcome, but no one else's score.
    const conflicted = (await defenseOf(d3.cookie)).body;
    expect(conflicted.applications[0].scores).toEqual([]);
  });

  it('lists each deliberator their panels with their seat, own score and own declaration', async () => {
    const mine = await api('GET', paths.defenseMine, { cookie: d1.cookie });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.rounds).toHaveLength(1);
    expect(mine.body.rounds[0]).toMatchObject({ roundId, roundStage: 'defense' });
    expect(mine.body.rounds[0].applications).toMatchObject([
      { applicationId, status: 'submitted', score: { score: 81_235, status: 'submitted' }, declaration: { reviewerId: d1.personId } },
    ]);
    const d3Mine = await api('GET', paths.defenseMine, { cookie: d3.cookie });
    expect(d3Mine.body.rounds[0].applications).toMatchObject([{ applicationId, status: 'conflicted' }]);
    expect(d3Mine.body.rounds[0].applications[0]).not.toHaveProperty('score');
    expect((await api('GET', paths.defenseMine, { cookie: outsider.cookie })).body).toEqual({ rounds: [] });
  });

  it('moves defense → comprehensive evaluation once every seat is settled and the panel score is in; the panel is closed then', async () => {
    const moved = await oneMove(roundId, async () => moveTo(roundId, 'comprehensiveEvaluation', await roundVersion(), admin));
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.stage).toBe('comprehensiveEvaluation');
    const late = await nothingWritten(roundId, () => api('POST', paths.panel(roundId), { cookie: admin, body: { reviewerId: outsider.personId } }));
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('STAGE_CLOSED');
  });
});

describe('a panel that cannot score', () => {
  it('keeps a round in the defense with no panel, and with only a member the system found conflicted (ASSIGNMENTS_INCOMPLETE)', async () => {
    // The round above, before its panel formed, is covered in rounds-stage.test.ts; here the guard runs on real records.
    const other = await createReviewRound({ teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 1 } });
    const app = (await eligibleApplication(other, '厦门空评审组有限公司')).applicationId;
    const expert = await invitedPerson('expert', { name: '空组专家' });
    const second = await invitedPerson('expert', { name: '空组专家乙' });
    await moveRoundTo(other, 'materialReview');
    await assignTeam(app, [expert, second]);
    await scoreAndSubmit(app, expert, 80);
    await scoreAndSubmit(app, second, 80);
    expect((await api('POST', paths.consensus(app), { cookie: expert.cookie, body: { items: consensusItems(80) } })).status).toBe(201);
    expect((await api('POST', paths.shortlist(other), { cookie: admin })).status).toBe(200);
    await moveRoundTo(other, 'onSite');
    await assignTeam(app, [expert, second], 'onSite');
    await scoreAndSubmit(app, expert, 80, 'onSite');
    await scoreAndSubmit(app, second, 80, 'onSite');
    expect((await api('POST', paths.consensus(app, 'onSite'), { cookie: expert.cookie, body: { items: consensusItems(80) } })).status).toBe(201);
    await moveRoundTo(other, 'defense');
    const board = await api('GET', paths.round(other), { cookie: admin });
    const res = await moveTo(other, 'comprehensiveEvaluation', board.body.roundVersion, admin);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('ASSIGNMENTS_INCOMPLETE');
    expect(res.body.error.details).toEqual({ count: 1 });

    // A deliberator who works for the applicant declares clear, yet the system finds the conflict: off the application,
    // and a panel of nobody but them still gives no panel score.
    const insider = await invitedPerson('deliberator', { name: '内部审议员', organisation: '厦门空评审组有限公司' });
    expect((await api('POST', paths.panel(other), { cookie: admin, body: { reviewerId: insider.personId } })).status).toBe(201);
    const declared = await api('POST', paths.defenseDeclare(app), { cookie: insider.cookie, body: clearDeclaration });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    expect(declared.body).toMatchObject({ status: 'conflicted', declaration: { conflicts: [{ source: 'detected', kind: 'employment' }] } });
    const still = await moveTo(other, 'comprehensiveEvaluation', board.body.roundVersion, admin);
    expect(still.body.error).toMatchObject({ code: 'ASSIGNMENTS_INCOMPLETE', details: { count: 1 } });
  });
});
