import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { programmeScope, verifyChain } from '../../shared/audit/chain';
import { AuditLog, nodeSha256, WriteConditionError } from '../../functions/lib/audit/log';
import { api, signInAdmin, uniqueEmail } from './helpers';

const raw = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
const ddb = DynamoDBDocumentClient.from(raw);
const env = inject('stackEnv');
const audit = new AuditLog(ddb, env.TABLE_AUDIT!);
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
    const before = await audit.entries(programmeScope('city'));
    const res = await api('POST', '/api/submission/people', { cookie: admin, body: { email: uniqueEmail('aud'), name: '李监督', role: 'supervisor' } });
    expect(res.status).toBe(201);
    const added = (await audit.entries(programmeScope('city'))).slice(before.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ action: 'person.invited', actor: { role: 'admin' }, target: { type: 'person', id: res.body.person.personId } });
    expect(added[0]!.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('records nothing when the change itself is refused', async () => {
    const admin = await signInAdmin();
    const email = uniqueEmail('dup');
    await api('POST', '/api/submission/people', { cookie: admin, body: { email, name: 'A', role: 'expert' } });
    const before = await audit.entries(programmeScope('city'));
    const again = await api('POST', '/api/submission/people', { cookie: admin, body: { email, name: 'A', role: 'expert' } });
    expect(again.status).toBe(409);
    expect(await audit.entries(programmeScope('city'))).toHaveLength(before.length);
  });

  it('writes neither the change nor the entry when a write condition fails', async () => {
    const s = scope();
    const write = { Put: { TableName: reviews, Item: { pk: `X#${s}`, sk: 'x' }, ConditionExpression: 'attribute_exists(pk)' } };
    await expect(audit.commit(change(s, 'a', [write as never]))).rejects.toBeInstanceOf(WriteConditionError);
    expect(await audit.entries(s)).toHaveLength(0);
  });

  it('lands concurrent appends one after another, without a fork or a gap', async () => {
    const s = scope();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => audit.commit(change(s, `t${i}`))));
    const entries = await audit.entries(s);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(results.map((r) => r.seq)).size).toBe(8);
    expect((await verifyChain(nodeSha256, s, entries)).ok).toBe(true);
  });

  it('detects an entry changed directly in DynamoDB and names it', async () => {
    const s = scope();
    for (let i = 0; i < 4; i++) await audit.commit(change(s, `t${i}`));
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
