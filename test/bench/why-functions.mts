/**
 * What a function loads at its cold import, by package or source file (not a benchmark: `npx tsx test/bench/why-functions.mts [fn]`).
 * WHY=valibot,messages/domain prints the chain of static imports that brings each in; DIFF=scoring prints, file by
 * file, what the function loads beyond the bare-clients baseline of lambda-import.bench.ts. N=… limits the listing.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, coldStartFiles, FUNCTIONS } from '../../infra/bundling';
import { mkdtempSync } from 'node:fs';
const dir = mkdtempSync(join(tmpdir(), 'merit-why-fn-'));
for (const fn of (process.argv[2] ? [process.argv[2]] : FUNCTIONS) as any[]) {
  const r = await build({ ...bundleOptions(fn), outdir: `${dir}/${fn}`, sourcemap: false, logLevel: 'error' });
  const outs = r.metafile!.outputs;
  const entry = Object.keys(outs).find((f) => f.endsWith('/index.mjs'))!;
  const files = coldStartFiles(outs as any, entry);
  const byPkg = new Map<string, number>();
  let total = 0;
  for (const f of files) for (const [inp, { bytesInOutput }] of Object.entries(outs[f]!.inputs)) {
    const m = inp.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const key = m ? m[1]! : inp.replace(/^(shared|functions)\/([^/]+\/)?.*/, (s) => s);
    byPkg.set(key, (byPkg.get(key) ?? 0) + bytesInOutput); total += bytesInOutput;
  }
  console.log(`== ${fn} ${(total/1024).toFixed(0)} KiB in ${files.length} files`);
  for (const [k, b] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.N ?? 30))) console.log(`  ${(b/1024).toFixed(1).padStart(7)} ${k}`);
}
if (process.env.WHY) {
  const r = await build({ ...bundleOptions(process.argv[2] as any), outdir: `${dir}/why`, sourcemap: false, logLevel: 'error' });
  const ins = r.metafile!.inputs;
  // BFS from handler over static imports
  const start = Object.keys(ins).find((k) => k.endsWith(`functions/${process.argv[2]}/handler.ts`))!;
  const prev = new Map<string, string>([[start, '']]);
  const q = [start];
  while (q.length) { const c = q.shift()!; for (const i of ins[c]?.imports ?? []) if (i.kind === 'import-statement' && !prev.has(i.path)) { prev.set(i.path, c); q.push(i.path); } }
  for (const target of process.env.WHY.split(',')) {
    const t = [...prev.keys()].find((k) => k.includes(target));
    if (!t) { console.log(`${target}: not static`); continue; }
    const chain = []; let c: string | undefined = t; while (c) { chain.push(c); c = prev.get(c) || undefined; }
    console.log(chain.reverse().join('\n  -> '));
  }
}
if (process.env.DIFF) {
  const { entryPoints: _e, outdir: _o, ...common } = bundleOptions('submission');
  const BARE = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
export const clients = [DynamoDBDocumentClient.from(new DynamoDBClient({})), new S3Client({}), new SecretsManagerClient({})];`;
  const agg = async (opts: any) => { const r = await build({ ...opts, outdir: `${dir}/d${Math.random()}`, sourcemap: false, logLevel: 'error' }); const outs = r.metafile!.outputs; const entry = Object.keys(outs).find((f) => f.endsWith('/index.mjs'))!; const m = new Map<string, number>(); for (const f of coldStartFiles(outs as any, entry)) for (const [inp, { bytesInOutput }] of Object.entries(outs[f]!.inputs)) m.set(inp, (m.get(inp) ?? 0) + bytesInOutput); return m; };
  const base = await agg({ ...common, stdin: { contents: BARE, resolveDir: process.cwd(), loader: 'js', sourcefile: 'index.js' }, entryNames: 'index' });
  const mine = await agg(bundleOptions(process.env.DIFF as any));
  const rows = [...new Set([...base.keys(), ...mine.keys()])].map((k) => [k, (mine.get(k) ?? 0) - (base.get(k) ?? 0)] as const).filter(([, d]) => Math.abs(d) > 400).sort((a, b) => b[1] - a[1]);
  for (const [k, d] of rows) console.log(`${(d / 1024).toFixed(1).padStart(7)} ${k}`);
}
