import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const run = promisify(execFile);

/** Runs `npm run verify-audit` (the script itself) against the test stack's dynalite with `args`; its exit code and output lines. */
export async function verify(...args: string[]): Promise<{ code: number; lines: string[] }> {
  const { TABLE_AUDIT: table, TABLE_AUDIT_INTENTS: intents } = inject('stackEnv');
  const result = await run('npx', ['tsx', 'infra/scripts/verify-audit.ts', '--endpoint', inject('dynamoEndpoint'), '--table', table!, '--intents-table', intents!, ...args]).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  return { code: result.code, lines: result.stdout.trim().split('\n') };
}
