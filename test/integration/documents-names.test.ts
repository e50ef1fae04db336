import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableName } from '../../functions/lib/config';
import { api, signInAdmin, uniqueEmail } from './helpers';
import { createRound, PDF, registeredApplicant, sha256, stackRuntime, upload } from './applications-helpers';

let roundId: string;
beforeAll(async () => {
  roundId = await createRound();
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const documentsOf = async (cookie: string, applicationId: string) =>
  (await api('GET', `/api/submission/applications/${applicationId}`, { cookie })).body.documents as { documentId: string; fileName: string }[];

describe('document names are checked at the door', () => {
  it.each([
    ['a lone UTF-16 surrogate', 'report\ud800.pdf', 'malformed'],
    ['a right-to-left override', 'invoice\u202Efdp.exe.pdf', 'bidi'],
    ['a control character', 'licence\u0007.pdf', 'control'],
    ['a name over 255 bytes', `${'证'.repeat(90)}.pdf`, 'tooLong'],
  ])('refuses %s with 400 DOCUMENT_NAME_INVALID, a reason in both languages, and stores nothing', async (_, fileName, problem) => {
    // Prepare
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('name'));
    // Act: the raw JSON carries the lone surrogate as an escape, as a browser's JSON.stringify does
    const res = await api('POST', `/api/submission/applications/${applicationId}/documents`, {
      cookie,
      body: { category: 'businessLicence', fileName, contentType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) },
    });
    // Assess
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('DOCUMENT_NAME_INVALID');
    expect(res.body.error.details.problem).toBe(problem);
    expect(res.body.error.message['zh-CN']).toMatch(/^文件名不能使用：.+。请修改文件名后重新选择文件。$/);
    expect(res.body.error.message.en).toMatch(/^This file name cannot be used: .+ Please rename the file and choose it again\.$/);
    expect(Object.values(res.body.error.message).join(' ')).not.toMatch(/[{}]|documentName\./);
    expect(await documentsOf(cookie, applicationId)).toEqual([]);
  });
});

describe('a stored name can never make a document unreadable', () => {
  it('downloads, for the owner and the office, a verified document whose stored name holds a lone surrogate', async () => {
    // Prepare: a verified upload, then a name accepted before the door checked names, written straight into the table
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('stored-name'));
    const doc = await upload(cookie, applicationId, PDF, { fileName: '营业执照.pdf' });
    expect(doc.status).toBe('verified');
    const rt = await stackRuntime();
    await rt.clients.ddb.send(
      new UpdateCommand({
        TableName: tableName(rt.config, 'applications'),
        Key: { pk: `APP#${applicationId}`, sk: `DOC#${doc.documentId}` },
        UpdateExpression: 'SET fileName = :n',
        ExpressionAttributeValues: { ':n': '营业执照\ud800"\u202E\n.pdf' },
      }),
    );
    for (const who of [cookie, await signInAdmin()]) {
      // Act
      const link = await api('GET', `/api/submission/applications/${applicationId}/documents/${doc.documentId}/download`, { cookie: who });
      // Assess
      expect(link.status, JSON.stringify(link.body)).toBe(200);
      const file = await fetch(link.body.url);
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
      const disposition = file.headers.get('content-disposition') ?? '';
      expect(disposition).toBe(`attachment; filename="______.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%EF%BF%BD_.pdf`);
    }
  });
});
