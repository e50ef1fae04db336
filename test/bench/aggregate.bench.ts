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
import { benchmark, measurement, type BenchResult, type Measurement } from './harness';

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
    // The baseline: one plain pass over the same 10,000 × 7 × 23 percentages (a sum and a sort of the totals).
    name: `baseline: sum and sort 10,000 × ${SCORECARDS_PER_APPLICATION} cards × 23 items`,
    setup: () => syntheticRound(10_000),
    run: (round) => {
      const totals = round.map((a) => {
        let sum = 0;
        for (const card of [...a.material.independent, a.material.consensus, a.onSite.consensus]) for (const item of criteria.items) sum += card[item.id as keyof Scorecard] ?? 0;
        return sum;
      });
      return totals.sort((x, y) => y - x);
    },
    warmup: 3,
    runs: 9,
  }),
  benchmark({
    name: `evaluateRound: 10,000 applications × ${SCORECARDS_PER_APPLICATION} cards × 23 items`,
    setup: () => syntheticRound(10_000),
    run: (round) => evaluateRound(round, settings, criteria),
    warmup: 3,
    runs: 9,
  }),
];

/** Ranking 10,000 applications against a plain pass over the same data (budget 40×), and the growth from 1k to 10k. */
export function report(results: readonly BenchResult[]): Measurement[] {
  const [small, baseline, large] = results;
  if (!small || !baseline || !large) return [];
  return [
    measurement('rank 10,000 applications vs a plain pass over their cards', Number((large.medianMs / baseline.medianMs).toFixed(2)), '×', 40, {
      detail: `${large.medianMs.toFixed(1)} ms vs ${baseline.medianMs.toFixed(1)} ms`,
    }),
    measurement('rank: growth 1k → 10k (linear ≈ 10)', Number((large.medianMs / small.medianMs).toFixed(2)), '×', 14),
  ];
}
