import { GetObjectCommand } from '@aws-sdk/client-s3';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { linkEntry, type AuditEntry } from '../../shared/audit/chain';
import { archiveKey, archiveStream, isStreamEvent } from '../../functions/lib/audit/archive';
import { AuditLog, nodeSha256 } from '../../functions/lib/audit/log';
import { intentKey } from '../../functions/lib/audit/linker';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localS3 } from './helpers';

// In AWS the audit table's stream feeds the publication function, which copies each new entry to the
// Object Lock bucket. These tests drive that path with stream events against s3rver.
const env = inject('stackEnv');
const bucket = env.AUDIT_ARCHIVE_BUCKET!;
const s3 = localS3();
afterAll(() => s3.destroy());

const scope = () => `round:archive-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

async function entries(scopeName: string, count: number): Promise<AuditEntry[]> {
  const chain: AuditEntry[] = [];
  for (let i = 0; i < count; i++) {
    chain.push(
      await linkEntry(
        nodeSha256,
        {
          scope: scopeName,
          at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
          actor: { personId: 'P1', role: 'admin' },
          action: 'round.opened',
          target: { type: 'round', id: 'r1' },
          context: { stage: 'registration' },
          stateDigest: 'a'.repeat(64),
          requestId: `req-${i}`,
        },
        chain.at(-1),
      ),
    );
  }
  return chain;
}

/** A stream record as DynamoDB sends it: the stored item (with its keys) as the new image. */
function record(eventName: DynamoDBRecord['eventName'], entry: AuditEntry): DynamoDBRecord {
  const item = { pk: `CHAIN#${entry.scope}`, sk: String(entry.seq).padStart(12, '0'), ...entry };
  return {
    eventID: `${eventName}-${entry.seq}`,
    eventName,
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      Keys: marshall({ pk: item.pk, sk: item.sk }) as Record<string, AttributeValue>,
      NewImage: marshall(item, { removeUndefinedValues: true }) as Record<string, AttributeValue>,
      StreamViewType: 'NEW_IMAGE',
      SequenceNumber: String(entry.seq),
    },
  };
}

async function archived(entry: Pick<AuditEntry, 'scope' | 'seq'>): Promise<unknown> {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: archiveKey(entry) }));
    return JSON.parse(await out.Body!.transformToString());
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

describe('audit archive fed by the audit table stream', () => {
  it('archives every inserted entry as one object under its chain, without the table keys', async () => {
    // Prepare
    const chain = await entries(scope(), 3);
    const event: DynamoDBStreamEvent = { Records: chain.map((e) => record('INSERT', e)) };

    // Act
    const count = await archiveStream(s3, bucket, event);

    // Assess
    expect(count).toBe(3);
    for (const entry of chain) expect(await archived(entry)).toEqual(entry);
  });

  it('ignores modifications and removals (entries are never changed; a change must not rewrite the archive)', async () => {
    const [first, second] = await entries(scope(), 2);
    const event: DynamoDBStreamEvent = { Records: [record('MODIFY', first!), record('REMOVE', second!)] };

    const count = await archiveStream(s3, bucket, event);

    expect(count).toBe(0);
    expect(await archived(first!)).toBeUndefined();
    expect(await archived(second!)).toBeUndefined();
  });

  it('tells stream events from HTTP API events', () => {
    expect(isStreamEvent({ Records: [{ eventSource: 'aws:dynamodb' }] })).toBe(true);
    expect(isStreamEvent({ Records: [{ eventSource: 'aws:s3' }] })).toBe(false);
    expect(isStreamEvent({ version: '2.0', routeKey: 'GET /api/publication/health', rawPath: '/api/publication/health' })).toBe(false);
    expect(isStreamEvent(null)).toBe(false);
  });
});

describe('the publication handler', () => {
  const saved = { ...process.env };
  beforeAll(() => Object.assign(process.env, env));
  afterAll(() => {
    process.env = saved;
  });

  it('archives a stream event it receives instead of routing it as HTTP', async () => {
    const [entry] = await entries(scope(), 1);
    const { handler } = await import('../../functions/publication/handler');

    const result = await handler({ Records: [record('INSERT', entry!)] });

    expect(result).toBeUndefined();
    expect(await archived(entry!)).toEqual(entry);
  });

  it('links the chain of every intent the intents table stream inserts (the linker in AWS), and archives no intent as an entry', async () => {
    // Prepare: three changes committed, not linked (in AWS nothing links on the request path)
    const s = scope();
    const raw = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    const log = new AuditLog(DynamoDBDocumentClient.from(raw), { entries: env.TABLE_AUDIT!, intents: env.TABLE_AUDIT_INTENTS! });
    const intents = [];
    for (let i = 0; i < 3; i++) {
      intents.push(
        await log.commit({ scope: s, actor: { personId: 'P1', role: 'admin' }, action: 'round.configured', target: { type: 'round', id: 'r1' }, state: { i }, requestId: `req-${i}`, now: new Date(), writes: [] }),
      );
    }
    const records: DynamoDBRecord[] = intents.map((intent, i) => ({
      eventID: `intent-${i}`,
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: { NewImage: marshall({ ...intentKey(s, intent.intentId), ...intent }, { removeUndefinedValues: true }) as Record<string, AttributeValue>, StreamViewType: 'NEW_IMAGE' },
    }));
    const { handler } = await import('../../functions/publication/handler');
    expect(await log.entries(s)).toEqual([]);

    // Act: the stream delivers the inserts (once, then again: a retried batch)
    await handler({ Records: records });
    await handler({ Records: records });

    // Assess
    const chain = await log.entries(s);
    expect(chain.map((e) => [e.seq, e.requestId])).toEqual([[1, 'req-0'], [2, 'req-1'], [3, 'req-2']]);
    expect(await log.linker.pending(s)).toEqual([]);
    expect(await archiveStream(s3, bucket, { Records: records })).toBe(0);
    raw.destroy();
  });
});
