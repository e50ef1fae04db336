import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/audit/chain';
import { api, mailTo, signIn, signInAdmin, uniqueEmail } from './helpers';
import { createRound, fillPackage, PDF, registeredApplicant, registration, sha256, signInApplicant, stackRuntime, upload, validCreditCode } from './applications-helpers';

let roundId: string;
beforeAll(async () => {
  roundId = await createRound();
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

/** A registered applicant with a complete package: profile, 23 texts, a verified licence and self-assessment report. */
async function completeApplicant(label: string, organisation: Record<string, unknown> = {}) {
  const applicant = await registeredApplicant(roundId, uniqueEmail(label), organisation);
  await fillPackage(applicant.cookie, applicant.applicationId);
  await upload(applicant.cookie, applicant.applicationId, PDF, { category: 'businessLicence' });
  await upload(applicant.cookie, applicant.applicationId, Buffer.concat([PDF, Buffer.from('% report\n')]), { category: 'selfAssessmentReport', fileName: '自评报告.pdf' });
  return applicant;
}

const submitPath = (applicationId: string) => `/api/submission/applications/${applicationId}/submit`;

describe('formal submission', () => {
  it('refuses an incomplete package with 422 PACKAGE_INCOMPLETE listing what is missing', async () => {
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('incomplete'));
    await upload(cookie, applicationId, PDF, { category: 'businessLicence' });
    const res = await api('POST', submitPath(applicationId), { cookie, body: {} });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('PACKAGE_INCOMPLETE');
    expect(res.body.error.details.missingSections).toHaveLength(24);
    expect(res.body.error.details.missingDocuments).toEqual(['selfAssessmentReport']);
    const view = await api('GET', `/api/submission/applications/${applicationId}`, { cookie });
    expect(view.body.status).toBe('registered');
  });

  it('submits exactly once: a retry or a second press answers the same receipt, with a SHA-256 manifest of every file', async () => {
    const { cookie, applicationId } = await completeApplicant('double');
    const [first, second] = await Promise.all([
      api('POST', submitPath(applicationId), { cookie, body: { idempotencyKey: 'press-1-abcdef' } }),
      api('POST', submitPath(applicationId), { cookie, body: { idempotencyKey: 'press-1-abcdef' } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.receipt).toEqual(second.body.receipt);
    const retry = await api('POST', submitPath(applicationId), { cookie, body: {} });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ receipt: first.body.receipt, replayed: true });

    const receipt = first.body.receipt;
    expect(receipt.manifest).toHaveLength(2);
    expect(receipt.manifest.map((m: { category: string }) => m.category)).toEqual(['businessLicence', 'selfAssessmentReport']);
    expect(receipt.manifest[0].sha256).toBe(sha256(PDF));
    const recomputed = createHash('sha256').update(canonicalJson({ textsSha256: receipt.textsSha256, manifest: receipt.manifest })).digest('hex');
    expect(receipt.packageSha256).toBe(recomputed);
    expect(Date.parse(receipt.submittedAt)).toBeGreaterThan(Date.now() - 60_000);

    const view = await api('GET', `/api/submission/applications/${applicationId}`, { cookie });
    expect(view.body).toMatchObject({ status: 'submitted', receipt });
    const me = await api('GET', '/api/submission/auth/session', { cookie });
    const receiptMails = (await mailTo(me.body.person.email)).filter((m) => m.subject.includes(receipt.receiptId));
    expect(receiptMails).toHaveLength(1);
    // The submission time in Beijing time as people write it (2026年12月5日 18:00 / 5 Dec 2026, 18:00), not ISO UTC.
    expect(receiptMails[0]!.text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(receiptMails[0]!.text).toMatch(/已于 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d 正式提交/);
    expect(receiptMails[0]!.text).toMatch(/submitted at \d{1,2} [A-Z][a-z]{2,3} \d{4}, \d\d:\d\d;/);
  });

  it('does not let an upload that never arrived block submission once the page retried it as a replacement', async () => {
    const { cookie, applicationId } = await completeApplicant('retried');
    const lost = await api('POST', `/api/submission/applications/${applicationId}/documents`, {
      cookie,
      body: { category: 'other', fileName: 'lost.pdf', contentType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) },
    });
    const blocked = await api('POST', submitPath(applicationId), { cookie, body: {} });
    expect(blocked.body.error.details.pendingDocuments).toEqual([lost.body.document.documentId]);
    await upload(cookie, applicationId, PDF, { category: 'other', fileName: 'lost.pdf', replaces: lost.body.document.documentId });
    const res = await api('POST', submitPath(applicationId), { cookie, body: {} });
    expect(res.status).toBe(201);
    expect(res.body.receipt.manifest).toHaveLength(3);
  });

  it('makes the package immutable once submitted: saves and uploads are refused with APPLICATION_LOCKED', async () => {
    const { cookie, applicationId } = await completeApplicant('locked');
    expect((await api('POST', submitPath(applicationId), { cookie, body: {} })).status).toBe(201);
    const save = await api('PUT', `/api/submission/applications/${applicationId}/package/4.1.2`, { cookie, body: { text: 'changed', version: 1 } });
    expect(save.status).toBe(409);
    expect(save.body.error.code).toBe('APPLICATION_LOCKED');
    const doc = await api('POST', `/api/submission/applications/${applicationId}/documents`, {
      cookie,
      body: { category: 'other', fileName: 'late.pdf', contentType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) },
    });
    expect(doc.status).toBe(409);
    expect(doc.body.error.code).toBe('APPLICATION_LOCKED');
    const view = await api('GET', `/api/submission/applications/${applicationId}`, { cookie });
    expect(view.body.sections.find((s: { section: string }) => s.section === '4.1.2').text).not.toBe('changed');
  });

  it('refuses a submission after the deadline (server time) with DEADLINE_PASSED, and saves too', async () => {
    const lateRound = await createRound({ deadlineInMs: 2500 });
    const { cookie, applicationId } = await registeredApplicant(lateRound, uniqueEmail('late'));
    await new Promise((r) => setTimeout(r, 2600));
    const res = await api('POST', submitPath(applicationId), { cookie, body: {} });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('DEADLINE_PASSED');
    expect(res.body.error.message.en).toMatch(/deadline/);
    const save = await api('PUT', `/api/submission/applications/${applicationId}/package/profile`, { cookie, body: { text: 'late', version: 0 } });
    expect(save.body.error.code).toBe('DEADLINE_PASSED');
    const newcomer = await signInApplicant(uniqueEmail('newcomer'));
    const register = await api('POST', '/api/submission/applications', { cookie: newcomer, body: registration(lateRound) });
    expect(register.status).toBe(422);
    expect(register.body.error.code).toBe('REGISTRATION_CLOSED');
  });

  it('withdraws before the deadline; a withdrawn application cannot be submitted', async () => {
    const { cookie, applicationId } = await completeApplicant('withdraw');
    const res = await api('POST', `/api/submission/applications/${applicationId}/withdraw`, { cookie });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    const submit = await api('POST', submitPath(applicationId), { cookie, body: {} });
    expect(submit.status).toBe(409);
    expect(submit.body.error.code).toBe('APPLICATION_WITHDRAWN');
  });
});

describe("another applicant's ids", () => {
  it("answers 404 for another applicant's application and document ids, revealing nothing", async () => {
    const owner = await registeredApplicant(roundId, uniqueEmail('owner'));
    const doc = await upload(owner.cookie, owner.applicationId, PDF);
    const intruder = await registeredApplicant(roundId, uniqueEmail('intruder'));
    const base = `/api/submission/applications/${owner.applicationId}`;
    const attempts = [
      await api('GET', base, { cookie: intruder.cookie }),
      await api('GET', `${base}/documents/${doc.documentId}`, { cookie: intruder.cookie }),
      await api('GET', `${base}/documents/${doc.documentId}/download`, { cookie: intruder.cookie }),
      await api('PUT', `${base}/package/profile`, { cookie: intruder.cookie, body: { text: 'x', version: 0 } }),
      await api('POST', `${base}/submit`, { cookie: intruder.cookie, body: {} }),
      await api('POST', `${base}/withdraw`, { cookie: intruder.cookie }),
      await api('GET', `/api/submission/applications/${intruder.applicationId}/documents/${doc.documentId}`, { cookie: intruder.cookie }),
    ];
    const unknown = await api('GET', '/api/submission/applications/01ARZ3NDEKTSV4RRFFQ69G5FAV', { cookie: intruder.cookie });
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: unknown.body.error.message });
      expect(res.body.error.details).toBeUndefined();
    }
    const owned = await api('GET', base, { cookie: owner.cookie });
    expect(owned.body.sections).toEqual([]);
  });
});

describe('the applicant dashboard and the office', () => {
  it('shows the applicant stage, status and the eligibility decision with its reason', async () => {
    const { cookie, applicationId } = await completeApplicant('dashboard');
    await api('POST', submitPath(applicationId), { cookie, body: {} });
    const admin = await signInAdmin();
    const decided = await api('POST', `/api/submission/applications/${applicationId}/eligibility`, {
      cookie: admin,
      body: { decision: 'ineligible', reason: '成立未满三年 / operating for less than 3 years' },
    });
    expect(decided.status).toBe(200);
    const me = await api('GET', '/api/submission/auth/session', { cookie });
    const [mail] = await mailTo(me.body.person.email);
    expect(mail!.subject).toContain('不符合申报条件');
    expect(mail!.text).toContain('成立未满三年');
    const mine = await api('GET', '/api/submission/applications/mine', { cookie });
    expect(mine.body.applications).toEqual([
      expect.objectContaining({
        applicationId,
        stage: 'registration',
        status: 'submitted',
        eligibility: expect.objectContaining({ decision: 'ineligible', reason: '成立未满三年 / operating for less than 3 years' }),
      }),
    ]);
  });

  it('refuses an eligibility decision without a reason, and from a supervisor', async () => {
    const { cookie, applicationId } = await completeApplicant('noreason');
    await api('POST', submitPath(applicationId), { cookie, body: {} });
    const admin = await signInAdmin();
    const bare = await api('POST', `/api/submission/applications/${applicationId}/eligibility`, { cookie: admin, body: { decision: 'ineligible' } });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.issues[0].path).toBe('reason');
    const email = uniqueEmail('supervisor');
    await api('POST', '/api/submission/people', { cookie: admin, body: { email, name: '监督员', role: 'supervisor' } });
    const supervisor = await signIn(email);
    const res = await api('POST', `/api/submission/applications/${applicationId}/eligibility`, { cookie: supervisor, body: { decision: 'eligible' } });
    expect(res.status).toBe(403);
    const list = await api('GET', `/api/submission/applications?roundId=${roundId}`, { cookie: supervisor });
    expect(list.status).toBe(200);
  });

  it('lists registrations with the funnel, filters by district, searches by name or code, sorts in pinyin order', async () => {
    const office = await createRound();
    const a = await registeredApplicant(office, uniqueEmail('zhang'), { name: '张家制造有限公司', district: '仓山区' });
    await registeredApplicant(office, uniqueEmail('an'), { name: '安泰科技有限公司', district: '仓山区' });
    await registeredApplicant(office, uniqueEmail('bei'), { name: '北峰电子有限公司', district: '鼓楼区', industry: '信息技术' });
    const admin = await signInAdmin();
    const all = await api('GET', `/api/submission/applications?roundId=${office}`, { cookie: admin });
    expect(all.status).toBe(200);
    expect(all.body.funnel).toMatchObject({ registered: 3, submitted: 0, submittedPercent: 0 });
    expect(all.body.applications.map((x: { organisation: { name: string } }) => x.organisation.name)).toEqual([
      '安泰科技有限公司',
      '北峰电子有限公司',
      '张家制造有限公司',
    ]);
    const district = await api('GET', `/api/submission/applications?roundId=${office}&district=${encodeURIComponent('仓山区')}`, { cookie: admin });
    expect(district.body.applications).toHaveLength(2);
    const industry = await api('GET', `/api/submission/applications?roundId=${office}&industry=${encodeURIComponent('信息技术')}`, { cookie: admin });
    expect(industry.body.applications).toHaveLength(1);
    const byName = await api('GET', `/api/submission/applications?roundId=${office}&q=${encodeURIComponent('张家')}`, { cookie: admin });
    expect(byName.body.applications.map((x: { applicationId: string }) => x.applicationId)).toEqual([a.applicationId]);
    const code = a.application.organisation.creditCode as string;
    const byCode = await api('GET', `/api/submission/applications?roundId=${office}&q=${code.slice(4, 14).toLowerCase()}`, { cookie: admin });
    expect(byCode.body.applications.map((x: { applicationId: string }) => x.applicationId)).toEqual([a.applicationId]);
    const applicant = await api('GET', `/api/submission/applications?roundId=${office}`, { cookie: a.cookie });
    expect(applicant.status).toBe(403);
  });

  it('exports the list as CSV in UTF-8 with a byte order mark, formulas neutralised', async () => {
    const office = await createRound();
    await registeredApplicant(office, uniqueEmail('csv'), { name: '=HYPERLINK("x") 质量公司, "引号"' });
    const res = await api('GET', `/api/submission/applications/export?roundId=${office}`, { cookie: await signInAdmin() });
    expect(res.status).toBe(200);
    expect(res.body.contentType).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(res.body.csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body.csv.slice(1).split('\r\n');
    expect(lines[0]).toContain('组织名称 Organisation');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") 质量公司, ""引号"""`);
    expect(lines).toHaveLength(3);
  });

  it('exports an all-digit credit code and the phone as text that Excel and WPS keep (="…"), times in Beijing time', async () => {
    const office = await createRound();
    let creditCode = validCreditCode();
    while (!/^\d{18}$/.test(creditCode)) creditCode = validCreditCode();
    const { application } = await registeredApplicant(office, uniqueEmail('csv-digits'), { creditCode, phone: '0591-87654321' });
    const res = await api('GET', `/api/submission/applications/export?roundId=${office}`, { cookie: await signInAdmin() });
    const [header, row] = res.body.csv.slice(1).split('\r\n');
    expect(header).toContain('登记时间（北京时间） Registered at (Beijing time)');
    expect(row).toContain(`,"=""${creditCode}""",`);
    expect(row).toContain(',"=""0591-87654321""",');
    const beijing = new Date(Date.parse(application.createdAt) + 8 * 3600_000).toISOString();
    expect(row).toContain(`,${beijing.slice(0, 10)} ${beijing.slice(11, 16)},`);
    expect(row).not.toContain(application.createdAt);
  });

  it('gives the office short-lived download links to documents of its programme', async () => {
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('download'));
    const doc = await upload(cookie, applicationId, PDF);
    const res = await api('GET', `/api/submission/applications/${applicationId}/documents/${doc.documentId}/download`, { cookie: await signInAdmin() });
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60 * 1000);
    expect(res.body.url).toContain('X-Amz-Expires=300');
    expect(Buffer.from(await (await fetch(res.body.url)).arrayBuffer()).equals(PDF)).toBe(true);
  });
});
