import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localS3Client } from '../../functions/lib/clients';
import { CLIENT_HEADERS } from '../../shared/api/client-header';
import { DiskFaults } from '../../infra/local/disk-faults';
import { startLocalS3, type LocalS3 } from '../../infra/local/s3';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';

// Faults are injected where the local storage writes its files: each write after the first chunk of a file fails
// with Node's own ENOSPC error, as on a disk that fills mid-write (infra/local/disk-faults.ts).

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the local S3 on a full disk', () => {
  const faults = new DiskFaults();
  let dir: string;
  let s3: LocalS3;
  let client: ReturnType<typeof localS3Client>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'merit-s3-full-'));
    s3 = await startLocalS3({ directory: dir, buckets: ['archive'], corsOrigins: [] });
    await s3.close();
    s3 = await startLocalS3({ directory: dir, buckets: ['archive'], corsOrigins: [], faults });
    client = localS3Client(s3.endpoint);
  });
  afterAll(async () => {
    client.destroy();
    await s3.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 ServiceUnavailable while writes fail, keeps the previous bytes whole, leaves no partial file, and stores again once there is room', async () => {
    // Prepare: a stored object
    const before = Buffer.from('the archived copy, whole\n'.repeat(100));
    await client.send(new PutObjectCommand({ Bucket: 'archive', Key: 'audit/a.json', Body: before }));
    faults.fail('ENOSPC');
    // Act: overwrite it and write a new key, each 2 MB, while the disk is full
    const big = Buffer.alloc(2 * 1024 * 1024, 0x61);
    const overwrite = await client.send(new PutObjectCommand({ Bucket: 'archive', Key: 'audit/a.json', Body: big })).catch((e: unknown) => e);
    const fresh = await client.send(new PutObjectCommand({ Bucket: 'archive', Key: 'audit/b.json', Body: big })).catch((e: unknown) => e);
    // Assess: refused as S3 refuses when it cannot store, the server alive, nothing half-written
    for (const error of [overwrite, fresh]) {
      expect((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(503);
      expect((error as Error).name).toBe('ServiceUnavailable');
    }
    const kept = await client.send(new GetObjectCommand({ Bucket: 'archive', Key: 'audit/a.json' }));
    expect(Buffer.from(await kept.Body!.transformToByteArray()).equals(before)).toBe(true);
    const missing = await client.send(new HeadObjectCommand({ Bucket: 'archive', Key: 'audit/b.json' })).catch((e: unknown) => e);
    expect((missing as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(404);
    expect((await filesUnder(dir)).filter((f) => f.endsWith('.partial'))).toEqual([]);

    // Act: the disk has room again
    faults.clear();
    await client.send(new PutObjectCommand({ Bucket: 'archive', Key: 'audit/b.json', Body: big }));
    // Assess
    const stored = await client.send(new GetObjectCommand({ Bucket: 'archive', Key: 'audit/b.json' }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(big)).toBe(true);
  });
});

describe('the local stack on a full disk', () => {
  const faults = new DiskFaults();
  let dataDir: string;
  let stack: LocalStack;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'merit-full-'));
    stack = await startLocalStack({ port: 0, dataDir, seed: false, adminEmail: 'admin@full.test', faults });
  });
  afterAll(async () => {
    faults.clear();
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const exchange = (token: string) =>
    fetch(`${stack.url}/api/submission/auth/session`, { method: 'POST', headers: { ...CLIENT_HEADERS, 'content-type': 'application/json' }, body: JSON.stringify({ token }) });

  it('answers 503 STORAGE_UNAVAILABLE in both languages while DynamoDB cannot write, stays up, and completes the same request once the disk has room', async () => {
    // Prepare: a sign-in link, then the disk fills
    const token = (await stack.adminSignInLink()).split('#token=')[1]!;
    faults.fail('ENOSPC');
    // Act
    const refused = await exchange(token);
    // Assess
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    const body = (await refused.json()) as { error: { code: string; message: Record<string, string> } };
    expect(body.error.code).toBe('STORAGE_UNAVAILABLE');
    expect(body.error.message['zh-CN']).toContain('没有保存任何内容');
    expect(body.error.message.en).toContain('nothing from this request was saved');
    const health = await fetch(`${stack.url}/api/submission/health`);
    expect(health.status).toBeLessThan(500);

    // Act: room again — the link was not used up by the failed attempt
    faults.clear();
    const signedIn = await exchange(token);
    // Assess
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.getSetCookie().length).toBeGreaterThan(0);
  });
});
