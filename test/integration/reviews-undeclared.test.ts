import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers';
import { stackRuntime } from './applications-helpers';
import {
  assignTeam,
  clearDeclaration,
  consensusItems,
  createReviewRound,
  eligibleApplication,
  fullCard,
  invitedPerson,
  moveRoundTo,
  paths,
  scoreAndSubmit,
} from './reviews-helpers';

// Issue #16.8: an assigned expert who never declared (no conflict check, nothing signed) could recuse and then read
// every submitted card of the team. Only an expert who submitted their own card sees the others'.
type Person = Awaited<ReturnType<typeof invitedPerson>>;

let applicationId: string;
let leader: Person;
let scorers: Person[];
let undeclared: Person;
let drafting: Person;
let submittedThenRecused: Person;

beforeAll(async () => {
  const roundId = await createReviewRound({ teams: { materialReviewMin: 3, onSiteMin: 3, defensePanelMin: 5 } });
  applicationId = (await eligibleApplication(roundId, '福州未申报回避测试有限公司')).applicationId;
  await moveRoundTo(roundId, 'materialReview');
  leader = await invitedPerson('expert', { name: '组长甲', organisation: '高校甲' });
  scorers = [await invitedPerson('expert', { name: '评审乙', organisation: '高校乙' }), await invitedPerson('expert', { name: '评审丙', organisation: '高校丙' })];
  undeclared = await invitedPerson('expert', { name: '未申报丁', organisation: '高校丁' });
  drafting = await invitedPerson('expert', { name: '草稿戊', organisation: '高校戊' });
  submittedThenRecused = await invitedPerson('expert', { name: '已交己', organisation: '高校己' });
  await assignTeam(applicationId, [leader, ...scorers, undeclared, drafting, submittedThenRecused]);
  for (const [i, expert] of [leader, ...scorers].entries()) await scoreAndSubmit(applicationId, expert, 60 + 10 * i);
  await scoreAndSubmit(applicationId, submittedThenRecused, 40);
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const team = (expert: Person) => api('GET', paths.team(applicationId), { cookie: expert.cookie });
const recuse = (expert: Person, reason: string) => api('POST', paths.recuse(applicationId, 'materialReview', expert.personId), { cookie: expert.cookie, body: { reason } });
const othersCards = (body: { scorecards: { reviewerId: string }[] }, expert: Person) => body.scorecards.filter((c) => c.reviewerId !== expert.personId);

describe('cards and an expert who never declared (issue #16.8)', () => {
  it('shows an expert who recused before declaring none of the team’s cards, flags or consensus', async () => {
    const before = await team(undeclared);
    expect(before.status).toBe(403);
    expect(before.body.error.code).toBe('DECLARATION_REQUIRED');

    const recused = await recuse(undeclared, '与申报单位存在利害关系');
    expect(recused.status, JSON.stringify(recused.body)).toBe(200);
    const after = await team(undeclared);
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(othersCards(after.body, undeclared)).toEqual([]);
    expect(after.body.flags).toEqual([]);
    expect(JSON.stringify(after.body)).not.toMatch(/"percent"/);
  });

  it('shows an expert who declared and recused with a draft only that draft', async () => {
    expect((await api('POST', paths.declare(applicationId), { cookie: drafting.cookie, body: clearDeclaration })).status).toBe(201);
    const saved = await api('PUT', paths.card(applicationId), { cookie: drafting.cookie, body: { items: fullCard(50), version: 0 } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await recuse(drafting, '发现曾为该单位提供咨询')).status).toBe(200);
    const after = await team(drafting);
    expect(after.status).toBe(200);
    expect(othersCards(after.body, drafting)).toEqual([]);
    expect(after.body.scorecards.map((c: { reviewerId: string }) => c.reviewerId)).toEqual([drafting.personId]);
    expect(after.body.flags).toEqual([]);
  });

  it('still shows the others’ cards to whoever submitted their own, recused since or not', async () => {
    expect(othersCards((await team(scorers[0]!)).body, scorers[0]!).length).toBe(3);
    expect((await recuse(submittedThenRecused, '提交后发现近亲属在该单位任职')).status).toBe(200);
    expect(othersCards((await team(submittedThenRecused)).body, submittedThenRecused).length).toBe(3);
  });

  it('keeps the consensus from the expert who never submitted once it is recorded', async () => {
    const recorded = await api('POST', paths.consensus(applicationId), { cookie: leader.cookie, body: { items: consensusItems(70) } });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    for (const expert of [undeclared, drafting]) {
      const after = await team(expert);
      expect(after.status).toBe(200);
      expect(after.body.consensus, expert.name).toBeUndefined();
      expect(othersCards(after.body, expert)).toEqual([]);
    }
    expect((await team(scorers[1]!)).body.consensus.total).toBeDefined();
  });

  it('answers the expert who recused undeclared nothing about the material either', async () => {
    const material = await api('GET', paths.material(applicationId), { cookie: undeclared.cookie });
    expect(material.status).toBeGreaterThanOrEqual(400);
    const card = await api('GET', paths.card(applicationId), { cookie: undeclared.cookie });
    expect(JSON.stringify(card.body)).not.toMatch(/"percent":\s*\d/);
  });

  it('refuses a declaration from the expert who recused undeclared (409 ASSIGNMENT_CLOSED): nothing left to declare for', async () => {
    const declared = await api('POST', paths.declare(applicationId), { cookie: undeclared.cookie, body: clearDeclaration });
    expect(declared.status, JSON.stringify(declared.body)).toBe(409);
    expect(declared.body.error.code).toBe('ASSIGNMENT_CLOSED');
    const after = await team(undeclared);
    expect(othersCards(after.body, undeclared)).toEqual([]);
  });
});
