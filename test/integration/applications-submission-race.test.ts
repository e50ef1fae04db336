import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../functions/lib/applications/documents';
import { ApplicationsRepository } from '../../functions/lib/applications/repository';
import type { AuditedChange } from '../../functions/lib/audit/log';
import { AwardsStore } from '../../functions/lib/awards/store';
import { bucketName, tableName } from '../../functions/lib/config';
import type { Session } from '../../functions/lib/http/router';
import type { ApplicationDeps } from '../../functions/submission/use-cases/context';
import { submitApplication } from '../../functions/submission/use-cases/submit';
import { api, signInAdmin, uniqueEmail } from './helpers';
import { createRound, fillPackage, PDF, registeredApplicant, stackRuntime, upload } from './applications-helpers';

let roundId: string;
beforeAll(async () => {
  roundId = await createRound();
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('a submission racing another change of the application', () => {
  it('reads the package again and submits when an office request lands between its read and its write', async () => {
    // Prepare: a complete package, and the submission function's own dependencies on the real local stack
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('race'));
    await fillPackage(cookie, applicationId);
    await upload(cookie, applicationId, PDF);
    await upload(cookie, applicationId, PDF, { category: 'selfAssessmentReport', fileName: '自评报告.pdf' });
    const me = (await api('GET', '/api/submission/auth/session', { cookie })).body;
    const session: Session = { sessionId: 'race', personId: me.person.personId, role: 'applicant', programmeId: me.programmeId, email: me.person.email, name: me.person.name, expiresAt: me.expiresAt };
    const admin = await signInAdmin();
    const rt = await stackRuntime();
    let raced = 0;
    const deps: ApplicationDeps = {
      ...rt,
      awards: new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards')),
      applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
      documents: new DocumentStore(rt.clients.s3, bucketName(rt.config, 'documents')),
      // The race: the office's request is written after the submission read the application and before it commits.
      audit: Object.assign(Object.create(rt.audit) as typeof rt.audit, {
        commit: async (change: AuditedChange) => {
          if (change.action === 'application.submitted' && raced++ === 0) {
            const asked = await api('POST', `/api/submission/applications/${applicationId}/requests`, { cookie: admin, body: { text: '请说明营业执照的年检情况。' } });
            expect(asked.status).toBe(201);
          }
          return rt.audit.commit(change);
        },
      }),
    };

    // Act
    const result = await submitApplication(deps, session, applicationId, 'race-key-0001', new Date(), 'req-race');

    // Assess: submitted once, on the second read; the office's request kept
    expect(raced).toBe(2);
    expect(result.replayed).toBe(false);
    const mine = (await api('GET', `/api/submission/applications/${applicationId}`, { cookie })).body;
    expect(mine.status).toBe('submitted');
    expect(mine.receipt.receiptId).toBe(result.receipt.receiptId);
    const requests = (await api('GET', `/api/submission/applications/${applicationId}/requests`, { cookie })).body;
    expect(requests.requests).toHaveLength(1);
  });
});
