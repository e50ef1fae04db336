import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { programmeScope, type AuditEntry } from '../../shared/audit/chain';
import { stackRuntime } from './applications-helpers';
import { archiveKey } from '../../functions/lib/audit/archive';
import { AuditLog } from '../../functions/lib/audit/log';
import { api, auditTables, signInAdmin, uniqueEmail, localS3 } from './helpers';

const env = inject('stackEnv');
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const s3 = localS3();
const raw = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1', credentials });
const ddb = DynamoDBDocumentClient.from(raw);

afterAll(() => {
  s3.destroy();
  raw.destroy();
});

// The copy is put right after the entry is linked, by the linker that linked it: read it once it is there.
async function archivedCopy(entry: AuditEntry): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: env.AUDIT_ARCHIVE_BUCKET!, Key: archiveKey(entry) }));
      return JSON.parse(await object.Body!.transformToString());
    } catch (error) {
      if (attempt >= 100) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe('audit archive (local: a copy after each entry is linked)', () => {
  it('archives the entry of an invitation, byte for byte the chained entry', async () => {
    // Prepare
    const admin = await signInAdmin();
    // As the functions run it locally: whichever linker links the entry (the function's, or this one) archives it.
    const { audit } = await stackRuntime();
    // Act
    const res = await api('POST', '/api/submission/people', { cookie: admin, body: { email: uniqueEmail('arch'), name: '王律师', role: 'supervisor' } });
    // Assess
    expect(res.status).toBe(201);
    const head = await audit.caughtUp(programmeScope('city'));
    expect(head?.action).toBe('person.invited');
    expect(await archivedCopy(head!)).toEqual(head);
  });

  it('keeps a committed change when the archive copy fails', async () => {
    // Prepare: an archiver that always fails
    const failing = new AuditLog(ddb, auditTables(), {
      archive: async () => {
        throw new Error('archive down');
      },
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
    const head = await failing.caughtUp(scope);
    // Assess
    expect(head).toMatchObject({ seq: 1, requestId: entry.requestId });
    expect(await failing.entries(scope)).toHaveLength(1);
    expect(await failing.linker.pending(scope)).toEqual([]);
  });
});
