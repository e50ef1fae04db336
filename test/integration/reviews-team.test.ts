import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria';
import { stageScore, type Scorecard } from '../../shared/scoring';
import { api, mailTo, signInAdmin } from './helpers';
import { stackRuntime } from './applications-helpers';
import {
  clearDeclaration,
  consensusItems,
  createReviewRound,
  eligibleApplication,
  fullCard,
  invitedPerson,
  moveRoundTo,
  entriesAfter,
  nothingWritten,
  oneEntry,
  paths,
} from './reviews-helpers';

type Person = Awaited<ReturnType<typeof invitedPerson>>;

let roundId: string;
let applicationId: string;
let experts: Person[];
let outsider: Person;
let supervisor: Person;
let applicantCookie: string;

beforeAll(async () => {
  roundId = await createReviewRound();
  const app = await eligibleApplication(roundId, '福州团队评审示范有限公司');
  applicationId = app.applicationId;
  applicantCookie = app.cookie;
  experts = [];
  for (let i = 0; i < 5; i++) experts.push(await invitedPerson('expert', { name: `专家${i + 1}`, organisation: `质量协会${i}` }));
  outsider = await invitedPerson('expert', { name: '局外专家' });
  supervisor = await invitedPerson('supervisor', { name: '监督员' });
  await moveRoundTo(roundId, 'materialReview');
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

// One divergent item: expert 1 gives 4.1.2 80 %, the others 50 %; everything else 60 % (leader) or 55 %.
const percentOf = (index: number) => (itemId: string) => (itemId === '4.1.2' ? (index === 0 ? 80 : 50) : index === 0 ? 60 : 55);

describe('a five-expert material review team, from assignment to consensus', () => {
  it('assigns five experts with a leader, each with one audited entry; they await their declaration', async () => {
    const admin = await signInAdmin();
    for (const [index, expert] of experts.entries()) {
      const res = await oneEntry(
        roundId,
        'assignment.made',
        () => api('POST', paths.assign(applicationId), { cookie: admin, body: { stage: 'materialReview', reviewerId: expert.personId, leader: index === 0 } }),
        `${applicationId}/materialReview/${expert.personId}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        roundId,
        applicationId,
        stage: 'materialReview',
        reviewerId: expert.personId,
        reviewerName: expert.name,
        leader: index === 0,
        status: 'awaitingDeclaration',
        organisation: { name: '福州团队评审示范有限公司', district: '鼓楼区', industry: '制造业' },
        version: 1,
      });
      expect(res.body.organisation.creditCode).toBeUndefined();
    }
  });

  it('mails each expert, in both languages, which applicant and stage they are assigned to and where to declare and score', async () => {
    const [leaderMail] = await mailTo(experts[0]!.email);
    expect(leaderMail!.subject).toBe('【示范市政府质量奖】评审任务：福州团队评审示范有限公司（材料审核） / [Demo City Government Quality Award] Review assignment: 福州团队评审示范有限公司 (Material review)');
    expect(leaderMail!.text).toContain('担任评审组组长');
    expect(leaderMail!.text).toContain('as the team leader');
    expect(leaderMail!.text).toContain(`/review/${applicationId}/materialReview`);
    const [memberMail] = await mailTo(experts[1]!.email);
    expect(memberMail!.subject).toContain('福州团队评审示范有限公司');
    expect(memberMail!.text).not.toContain('组长');
    expect(memberMail!.text).toContain('利益冲突声明');
  });

  it('shows nothing of the package before the declaration: 403 DECLARATION_REQUIRED', async () => {
    const material = await api('GET', paths.material(applicationId), { cookie: experts[0]!.cookie });
    expect(material.status).toBe(403);
    expect(material.body.error.code).toBe('DECLARATION_REQUIRED');
    const card = await api('GET', paths.card(applicationId), { cookie: experts[0]!.cookie });
    expect(card.body.error.code).toBe('DECLARATION_REQUIRED');
    const mine = await api('GET', paths.mine, { cookie: experts[0]!.cookie });
    expect(mine.body.assignments).toEqual([expect.objectContaining({ applicationId, status: 'awaitingDeclaration', roundStage: 'materialReview', consensusRecorded: false })]);
  });

  it('takes each clear, signed declaration once with one audited entry, and makes the assignment active', async () => {
    for (const expert of experts) {
      const res = await oneEntry(roundId, 'declaration.made', () => api('POST', paths.declare(applicationId), { cookie: expert.cookie, body: clearDeclaration }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.declaration).toMatchObject({ applicationId, reviewerId: expert.personId, conflicts: [], confidentialitySigned: true, impartialitySigned: true });
      expect(res.body.assignments).toEqual([expect.objectContaining({ stage: 'materialReview', status: 'active', version: 2 })]);
    }
    const again = await nothingWritten(roundId, () => api('POST', paths.declare(applicationId), { cookie: experts[0]!.cookie, body: clearDeclaration }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DECLARATION_MADE');
  });

  it('shows a declared expert the package and a working download link to a verified document', async () => {
    const material = await api('GET', paths.material(applicationId), { cookie: experts[1]!.cookie });
    expect(material.status).toBe(200);
    expect(Object.keys(material.body.sections)).toHaveLength(24);
    expect(material.body.documents.map((d: { category: string }) => d.category)).toEqual(['businessLicence', 'selfAssessmentReport']);
    expect(material.body.receipt.receiptId).toMatch(/\S/);
    const link = await api('GET', paths.download(applicationId, material.body.documents[0].documentId), { cookie: experts[1]!.cookie });
    expect(link.status).toBe(200);
    const file = await fetch(link.body.url);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers 404 to an expert of another team and 403 to the applicant, for every review route', async () => {
    const material = await api('GET', paths.material(applicationId), { cookie: experts[1]!.cookie });
    const documentId = material.body.documents[0].documentId;
    const unknown = await api('GET', paths.material('01ARZ3NDEKTSV4RRFFQ69G5FAV'), { cookie: outsider.cookie });
    const attempts = [
      await api('GET', paths.material(applicationId), { cookie: outsider.cookie }),
      await api('GET', paths.download(applicationId, documentId), { cookie: outsider.cookie }),
      await api('GET', paths.card(applicationId), { cookie: outsider.cookie }),
      await api('PUT', paths.card(applicationId), { cookie: outsider.cookie, body: { items: {}, version: 0 } }),
      await api('GET', paths.team(applicationId), { cookie: outsider.cookie }),
      await api('POST', paths.declare(applicationId), { cookie: outsider.cookie, body: clearDeclaration }),
      await api('POST', paths.consensus(applicationId), { cookie: outsider.cookie, body: { items: consensusItems(50) } }),
      await api('POST', paths.recuse(applicationId, 'materialReview', experts[1]!.personId), { cookie: outsider.cookie, body: { reason: '试探' } }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: unknown.body.error.message });
      expect(res.body.error.details).toBeUndefined();
    }
    for (const res of [await api('GET', paths.material(applicationId), { cookie: applicantCookie }), await api('GET', paths.team(applicationId), { cookie: applicantCookie })]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect((await api('GET', paths.mine, { cookie: outsider.cookie })).body.assignments).toEqual([]);
  });

  it('saves whole drafts on the version read: a stale version is 409 CONFLICT and nothing is written', async () => {
    for (const [index, expert] of experts.entries()) {
      const empty = await api('GET', paths.card(applicationId), { cookie: expert.cookie });
      expect(empty.body).toMatchObject({ status: 'draft', version: 0, scored: 0, items: {} });
      const saved = await oneEntry(roundId, 'scorecard.saved', () =>
        api('PUT', paths.card(applicationId), { cookie: expert.cookie, body: { items: fullCard(percentOf(index)), version: 0 } }),
      );
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body).toMatchObject({ status: 'draft', version: 1, scored: 23 });
    }
    const stale = await nothingWritten(roundId, () => api('PUT', paths.card(applicationId), { cookie: experts[1]!.cookie, body: { items: fullCard(10), version: 0 } }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    const card = await api('GET', paths.card(applicationId), { cookie: experts[1]!.cookie });
    expect(card.body.items['4.2.2'].percent).toBe(55);
  });

  it("keeps the others' cards hidden from a member until they submit their own; the office and supervisors see a draft's progress only", async () => {
    const before = await api('GET', paths.team(applicationId), { cookie: experts[0]!.cookie });
    expect(before.status).toBe(200);
    expect(before.body.scorecards.map((c: { reviewerId: string }) => c.reviewerId)).toEqual([experts[0]!.personId]);
    expect(before.body.flags).toEqual([]);
    expect(before.body.members).toHaveLength(5);
    // A member reads only their own declaration; what the others declared is for the office and supervisors.
    expect(before.body.declarations.map((d: { reviewerId: string }) => d.reviewerId)).toEqual([experts[0]!.personId]);
    expect(before.body).toMatchObject({ minTeam: 5, divergenceThreshold: 20, roundStage: 'materialReview' });

    const submitted = await oneEntry(roundId, 'scorecard.submitted', () => api('POST', paths.submit(applicationId), { cookie: experts[0]!.cookie, body: { version: 1 } }));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    // 4.1.2 (50 points) at 80 %, the other 950 points at 60 %: 4,000 + 57,000 hundredths.
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 2, total: 61_000 });
    const retry = await nothingWritten(roundId, () => api('POST', paths.submit(applicationId), { cookie: experts[0]!.cookie, body: { version: 1 } }));
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(submitted.body);
    const late = await nothingWritten(roundId, () => api('PUT', paths.card(applicationId), { cookie: experts[0]!.cookie, body: { items: fullCard(5), version: 2 } }));
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CARD_SUBMITTED');

    const after = await api('GET', paths.team(applicationId), { cookie: experts[0]!.cookie });
    expect(after.body.scorecards.map((c: { reviewerId: string }) => c.reviewerId)).toEqual([experts[0]!.personId]); // the others are drafts
    const other = await api('GET', paths.team(applicationId), { cookie: experts[1]!.cookie });
    expect(other.body.scorecards.map((c: { reviewerId: string }) => c.reviewerId)).toEqual([experts[1]!.personId]);
    const teamCard = (reviewerId: string) => `${paths.team(applicationId)}/cards/${reviewerId}`;
    for (const cookie of [await signInAdmin(), supervisor.cookie]) {
      const office = await nothingWritten(roundId, () => api('GET', paths.team(applicationId), { cookie }));
      expect(office.status).toBe(200);
      expect(office.body.scorecards).toHaveLength(5);
      expect(office.body.declarations).toHaveLength(5);
      // Issue 15: a draft is sealed — how far its author got, none of their scores or texts.
      const drafts = office.body.scorecards.filter((c: { status: string }) => c.status === 'draft');
      expect(drafts).toHaveLength(4);
      for (const d of drafts) {
        expect(d).toMatchObject({ sealed: true, items: {}, scored: 23 });
        expect(d.total).toBeUndefined();
      }
      expect(JSON.stringify(drafts)).not.toContain('percent');
      // Reading one draft is refused; a submitted card is answered.
      const draft = await nothingWritten(roundId, () => api('GET', teamCard(experts[1]!.personId), { cookie }));
      expect(draft.status).toBe(403);
      expect(draft.body.error.code).toBe('CARD_SEALED');
      expect(draft.body.error.message['zh-CN']).toContain('只有评分人本人');
      const done = await api('GET', teamCard(experts[0]!.personId), { cookie });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'submitted', total: 61_000 });
    }
    // A teammate who has not submitted cannot read a submitted card either.
    const early = await nothingWritten(roundId, () => api('GET', teamCard(experts[0]!.personId), { cookie: experts[1]!.cookie }));
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('CARD_SEALED');
  });

  it('refuses the consensus to a member who is not the leader (403 NOT_LEADER) and while members are still scoring (422 ASSIGNMENTS_INCOMPLETE)', async () => {
    const notLeader = await nothingWritten(roundId, () => api('POST', paths.consensus(applicationId), { cookie: experts[1]!.cookie, body: { items: consensusItems(60) } }));
    expect(notLeader.status).toBe(403);
    expect(notLeader.body.error.code).toBe('NOT_LEADER');
    const early = await nothingWritten(roundId, () => api('POST', paths.consensus(applicationId), { cookie: experts[0]!.cookie, body: { items: consensusItems(60) } }));
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('ASSIGNMENTS_INCOMPLETE');
    expect(early.body.error.message.en).toContain('4');
  });

  it('shows a member who submitted every submitted card and the divergence flags', async () => {
    for (const expert of experts.slice(1)) {
      const res = await api('POST', paths.submit(applicationId), { cookie: expert.cookie, body: { version: 1 } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    // The first read of the others' cards is recorded (one entry naming the four cards and their committed hashes) …
    const team = await oneEntry(roundId, 'scorecard.read', () => api('GET', paths.team(applicationId), { cookie: experts[2]!.cookie }), `${applicationId}/materialReview/${experts[2]!.personId}`);
    expect(team.body.scorecards).toHaveLength(5);
    expect(team.body.flags).toEqual([{ itemId: '4.1.2', min: 50, max: 80, spread: 30 }]);
    // … and a read of the same cards again adds nothing.
    await nothingWritten(roundId, () => api('GET', paths.team(applicationId), { cookie: experts[2]!.cookie }));
    const mine = await api('GET', paths.mine, { cookie: experts[2]!.cookie });
    expect(mine.body.assignments[0]).toMatchObject({ status: 'submitted', card: { status: 'submitted', scored: 23, version: 2 } });
  });

  it('records the consensus once: every item, a rationale for the flagged one, exact totals from the domain', async () => {
    const leader = experts[0]!.cookie;
    const { ['4.7.7']: _dropped, ...partial } = consensusItems(60);
    const incomplete = await nothingWritten(roundId, () => api('POST', paths.consensus(applicationId), { cookie: leader, body: { items: partial } }));
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.code).toBe('CONSENSUS_INCOMPLETE');
    expect(incomplete.body.error.message.en).toContain('4.7.7');
    const unknownItem = await nothingWritten(roundId, () =>
      api('POST', paths.consensus(applicationId), { cookie: leader, body: { items: { ...consensusItems(60), '4.9.9': { percent: 50, rationale: 'x' } } } }),
    );
    expect(unknownItem.status).toBe(422);
    expect(unknownItem.body.error.code).toBe('UNKNOWN_ITEM');
    const unexplained = { ...consensusItems(60), '4.1.2': { percent: 65, rationale: '' } };
    const noRationale = await nothingWritten(roundId, () => api('POST', paths.consensus(applicationId), { cookie: leader, body: { items: unexplained } }));
    expect(noRationale.status).toBe(422);
    expect(noRationale.body.error.code).toBe('RATIONALE_REQUIRED');
    expect(noRationale.body.error.message['zh-CN']).toContain('4.1.2');
    const offGrid = await nothingWritten(roundId, () => api('POST', paths.consensus(applicationId), { cookie: leader, body: { items: { ...consensusItems(60), '4.1.3': { percent: 62, rationale: '' } } } }));
    expect(offGrid.status).toBe(400);

    const items = { ...consensusItems((id) => (id.startsWith('4.7') ? 55 : 60)), '4.1.2': { percent: 65, rationale: '现场讨论后取中间值。' } };
    const recorded = await oneEntry(roundId, 'consensus.recorded', () => api('POST', paths.consensus(applicationId), { cookie: leader, body: { items } }), `${applicationId}/materialReview`);
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const card = Object.fromEntries(Object.entries(items).map(([id, item]) => [id, item.percent])) as Scorecard;
    const expected = stageScore(card, GBT19580_2012);
    expect(recorded.body).toMatchObject({
      roundId,
      applicationId,
      stage: 'materialReview',
      total: expected.total,
      categories: expected.categories,
      basedOn: 5,
      recordedBy: experts[0]!.personId,
      flags: [{ itemId: '4.1.2', min: 50, max: 80, spread: 30 }],
    });
    expect(recorded.body.total).toBe(50 * 65 + 550 * 60 + 400 * 55);
    // The consensus names the five cards by the hashes their submissions committed.
    const submissions = (await entriesAfter(roundId, 0)).filter((e) => e.action === 'scorecard.submitted' && e.target.id.startsWith(`${applicationId}/materialReview/`));
    expect(recorded.body.cards).toHaveLength(5);
    expect(new Set(recorded.body.cards.map((c: { digest: string }) => c.digest))).toEqual(new Set(submissions.map((e) => e.stateDigest)));

    const again = await nothingWritten(roundId, () => api('POST', paths.consensus(applicationId), { cookie: leader, body: { items } }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONSENSUS_RECORDED');
    const team = await api('GET', paths.team(applicationId), { cookie: experts[3]!.cookie });
    expect(team.body.consensus).toEqual(recorded.body);
    const mine = await api('GET', paths.mine, { cookie: experts[3]!.cookie });
    expect(mine.body.assignments[0].consensusRecorded).toBe(true);
  });

  it('refuses assignments and recusals after the consensus with 409 CONSENSUS_RECORDED', async () => {
    const admin = await signInAdmin();
    const assign = await nothingWritten(roundId, () => api('POST', paths.assign(applicationId), { cookie: admin, body: { stage: 'materialReview', reviewerId: outsider.personId } }));
    expect(assign.status).toBe(409);
    expect(assign.body.error.code).toBe('CONSENSUS_RECORDED');
    const recusal = await nothingWritten(roundId, () => api('POST', paths.recuse(applicationId, 'materialReview', experts[4]!.personId), { cookie: experts[4]!.cookie, body: { reason: '迟来的回避' } }));
    expect(recusal.status).toBe(409);
    expect(recusal.body.error.code).toBe('CONSENSUS_RECORDED');
  });

  it("gives the office and supervisors the round's board: teams, cards submitted, consensus, declarations", async () => {
    for (const cookie of [await signInAdmin(), supervisor.cookie]) {
      const res = await api('GET', paths.round(roundId), { cookie });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ roundId, roundStage: 'materialReview', roundVersion: 2, minTeam: { materialReview: 5, onSite: 3 }, shortlistSize: 12 });
      expect(res.body.roundName).toEqual({ 'zh-CN': expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) }); // the board's heading names the round
      expect(res.body.applications).toHaveLength(1);
      const summary = res.body.applications[0];
      expect(summary.stages.materialReview.members).toHaveLength(5);
      expect(summary.stages.materialReview.submittedCards).toBe(5);
      expect(summary.stages.materialReview.consensus.total).toBe(50 * 65 + 550 * 60 + 400 * 55);
      expect(summary.stages.onSite).toBeUndefined();
      expect(res.body.declarations).toHaveLength(5);
      expect(res.body.recusals).toEqual([]);
    }
    const expert = await api('GET', paths.round(roundId), { cookie: experts[0]!.cookie });
    expect(expert.status).toBe(403);
  });
});
