/**
 * Aggregate and rank a round (issue 3): N applications × 7 scorecards × 23
 * items. Each application has 5 independent material-review cards, the
 * material consensus card and the on-site consensus card; the benchmark runs
 * `evaluateRound` (divergence flags, exact stage totals, weighted final score,
 * ranking with tie-breaks, candidates, proposal). Budget: 10,000 applications
 * in ≤ 200 ms (median); 1,000 is reported, unbudgeted, to show the growth.
 */
import { GBT19580_2012 } from '../../shared/criteria';
import { ROUND_DEFAULTS } from '../../shared/round';
import { evaluateRound, PERCENTAGES, type ApplicationScores, type Percentage, type Scorecard } from '../../shared/scoring';
import { benchmark, type BenchResult } from './harness';

const criteria = GBT19580_2012;
const settings = {
  weights: ROUND_DEFAULTS.weights,
  candidateThreshold: ROUND_DEFAULTS.candidateThreshold,
  winnersQuota: ROUND_DEFAULTS.winnersQuota,
  divergenceThreshold: ROUND_DEFAULTS.divergenceThreshold,
};

// A small seeded generator (mulberry32) so every run scores the same round.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A round of `count` applications, each with 7 complete scorecards and a defense score. */
export function syntheticRound(count: number, seed = 19580): ApplicationScores[] {
  const next = random(seed);
  const percent = (centre: number): Percentage => {
    const index = Math.max(0, Math.min(20, Math.round(centre / 5 + (next() - 0.5) * 6)));
    return PERCENTAGES[index]!;
  };
  const card = (centre: number): Scorecard => Object.fromEntries(criteria.items.map((item) => [item.id, percent(centre)])) as Scorecard;
  return Array.from({ length: count }, (_, i) => {
    const level = 20 + next() * 65;
    return {
      applicationId: `app-${String(i).padStart(6, '0')}`,
      material: { independent: [card(level), card(level), card(level), card(level), card(level)], consensus: card(level) },
      onSite: { independent: [], consensus: card(level) },
      defense: Math.round(level * 10) * 100,
    };
  });
}

const SCORECARDS_PER_APPLICATION = 7;

/** The benchmarks of this file, run by `test/bench/run.ts`. */
export const benchmarks = [
  benchmark({
    // Reported, not budgeted: it shows how the time grows towards the 10k case.
    name: `evaluateRound: 1,000 applications × ${SCORECARDS_PER_APPLICATION} cards × 23 items`,
    setup: () => syntheticRound(1_000),
    run: (round) => evaluateRound(round, settings, criteria),
    warmup: 10,
    runs: 15,
  }),
  benchmark({
    name: `evaluateRound: 10,000 applications × ${SCORECARDS_PER_APPLICATION} cards × 23 items`,
    budgetMs: 200,
    setup: () => syntheticRound(10_000),
    run: (round) => evaluateRound(round, settings, criteria),
    warmup: 3,
    runs: 9,
  }),
];

/** The growth from 1k to 10k (linear is about 10×). */
export function report(results: readonly BenchResult[]): string[] {
  const [small, large] = results;
  if (!small || !large) return [];
  return [`growth 1k → 10k: ×${(large.medianMs / small.medianMs).toFixed(1)} (linear ≈ ×10)`];
}
