import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { programmeScope } from '../../shared/audit/chain';
import { archiveKey } from '../../functions/lib/audit/archive';
import { AuditLog, nodeSha256 } from '../../functions/lib/audit/log';
import { api, signInAdmin, uniqueEmail, localS3 } from './helpers';

const env = inject('stackEnv');
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const s3 = localS3();
const raw = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1', credentials });
const ddb = DynamoDBDocumentClient.from(raw);

afterAll(() => {
  s3.destroy();
  raw.destroy();
});

describe('audit archive (local: a copy after each append)', () => {
  it('archives the entry of an invitation, byte for byte the chained entry', async () => {
    // Prepare
    const admin = await signInAdmin();
    const audit = new AuditLog(ddb, env.TABLE_AUDIT!);
    // Act
    const res = await api('POST', '/api/submission/people', { cookie: admin, body: { email: uniqueEmail('arch'), name: '王律师', role: 'supervisor' } });
    // Assess
    expect(res.status).toBe(201);
    const head = await audit.head(programmeScope('city'));
    expect(head?.action).toBe('person.invited');
    const object = await s3.send(new GetObjectCommand({ Bucket: env.AUDIT_ARCHIVE_BUCKET!, Key: archiveKey(head!) }));
    expect(JSON.parse(await object.Body!.transformToString())).toEqual(head);
  });

  it('keeps a committed change when the archive copy fails', async () => {
    // Prepare: an archiver that always fails
    const failing = new AuditLog(ddb, env.TABLE_AUDIT!, nodeSha256, async () => {
      throw new Error('archive down');
    });
    const scope = `test:archive-${Date.now()}`;
    // Act
    const entry = await failing.commit({
      scope,
      actor: { personId: 'p1', role: 'admin' },
      action: 'round.configured',
      target: { type: 'round', id: 'r1' },
      state: { id: 'r1' },
      requestId: 'req-archive',
      now: new Date(),
      writes: [],
    });
    // Assess
    expect(entry.seq).toBe(1);
    expect(await failing.entries(scope)).toHaveLength(1);
  });
});
