import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../functions/lib/applications/documents';
import { ApplicationsRepository } from '../../functions/lib/applications/repository';
import type { AuditedChange } from '../../functions/lib/audit/log';
import { AwardsStore } from '../../functions/lib/awards/store';
import { bucketName, tableName } from '../../functions/lib/config';
import type { Session } from '../../functions/lib/http/router';
import type { ApplicationDeps } from '../../functions/submission/use-cases/context';
import { submitApplication, withdrawApplication } from '../../functions/submission/use-cases/submit';
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

/** The applicant's session as the router would hand it to a use case. */
async function sessionOf(cookie: string): Promise<Session> {
  const me = (await api('GET', '/api/submission/auth/session', { cookie })).body;
  return { sessionId: 'race', personId: me.person.personId, role: 'applicant', programmeId: me.programmeId, email: me.person.email, name: me.person.name, expiresAt: me.expiresAt };
}

/**
 * The submission function's own dependencies on the real local stack, with one race: the office asks the
 * applicant something after the use case read the application and before its first commit of `action`.
 */
async function racingDeps(applicationId: string, action: AuditedChange['action']): Promise<{ deps: ApplicationDeps; commits: () => number }> {
  const admin = await signInAdmin();
  const rt = await stackRuntime();
  let commits = 0;
  const deps: ApplicationDeps = {
    ...rt,
    awards: new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards')),
    applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
    documents: new DocumentStore(rt.clients.s3, bucketName(rt.config, 'documents')),
    audit: Object.assign(Object.create(rt.audit) as typeof rt.audit, {
      commit: async (change: AuditedChange) => {
        if (change.action === action && commits++ === 0) {
          const asked = await api('POST', `/api/submission/applications/${applicationId}/requests`, { cookie: admin, body: { text: '请说明营业执照的年检情况。' } });
          expect(asked.status).toBe(201);
        }
        return rt.audit.commit(change);
      },
    }),
  };
  return { deps, commits: () => commits };
}

describe('a change racing an office request on the same application', () => {
  it('reads the package again and submits when an office request lands between its read and its write', async () => {
    // Prepare: a complete package
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('race'));
    await fillPackage(cookie, applicationId);
    await upload(cookie, applicationId, PDF);
    await upload(cookie, applicationId, PDF, { category: 'selfAssessmentReport', fileName: '自评报告.pdf' });
    const { deps, commits } = await racingDeps(applicationId, 'application.submitted');

    // Act
    const result = await submitApplication(deps, await sessionOf(cookie), applicationId, 'race-key-0001', new Date(), 'req-race');

    // Assess: submitted once, on the second read; the office's request kept
    expect(commits()).toBe(2);
    expect(result.replayed).toBe(false);
    const mine = (await api('GET', `/api/submission/applications/${applicationId}`, { cookie })).body;
    expect(mine.status).toBe('submitted');
    expect(mine.receipt.receiptId).toBe(result.receipt.receiptId);
    const requests = (await api('GET', `/api/submission/applications/${applicationId}/requests`, { cookie })).body;
    expect(requests.requests).toHaveLength(1);
  });

  it('withdraws when an office request lands between its read and its write, keeping the request', async () => {
    // Prepare
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('race-withdraw'));
    const { deps, commits } = await racingDeps(applicationId, 'application.withdrawn');

    // Act
    const view = await withdrawApplication(deps, await sessionOf(cookie), applicationId, new Date(), 'req-race-withdraw');

    // Assess
    expect(commits()).toBe(2);
    expect(view.status).toBe('withdrawn');
    const requests = (await api('GET', `/api/submission/applications/${applicationId}/requests`, { cookie })).body;
    expect(requests.requests).toHaveLength(1);
  });
});
