import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { intentKey } from '../../functions/lib/audit/linker';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { AuditLog } from '../../functions/lib/audit/log';
import type { ChainHead, PublishedDocument } from '../../shared/api/outcome';
import { verify } from './verify-audit-helpers';
import { auditTables } from './helpers';

const raw = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
const ddb = DynamoDBDocumentClient.from(raw);
const table = inject('stackEnv').TABLE_AUDIT!;
const audit = new AuditLog(ddb, auditTables());

const dir = mkdtempSync(join(tmpdir(), 'merit-published-'));

afterAll(() => {
  raw.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function chain(scope: string, n: number) {
  for (let i = 0; i < n; i++) {
    await audit.commit({ scope, actor: { personId: 'p', role: 'admin' }, action: 'round.configured', target: { type: 'round', id: 'r' }, state: { i }, requestId: `r${i}`, now: new Date(), writes: [] });
  }
  await audit.caughtUp(scope);
}

describe('npm run verify-audit', () => {
  it('verifies an intact round and ends with the summary line, exit code 0', async () => {
    const round = `cli-ok-${Date.now()}`;
    await chain(`round:${round}`, 3);
    const { code, lines } = await verify('--round', round);
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe('verified: 1 rounds, 3 entries, 0 mismatches');
  });

  it('names the first entry that was changed behind the API and exits non-zero', async () => {
    const round = `cli-bad-${Date.now()}`;
    await chain(`round:${round}`, 5);
    await ddb.send(new UpdateCommand({
      TableName: table,
      Key: { pk: `CHAIN#round:${round}`, sk: '000000000004' },
      UpdateExpression: 'SET #a = :a',
      ExpressionAttributeNames: { '#a': 'action' },
      ExpressionAttributeValues: { ':a': 'scorecard.submitted' },
    }));
    const { code, lines } = await verify('--round', round);
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(new RegExp(`MISMATCH  round:${round}  first bad entry: #4 \\(hash`));
    expect(lines.at(-1)).toBe('verified: 1 rounds, 5 entries, 1 mismatches');
  });

  it('reports changes not linked into the chain yet as pending, and not as a mismatch', async () => {
    // Prepare: two changes linked, a third committed but not linked yet
    const round = `cli-pending-${Date.now()}`;
    await chain(`round:${round}`, 2);
    await audit.commit({ scope: `round:${round}`, actor: { personId: 'p', role: 'admin' }, action: 'round.configured', target: { type: 'round', id: 'r' }, state: { i: 3 }, requestId: 'r3', now: new Date(), writes: [] });
    // Act
    const { code, lines } = await verify('--round', round);
    // Assess
    expect(code).toBe(0);
    expect(lines).toContain(`pending   round:${round}  1 change not linked into the chain yet (the linker is catching up; run again to see them verified)`);
    expect(lines.at(-1)).toBe('verified: 1 rounds, 2 entries, 0 mismatches');
  });

  it('flags a chain whose changes have waited over 5 minutes to be linked as BEHIND, a mismatch, even with no entry yet', async () => {
    // Prepare: an intent committed 10 minutes ago that no linker took (its id carries the time it was committed)
    const round = `cli-behind-${Date.now()}`;
    const scope = `round:${round}`;
    const intentId = ulid(Date.now() - 10 * 60_000);
    await ddb.send(new PutCommand({
      TableName: auditTables().intents,
      Item: { ...intentKey(scope, intentId), intentId, scope, at: new Date().toISOString(), actor: { personId: 'p', role: 'admin' }, action: 'round.configured', target: { type: 'round', id: 'r' }, stateDigest: '0'.repeat(64), requestId: 'r-old' },
    }));
    // Act
    const { code, lines } = await verify('--round', round);
    // Assess
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(new RegExp(`BEHIND    ${scope}  1 change not linked into the chain yet, the oldest for 1\\d minutes`));
    expect(lines.at(-1)).toBe('verified: 1 rounds, 0 entries, 1 mismatches');
  });

  it('verifies every chain when no round is named', async () => {
    const { lines } = await verify();
    expect(lines.at(-1)).toMatch(/^verified: \d+ rounds, \d+ entries, \d+ mismatches$/);
    expect(lines.some((l) => l.startsWith('ok        round:city-'))).toBe(true);
  });
});

/** A published notice of `roundId` carrying `chainHead`, as the publication function writes it. */
function published(roundId: string, chainHead: ChainHead): PublishedDocument {
  return {
    kind: 'notice',
    programmeId: 'city',
    programmeName: { 'zh-CN': '示范市政府质量奖', en: 'Demo City Quality Award' },
    roundId,
    roundName: { 'zh-CN': roundId, en: roundId },
    publishedAt: '2026-11-20T02:00:00.000Z',
    notice: { openedAt: '2026-11-20T02:00:00.000Z', endsAt: '2026-11-27T02:00:00.000Z', days: 7 },
    entries: [{ rank: 1, organisation: { name: '甲制造有限公司', district: '东区', industry: '制造业' }, finalScore: '812.35' }],
    chainHead,
  };
}

function documentFile(name: string, doc: unknown): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('npm run verify-audit --published', () => {
  it("passes a published document whose head is an entry of the round's chain, hash for hash", async () => {
    const round = `pub-ok-${Date.now()}`;
    await chain(`round:${round}`, 4);
    // The head as published when the chain had 3 entries: still a real entry after the chain grew.
    const entry = (await audit.entries(`round:${round}`)).find((e) => e.seq === 3)!;
    const file = documentFile('ok', published(round, { scope: `round:${round}`, sequence: entry.seq, hash: entry.hash }));
    const { code, lines } = await verify('--round', round, '--published', file);
    expect(code).toBe(0);
    expect(lines).toContain(`ok        published ${file}: round:${round} #3 ${entry.hash} matches the chain`);
    expect(lines.at(-1)).toBe('verified: 1 rounds, 4 entries, 0 mismatches');
  });

  it('names a different hash and exits non-zero', async () => {
    const round = `pub-hash-${Date.now()}`;
    await chain(`round:${round}`, 3);
    const entry = (await audit.entries(`round:${round}`)).at(-1)!;
    const forged = entry.hash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const file = documentFile('hash', published(round, { scope: `round:${round}`, sequence: entry.seq, hash: forged }));
    const { code, lines } = await verify('--round', round, '--published', file);
    expect(code).toBe(1);
    expect(lines).toContain(`MISMATCH  published ${file}: different hash: round:${round} #${entry.seq} is ${entry.hash} in the chain, the document says ${forged}`);
    expect(lines.at(-1)).toBe('verified: 1 rounds, 3 entries, 1 mismatches');
  });

  it('names a head beyond the end of the chain as a missing entry and exits non-zero', async () => {
    const round = `pub-beyond-${Date.now()}`;
    await chain(`round:${round}`, 2);
    const entry = (await audit.entries(`round:${round}`)).at(-1)!;
    const file = documentFile('beyond', published(round, { scope: `round:${round}`, sequence: entry.seq + 1, hash: entry.hash }));
    const { code, lines } = await verify('--round', round, '--published', file);
    expect(code).toBe(1);
    expect(lines).toContain(`MISMATCH  published ${file}: missing entry: round:${round} #${entry.seq + 1} is not in the chain (it ends at #${entry.seq})`);
    expect(lines.at(-1)).toBe('verified: 1 rounds, 2 entries, 1 mismatches');
  });

  it('names a head the chain no longer verifies up to, even with the hash the document says', async () => {
    // Prepare: the head was published at #3; then #2 was changed behind the API
    const round = `pub-broken-${Date.now()}`;
    await chain(`round:${round}`, 3);
    const entry = (await audit.entries(`round:${round}`)).at(-1)!;
    const file = documentFile('broken', published(round, { scope: `round:${round}`, sequence: entry.seq, hash: entry.hash }));
    await ddb.send(new UpdateCommand({
      TableName: table,
      Key: { pk: `CHAIN#round:${round}`, sk: '000000000002' },
      UpdateExpression: 'SET requestId = :r',
      ExpressionAttributeValues: { ':r': 'forged' },
    }));
    // Act
    const { code, lines } = await verify('--round', round, '--published', file);
    // Assess
    expect(lines).toContain(`MISMATCH  published ${file}: the chain does not verify up to round:${round} #3: first bad entry #2 (hash)`);
    expect(lines.at(-1)).toBe('verified: 1 rounds, 3 entries, 2 mismatches');
    expect(code).toBe(1);
  });

  it("names a head of another round's chain as the wrong chain", async () => {
    const round = `pub-own-${Date.now()}`;
    const other = `pub-other-${Date.now()}`;
    await chain(`round:${round}`, 1);
    await chain(`round:${other}`, 1);
    const entry = (await audit.entries(`round:${other}`))[0]!;
    const file = documentFile('other', published(other, { scope: `round:${other}`, sequence: entry.seq, hash: entry.hash }));
    const { code, lines } = await verify('--round', round, '--published', file);
    expect(code).toBe(1);
    expect(lines).toContain(`MISMATCH  published ${file}: wrong chain: the head names round:${other}, not round:${round}`);
    expect(lines.at(-1)).toBe('verified: 1 rounds, 1 entries, 1 mismatches');
  });

  it('reads a document from an http address, and counts one that cannot be read as a mismatch', async () => {
    const round = `pub-url-${Date.now()}`;
    await chain(`round:${round}`, 2);
    const entry = (await audit.entries(`round:${round}`)).at(-1)!;
    const body = JSON.stringify(published(round, { scope: `round:${round}`, sequence: entry.seq, hash: entry.hash }));
    const server: Server = createServer((req, res) => {
      if (req.url === `/results/${round}/notice.json`) res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      else res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/results/${round}`;
      const { code, lines } = await verify('--round', round, '--published', `${base}/notice.json`, '--published', `${base}/announcement.json`);
      expect(code).toBe(1);
      expect(lines).toContain(`ok        published ${base}/notice.json: round:${round} #${entry.seq} ${entry.hash} matches the chain`);
      expect(lines).toContain(`MISMATCH  published ${base}/announcement.json: cannot read it (HTTP 404)`);
      expect(lines.at(-1)).toBe('verified: 1 rounds, 2 entries, 1 mismatches');
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});

describe('npm run verify-audit --export', () => {
  const exportFile = (name: string, entries: readonly unknown[]) => {
    const path = join(dir, `${name}.jsonl`);
    writeFileSync(path, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
    return path;
  };

  it('checks an exported chain on its own, and a published head against it, with no access to the system', async () => {
    // Prepare: the export and the notice, as a journalist would hold them
    const round = `exp-ok-${Date.now()}`;
    await chain(`round:${round}`, 4);
    const entries = await audit.entries(`round:${round}`);
    const file = exportFile('export-ok', entries);
    const doc = documentFile('export-ok', published(round, { scope: `round:${round}`, sequence: 3, hash: entries[2]!.hash }));
    // Act: with an unreachable database (the last --endpoint wins), which --export never reads
    const { code, lines } = await verify('--export', file, '--published', doc, '--endpoint', 'http://127.0.0.1:9');
    // Assess
    expect(lines).toContain(`ok        round:${round}  4 entries  head ${entries[3]!.hash}`);
    expect(lines).toContain(`ok        published ${doc}: round:${round} #3 ${entries[2]!.hash} matches the chain`);
    expect(lines.at(-1)).toBe('verified: 1 rounds, 4 entries, 0 mismatches');
    expect(code).toBe(0);
  });

  it('names the first entry changed in an export and exits non-zero', async () => {
    // Prepare
    const round = `exp-bad-${Date.now()}`;
    await chain(`round:${round}`, 3);
    const entries = (await audit.entries(`round:${round}`)).map((e) => (e.seq === 2 ? { ...e, actor: { personId: 'someone-else', role: 'admin' } } : e));
    // Act
    const { code, lines } = await verify('--export', exportFile('export-bad', entries));
    // Assess
    expect(lines.join('\n')).toMatch(new RegExp(`MISMATCH  round:${round}  first bad entry: #2 \\(hash`));
    expect(code).toBe(1);
  });

  it('refuses a file that is not an export, naming the line', async () => {
    // Prepare
    const path = join(dir, 'not-an-export.jsonl');
    writeFileSync(path, '{"seq":1,"hash":"x"}\nnot json\n');
    // Act
    const { code } = await verify('--export', path);
    // Assess
    expect(code).toBe(2);
  });
});
