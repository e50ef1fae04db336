import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signRegistrationToken } from '../../functions/lib/applications/registration-token';
import { api, mailTo, signInAdmin, uniqueEmail } from './helpers';
import { createRound, registeredApplicant, registration, signInApplicant, stackRuntime, validCreditCode } from './applications-helpers';

let roundId: string;
beforeAll(async () => {
  roundId = await createRound();
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('the application form of a round', () => {
  it("gives the round's checklist with its own numbers (years, rounds), its sections and upload rules, to anyone", async () => {
    const res = await api('GET', `/api/submission/rounds/${roundId}/form`);
    expect(res.status).toBe(200);
    expect(res.body.sections).toHaveLength(24); // the profile and the 23 items
    expect(res.body.checklist).toEqual(
      expect.arrayContaining([
        { id: 'operatingYears', kind: 'operatingYears', minYears: 3 },
        { id: 'noMajorIncident', kind: 'noMajorIncident', years: 3 },
        { id: 'noSeriousPenalty', kind: 'noSeriousPenalty', years: 1 },
        { id: 'notRecentWinner', kind: 'notRecentWinner', rounds: 3 },
      ]),
    );
    expect(res.body.allowedTypes).toContain('application/pdf');
  });
});

describe('applicant self-registration by link', () => {
  it('mails a new address a registration link that creates an applicant in the programme', async () => {
    const email = uniqueEmail('applicant');
    const res = await api('POST', '/api/submission/applicants/links', { body: { email, programmeId: 'city' } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: true });
    const [mail] = await mailTo(email);
    expect(mail!.links[0]).toMatch(/\/auth#token=/);
    const cookie = await signInApplicant(email);
    const me = await api('GET', '/api/submission/auth/session', { cookie });
    expect(me.body).toMatchObject({ role: 'applicant', programmeId: 'city', person: { email, status: 'active' } });
  });

  it('gives the same answer for a programme without an open round, and mails nothing', async () => {
    const email = uniqueEmail('nowhere');
    const res = await api('POST', '/api/submission/applicants/links', { body: { email, programmeId: 'no-such-programme' } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: true });
    expect(await mailTo(email)).toHaveLength(0);
  });

  it('signs a known applicant in as the same person, and lets the ordinary link request find them', async () => {
    const email = uniqueEmail('returning');
    const first = await api('GET', '/api/submission/auth/session', { cookie: await signInApplicant(email) });
    const again = await api('GET', '/api/submission/auth/session', { cookie: await signInApplicant(email) });
    expect(again.body.person.personId).toBe(first.body.person.personId);
    expect((await api('POST', '/api/submission/auth/links', { body: { email } })).status).toBe(202);
    expect((await mailTo(email)).length).toBe(3);
  });

  it('refuses a registration link older than 15 minutes with LINK_EXPIRED and creates nobody', async () => {
    const email = uniqueEmail('expired');
    const key = new TextEncoder().encode(inject('stackEnv').MERIT_SIGNING_KEY);
    const token = await signRegistrationToken(key, email, 'city', new Date(Date.now() - 16 * 60 * 1000));
    const res = await api('POST', '/api/submission/auth/session', { body: { token } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('LINK_EXPIRED');
    const people = await api('GET', '/api/submission/people', { cookie: await signInAdmin() });
    expect(people.body.people.some((p: { email: string }) => p.email === email)).toBe(false);
  });

  it('refuses a replayed registration link with LINK_ALREADY_USED', async () => {
    const email = uniqueEmail('replay');
    await api('POST', '/api/submission/applicants/links', { body: { email, programmeId: 'city' } });
    const token = (await mailTo(email))[0]!.links[0]!.split('#token=')[1]!;
    expect((await api('POST', '/api/submission/auth/session', { body: { token } })).status).toBe(200);
    const replay = await api('POST', '/api/submission/auth/session', { body: { token } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('LINK_ALREADY_USED');
  });
});

describe('registering the organisation', () => {
  it('registers an organisation for an open round with a self-check of the declarations', async () => {
    const { application } = await registeredApplicant(roundId, uniqueEmail('register'));
    expect(application).toMatchObject({
      roundId,
      programmeId: 'city',
      status: 'registered',
      stage: 'registration',
      selfCheck: { eligible: true, failures: [] },
      completeness: { complete: false, missingDocuments: ['businessLicence', 'selfAssessmentReport'] },
    });
    expect(application.completeness.missingSections).toHaveLength(24);
  });

  it('refuses the same credit code twice in a round with 409 CREDIT_CODE_TAKEN', async () => {
    const creditCode = validCreditCode();
    await registeredApplicant(roundId, uniqueEmail('first'), { creditCode });
    const second = await signInApplicant(uniqueEmail('second'));
    const res = await api('POST', '/api/submission/applications', { cookie: second, body: registration(roundId, { creditCode: creditCode.toLowerCase() }) });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CREDIT_CODE_TAKEN');
    expect(res.body.error.message['zh-CN']).toContain('统一社会信用代码');
    expect(res.body.error.message.en).toMatch(/already registered/);
    const mine = await api('GET', '/api/submission/applications/mine', { cookie: second });
    expect(mine.body.applications).toEqual([]);
  });

  it('refuses an invalid credit code with 400 CREDIT_CODE_INVALID and registers nothing', async () => {
    const cookie = await signInApplicant(uniqueEmail('badcode'));
    const code = validCreditCode();
    const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    for (const creditCode of [wrongCheck, '12345', '91350100MA2XXXXXXX']) {
      const res = await api('POST', '/api/submission/applications', { cookie, body: registration(roundId, { creditCode }) });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('CREDIT_CODE_INVALID');
      expect(res.body.error.details.reason).toMatch(/^CREDIT_CODE_/);
      expect(res.body.error.message.en).toMatch(/credit code/);
    }
    expect((await api('GET', '/api/submission/applications/mine', { cookie })).body.applications).toEqual([]);
  });

  it('answers a retried registration with the application already registered, creating nothing new', async () => {
    const cookie = await signInApplicant(uniqueEmail('retry'));
    const body = registration(roundId);
    const first = await api('POST', '/api/submission/applications', { cookie, body });
    const retry = await api('POST', '/api/submission/applications', { cookie, body });
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.applicationId).toBe(first.body.applicationId);
    expect((await api('GET', '/api/submission/applications/mine', { cookie })).body.applications).toHaveLength(1);
  });

  it('refuses a second organisation from the same applicant in a round with ALREADY_REGISTERED', async () => {
    const { cookie } = await registeredApplicant(roundId, uniqueEmail('twice'));
    const res = await api('POST', '/api/submission/applications', { cookie, body: registration(roundId) });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALREADY_REGISTERED');
  });

  it('rejects a malformed registration with VALIDATION_FAILED naming the field', async () => {
    const cookie = await signInApplicant(uniqueEmail('malformed'));
    const res = await api('POST', '/api/submission/applications', { cookie, body: registration(roundId, { size: 'gigantic', phone: 'call me' }) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['organisation.size', 'organisation.phone']));
  });

  it('answers 404 for a round that does not exist', async () => {
    const cookie = await signInApplicant(uniqueEmail('noround'));
    const res = await api('POST', '/api/submission/applications', { cookie, body: registration('no-such-round') });
    expect(res.status).toBe(404);
  });
});

describe('saving the package', () => {
  it('saves a section with a version and refuses a save based on a stale version with 409 CONFLICT, overwriting nothing', async () => {
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('stale'));
    const path = `/api/submission/applications/${applicationId}/package/4.1.2`;
    const first = await api('PUT', path, { cookie, body: { text: '高层领导的作用：第一版', version: 0 } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ section: '4.1.2', version: 1 });
    const second = await api('PUT', path, { cookie, body: { text: '第二版', version: 1 } });
    expect(second.body.version).toBe(2);

    const stale = await api('PUT', path, { cookie, body: { text: '基于旧版本的修改', version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect(stale.body.error.details.currentVersion).toBe(2);
    const view = await api('GET', `/api/submission/applications/${applicationId}`, { cookie });
    expect(view.body.sections).toEqual([expect.objectContaining({ section: '4.1.2', text: '第二版', version: 2 })]);
  });

  it('refuses a text longer than the round allows with TEXT_TOO_LONG, counting characters', async () => {
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('long'));
    const res = await api('PUT', `/api/submission/applications/${applicationId}/package/4.2.2`, { cookie, body: { text: '字'.repeat(8001), version: 0 } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('TEXT_TOO_LONG');
    expect(res.body.error.details).toMatchObject({ max: 8000, length: 8001 });
    const ok = await api('PUT', `/api/submission/applications/${applicationId}/package/4.2.2`, { cookie, body: { text: '字'.repeat(8000), version: 0 } });
    expect(ok.status).toBe(200);
  });

  it('refuses a section that is not one of the 23 items or the profile', async () => {
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('section'));
    const res = await api('PUT', `/api/submission/applications/${applicationId}/package/4.1.1`, { cookie, body: { text: 'x', version: 0 } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('SECTION_UNKNOWN');
  });
});
