import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { localDynamoClients } from './local-dynamo-helpers';

// kill -9 in the middle of transactions, then a restart on the same data folder: every transaction
// is wholly there or wholly absent, and no temporary item of the front is left anywhere.

const TableName = 'crash';
const children = new Set<ChildProcess>();
const folders: string[] = [];

/** Starts the front + dynalite on `dir` in a child process; resolves once it serves. */
function startChild(dir: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; endpoint: string; exited: Promise<NodeJS.Signals | number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/local-dynamo-process.ts', dir, TableName], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => (children.delete(child), resolve(signal ?? code))));
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, endpoint: (JSON.parse(line) as { endpoint: string }).endpoint, exited });
    });
    void exited.then((how) => reject(new Error(`local DynamoDB process ended (${String(how)}) before serving: ${stderr}`)));
  });
}

/** Submits application j: marks it submitted and writes its audit entry, if its package is complete and nobody holds its lock. */
const submit = (j: number, tx: string) =>
  new TransactWriteCommand({
    TransactItems: [
      { ConditionCheck: { TableName, Key: { pk: `PKG#${j}`, sk: 'x' }, ConditionExpression: '#s = :complete', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':complete': 'complete' } } },
      { ConditionCheck: { TableName, Key: { pk: `LOCK#${j}`, sk: 'x' }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Update: { TableName, Key: { pk: `APP#${j}`, sk: 'x' }, UpdateExpression: 'SET #s = :submitted, submittedBy = :tx', ConditionExpression: '#s = :draft', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':submitted': 'submitted', ':draft': 'draft', ':tx': tx } } },
      { Put: { TableName, Item: { pk: `AUD#${j}`, sk: 'x', tx }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ],
  });

/** Every record after a restart: each submitted application has its audit entry and the reverse; packages unchanged; no lock item. */
async function expectWhole(endpoint: string, count: number) {
  const { raw, ddb } = localDynamoClients(endpoint);
  try {
    expect((await raw.send(new ListTablesCommand({}))).TableNames).toEqual([TableName]);
    const items = new Map<string, Record<string, unknown>>();
    let start: Record<string, unknown> | undefined;
    do {
      const out = await ddb.send(new ScanCommand({ TableName, ConsistentRead: true, ExclusiveStartKey: start }));
      for (const item of out.Items ?? []) items.set(item.pk as string, item);
      start = out.LastEvaluatedKey;
    } while (start);
    expect([...items.keys()].filter((pk) => !/^(APP|AUD|PKG)#\d+$/.test(pk)), 'temporary items left').toEqual([]);
    const submitted: number[] = [];
    for (let j = 0; j < count; j++) {
      const app = items.get(`APP#${j}`);
      const audit = items.get(`AUD#${j}`);
      expect(items.get(`PKG#${j}`)).toEqual({ pk: `PKG#${j}`, sk: 'x', status: 'complete' });
      if (app?.status === 'submitted') {
        expect(audit, `application ${j} is submitted without its audit entry`).toEqual({ pk: `AUD#${j}`, sk: 'x', tx: app.submittedBy });
        expect(app).toEqual({ pk: `APP#${j}`, sk: 'x', status: 'submitted', submittedBy: app.submittedBy });
        submitted.push(j);
      } else {
        expect(app).toEqual({ pk: `APP#${j}`, sk: 'x', status: 'draft' });
        expect(audit, `audit entry of application ${j}, which is not submitted`).toBeUndefined();
      }
    }
    return submitted;
  } finally {
    raw.destroy();
  }
}

afterEach(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

describe('local DynamoDB transactions across a crash', () => {
  it('after kill -9 in the middle of bursts of submissions and a restart, every application is submitted with its audit entry or not at all', async () => {
    // Prepare: 60 draft applications with complete packages, on disk.
    const dir = await mkdtemp(join(tmpdir(), 'merit-crash-'));
    folders.push(dir);
    const count = 60;
    let running = await startChild(join(dir, 'dynamodb'));
    let clients = localDynamoClients(running.endpoint);
    for (let j = 0; j < count; j += 15) {
      await Promise.all(Array.from({ length: 15 }, (_, k) => [
        clients.ddb.send(new PutCommand({ TableName, Item: { pk: `APP#${j + k}`, sk: 'x', status: 'draft' } })),
        clients.ddb.send(new PutCommand({ TableName, Item: { pk: `PKG#${j + k}`, sk: 'x', status: 'complete' } })),
      ]).flat());
    }
    let submitted: number[] = [];
    for (let round = 1; round <= 3; round++) {
      // Act: every application still in draft at once; kill -9 a few milliseconds (at random, so wherever
      // the transactions happen to be) after a sixth of them are answered; restart on the same folder.
      const drafts = Array.from({ length: count }, (_, j) => j).filter((j) => !submitted.includes(j));
      const acknowledged: number[] = [];
      const { child, exited } = running;
      // A sixth of what is left (10 of 60 at first): later bursts are smaller, and a fixed 10 let a burst of 14 finish.
      const killAfter = Math.max(1, Math.floor(drafts.length / 6));
      const burst = drafts.map((j) =>
        clients.ddb.send(submit(j, `round${round}-${j}`)).then(() => {
          acknowledged.push(j);
          if (acknowledged.length === killAfter) setTimeout(() => child.kill('SIGKILL'), Math.random() * 3);
        }),
      );
      await Promise.allSettled(burst);
      expect(await exited).toBe('SIGKILL');
      clients.raw.destroy();
      expect(acknowledged.length, 'the kill came after the whole burst: nothing was interrupted').toBeLessThan(drafts.length);
      running = await startChild(join(dir, 'dynamodb'));
      clients = localDynamoClients(running.endpoint);

      // Assess: every acknowledged submission is there, and every one is whole; the journal is empty again.
      const now = await expectWhole(running.endpoint, count);
      expect(now).toEqual(expect.arrayContaining([...submitted, ...acknowledged]));
      expect(await readdir(join(dir, 'dynamodb-journal'))).toEqual([]);
      submitted = now;
    }
    clients.raw.destroy();
  });

  it('completes at restart a transaction killed after its first write', async () => {
    // Prepare: a process that kills itself between the two writes of the first transaction.
    const dir = await mkdtemp(join(tmpdir(), 'merit-crash-'));
    folders.push(dir);
    const first = await startChild(join(dir, 'dynamodb'), { KILL_MID_APPLY: '1' });
    const { raw, ddb } = localDynamoClients(first.endpoint);
    await ddb.send(new PutCommand({ TableName, Item: { pk: 'APP#0', sk: 'x', status: 'draft' } }));
    await ddb.send(new PutCommand({ TableName, Item: { pk: 'PKG#0', sk: 'x', status: 'complete' } }));

    // Act
    const error = await ddb.send(submit(0, 'tx-0')).catch((e: unknown) => e);
    raw.destroy();
    expect(error).toBeInstanceOf(Error);
    expect(await first.exited).toBe('SIGKILL');
    expect(await readdir(join(dir, 'dynamodb-journal'))).toHaveLength(1);

    // Assess: the journal completes it at the next start.
    const second = await startChild(join(dir, 'dynamodb'));
    expect(await expectWhole(second.endpoint, 1)).toEqual([0]);
    expect(await readdir(join(dir, 'dynamodb-journal'))).toEqual([]);
  });
});
