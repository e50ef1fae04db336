/**
 * A small benchmark harness (ARCHITECTURE.md "Tests": benchmarks with budgets,
 * run by `npm run bench`, not timed tests). A benchmark file is any
 * `test/bench/*.bench.ts` exporting `benchmarks`; each benchmark prepares its
 * data untimed, is warmed up, then timed a few times, and its median is
 * compared with its budget.
 */

/** One benchmark. `setup` runs once, untimed; `run` is what is measured. */
export interface Benchmark<T = unknown> {
  readonly name: string;
  /** Median wall time allowed, in milliseconds; without one the benchmark only reports. */
  readonly budgetMs?: number;
  readonly setup: () => T;
  readonly run: (data: T) => unknown;
  /** Untimed runs first (JIT warm-up); default 3. */
  readonly warmup?: number;
  /** Timed runs, of which the median counts; default 7. */
  readonly runs?: number;
}

/** Declares a benchmark with its data type inferred from `setup`. */
export function benchmark<T>(definition: Benchmark<T>): Benchmark {
  return definition as Benchmark;
}

/** What one benchmark measured. */
export interface BenchResult {
  readonly name: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly budgetMs?: number;
  readonly withinBudget: boolean;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// Results are kept alive so the engine cannot drop the measured work as dead code.
let sink: unknown;

/** Measures one benchmark. */
export function measure(bench: Benchmark): BenchResult {
  const data = bench.setup();
  for (let i = 0; i < (bench.warmup ?? 3); i++) sink = bench.run(data);
  const times: number[] = [];
  for (let i = 0; i < (bench.runs ?? 7); i++) {
    const start = performance.now();
    sink = bench.run(data);
    times.push(performance.now() - start);
  }
  void sink;
  const medianMs = median(times);
  return {
    name: bench.name,
    medianMs,
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    budgetMs: bench.budgetMs,
    withinBudget: bench.budgetMs === undefined || medianMs <= bench.budgetMs,
  };
}

/** One line per result: name, median (min–max), budget and verdict. */
export function formatResult(result: BenchResult): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const budget = result.budgetMs === undefined ? 'no budget' : `budget ${ms(result.budgetMs)}`;
  const verdict = result.budgetMs === undefined ? '' : result.withinBudget ? '  ok' : '  OVER BUDGET';
  return `${result.name.padEnd(56)} median ${ms(result.medianMs).padStart(10)}  (${ms(result.minMs)}–${ms(result.maxMs)})  ${budget}${verdict}`;
}
