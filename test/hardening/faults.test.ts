import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { roundScope } from '../../shared/audit/chain';
import { createRound, registration } from '../integration/applications-helpers';
import { brokenChains } from './chain';
import { arm, disarm, faults, withFaults, type FaultKind } from './faults';
import { call, type Reply } from './http';
import { Findings, tallyOf } from './tally';
import { adminSession, sessionOf, storedPerson } from './world';

// Faults of issue #16 on the write paths: the three functions run in this worker behind their own local gateway, their
// real SDK clients carrying the fault middleware (test/hardening/faults.ts); dynalite and s3rver are the stack's.
// Each write is driven as a client does (retry on 5xx or no answer, re-read on 409) under each fault, on DynamoDB and
// on S3 (the audit archive copy): every acknowledged write is stored once, as sent, and the chain verifies.

vi.mock('../../functions/lib/clients', async (original) => {
  const actual = await original<typeof import('../../functions/lib/clients')>();
  return { ...actual, createClients: (config: Parameters<typeof actual.createClients>[0]) => withFaults(actual.createClients(config)) };
});

const KINDS: FaultKind[] = ['throttle', 'throttleStorm', 'timeout', 'lostAnswer', 'conditional'];
const ATTEMPTS = 6;

let server: Server;
let base: string;
beforeAll(async () => {
  Object.assign(process.env, inject('stackEnv'));
  const [{ handler: submission }, { handler: scoring }, { handler: publication }, { createGateway }] = await Promise.all([
    import('../../functions/submission/handler'),
    import('../../functions/scoring/handler'),
    import('../../functions/publication/handler'),
    import('../../infra/local/gateway'),
  ]);
  server = createGateway({ handlers: { submission, scoring, publication }, webDist: '/nonexistent', outboxDir: inject('outboxDir'), connectSrc: [], readResult: async () => undefined });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  disarm();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

/** Drives one write as a client does: again on 5xx or no answer; a 409 is settled by reading back what is stored. */
async function drive(method: string, path: string, options: { cookie: string; body: unknown }, settled409: () => Promise<boolean>): Promise<{ acknowledged: boolean; replies: number[] }> {
  const replies: number[] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const reply: Reply = await call(method, path, options, base).catch((e: Error) => ({ status: 0, text: e.message, json: undefined, headers: new Headers(), ms: 0 }));
    replies.push(reply.status);
    // Faults expire by count: a storm (8 throttled attempts) outlasts the SDK's 4 and meets the client's retry too.
    if (reply.status >= 200 && reply.status < 300) return { acknowledged: true, replies };
    // A conflict: what is stored may already be this write (its answer was lost); if not, the client tries again.
    if (reply.status === 409 && (await settled409())) return { acknowledged: true, replies };
    if (reply.status === 409) continue;
    if (reply.status !== 0 && reply.status < 500) return { acknowledged: false, replies };
  }
  return { acknowledged: false, replies };
}

describe('faults on every write path', () => {
  it('loses nothing, half-writes nothing and duplicates nothing under throttling, timeouts, lost answers and failed conditions', async ({ task }) => {
    const tally = tallyOf(task);
    const findings = new Findings();
    const admin = await adminSession();
    const roundId = await createRound();
    for (const service of ['dynamodb', 's3'] as const) {
      for (const kind of KINDS) {
        const label = `${service} ${kind}`;
        const applicant = await sessionOf(await storedPerson('applicant', 'city', `fault-${kind}`));
        const body = registration(roundId, { name: `故障测试${service}${kind}有限公司` });
        const creditCode = body.organisation.creditCode;
        const listed = async () => {
          const list = await call('GET', `/api/submission/applications?roundId=${roundId}`, { cookie: admin });
          return (list.json.applications as { applicationId: string; creditCode?: string; organisation?: { creditCode: string } }[]).filter((a) => (a.creditCode ?? a.organisation?.creditCode) === creditCode);
        };

        // 1. Registration.
        const before = faults.injected;
        arm(service, kind);
        const reg = await drive('POST', '/api/submission/applications', { cookie: applicant, body }, async () => (await listed()).length === 1);
        const mine = await call('GET', '/api/submission/applications/mine', { cookie: applicant });
        const applicationId = (mine.json.applications as { applicationId: string }[])[0]?.applicationId;
        const copies = (await listed()).length;
        if (reg.acknowledged && copies !== 1) {
          tally.L++;
          findings.add(`${label} register (${reg.replies.join(' ')}): acknowledged, stored ${copies} times`);
        }
        if (!reg.acknowledged || !applicationId) {
          findings.add(`${label} register never acknowledged (${reg.replies.join(' ')})`);
          continue;
        }

        // 2. Saving a section of the package.
        const text = `故障下保存的概述 ${label}`;
        const sectionPath = `/api/submission/applications/${applicationId}/package/profile`;
        const storedText = async () => {
          const got = await call('GET', `/api/submission/applications/${applicationId}`, { cookie: applicant });
          return JSON.stringify(got.json).includes(text);
        };
        arm(service, kind);
        const saved = await drive('PUT', sectionPath, { cookie: applicant, body: { text, version: 0 } }, storedText);
        if (saved.acknowledged && !(await storedText())) {
          tally.L++;
          findings.add(`${label} save (${saved.replies.join(' ')}): acknowledged, not stored`);
        } else if (!saved.acknowledged) findings.add(`${label} save never acknowledged (${saved.replies.join(' ')})`);

        // 3. The office asks (an idempotency key makes its retries safe) and 4. the applicant answers, once.
        const ask = `请补充说明 ${label}`;
        const requests = async () => ((await call('GET', `/api/submission/applications/${applicationId}/requests`, { cookie: admin })).json?.requests ?? []) as { requestId: string; text: string; answer?: { text: string } }[];
        arm(service, kind);
        const asked = await drive('POST', `/api/submission/applications/${applicationId}/requests`, { cookie: admin, body: { text: ask, idempotencyKey: `fault-${service}-${kind}-${applicationId}` } }, async () => (await requests()).length === 1);
        const made = (await requests()).filter((r) => r.text === ask);
        if (asked.acknowledged && made.length !== 1) {
          tally.L++;
          findings.add(`${label} office request (${asked.replies.join(' ')}): acknowledged, stored ${made.length} times`);
        } else if (!asked.acknowledged) findings.add(`${label} office request never acknowledged (${asked.replies.join(' ')})`);
        if (made[0]) {
          const answer = `已补充 ${label}`;
          arm(service, kind);
          const answered = await drive('POST', `/api/submission/applications/${applicationId}/requests/${made[0].requestId}/answer`, { cookie: applicant, body: { text: answer } }, async () =>
            (await requests()).some((r) => r.answer?.text === answer),
          );
          if (answered.acknowledged && !(await requests()).some((r) => r.answer?.text === answer)) {
            tally.L++;
            findings.add(`${label} answer (${answered.replies.join(' ')}): acknowledged, not stored`);
          } else if (!answered.acknowledged) findings.add(`${label} answer never acknowledged (${answered.replies.join(' ')})`);
        }
        disarm();
        tally.F += faults.injected - before;
      }
    }
    for (const broken of await brokenChains([roundScope(roundId)])) findings.add(`chain does not verify: ${broken}`);
    expect(findings.list, findings.report()).toEqual([]);
  }, 300_000);
});
