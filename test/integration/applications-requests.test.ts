import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundScope } from '../../shared/audit/chain';
import { ApplicationsRepository, type ApplicationRecord } from '../../functions/lib/applications/repository';
import { tableName } from '../../functions/lib/config';
import { api, mailTo, signIn, signInAdmin, uniqueEmail, type Answer } from './helpers';
import { createRound, fillPackage, PDF, registeredApplicant, registration, stackRuntime, upload } from './applications-helpers';

// The office's requests (补正/说明要求): the office asks, the applicant answers once, the submitted package stays as it was.

let roundId: string;
beforeAll(async () => {
  roundId = await createRound();
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const requestsPath = (applicationId: string) => `/api/submission/applications/${applicationId}/requests`;
const answerPath = (applicationId: string, requestId: string) => `${requestsPath(applicationId)}/${requestId}/answer`;

/** A registered applicant whose complete package is formally submitted. */
async function submittedApplicant(label: string, organisation: Record<string, unknown> = {}) {
  const applicant = await registeredApplicant(roundId, uniqueEmail(label), organisation);
  await fillPackage(applicant.cookie, applicant.applicationId);
  await upload(applicant.cookie, applicant.applicationId, PDF, { category: 'businessLicence' });
  await upload(applicant.cookie, applicant.applicationId, Buffer.concat([PDF, Buffer.from('% report\n')]), { category: 'selfAssessmentReport' });
  const submitted = await api('POST', `/api/submission/applications/${applicant.applicationId}/submit`, { cookie: applicant.cookie, body: {} });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  return { ...applicant, receipt: submitted.body.receipt };
}

async function supervisorCookie(): Promise<string> {
  const email = uniqueEmail('supervisor');
  const invited = await api('POST', '/api/submission/people', { cookie: await signInAdmin(), body: { email, name: '监督员', role: 'supervisor' } });
  expect(invited.status).toBe(201);
  return signIn(email);
}

async function auditActions(applicationId: string): Promise<string[]> {
  const page = await api('GET', `/api/publication/audit/${encodeURIComponent(roundScope(roundId))}/entries?limit=1000`, { cookie: await signInAdmin() });
  expect(page.status).toBe(200);
  return page.body.entries
    .filter((e: { context?: { applicationId?: string } }) => e.context?.applicationId === applicationId)
    .map((e: { action: string }) => e.action);
}

describe('the office asks and the applicant answers', () => {
  it('stores a request on a submitted application, mails it in both languages, lets the owner answer once and the office read the answer', async () => {
    const contact = uniqueEmail('contact');
    const applicant = await submittedApplicant('asked', { email: contact });
    const admin = await signInAdmin();
    const text = `请补充近三年的顾客满意度测量方法说明。${Date.now()}`;

    const created = await api('POST', requestsPath(applicant.applicationId), {
      cookie: admin,
      body: { text: `  ${text}  `, sections: ['4.5.2', 'profile', '4.5.2'], documentCategories: ['certificates'] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ applicationId: applicant.applicationId, text, sections: ['profile', '4.5.2'], documentCategories: ['certificates'], status: 'open' });
    expect(created.body.requestId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(created.body.answer).toBeUndefined();

    const me = await api('GET', '/api/submission/auth/session', { cookie: applicant.cookie });
    for (const address of [me.body.person.email, contact]) {
      const mail = (await mailTo(address)).find((m) => m.text.includes(text));
      expect(mail, `mail to ${address}`).toBeDefined();
      expect(mail!.subject).toContain('补正/说明要求');
      expect(mail!.subject).toContain('A request from the award office');
      expect(mail!.text).toContain('组织概述');
      expect(mail!.text).toContain('4.5.2 过程的识别与设计');
      expect(mail!.text).toContain('4.5.2 Process identification and design');
      expect(mail!.text).toContain('Certificates and honours');
    }

    const seen = await api('GET', requestsPath(applicant.applicationId), { cookie: applicant.cookie });
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({ applicationId: applicant.applicationId, requests: [created.body] });
    const listed = async () =>
      (await api('GET', `/api/submission/applications?roundId=${roundId}`, { cookie: admin })).body.applications.find(
        (a: { applicationId: string }) => a.applicationId === applicant.applicationId,
      );
    expect((await listed()).openRequests).toBe(1); // the office's list counts what awaits an answer

    const answered = await api('POST', answerPath(applicant.applicationId, created.body.requestId), {
      cookie: applicant.cookie,
      body: { text: '我们采用第三方顾客满意度调查，每年一次。' },
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', answer: { text: '我们采用第三方顾客满意度调查，每年一次。', answeredBy: me.body.person.personId } });

    expect((await listed()).openRequests).toBe(0);
    for (const cookie of [admin, await supervisorCookie()]) {
      const office = await api('GET', requestsPath(applicant.applicationId), { cookie });
      expect(office.status).toBe(200);
      expect(office.body.requests).toEqual([answered.body]);
    }

    // The submitted package does not change: same receipt, still submitted.
    const view = await api('GET', `/api/submission/applications/${applicant.applicationId}`, { cookie: applicant.cookie });
    expect(view.body.status).toBe('submitted');
    expect(view.body.receipt).toEqual(applicant.receipt);

    expect(await auditActions(applicant.applicationId)).toEqual(expect.arrayContaining(['application.infoRequested', 'application.infoAnswered']));
  });

  it('asks a registered application too, and answers a retry with the same idempotency key with the same request', async () => {
    const applicant = await registeredApplicant(roundId, uniqueEmail('retry'));
    const admin = await signInAdmin();
    const body = { text: '请上传有效期内的营业执照。', documentCategories: ['businessLicence'], idempotencyKey: 'office-ask-123456' };
    const [first, second] = await Promise.all([
      api('POST', requestsPath(applicant.applicationId), { cookie: admin, body }),
      api('POST', requestsPath(applicant.applicationId), { cookie: admin, body }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body).toEqual(second.body);
    const list = await api('GET', requestsPath(applicant.applicationId), { cookie: applicant.cookie });
    expect(list.body.requests).toHaveLength(1);
    expect(list.body.requests[0].idempotencyKey).toBeUndefined();
  });

  it('refuses a second answer with 409 REQUEST_ANSWERED, also when two answers race, and keeps the first', async () => {
    const applicant = await registeredApplicant(roundId, uniqueEmail('twice'));
    const admin = await signInAdmin();
    const created = await api('POST', requestsPath(applicant.applicationId), { cookie: admin, body: { text: '请说明组织规模。' } });
    const path = answerPath(applicant.applicationId, created.body.requestId);
    const [a, b] = await Promise.all([
      api('POST', path, { cookie: applicant.cookie, body: { text: '第一次答复' } }),
      api('POST', path, { cookie: applicant.cookie, body: { text: '第二次答复' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    expect(loser.body.error.code).toBe('REQUEST_ANSWERED');
    expect(loser.body.error.message['zh-CN']).toContain('已经答复');
    expect(loser.body.error.message.en).toContain('already been answered');

    const again = await api('POST', path, { cookie: applicant.cookie, body: { text: '第三次答复' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REQUEST_ANSWERED');
    const list = await api('GET', requestsPath(applicant.applicationId), { cookie: applicant.cookie });
    expect(list.body.requests[0].answer.text).toBe(winner.body.answer.text);
  });
});

describe('who may ask, read and answer', () => {
  it("answers 404, revealing nothing, for another applicant's request, an unknown request id and another programme's application", async () => {
    const owner = await registeredApplicant(roundId, uniqueEmail('owner'));
    const intruder = await registeredApplicant(roundId, uniqueEmail('intruder'));
    const admin = await signInAdmin();
    const created = await api('POST', requestsPath(owner.applicationId), { cookie: admin, body: { text: '请补充说明。' } });
    expect(created.status).toBe(201);
    const notFound = await api('GET', '/api/submission/applications/01ARZ3NDEKTSV4RRFFQ69G5FAV', { cookie: intruder.cookie });

    const foreign = await otherProgrammeApplication();
    const attempts = [
      await api('GET', requestsPath(owner.applicationId), { cookie: intruder.cookie }),
      await api('POST', answerPath(owner.applicationId, created.body.requestId), { cookie: intruder.cookie, body: { text: '冒名答复' } }),
      // the intruder's own application, someone else's request id
      await api('POST', answerPath(intruder.applicationId, created.body.requestId), { cookie: intruder.cookie, body: { text: '冒名答复' } }),
      await api('POST', answerPath(owner.applicationId, '01ARZ3NDEKTSV4RRFFQ69G5FAV'), { cookie: owner.cookie, body: { text: '答复' } }),
      await api('POST', requestsPath(foreign), { cookie: admin, body: { text: '请补充说明。' } }),
      await api('GET', requestsPath(foreign), { cookie: admin }),
      await api('POST', requestsPath('not-an-id'), { cookie: admin, body: { text: '请补充说明。' } }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: notFound.body.error.message });
      expect(res.body.error.details).toBeUndefined();
    }
    const list = await api('GET', requestsPath(owner.applicationId), { cookie: owner.cookie });
    expect(list.body.requests).toEqual([created.body]);
  });

  it('lets only administrators ask and only the owner answer (403 otherwise); supervisors read', async () => {
    const applicant = await registeredApplicant(roundId, uniqueEmail('roles'));
    const admin = await signInAdmin();
    const supervisor = await supervisorCookie();
    const created = await api('POST', requestsPath(applicant.applicationId), { cookie: admin, body: { text: '请补充说明。' } });

    const bySupervisor = await api('POST', requestsPath(applicant.applicationId), { cookie: supervisor, body: { text: '监督员不能提出要求。' } });
    expect(bySupervisor.status).toBe(403);
    expect(bySupervisor.body.error.code).toBe('FORBIDDEN');
    const byApplicant = await api('POST', requestsPath(applicant.applicationId), { cookie: applicant.cookie, body: { text: '自己问自己。' } });
    expect(byApplicant.status).toBe(403);
    for (const cookie of [admin, supervisor]) {
      const res = await api('POST', answerPath(applicant.applicationId, created.body.requestId), { cookie, body: { text: '代为答复' } });
      expect(res.status).toBe(403);
    }
    expect((await api('GET', requestsPath(applicant.applicationId), { cookie: supervisor })).body.requests).toEqual([created.body]);
    expect((await api('GET', requestsPath(applicant.applicationId))).status).toBe(401);
  });
});

describe('bad input changes nothing', () => {
  it('refuses an empty, overlong or misdirected request and an empty or overlong answer, each with a clear error in both languages', async () => {
    const applicant = await registeredApplicant(roundId, uniqueEmail('bad'));
    const admin = await signInAdmin();
    const path = requestsPath(applicant.applicationId);

    const empty = await api('POST', path, { cookie: admin, body: { text: '   ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
    expect(empty.body.error.details.issues[0].path).toBe('text');

    const long = await api('POST', path, { cookie: admin, body: { text: '长'.repeat(2001) } });
    expect(long.status).toBe(422);
    expect(long.body.error).toMatchObject({ code: 'REQUEST_TOO_LONG', details: { max: 2000, length: 2001 } });
    expect(long.body.error.message.en).toContain('at most 2000 characters');
    expect((await api('POST', path, { cookie: admin, body: { text: '长'.repeat(2000) } })).status).toBe(201);

    const section = await api('POST', path, { cookie: admin, body: { text: '请说明。', sections: ['9.9.9'] } });
    expect(section.status).toBe(400);
    expect(section.body.error.code).toBe('SECTION_UNKNOWN');
    expect(section.body.error.message['zh-CN']).toContain('9.9.9');
    const category = await api('POST', path, { cookie: admin, body: { text: '请说明。', documentCategories: ['passport'] } });
    expect(category.status).toBe(400);
    expect(category.body.error.code).toBe('VALIDATION_FAILED');

    const list = await api('GET', path, { cookie: applicant.cookie });
    expect(list.body.requests).toHaveLength(1);
    const requestId = list.body.requests[0].requestId;

    const blank = await api('POST', answerPath(applicant.applicationId, requestId), { cookie: applicant.cookie, body: { text: '' } });
    expect(blank.status).toBe(400);
    const overlong = await api('POST', answerPath(applicant.applicationId, requestId), { cookie: applicant.cookie, body: { text: '答'.repeat(4001) } });
    expect(overlong.status).toBe(422);
    expect(overlong.body.error).toMatchObject({ code: 'ANSWER_TOO_LONG', details: { max: 4000, length: 4001 } });
    expect((await api('GET', path, { cookie: applicant.cookie })).body.requests[0].status).toBe('open');
    expect(
      (await api('POST', answerPath(applicant.applicationId, requestId), { cookie: applicant.cookie, body: { text: '答'.repeat(4000) } })).status,
    ).toBe(200);
  });

  it('refuses a request with 422 REQUESTS_FULL once the application could not also store its answer, and still takes every answer', async () => {
    const applicant = await registeredApplicant(roundId, uniqueEmail('full'), { email: uniqueEmail('full-contact') });
    const admin = await signInAdmin();
    const path = requestsPath(applicant.applicationId);
    let made = 0;
    let refused: Answer | undefined;
    while (!refused && made < 100) {
      const res = await api('POST', path, { cookie: admin, body: { text: `${made}`.padEnd(2000, '长') } });
      if (res.status === 201) made++;
      else refused = res;
    }
    expect(made).toBeGreaterThan(30);
    expect(refused!.status).toBe(422);
    expect(refused!.body.error.code).toBe('REQUESTS_FULL');
    const list = await api('GET', path, { cookie: applicant.cookie });
    expect(list.body.requests).toHaveLength(made);
    for (const r of list.body.requests) {
      const res = await api('POST', answerPath(applicant.applicationId, r.requestId), { cookie: applicant.cookie, body: { text: '答'.repeat(4000) } });
      expect(res.status).toBe(200);
    }
  });

  it('refuses a request on a withdrawn application with 409 APPLICATION_WITHDRAWN', async () => {
    const applicant = await registeredApplicant(roundId, uniqueEmail('withdrawn'));
    const admin = await signInAdmin();
    const open = await api('POST', requestsPath(applicant.applicationId), { cookie: admin, body: { text: '请说明。' } });
    expect((await api('POST', `/api/submission/applications/${applicant.applicationId}/withdraw`, { cookie: applicant.cookie })).status).toBe(200);

    const res = await api('POST', requestsPath(applicant.applicationId), { cookie: admin, body: { text: '撤回后再问。' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('APPLICATION_WITHDRAWN');
    const answer = await api('POST', answerPath(applicant.applicationId, open.body.requestId), { cookie: applicant.cookie, body: { text: '撤回后答复' } });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('APPLICATION_WITHDRAWN');
    expect((await api('GET', requestsPath(applicant.applicationId), { cookie: admin })).body.requests).toEqual([open.body]);
  });
});

/** An application of another programme, written straight to the table (the API only registers into the caller's programme). */
async function otherProgrammeApplication(): Promise<string> {
  const rt = await stackRuntime();
  const repo = new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications'));
  const now = new Date().toISOString();
  const body = registration('other-round-1');
  const app: ApplicationRecord = {
    applicationId: ulid(),
    roundId: 'other-round-1',
    programmeId: 'other',
    ownerPersonId: 'someone-else',
    status: 'submitted',
    organisation: { ...body.organisation, size: 'medium' },
    declarations: { ...body.declarations, majorIncidents: [], seriousPenalties: [] },
    selfCheck: { eligible: true, failures: [] },
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await rt.clients.ddb.send(new TransactWriteCommand({ TransactItems: repo.registration(app) }));
  return app.applicationId;
}
