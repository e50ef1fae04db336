import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundScope, verifyChain } from '../../shared/audit/chain';
import { nodeSha256 } from '../../functions/lib/audit/log';
import { api, linkedChain, signIn, signInAdmin, uniqueEmail } from './helpers';
import { fillPackage, PDF, registeredApplicant, stackRuntime, upload } from './applications-helpers';
import { SYSTEM_ACTOR } from '../../shared/audit/actions';
import { tableName } from '../../functions/lib/config';
import { ReviewsRepository } from '../../functions/lib/reviews/repository';
import { chainActions, moveTo, publicStage, putReviewItems, redateRound, seedOtherProgramme, seedRound } from './rounds-helpers';

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

/** A registered applicant of the round with a complete, submitted package. */
async function submittedApplicant(roundId: string, label: string): Promise<string> {
  const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail(label));
  await fillPackage(cookie, applicationId);
  await upload(cookie, applicationId, PDF, { category: 'businessLicence' });
  await upload(cookie, applicationId, Buffer.concat([PDF, Buffer.from('% report\n')]), { category: 'selfAssessmentReport', fileName: '自评报告.pdf' });
  const submitted = await api('POST', `/api/submission/applications/${applicationId}/submit`, { cookie, body: {} });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  return applicationId;
}

/** Moves the round and expects it to land, with exactly one 'round.stageMoved' entry more on its chain (then the result letters it sends). */
async function expectMoved(roundId: string, to: string, version: number) {
  const before = await chainActions(roundId);
  const res = await moveTo(roundId, to, version);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body).toMatchObject({ roundId, stage: to, version: version + 1 });
  expect(Date.parse(res.body.stageSince)).toBeGreaterThan(Date.now() - 60_000);
  const added = (await chainActions(roundId)).slice(before.length);
  expect(added[0]).toBe('round.stageMoved');
  expect(added.slice(1).every((a) => a === 'letter.sent')).toBe(true);
  expect(await publicStage(roundId)).toBe(to);
  return res.body as { stage: string; stageSince: string; version: number };
}

/** Asks for a move and expects a 422 refusal with `code`; nothing is written (no audit entry, the stage unchanged). */
async function expectRefused(roundId: string, to: string, version: number, code: string) {
  const before = await chainActions(roundId);
  const stage = await publicStage(roundId);
  const res = await moveTo(roundId, to, version);
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.error.code).toBe(code);
  expect(await chainActions(roundId)).toEqual(before);
  expect(await publicStage(roundId)).toBe(stage);
  return res.body.error as { code: string; message: { 'zh-CN': string; en: string }; details?: Record<string, unknown> };
}

/**
 * Seats deliberators on the round's defense panel, each declared clear for the application, with a score
 * submitted or still a draft, in the layout the scoring function writes (one audited commit per seat).
 */
async function seatPanel(roundId: string, applicationId: string, seats: readonly { reviewerId: string; status: 'draft' | 'submitted' }[]) {
  const rt = await stackRuntime();
  const reviews = new ReviewsRepository(rt.clients.ddb, tableName(rt.config, 'reviews'));
  for (const { reviewerId, status } of seats) {
    const at = new Date();
    const member = { roundId, reviewerId, reviewerName: reviewerId, addedAt: at.toISOString(), addedBy: 'test' };
    const declaration = { roundId, applicationId, reviewerId, reviewerName: reviewerId, declaredAt: at.toISOString(), relations: [], confidentialitySigned: true, impartialitySigned: true, conflicts: [] };
    const score = { roundId, applicationId, reviewerId, reviewerName: reviewerId, status, score: 80_000, comment: '', version: 1, updatedAt: at.toISOString() };
    await rt.audit.commit({
      scope: roundScope(roundId),
      actor: SYSTEM_ACTOR,
      action: 'scorecard.saved',
      target: { type: 'defense', id: `${applicationId}/${reviewerId}` },
      state: { member, declaration, score },
      requestId: 'test',
      now: at,
      writes: [
        { Put: { ...reviews.panelMemberPut(member).Put!, ConditionExpression: undefined } },
        { Put: { ...reviews.declarationPut(declaration).Put!, ConditionExpression: undefined } },
        { Put: { ...reviews.defenseScorePut(score, 0).Put!, ConditionExpression: undefined } },
      ],
    });
  }
}

describe('the office moves a round one stage on, through the whole review', () => {
  // One round walked from registration to comprehensive evaluation; each step relies on the one before.
  let roundId: string;
  let version = 1;
  let submitted: string;

  beforeAll(async () => {
    roundId = (await seedRound({ when: 'open' })).roundId;
    submitted = await submittedApplicant(roundId, 'stage-submitted');
    // Registered but never submitted: not waiting for an eligibility decision.
    await registeredApplicant(roundId, uniqueEmail('stage-registered'));
  });

  it('refuses registration → formal submission with 422 REGISTRATION_STILL_OPEN while registration is open, in both languages', async () => {
    const error = await expectRefused(roundId, 'formalSubmission', version, 'REGISTRATION_STILL_OPEN');
    expect(error.details).toHaveProperty('closes');
    expect(error.message.en).toContain(String(error.details!.closes));
    expect(error.message['zh-CN']).toContain('网上申报尚未截止');
  });

  it('refuses skipping a stage with 422 ILLEGAL_STAGE_TRANSITION, naming both stages', async () => {
    version = (await redateRound(roundId, 'closed')).version;
    const error = await expectRefused(roundId, 'eligibility', version, 'ILLEGAL_STAGE_TRANSITION');
    expect(error.details).toEqual({ from: 'registration', to: 'eligibility' });
    // The message names the stages in each language, not by their ids.
    expect(error.message['zh-CN']).toBe('评审轮次不能从“网上申报”转到“形式审查”。');
    expect(error.message.en).toBe('The round cannot move from “Online registration” to “Eligibility and completeness”.');
  });

  it('moves to formal submission once registration has closed, then to eligibility once the deadline has passed', async () => {
    version = (await expectMoved(roundId, 'formalSubmission', version)).version;
    version = (await expectMoved(roundId, 'eligibility', version)).version;
  });

  it('refuses eligibility → material review with 422 ELIGIBILITY_PENDING while a submitted application awaits its decision', async () => {
    const error = await expectRefused(roundId, 'materialReview', version, 'ELIGIBILITY_PENDING');
    // Only the submitted application counts; the one that was only registered waits for nothing.
    expect(error.details).toEqual({ count: 1 });
  });

  it('moves to material review once every submitted application has its decision', async () => {
    const decided = await api('POST', `/api/submission/applications/${submitted}/eligibility`, {
      cookie: await signInAdmin(),
      body: { decision: 'eligible', reason: '符合申报条件。' },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    version = (await expectMoved(roundId, 'materialReview', version)).version;
  });

  it('refuses material review → on-site with 422 ASSIGNMENTS_INCOMPLETE while an eligible application has no consensus', async () => {
    const error = await expectRefused(roundId, 'onSite', version, 'ASSIGNMENTS_INCOMPLETE');
    expect(error.details).toEqual({ count: 1 });
  });

  it('counts every unfinished assignment of the stage (to declare or scoring), not finished ones or those of another stage', async () => {
    await putReviewItems(roundId, [
      { kind: 'assignment', applicationId: submitted, stage: 'materialReview', reviewerId: 'expert-1', status: 'active', leader: true },
      { kind: 'assignment', applicationId: submitted, stage: 'materialReview', reviewerId: 'expert-2', status: 'awaitingDeclaration' },
      { kind: 'assignment', applicationId: submitted, stage: 'materialReview', reviewerId: 'expert-3', status: 'submitted' },
      { kind: 'assignment', applicationId: submitted, stage: 'materialReview', reviewerId: 'expert-4', status: 'recused' },
      { kind: 'assignment', applicationId: submitted, stage: 'materialReview', reviewerId: 'expert-5', status: 'conflicted' },
      { kind: 'assignment', applicationId: submitted, stage: 'onSite', reviewerId: 'expert-6', status: 'active' },
      { kind: 'consensus', applicationId: submitted, stage: 'materialReview', total: 61_250 },
    ]);
    const error = await expectRefused(roundId, 'onSite', version, 'ASSIGNMENTS_INCOMPLETE');
    expect(error.details).toEqual({ count: 2 });
  });

  it('refuses material review → on-site with 422 SHORTLIST_EMPTY when the work is done but nobody is shortlisted', async () => {
    await putReviewItems(roundId, [
      { kind: 'assignment', applicationId: submitted, stage: 'materialReview', reviewerId: 'expert-1', status: 'submitted', leader: true },
      { kind: 'assignment', applicationId: submitted, stage: 'materialReview', reviewerId: 'expert-2', status: 'submitted' },
      { kind: 'shortlist', applicationId: 'not-chosen', shortlisted: false },
    ]);
    await expectRefused(roundId, 'onSite', version, 'SHORTLIST_EMPTY');
  });

  it('moves to on-site once an application is shortlisted', async () => {
    await putReviewItems(roundId, [{ kind: 'shortlist', applicationId: submitted, shortlisted: true }]);
    version = (await expectMoved(roundId, 'onSite', version)).version;
  });

  it('refuses on-site → defense with 422 ASSIGNMENTS_INCOMPLETE until the site team has finished and agreed', async () => {
    // expert-6 is still scoring, and the shortlisted application has no on-site consensus.
    expect((await expectRefused(roundId, 'defense', version, 'ASSIGNMENTS_INCOMPLETE')).details).toEqual({ count: 2 });
    await putReviewItems(roundId, [{ kind: 'assignment', applicationId: submitted, stage: 'onSite', reviewerId: 'expert-6', status: 'submitted', leader: true }]);
    expect((await expectRefused(roundId, 'defense', version, 'ASSIGNMENTS_INCOMPLETE')).details).toEqual({ count: 1 });
    await putReviewItems(roundId, [{ kind: 'consensus', applicationId: submitted, stage: 'onSite', total: 70_000 }]);
    version = (await expectMoved(roundId, 'defense', version)).version;
  });

  it('refuses defense → comprehensive evaluation with 422 ASSIGNMENTS_INCOMPLETE until the panel has scored every application before it', async () => {
    // No panel at all: the application before it has no panel score.
    expect((await expectRefused(roundId, 'comprehensiveEvaluation', version, 'ASSIGNMENTS_INCOMPLETE')).details).toEqual({ count: 1 });
    // Four of the five members the round requires (the default panel minimum) submitted: still no panel score.
    const members = ['d-1', 'd-2', 'd-3', 'd-4', 'd-5'];
    await seatPanel(roundId, submitted, members.slice(0, 4).map((reviewerId) => ({ reviewerId, status: 'submitted' as const })));
    expect((await expectRefused(roundId, 'comprehensiveEvaluation', version, 'ASSIGNMENTS_INCOMPLETE')).details).toEqual({ count: 1 });
    // The fifth member is still scoring: one pending seat, and no panel score yet.
    await seatPanel(roundId, submitted, [{ reviewerId: 'd-5', status: 'draft' }]);
    expect((await expectRefused(roundId, 'comprehensiveEvaluation', version, 'ASSIGNMENTS_INCOMPLETE')).details).toEqual({ count: 2 });
    await seatPanel(roundId, submitted, [{ reviewerId: 'd-5', status: 'submitted' }]);
    version = (await expectMoved(roundId, 'comprehensiveEvaluation', version)).version;
  });

  it('refuses comprehensive evaluation → opinions with 422 EVALUATION_PENDING while the evaluation is not recorded', async () => {
    await expectRefused(roundId, 'opinions', version, 'EVALUATION_PENDING');
  });

  it('left exactly one round.stageMoved entry per move (six), naming the office and the new stage, and the chain verifies', async () => {
    const entries = await linkedChain((await stackRuntime()).audit, roundScope(roundId));
    const moves = entries.filter((e) => e.action === 'round.stageMoved');
    expect(moves.map((e) => e.context?.stage)).toEqual(['formalSubmission', 'eligibility', 'materialReview', 'onSite', 'defense', 'comprehensiveEvaluation']);
    expect(moves.every((e) => e.actor.role === 'admin' && e.target.id === roundId)).toBe(true);
    expect((await verifyChain(nodeSha256, roundScope(roundId), entries)).ok).toBe(true);
  });
});

describe('who may move a round, and on which version', () => {
  it('answers 409 CONFLICT to a stale version and writes nothing', async () => {
    const { roundId } = await seedRound({ when: 'closed' });
    const first = await moveTo(roundId, 'formalSubmission', 1);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const before = await chainActions(roundId);

    const stale = await moveTo(roundId, 'eligibility', 1);

    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect(await chainActions(roundId)).toEqual(before);
    expect(await publicStage(roundId)).toBe('formalSubmission');
  });

  it('lets exactly one of two simultaneous moves on the same version through; the other gets 409 CONFLICT', async () => {
    const { roundId } = await seedRound({ when: 'closed' });
    const before = await chainActions(roundId);

    const answers = await Promise.all([moveTo(roundId, 'formalSubmission', 1), moveTo(roundId, 'formalSubmission', 1)]);

    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await chainActions(roundId)).slice(before.length)).toEqual(['round.stageMoved']);
  });

  it('answers 403 FORBIDDEN to an expert, and the round stays where it was', async () => {
    const { roundId } = await seedRound({ when: 'closed' });
    const email = uniqueEmail('stage-expert');
    const invited = await api('POST', '/api/submission/people', { cookie: await signInAdmin(), body: { email, name: '王专家', role: 'expert' } });
    expect(invited.status).toBe(201);
    const expert = await signIn(email);

    const res = await moveTo(roundId, 'formalSubmission', 1, expert);

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await publicStage(roundId)).toBe('registration');
  });

  it('answers 401 without a session', async () => {
    const { roundId } = await seedRound({ when: 'closed' });
    const res = await api('POST', `/api/publication/rounds/${roundId}/stage`, { body: { to: 'formalSubmission', version: 1 } });
    expect(res.status).toBe(401);
  });

  it("answers 404 for another programme's round exactly as for a round that does not exist, and changes nothing", async () => {
    const other = await seedOtherProgramme();
    const before = await chainActions(other.roundId);

    const foreign = await moveTo(other.roundId, 'formalSubmission', 1);
    const missing = await moveTo('no-such-round', 'formalSubmission', 1);

    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
    expect({ ...foreign.body.error, requestId: undefined, message: undefined }).toEqual({ ...missing.body.error, requestId: undefined, message: undefined });
    expect(await chainActions(other.roundId)).toEqual(before);
    expect(await publicStage(other.roundId)).toBe('registration');
  });

  it('answers 422 ROUND_NOT_CONFIGURED for a round without a valid configuration', async () => {
    const { roundId } = await seedRound({ config: null });
    const res = await moveTo(roundId, 'formalSubmission', 1);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('ROUND_NOT_CONFIGURED');
  });

  it('answers 400 VALIDATION_FAILED for a stage that does not exist', async () => {
    const { roundId } = await seedRound({ when: 'closed' });
    const res = await moveTo(roundId, 'winners', 1);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a move that skips stages with 422 ILLEGAL_STAGE_TRANSITION, naming both stages in each language', async () => {
    const { roundId } = await seedRound({ when: 'closed' });
    const error = await expectRefused(roundId, 'publicNotice', 1, 'ILLEGAL_STAGE_TRANSITION');
    expect(error.message.en).toContain('Public notice');
  });
});
