import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, mailTo, signInAdmin, uniqueEmail } from './helpers';
import { registeredApplicant, stackRuntime } from './applications-helpers';
import { createReviewRound, entriesAfter, foreignAdmin, headSeq, invitedPerson, moveRoundTo, nothingWritten, submittedApplication } from './reviews-helpers';

// Issue #13.5, bulk work: the office decides a batch of clear cases with one reason in one action. Everything is checked
// before anything is written; each decision is then its own audited change, so each application's history names it.

let roundId: string;
let submitted: { applicationId: string; name: string }[];
let unsubmitted: string;
let elsewhere: string;
let ownerEmails: Map<string, string>;

beforeAll(async () => {
  roundId = await createReviewRound();
  const names = ['福州批量资格甲有限公司', '福州批量资格乙有限公司', '福州批量资格丙有限公司'];
  submitted = [];
  ownerEmails = new Map();
  for (const name of names) {
    const app = await submittedApplication(roundId, name);
    submitted.push({ applicationId: app.applicationId, name });
    const me = await api('GET', '/api/submission/auth/session', { cookie: app.cookie });
    ownerEmails.set(app.applicationId, me.body.person.email);
  }
  unsubmitted = (await registeredApplicant(roundId, uniqueEmail('bulk-unsubmitted'), { name: '福州批量资格未提交有限公司' })).applicationId;
  const other = await createReviewRound();
  elsewhere = (await submittedApplication(other, '福州批量资格他轮有限公司')).applicationId;
  await moveRoundTo(roundId, 'eligibility');
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const path = (id: string) => `/api/submission/rounds/${id}/eligibility`;
const decideMany = async (body: Record<string, unknown>, cookie?: string) => api('POST', path(roundId), { cookie: cookie ?? (await signInAdmin()), body });
const ids = () => submitted.map((s) => s.applicationId);

function expectError(res: { status: number; body: any }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message['zh-CN']).toMatch(/\S/);
  expect(res.body.error.message.en).toMatch(/\S/);
  expect(res.body.error.message['zh-CN']).not.toMatch(/\{\w+\}/);
}

describe('one eligibility decision for several applications (issue #13.5)', () => {
  it('refuses the whole batch when one application is of another round, naming it, and decides nothing', async () => {
    const res = await nothingWritten(roundId, () => decideMany({ applicationIds: [...ids(), elsewhere], decision: 'eligible', reason: '符合申报条件。' }));
    expectError(res, 422, 'NOT_IN_ROUND');
    expect(res.body.error.details.applicationIds).toEqual([elsewhere]);
    expect(res.body.error.message['zh-CN']).toContain('1 份');
  });

  it('refuses the whole batch when one application is not submitted, naming it', async () => {
    const res = await nothingWritten(roundId, () => decideMany({ applicationIds: [unsubmitted, ...ids()], decision: 'eligible', reason: '符合申报条件。' }));
    expectError(res, 422, 'NOT_SUBMITTED');
    expect(res.body.error.details.applicationIds).toEqual([unsubmitted]);
  });

  it('refuses an empty batch, an application twice, a refusal without its reason and a malformed id with 400', async () => {
    await nothingWritten(roundId, async () => {
      expectError(await decideMany({ applicationIds: [], decision: 'eligible' }), 400, 'VALIDATION_FAILED');
      expectError(await decideMany({ applicationIds: [ids()[0], ids()[0]], decision: 'eligible' }), 400, 'VALIDATION_FAILED');
      expectError(await decideMany({ applicationIds: ids(), decision: 'ineligible', reason: '  ' }), 400, 'VALIDATION_FAILED');
      expectError(await decideMany({ applicationIds: ['not-an-id'], decision: 'eligible' }), 400, 'VALIDATION_FAILED');
    });
  });

  it('answers 403 to a supervisor and 404 to another programme’s administrator, deciding nothing', async () => {
    const supervisor = (await invitedPerson('supervisor')).cookie;
    await nothingWritten(roundId, async () => {
      expectError(await decideMany({ applicationIds: ids(), decision: 'eligible' }, supervisor), 403, 'FORBIDDEN');
      expectError(await decideMany({ applicationIds: ids(), decision: 'eligible' }, await foreignAdmin()), 404, 'NOT_FOUND');
    });
  });

  it('decides all three with one reason: one entry per application naming it, each applicant mailed', async () => {
    const before = await headSeq(roundId);
    const res = await decideMany({ applicationIds: ids(), decision: 'eligible', reason: '经审查，符合申报条件。' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.failed).toEqual([]);
    expect(res.body.decided.map((a: any) => [a.applicationId, a.eligibility.decision, a.eligibility.reason])).toEqual(ids().map((id) => [id, 'eligible', '经审查，符合申报条件。']));
    const entries = await entriesAfter(roundId, before);
    expect(entries.map((e) => [e.action, e.context?.applicationId, e.context?.stage])).toEqual(ids().map((id) => ['application.eligibilityDecided', id, 'eligibility']));

    const admin = await signInAdmin();
    for (const { applicationId, name } of submitted) {
      const read = await api('GET', `/api/submission/applications/${applicationId}`, { cookie: admin });
      expect(read.body.eligibility).toMatchObject({ decision: 'eligible', reason: '经审查，符合申报条件。' });
      const mails = await mailTo(ownerEmails.get(applicationId)!);
      expect(mails.some((m) => m.subject.includes('资格审查结论') && m.text.includes(name)), name).toBe(true);
    }
  });

  it('after the eligibility stage asks for the exception reason, for the whole batch', async () => {
    await moveRoundTo(roundId, 'materialReview');
    const res = await nothingWritten(roundId, () => decideMany({ applicationIds: ids(), decision: 'ineligible', reason: '发现问题。' }));
    expectError(res, 422, 'ELIGIBILITY_STAGE_PASSED');
  });
});
