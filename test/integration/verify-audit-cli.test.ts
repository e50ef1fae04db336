import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { AuditLog } from '../../functions/lib/audit/log';

const run = promisify(execFile);
const raw = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
const ddb = DynamoDBDocumentClient.from(raw);
const table = inject('stackEnv').TABLE_AUDIT!;
const audit = new AuditLog(ddb, table);

afterAll(() => raw.destroy());

async function verify(...args: string[]): Promise<{ code: number; lines: string[] }> {
  const result = await run('npx', ['tsx', 'infra/scripts/verify-audit.ts', '--endpoint', inject('dynamoEndpoint'), '--table', table, ...args]).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  return { code: result.code, lines: result.stdout.trim().split('\n') };
}

async function chain(scope: string, n: number) {
  for (let i = 0; i < n; i++) {
    await audit.commit({ scope, actor: { personId: 'p', role: 'admin' }, action: 'round.configured', target: { type: 'round', id: 'r' }, state: { i }, requestId: `r${i}`, now: new Date(), writes: [] });
  }
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

  it('verifies every chain when no round is named', async () => {
    const { lines } = await verify();
    expect(lines.at(-1)).toMatch(/^verified: \d+ rounds, \d+ entries, \d+ mismatches$/);
    expect(lines.some((l) => l.startsWith('ok        round:city-'))).toBe(true);
  });
});
