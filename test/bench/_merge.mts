import { rolldown } from 'rolldown';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { readdirSync } from 'node:fs';
const fn = process.argv[2] ?? 'submission';
const src = `/work/main/dist/functions/${fn}/index.mjs`;
const out = `/tmp/merged-${fn}`;
const closure = new Set<string>();
const b = await rolldown({
  input: { index: src },
  platform: 'node',
  plugins: [{ name: 'c', buildEnd() { const q=[...this.getModuleIds()].filter(i=>i===src); while(q.length){const id=q.pop()!; if(closure.has(id)) continue; closure.add(id); for(const n of this.getModuleInfo(id)?.importedIds??[]) q.push(n);} closure.delete(src);} }],
  logLevel: 'silent',
});
await b.write({ dir: out, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', minify: true, codeSplitting: { groups: [{ name: 'cold', test: (id) => closure.has(id) }] } });
console.log('files', readdirSync(out + '/chunks').length);
function importMs(file: string): number {
  const script = `const c = process.cpuUsage(); await import(${JSON.stringify(pathToFileURL(file).href)}); const d = process.cpuUsage(c); process.stdout.write(String((d.user + d.system) / 1000));`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, AWS_REGION: 'cn-north-1' } }));
}
const a: number[] = [], m: number[] = [];
for (let i = 0; i < 15; i++) { a.push(importMs(src)); m.push(importMs(out + '/index.mjs')); }
const med = (x: number[]) => x.sort((p, q) => p - q)[x.length >> 1];
console.log('esbuild', med(a), 'merged', med(m));
