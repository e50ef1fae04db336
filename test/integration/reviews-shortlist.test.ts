import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/audit/actions';
import { roundScope } from '../../shared/audit/chain';
import { api, signInAdmin } from './helpers';
import { stackRuntime } from './applications-helpers';
import {
  assignTeam,
  clearDeclaration,
  consensusItems,
  createReviewRound,
  eligibleApplication,
  entriesAfter,
  headSeq,
  invitedPerson,
  moveRoundTo,
  nothingWritten,
  paths,
  reviewsTable,
  scoreAndSubmit,
  submittedApplication,
} from './reviews-helpers';

type Person = Awaited<ReturnType<typeof invitedPerson>>;

let roundId: string;
let leader: Person;
let member: Person;
let conflicted: Person;
let newcomer: Person;
const apps: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };
// Material consensus: A 700 points, B and C tied at 600, D 400 (below the 500-point threshold).
const PERCENT = { A: 70, B: 60, C: 60, D: 40 } as const;

beforeAll(async () => {
  // Teams of two, a shortlist of two (quota 1): small enough to score four applications here.
  roundId = await createReviewRound({ teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 5 }, winnersQuota: 1, siteVisitShortlistSize: 2 });
  for (const key of ['A', 'B', 'C', 'D'] as const) apps[key] = (await eligibleApplication(roundId, `福州名单测试${key}有限公司`)).applicationId;
  const ineligible = await submittedApplication(roundId, '福州不合格有限公司');
  const decided = await api('POST', `/api/submission/applications/${ineligible.applicationId}/eligibility`, {
    cookie: await signInAdmin(),
    body: { decision: 'ineligible', reason: '经营未满三年。' },
  });
  expect(decided.status).toBe(200);
  leader = await invitedPerson('expert', { name: '组长' });
  member = await invitedPerson('expert', { name: '组员' });
  conflicted = await invitedPerson('expert', { name: '曾任顾问' });
  newcomer = await invitedPerson('expert', { name: '现场专家' });
  await moveRoundTo(roundId, 'materialReview');
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

async function materialConsensus(key: keyof typeof apps) {
  const applicationId = apps[key];
  await assignTeam(applicationId, [leader, member]);
  await scoreAndSubmit(applicationId, leader, PERCENT[key]);
  await scoreAndSubmit(applicationId, member, PERCENT[key]);
  const res = await api('POST', paths.consensus(applicationId), { cookie: leader.cookie, body: { items: consensusItems(PERCENT[key]) } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.total).toBe(PERCENT[key] * 1000);
}

describe('the site-visit shortlist', () => {
  it('waits for every eligible application’s material consensus: 422 REVIEWS_PENDING with the count', async () => {
    // A's team also has an expert who declares a past consulting relation: conflicted, not counted, not blocking.
    await assignTeam(apps.A, [conflicted]);
    const declared = await api('POST', paths.declare(apps.A), { cookie: conflicted.cookie, body: { ...clearDeclaration, relations: [{ kind: 'consulting' }] } });
    expect(declared.body.assignments[0].status).toBe('conflicted');
    const admin = await signInAdmin();
    const none = await nothingWritten(roundId, () => api('POST', paths.shortlist(roundId), { cookie: admin }));
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('REVIEWS_PENDING');
    expect(none.body.error.message.en).toContain('4');
    for (const key of ['A', 'B', 'C'] as const) await materialConsensus(key);
    const one = await nothingWritten(roundId, () => api('POST', paths.shortlist(roundId), { cookie: admin }));
    expect(one.status).toBe(422);
    expect(one.body.error.details).toEqual({ count: 1, applicationIds: [apps.D] });
    await materialConsensus('D');
  });

  it('chooses by material score alone, takes a tie at the cut whole, and leaves out scores below the threshold; a retry writes only the missing decisions', async () => {
    // Prepare: a first attempt that wrote A's decision and then failed.
    const rt = await stackRuntime();
    const reviews = await reviewsTable();
    const admin = await signInAdmin();
    const me = await api('GET', '/api/submission/auth/session', { cookie: admin });
    const first = { roundId, applicationId: apps.A, shortlisted: true, materialScore: 70_000, decidedAt: new Date().toISOString(), decidedBy: me.body.person.personId };
    await rt.audit.commit({
      scope: roundScope(roundId),
      actor: SYSTEM_ACTOR,
      action: 'application.shortlistDecided',
      target: { type: 'application', id: apps.A },
      state: first,
      requestId: 'test-partial',
      now: new Date(),
      writes: [reviews.shortlistPut(first)],
    });
    const before = await headSeq(roundId);

    // Act
    const res = await api('POST', paths.shortlist(roundId), { cookie: admin });

    // Assess
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ roundId, size: 2, extendedByTie: true });
    expect(res.body.decisions.map((d: { applicationId: string; materialScore: number; shortlisted: boolean }) => [d.applicationId, d.materialScore, d.shortlisted])).toEqual([
      [apps.A, 70_000, true],
      [apps.B, 60_000, true], // tied with C: listed by name
      [apps.C, 60_000, true],
      [apps.D, 40_000, false],
    ]);
    const entries = await entriesAfter(roundId, before);
    expect(entries.map((e) => e.action)).toEqual(Array(3).fill('application.shortlistDecided'));
    expect(entries.map((e) => e.target.id).sort()).toEqual([apps.B, apps.C, apps.D].sort());
    expect((await reviews.shortlist(roundId)).map((s) => [s.applicationId, s.shortlisted]).sort()).toEqual(
      [[apps.A, true], [apps.B, true], [apps.C, true], [apps.D, false]].sort(),
    );
  });

  it('is decided once: again is 409 SHORTLIST_DECIDED, and the board shows each decision', async () => {
    const admin = await signInAdmin();
    const again = await nothingWritten(roundId, () => api('POST', paths.shortlist(roundId), { cookie: admin }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SHORTLIST_DECIDED');
    const board = await api('GET', paths.round(roundId), { cookie: admin });
    const shortlisted = Object.fromEntries(board.body.applications.map((a: { applicationId: string; shortlist: { shortlisted: boolean } }) => [a.applicationId, a.shortlist.shortlisted]));
    expect(shortlisted).toEqual({ [apps.A]: true, [apps.B]: true, [apps.C]: true, [apps.D]: false });
    expect(board.body.shortlistSize).toBe(2);
  });
});

describe('site teams', () => {
  it('assigns only shortlisted applications on site (422 NOT_SHORTLISTED otherwise)', async () => {
    const res = await nothingWritten(roundId, async () =>
      api('POST', paths.assign(apps.D), { cookie: await signInAdmin(), body: { stage: 'onSite', reviewerId: newcomer.personId, leader: true } }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('NOT_SHORTLISTED');
  });

  it('starts an expert who already declared for the applicant active or conflicted, anyone else awaiting the declaration', async () => {
    const admin = await signInAdmin();
    const assign = (reviewerId: string, leaderFlag = false) => api('POST', paths.assign(apps.A), { cookie: admin, body: { stage: 'onSite', reviewerId, leader: leaderFlag } });
    expect((await assign(leader.personId, true)).body).toMatchObject({ stage: 'onSite', status: 'active', leader: true });
    expect((await assign(conflicted.personId)).body).toMatchObject({ stage: 'onSite', status: 'conflicted' });
    expect((await assign(newcomer.personId)).body).toMatchObject({ stage: 'onSite', status: 'awaitingDeclaration' });
    const declared = await api('POST', paths.declare(apps.A), { cookie: newcomer.cookie, body: clearDeclaration });
    expect(declared.body.assignments).toEqual([expect.objectContaining({ stage: 'onSite', status: 'active' })]);
    // The on-site card waits for the round's on-site stage.
    const early = await api('PUT', paths.card(apps.A, 'onSite'), { cookie: newcomer.cookie, body: { items: {}, version: 0 } });
    expect(early.body.error.code).toBe('STAGE_CLOSED');
    await moveRoundTo(roundId, 'onSite');
    const saved = await api('PUT', paths.card(apps.A, 'onSite'), { cookie: newcomer.cookie, body: { items: { '4.7.2': { percent: 75 } }, version: 0 } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const mine = await api('GET', paths.mine, { cookie: leader.cookie });
    expect(mine.body.assignments.filter((a: { applicationId: string }) => a.applicationId === apps.A).map((a: { stage: string; roundStage: string }) => [a.stage, a.roundStage]).sort()).toEqual([
      ['materialReview', 'onSite'],
      ['onSite', 'onSite'],
    ]);
  });

  it('lets only one of two leaders assigned at once take the post (409 LEADER_TAKEN); a leader who recused hands it on', async () => {
    const admin = await signInAdmin();
    const assignLeader = (reviewerId: string) => api('POST', paths.assign(apps.B), { cookie: admin, body: { stage: 'onSite', reviewerId, leader: true } });
    const results = await Promise.all([assignLeader(leader.personId), assignLeader(member.personId)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const lost = results.find((r) => r.status === 409)!;
    expect(lost.body.error.code).toBe('LEADER_TAKEN');
    const won = results.find((r) => r.status === 201)!.body;
    const team = await api('GET', paths.team(apps.B, 'onSite'), { cookie: admin });
    expect(team.body.members.filter((m: { leader: boolean }) => m.leader)).toHaveLength(1);

    const recused = await api('POST', paths.recuse(apps.B, 'onSite', won.reviewerId), { cookie: admin, body: { reason: '临时出差，无法到场' } });
    expect(recused.status).toBe(200);
    const next = await assignLeader(won.reviewerId === leader.personId ? member.personId : leader.personId);
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(next.body.leader).toBe(true);
    expect((await assignLeader(newcomer.personId)).body.error.code).toBe('LEADER_TAKEN');
  });
});
