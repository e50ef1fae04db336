import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { roundScope, verifyChain } from '../../shared/audit/chain';
import { nodeSha256 } from '../../functions/lib/audit/log';
import { api, linkedChain, signInAdmin, uniqueEmail } from './helpers';
import { createRound, fillPackage, PDF, registeredApplicant, stackRuntime, upload } from './applications-helpers';

const credentials = { accessKeyId: 'l', secretAccessKey: 'l' };
const raw = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1', credentials });
const { audit } = await stackRuntime();

let roundId: string;
beforeAll(async () => {
  roundId = await createRound();
});
afterAll(async () => {
  raw.destroy();
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe("an application's whole life on the round's audit chain", () => {
  it('writes exactly one entry per state change, in order, naming the application, and the chain verifies', async () => {
    // Prepare
    const before = (await linkedChain(audit, roundScope(roundId))).length;

    // Act: register, write the package, upload two documents (one rejected), submit, be decided
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('life'));
    await fillPackage(cookie, applicationId);
    const bad = await upload(cookie, applicationId, Buffer.from('not a pdf at all, only words\n'.repeat(10)), { fileName: 'x.pdf' });
    expect(bad.status).toBe('rejected');
    await upload(cookie, applicationId, PDF);
    await upload(cookie, applicationId, PDF, { category: 'selfAssessmentReport', fileName: '自评报告.pdf' });
    const submitted = await api('POST', `/api/submission/applications/${applicationId}/submit`, { cookie, body: { idempotencyKey: 'life-key-0001' } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const again = await api('POST', `/api/submission/applications/${applicationId}/submit`, { cookie, body: { idempotencyKey: 'life-key-0001' } });
    expect(again.status).toBe(200);
    const admin = await signInAdmin();
    const decided = await api('POST', `/api/submission/applications/${applicationId}/eligibility`, {
      cookie: admin,
      body: { decision: 'eligible', reason: '材料齐全，符合申报条件。' },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    // Assess
    const entries = (await linkedChain(audit, roundScope(roundId))).slice(before);
    const mine = entries.filter((e) => e.context?.applicationId === applicationId);
    expect(mine.map((e) => e.action)).toEqual([
      'application.registered',
      ...Array(24).fill('package.sectionSaved'),
      'document.uploadStarted',
      'document.rejected',
      'document.uploadStarted',
      'document.verified',
      'document.uploadStarted',
      'document.verified',
      'application.submitted', // once: the retried submit wrote nothing
      'application.eligibilityDecided',
    ]);
    expect(mine.at(-1)!.actor.role).toBe('admin');
    expect(mine.slice(0, -1).every((e) => e.actor.role === 'applicant' || e.actor.role === 'system')).toBe(true);
    const all = await audit.entries(roundScope(roundId));
    expect(await verifyChain(nodeSha256, roundScope(roundId), all)).toMatchObject({ ok: true });
  });
});
