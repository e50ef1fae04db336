import { afterAll, describe, expect, it } from 'vitest';
import { api, uniqueEmail } from './helpers';
import { createRound, PDF, registeredApplicant, sha256, stackRuntime, upload } from './applications-helpers';

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const startUpload = (cookie: string, applicationId: string, fileName: string) =>
  api('POST', `/api/submission/applications/${applicationId}/documents`, {
    cookie,
    body: { category: 'certificates', fileName, contentType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) },
  });

const documentsOf = async (cookie: string, applicationId: string) =>
  (await api('GET', `/api/submission/applications/${applicationId}`, { cookie })).body.documents as unknown[];

describe('uploads.maxFiles: the most files of one application', () => {
  it('refuses the upload past the limit with 422 DOCUMENT_LIMIT_REACHED, naming the limit, and records nothing', async () => {
    // Prepare: a round of at most 2 files, and an application holding 2
    const roundId = await createRound({ maxFiles: 2 });
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('max-files'));
    expect((await upload(cookie, applicationId, PDF, { fileName: '一.pdf' })).status).toBe('verified');
    expect((await upload(cookie, applicationId, PDF, { fileName: '二.pdf' })).status).toBe('verified');
    // Act
    const third = await startUpload(cookie, applicationId, '三.pdf');
    // Assess
    expect(third.status).toBe(422);
    expect(third.body.error.code).toBe('DOCUMENT_LIMIT_REACHED');
    expect(third.body.error.details).toMatchObject({ maxFiles: 2 });
    expect(third.body.error.message['zh-CN']).toContain('每份申报最多上传 2 个文件');
    expect(third.body.error.message.en).toContain('at most 2 uploaded files');
    expect(await documentsOf(cookie, applicationId)).toHaveLength(2);
  });

  it('lets exactly the remaining room through when many uploads start at once (race-safe)', async () => {
    // Prepare: room for 3 more files
    const roundId = await createRound({ maxFiles: 4 });
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('max-files-race'));
    expect((await upload(cookie, applicationId, PDF, { fileName: 'first.pdf' })).status).toBe('verified');
    // Act: 12 uploads started at the same moment
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => startUpload(cookie, applicationId, `race-${i}.pdf`)));
    // Assess: 3 created, every other refused with the limit (or a conflict to retry), never a 5xx; 4 documents stored
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.body.error.code === 'DOCUMENT_LIMIT_REACHED' || a.body.error.code === 'CONFLICT')).toBe(true);
    expect(await documentsOf(cookie, applicationId)).toHaveLength(4);
    const again = await startUpload(cookie, applicationId, 'late.pdf');
    expect(again.body.error?.code).toBe('DOCUMENT_LIMIT_REACHED');
  });
});

describe('package.maxTotalChars: the most characters of the whole package (profile and items)', () => {
  it('refuses a save that would take the profile and the 23 items past the limit with 422 PACKAGE_TOO_LONG, and keeps the stored text', async () => {
    // Prepare: items of up to 600 characters, at most 1,000 together with the profile
    const roundId = await createRound({ itemMaxChars: 600, maxTotalChars: 1000 });
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('max-chars'));
    const save = (section: string, text: string, version = 0) =>
      api('PUT', `/api/submission/applications/${applicationId}/package/${section}`, { cookie, body: { text, version } });
    expect((await save('profile', '概'.repeat(200))).status).toBe(200);
    expect((await save('4.1.2', '领'.repeat(600))).status).toBe(200);
    expect((await save('4.1.3', '治'.repeat(200))).status).toBe(200);
    // Act: one more character in another item, and a longer rewrite of a saved one
    const over = await save('4.1.4', '社');
    const rewrite = await save('4.1.3', '治'.repeat(201), 1);
    const profile = await save('profile', '概'.repeat(201), 1);
    // Assess
    for (const res of [over, rewrite, profile]) {
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('PACKAGE_TOO_LONG');
      expect(res.body.error.details.maxTotalChars).toBe(1000);
      expect(res.body.error.message['zh-CN']).toContain('合计最多 1000 个字符，保存后将有 1001 个');
      expect(res.body.error.message.en).toContain('at most 1000 characters, and with this text they would have 1001');
    }
    const pkg = (await api('GET', `/api/submission/applications/${applicationId}`, { cookie })).body;
    const sections = Object.fromEntries((pkg.sections as { section: string; text: string; version: number }[]).map((s) => [s.section, s]));
    expect(sections['4.1.3']).toMatchObject({ text: '治'.repeat(200), version: 1 });
    expect(sections.profile).toMatchObject({ text: '概'.repeat(200), version: 1 });
    expect(sections['4.1.4']).toBeUndefined();
    // A shorter rewrite within the limit is fine
    expect((await save('4.1.3', '治'.repeat(199), 1)).status).toBe(200);
  });
});
