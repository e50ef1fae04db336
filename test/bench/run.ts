/**
 * `npm run bench`: runs every `test/bench/*.bench.ts` (or those whose file
 * name contains one of the arguments: `npm run bench -- aggregate`), prints a
 * line per benchmark with its budget, and exits non-zero when a median is over
 * its budget.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatMeasurement, formatResult, measure, measurement, type Benchmark, type BenchResult, type Measurement, type Suite } from './harness';

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
const results: Measurement[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as {
    benchmarks?: readonly Benchmark[];
    suites?: readonly Suite[];
    report?: (results: readonly BenchResult[]) => Measurement[];
  };
  if (!module.benchmarks?.length && !module.suites?.length) {
    console.error(`${file} exports no benchmarks`);
    process.exitCode = 1;
    continue;
  }
  console.log(`\n${file}`);
  const own: BenchResult[] = [];
  for (const bench of module.benchmarks ?? []) {
    const result = measure(bench);
    own.push(result);
    console.log(`  ${formatResult(result)}`);
  }
  // A file's timed benchmarks are budgeted by its report (ratios between them); without one, each is reported only.
  const reported = module.report?.(own) ?? own.map((r) => measurement(r.name, Number(r.medianMs.toFixed(2)), 'ms'));
  for (const suite of module.suites ?? []) {
    try {
      reported.push(...(await suite.measure()));
    } catch (error) {
      console.error(`  ${suite.name} failed: ${(error as Error).stack ?? error}`);
      reported.push(measurement(`${suite.name}: ran`, 0, 'ok', 1, { floor: true, detail: (error as Error).message }));
    }
  }
  for (const m of reported) console.log(`  ${formatMeasurement(m)}`);
  results.push(...reported);
}

writeFileSync(join(here, 'results.json'), `${JSON.stringify(results.map(({ name, value, unit, budget, ok }) => ({ name, value, unit, budget: budget ?? null, ok })), null, 2)}\n`);
const over = results.filter((r) => !r.ok);
console.log(over.length === 0 ? `\nall ${results.length} measurement(s) within budget` : `\n${over.length} measurement(s) over budget: ${over.map((r) => r.name).join(', ')}`);
if (over.length > 0) process.exitCode = 1;
