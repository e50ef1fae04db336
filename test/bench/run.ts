/**
 * `npm run bench`: runs every `test/bench/*.bench.ts` (or those whose file
 * name contains one of the arguments: `npm run bench -- aggregate`), prints a
 * line per benchmark with its budget, and exits non-zero when a median is over
 * its budget.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatResult, measure, type Benchmark, type BenchResult } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((filter) => f.includes(filter)))
  .sort();

if (files.length === 0) {
  console.error(`no benchmark files in ${here}${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
  process.exit(1);
}

console.log(`Node ${process.version}, ${process.arch}`);
const results: BenchResult[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as { benchmarks?: readonly Benchmark[]; report?: (results: readonly BenchResult[]) => string[] };
  if (!module.benchmarks?.length) {
    console.error(`${file} exports no benchmarks`);
    process.exitCode = 1;
    continue;
  }
  console.log(`\n${file}`);
  const own: BenchResult[] = [];
  for (const bench of module.benchmarks) {
    const result = measure(bench);
    own.push(result);
    console.log(`  ${formatResult(result)}`);
  }
  for (const line of module.report?.(own) ?? []) console.log(`  ${line}`);
  results.push(...own);
}

const over = results.filter((r) => !r.withinBudget);
console.log(over.length === 0 ? `\nall ${results.length} benchmark(s) within budget` : `\n${over.length} benchmark(s) over budget: ${over.map((r) => r.name).join(', ')}`);
if (over.length > 0) process.exitCode = 1;
