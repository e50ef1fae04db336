import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signInAdmin } from './helpers';
import { stackRuntime } from './applications-helpers';
import { createReviewRound, eligibleApplication, entriesAfter, headSeq, invitedPerson, moveRoundTo, nothingWritten, submittedApplication } from './reviews-helpers';

// Issue #16.10: at comprehensive evaluation, marking an application ineligible silently removed it from the ranking.
// Eligibility decisions belong to the eligibility stage; a later change is a recorded exception with a reason.
type Person = Awaited<ReturnType<typeof invitedPerson>>;

let roundId: string;
let applicationId: string;
let supervisor: Person;

beforeAll(async () => {
  roundId = await createReviewRound();
  applicationId = (await eligibleApplication(roundId, '福州资格例外测试有限公司')).applicationId;
  supervisor = await invitedPerson('supervisor');
  await moveRoundTo(roundId, 'comprehensiveEvaluation');
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const decide = async (id: string, body: Record<string, unknown>) =>
  api('POST', `/api/submission/applications/${id}/eligibility`, { cookie: await signInAdmin(), body });

describe('eligibility after its stage (issue #16.10)', () => {
  it('refuses to change the decision at comprehensive evaluation without an exception reason: 422 ELIGIBILITY_STAGE_PASSED, nothing written', async () => {
    const res = await nothingWritten(roundId, () => decide(applicationId, { decision: 'ineligible', reason: '发现近一年有严重行政处罚。' }));
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('ELIGIBILITY_STAGE_PASSED');
    expect(res.body.error.message['zh-CN']).toContain('例外');
    expect(res.body.error.message.en).toContain('exception');
    const app = await api('GET', `/api/submission/applications/${applicationId}`, { cookie: await signInAdmin() });
    expect(app.body.eligibility.decision).toBe('eligible');
  });

  it('records a change with a reason as an exception of its own entry type, which the office and supervisors see', async () => {
    const before = await headSeq(roundId);
    const res = await decide(applicationId, {
      decision: 'ineligible',
      reason: '发现近一年有严重行政处罚。',
      exceptionReason: '市场监管局来函：去年 11 月的处罚在资格审查时尚未公开。',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const entries = await entriesAfter(roundId, before);
    expect(entries.map((e) => e.action)).toEqual(['application.eligibilityChanged']);
    expect(entries[0]!.context).toMatchObject({ applicationId, stage: 'comprehensiveEvaluation' });

    const expected = { reason: '市场监管局来函：去年 11 月的处罚在资格审查时尚未公开。', stage: 'comprehensiveEvaluation', previous: 'eligible' };
    for (const cookie of [await signInAdmin(), supervisor.cookie]) {
      const app = await api('GET', `/api/submission/applications/${applicationId}`, { cookie });
      expect(app.status).toBe(200);
      expect(app.body.eligibility).toMatchObject({ decision: 'ineligible', exception: expected });
      const list = await api('GET', `/api/submission/applications?roundId=${roundId}`, { cookie });
      expect(list.body.applications.find((a: { applicationId: string }) => a.applicationId === applicationId).eligibility.exception).toEqual(expected);
    }
  });

  it('takes decisions as usual up to the eligibility stage, and refuses an exception reason there (422 EXCEPTION_NOT_NEEDED)', async () => {
    const round = await createReviewRound();
    const { applicationId: id } = await submittedApplication(round, '福州资格常规测试有限公司');
    await moveRoundTo(round, 'eligibility');
    const refused = await nothingWritten(round, () => decide(id, { decision: 'eligible', exceptionReason: '无' }));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('EXCEPTION_NOT_NEEDED');
    const before = await headSeq(round);
    expect((await decide(id, { decision: 'eligible' })).status).toBe(200);
    expect((await entriesAfter(round, before)).map((e) => e.action)).toEqual(['application.eligibilityDecided']);
  });
});
