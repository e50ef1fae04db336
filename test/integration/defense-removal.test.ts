import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signInAdmin } from './helpers';
import { stackRuntime } from './applications-helpers';
import {
  assignTeam,
  clearDeclaration,
  consensusItems,
  createReviewRound,
  eligibleApplication,
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
let d1: Person;
let d2: Person;
let d3: Person;
let absent: Person;
let supervisor: Person;

const defenseOf = (cookie: string) => api('GET', paths.defense(roundId), { cookie });
const removal = (reviewerId: string) => `${paths.panel(roundId)}/${reviewerId}/removal`;

async function move(to: string) {
  const board = await api('GET', paths.round(roundId), { cookie: admin });
  return moveTo(roundId, to, board.body.roundVersion as number, admin);
}

async function scoreFor(d: Person, score: number) {
  const saved = await api('PUT', paths.defenseScore(applicationId), { cookie: d.cookie, body: { score, version: 0 } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const submitted = await api('POST', paths.defenseSubmit(applicationId), { cookie: d.cookie, body: { version: 1 } });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
}

// One application before a panel of four (two scores needed): three declare and score, one never shows up.
beforeAll(async () => {
  roundId = await createReviewRound({ teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 2 } });
  applicationId = (await eligibleApplication(roundId, '漳州答辩缺席有限公司')).applicationId;
  admin = await signInAdmin();
  const e1 = await invitedPerson('expert', { name: '缺席组专家甲', organisation: '质量协会甲' });
  const e2 = await invitedPerson('expert', { name: '缺席组专家乙', organisation: '质量协会乙' });
  d1 = await invitedPerson('deliberator', { name: '审议员一', organisation: '市人大' });
  d2 = await invitedPerson('deliberator', { name: '审议员二', organisation: '市政协' });
  d3 = await invitedPerson('deliberator', { name: '审议员三', organisation: '行业协会' });
  absent = await invitedPerson('deliberator', { name: '审议员四', organisation: '高校' });
  supervisor = await invitedPerson('supervisor', { name: '缺席组监督员' });

  await moveRoundTo(roundId, 'materialReview');
  await assignTeam(applicationId, [e1, e2]);
  await scoreAndSubmit(applicationId, e1, 80);
  await scoreAndSubmit(applicationId, e2, 80);
  expect((await api('POST', paths.consensus(applicationId), { cookie: e1.cookie, body: { items: consensusItems(80) } })).status).toBe(201);
  expect((await api('POST', paths.shortlist(roundId), { cookie: admin })).status).toBe(200);
  await moveRoundTo(roundId, 'onSite');
  await assignTeam(applicationId, [e1, e2], 'onSite');
  await scoreAndSubmit(applicationId, e1, 75, 'onSite');
  await scoreAndSubmit(applicationId, e2, 75, 'onSite');
  expect((await api('POST', paths.consensus(applicationId, 'onSite'), { cookie: e1.cookie, body: { items: consensusItems(75) } })).status).toBe(201);
  for (const d of [d1, d2, d3, absent]) {
    expect((await api('POST', paths.panel(roundId), { cookie: admin, body: { reviewerId: d.personId } })).status).toBe(201);
  }
  for (const d of [d1, d2, d3]) {
    expect((await api('POST', paths.defenseDeclare(applicationId), { cookie: d.cookie, body: clearDeclaration })).status).toBe(201);
  }
  await moveRoundTo(roundId, 'defense');
  await scoreFor(d1, 81_235);
  await scoreFor(d2, 77_750);
  await scoreFor(d3, 90_000);
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('taking a member off the defense panel', () => {
  it('keeps the round in the defense while a member who never declared holds a seat (ASSIGNMENTS_INCOMPLETE)', async () => {
    const res = await nothingWritten(roundId, () => move('comprehensiveEvaluation'));
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('ASSIGNMENTS_INCOMPLETE');
    // The absent member's seat, and the application without its panel score.
    expect(res.body.error.details).toEqual({ count: 2 });
  });

  it('refuses anyone but the office with 403, a member not on the panel with 404 and an empty reason with 400; writes nothing', async () => {
    for (const cookie of [supervisor.cookie, d1.cookie]) {
      const res = await nothingWritten(roundId, () => api('POST', removal(absent.personId), { cookie, body: { reason: '缺席' } }));
      expect(res.status).toBe(403);
    }
    const stranger = await invitedPerson('deliberator', { name: '组外审议员' });
    const off = await nothingWritten(roundId, () => api('POST', removal(stranger.personId), { cookie: admin, body: { reason: '缺席' } }));
    expect(off.status).toBe(404);
    const blank = await nothingWritten(roundId, () => api('POST', removal(absent.personId), { cookie: admin, body: { reason: '  ' } }));
    expect(blank.status).toBe(400);
  });

  it('takes the absent member off with the reason, one recusal.logged entry; twice is 409 PANEL_MEMBER_REMOVED', async () => {
    const res = await oneEntry(roundId, 'recusal.logged', () => api('POST', removal(absent.personId), { cookie: admin, body: { reason: '答辩当日缺席' } }), `${roundId}/${absent.personId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ roundId, reviewerId: absent.personId, removal: { reason: '答辩当日缺席' } });
    const twice = await nothingWritten(roundId, () => api('POST', removal(absent.personId), { cookie: admin, body: { reason: '再次' } }));
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('PANEL_MEMBER_REMOVED');
  });

  it('answers the removed member 404 on the round, on declaring and on scoring, and no longer lists the round as theirs', async () => {
    expect((await defenseOf(absent.cookie)).status).toBe(404);
    const declared = await nothingWritten(roundId, () => api('POST', paths.defenseDeclare(applicationId), { cookie: absent.cookie, body: clearDeclaration }));
    expect(declared.status).toBe(404);
    expect((await api('GET', paths.defenseScore(applicationId), { cookie: absent.cookie })).status).toBe(404);
    expect((await api('GET', paths.defenseMine, { cookie: absent.cookie })).body).toEqual({ rounds: [] });
  });

  it('sets a removed member’s submitted score aside: 812.35 and 777.50 give 794.93 without d3’s 900.00, still listed, marked, for the office', async () => {
    const before = (await defenseOf(admin)).body;
    // Three submitted: (81235 + 77750 + 90000) / 3 = 82995.
    expect(before.applications[0].panelScore).toBe(82_995);
    const res = await oneEntry(roundId, 'recusal.logged', () => api('POST', removal(d3.personId), { cookie: admin, body: { reason: '发现利益冲突' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const watched = (await defenseOf(supervisor.cookie)).body;
    expect(watched.applications[0].panelScore).toBe(79_493);
    expect(watched.applications[0].seats.map((s: { reviewerId: string }) => s.reviewerId).sort()).toEqual([d1.personId, d2.personId].sort());
    const aside = watched.applications[0].scores.find((s: { reviewerId: string }) => s.reviewerId === d3.personId);
    expect(aside).toMatchObject({ score: 90_000, status: 'submitted', setAside: true });
    expect(watched.panel.find((m: { reviewerId: string }) => m.reviewerId === d3.personId).removal).toMatchObject({ reason: '发现利益冲突' });
    // The remaining members no longer see it.
    const member = (await defenseOf(d1.cookie)).body;
    expect(member.applications[0].scores.map((s: { score: number }) => s.score).sort()).toEqual([77_750, 81_235]);
    const late = await nothingWritten(roundId, () => api('PUT', paths.defenseScore(applicationId), { cookie: d3.cookie, body: { score: 1, version: 2 } }));
    expect(late.status).toBe(404);
  });

  it('moves defense → comprehensive evaluation once the remaining members are done; no removal after', async () => {
    const moved = await oneMove(roundId, () => move('comprehensiveEvaluation'));
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const closed = await nothingWritten(roundId, () => api('POST', removal(d1.personId), { cookie: admin, body: { reason: '晚了' } }));
    expect(closed.status).toBe(422);
    expect(closed.body.error.code).toBe('STAGE_CLOSED');
  });
});
