/**
 * Cold import of each function's bundle against a bundle of the bare AWS
 * clients it creates at cold start (issue 11: ≤ 1.15×), both built here with
 * exactly the options CDK uses (infra/bundling.ts) and imported in fresh Node
 * processes, alternately, so the machine's load weighs on both alike. Also
 * reports the bytes each function really loads at cold start (entry plus the
 * chunks it imports statically).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { bundleOptions, bundleWith, FUNCTIONS, REPO_ROOT } from '../../infra/bundling';
import { measurement, median, type Measurement, type Suite } from './harness';

const RUNS = 21;
const BUDGET = 1.15;

// What every function creates at cold start (functions/lib/clients.ts, the signing key's secret in AWS).
const BARE_CLIENTS = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
export const clients = [DynamoDBDocumentClient.from(new DynamoDBClient({})), new S3Client({}), new SecretsManagerClient({})];
`;

/**
 * CPU milliseconds to import a module in a fresh Node process (Node's own start excluded): CPU time, not wall
 * time, so that other work on a busy machine weighs less on the comparison.
 */
function importMs(file: string): number {
  const script = `const c = process.cpuUsage(); await import(${JSON.stringify(pathToFileURL(file).href)}); const d = process.cpuUsage(c); process.stdout.write(String((d.user + d.system) / 1000));`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, AWS_REGION: 'cn-north-1' } }));
}

// Both bundled exactly as a function is deployed (esbuild, then the cold start joined into one chunk: bundleWith).
async function bundle(dir: string, name: string, options: BuildOptions): Promise<{ entry: string; bytes: number; files: number }> {
  const result = await bundleWith({ ...options, sourcemap: false, logLevel: 'error' }, join(dir, name));
  const bytes = result.coldStart.reduce((sum, f) => sum + readFileSync(f).length, 0);
  return { entry: result.entry, bytes, files: result.coldStart.length };
}

export const suites: Suite[] = [
  {
    name: 'lambda cold import',
    async measure() {
      const dir = mkdtempSync(join(tmpdir(), 'merit-bench-lambda-'));
      try {
        const { entryPoints: _e, outdir: _o, ...common } = bundleOptions('submission');
        const baseline = await bundle(dir, 'baseline', { ...common, stdin: { contents: BARE_CLIENTS, resolveDir: REPO_ROOT, loader: 'js', sourcefile: 'index.js' }, entryNames: 'index' });
        const results: Measurement[] = [];
        for (const fn of FUNCTIONS) {
          const own = await bundle(dir, fn, bundleOptions(fn));
          const mine: number[] = [];
          const base: number[] = [];
          importMs(own.entry); // the file system's cache, warmed for both
          importMs(baseline.entry);
          for (let i = 0; i < RUNS; i++) {
            mine.push(importMs(own.entry));
            base.push(importMs(baseline.entry));
          }
          // Each run of the function is paired with the baseline's run right after it; the median of the pairs' ratios counts.
          const ratio = median(mine.map((m, i) => m / base[i]!));
          results.push(
            measurement(`${fn}: cold import vs bare clients`, Number(ratio.toFixed(3)), '×', BUDGET, {
              detail: `${median(mine).toFixed(1)} ms vs ${median(base).toFixed(1)} ms CPU`,
            }),
            measurement(`${fn}: loaded at cold start vs bare clients`, Number((own.bytes / baseline.bytes).toFixed(3)), '×', undefined, {
              detail: `${(own.bytes / 1024).toFixed(0)} KiB in ${own.files} files vs ${(baseline.bytes / 1024).toFixed(0)} KiB in ${baseline.files}`,
            }),
          );
        }
        return results;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
