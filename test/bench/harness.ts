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

/**
 * One measured value with its budget, as `npm run bench` prints it and writes
 * it to `test/bench/results.json`. Budgets are ratios against a baseline
 * measured in the same run (or sizes, counts and shares), never absolute times.
 */
export interface Measurement {
  readonly name: string;
  readonly value: number;
  /** e.g. '×' (a ratio against the baseline), 'KB gzip', '%', 'count'. */
  readonly unit: string;
  /** The largest value allowed (the smallest, for a `floor` budget); none: reported only. */
  readonly budget?: number;
  /** True when the budget is a lower bound (throughput). */
  readonly floor?: boolean;
  readonly ok: boolean;
  /** What was compared, for the line printed (e.g. the baseline's median). */
  readonly detail?: string;
}

/** A group of measurements that need asynchronous work (a local stack, child processes). */
export interface Suite {
  readonly name: string;
  measure(): Promise<Measurement[]>;
}

/** A measurement against its budget. */
export function measurement(name: string, value: number, unit: string, budget?: number, options: { floor?: boolean; detail?: string } = {}): Measurement {
  const ok = budget === undefined || (options.floor ? value >= budget : value <= budget);
  return { name, value, unit, ...(budget === undefined ? {} : { budget }), ...(options.floor ? { floor: true } : {}), ok, ...(options.detail ? { detail: options.detail } : {}) };
}

/** One line per measurement: name, value, budget and verdict. */
export function formatMeasurement(m: Measurement): string {
  const show = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
  const budget = m.budget === undefined ? 'no budget' : `budget ${m.floor ? '≥' : '≤'} ${show(m.budget)} ${m.unit}`;
  const verdict = m.budget === undefined ? '' : m.ok ? '  ok' : '  OVER BUDGET';
  return `${m.name.padEnd(64)} ${`${show(m.value)} ${m.unit}`.padStart(14)}  ${budget}${verdict}${m.detail ? `  (${m.detail})` : ''}`;
}

/** The percentile `p` (0–100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
