import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { programmeScope, verifyChain } from '../../shared/audit/chain';
import { nodeSha256, WriteConditionError } from '../../functions/lib/audit/log';
import { stackRuntime } from './applications-helpers';
import { api, linkedChain, signIn, signInAdmin, uniqueEmail } from './helpers';

const raw = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
const ddb = DynamoDBDocumentClient.from(raw);
const env = inject('stackEnv');
// The audit log as the functions run it locally (each commit linked soon after in this process, each entry archived).
const { audit } = await stackRuntime();
const reviews = env.TABLE_REVIEWS!;
const scope = () => `test:${Math.random().toString(36).slice(2)}`;
const change = (s: string, id: string, writes = [] as never[]) => ({
  scope: s,
  actor: { personId: 'p1', role: 'admin' },
  action: 'round.configured' as const,
  target: { type: 'round', id },
  state: { id },
  requestId: `req-${id}`,
  now: new Date(),
  writes,
});

afterAll(() => raw.destroy());

describe('audit chain on DynamoDB', () => {
  it('records exactly one entry for an invitation, naming actor, action and target', async () => {
    const admin = await signInAdmin();
    const before = await linkedChain(audit, programmeScope('city'));
    const res = await api('POST', '/api/submission/people', { cookie: admin, body: { email: uniqueEmail('aud'), name: '李监督', role: 'supervisor' } });
    expect(res.status).toBe(201);
    const added = (await linkedChain(audit, programmeScope('city'))).slice(before.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ action: 'person.invited', actor: { role: 'admin' }, target: { type: 'person', id: res.body.person.personId } });
    expect(added[0]!.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('records nothing when the change itself is refused', async () => {
    const admin = await signInAdmin();
    const email = uniqueEmail('dup');
    await api('POST', '/api/submission/people', { cookie: admin, body: { email, name: 'A', role: 'expert' } });
    const before = await linkedChain(audit, programmeScope('city'));
    const again = await api('POST', '/api/submission/people', { cookie: admin, body: { email, name: 'A', role: 'expert' } });
    expect(again.status).toBe(409);
    expect(await linkedChain(audit, programmeScope('city'))).toHaveLength(before.length);
  });

  it('writes neither the change nor the entry when a write condition fails', async () => {
    const s = scope();
    const write = { Put: { TableName: reviews, Item: { pk: `X#${s}`, sk: 'x' }, ConditionExpression: 'attribute_exists(pk)' } };
    await expect(audit.commit(change(s, 'a', [write as never]))).rejects.toBeInstanceOf(WriteConditionError);
    expect(await linkedChain(audit, s)).toHaveLength(0);
    expect(await audit.linker.pending(s)).toHaveLength(0);
  });

  it('lands concurrent appends one after another, without a fork or a gap', async () => {
    const s = scope();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => audit.commit(change(s, `t${i}`))));
    const entries = await linkedChain(audit, s);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(entries.map((e) => e.requestId))).toEqual(new Set(results.map((r) => r.requestId)));
    expect((await verifyChain(nodeSha256, s, entries)).ok).toBe(true);
  });

  it('detects an entry changed directly in DynamoDB and names it', async () => {
    const s = scope();
    for (let i = 0; i < 4; i++) await audit.commit(change(s, `t${i}`));
    await audit.caughtUp(s);
    // Someone with table access rewrites who did entry 3, bypassing the API.
    await ddb.send(new UpdateCommand({
      TableName: env.TABLE_AUDIT!,
      Key: { pk: `CHAIN#${s}`, sk: '000000000003' },
      UpdateExpression: 'SET actor = :a',
      ExpressionAttributeValues: { ':a': { personId: 'someone-else', role: 'admin' } },
    }));
    const result = await verifyChain(nodeSha256, s, await audit.entries(s));
    expect(result.ok).toBe(false);
    expect(result.firstMismatch).toMatchObject({ seq: 3, reason: 'hash' });
  });
});

describe('the audit trail for supervisors', () => {
  it('lets a supervisor list the chains of their programme and read entries that verify', async () => {
    const admin = await signInAdmin();
    const email = uniqueEmail('sup');
    await api('POST', '/api/submission/people', { cookie: admin, body: { email, name: '纪检监督员', role: 'supervisor' } });
    const supervisor = await signIn(email);
    const chains = await api('GET', '/api/publication/audit', { cookie: supervisor });
    expect(chains.status).toBe(200);
    const own = chains.body.chains.find((c: { scope: string }) => c.scope === 'programme:city');
    expect(own.entries).toBeGreaterThan(0);
    expect(chains.body.chains.some((c: { kind: string }) => c.kind === 'round')).toBe(true);

    const page = await api('GET', `/api/publication/audit/${encodeURIComponent('programme:city')}/entries`, { cookie: supervisor });
    expect(page.status).toBe(200);
    expect(page.body.entries.at(-1).action).toBe('person.invited');
    const verified = await verifyChain(nodeSha256, 'programme:city', page.body.entries);
    expect(verified).toMatchObject({ ok: true, head: own.head });
  });

  it('pages through a chain with after and limit', async () => {
    const admin = await signInAdmin();
    const first = await api('GET', `/api/publication/audit/${encodeURIComponent('programme:city')}/entries?limit=1`, { cookie: admin });
    expect(first.body.entries).toHaveLength(1);
    expect(first.body.nextAfter).toBe(1);
    const second = await api('GET', `/api/publication/audit/${encodeURIComponent('programme:city')}/entries?after=1&limit=1`, { cookie: admin });
    expect(second.body.entries[0].seq).toBe(2);
  });

  it('answers 404 for a chain outside the programme and 403 to an expert', async () => {
    const admin = await signInAdmin();
    expect((await api('GET', `/api/publication/audit/${encodeURIComponent('programme:other')}/entries`, { cookie: admin })).status).toBe(404);
    expect((await api('GET', `/api/publication/audit/${encodeURIComponent('round:nope')}/entries`, { cookie: admin })).status).toBe(404);
    const email = uniqueEmail('exp');
    await api('POST', '/api/submission/people', { cookie: admin, body: { email, name: 'E', role: 'expert' } });
    const expert = await signIn(email);
    expect((await api('GET', '/api/publication/audit', { cookie: expert })).status).toBe(403);
  });

  it('refuses a limit above 1000 with VALIDATION_FAILED', async () => {
    const res = await api('GET', `/api/publication/audit/${encodeURIComponent('programme:city')}/entries?limit=5000`, { cookie: await signInAdmin() });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});
