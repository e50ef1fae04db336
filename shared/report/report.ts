import type { Criteria } from '../criteria';
import type { Text } from '../messages/types';
import { divideRoundHalfUp, type Hundredths } from '../scoring/exact';

/** The steps of a round's funnel (issue 12.4), each counted from stored records, in the order an application passes them. */
export const FUNNEL_STEPS = ['registered', 'submitted', 'eligible', 'reviewed', 'shortlisted', 'visited', 'defended', 'candidates', 'proposed', 'awarded'] as const;
/** A step of the funnel. */
export type FunnelStepId = (typeof FUNNEL_STEPS)[number];

/** The stages whose scores a report shows: the two teams' consensus, the defense panel's score and the weighted final score. */
export const SCORE_STAGES = ['materialReview', 'onSite', 'defense', 'final'] as const;
/** A stage with scores. */
export type ScoreStage = (typeof SCORE_STAGES)[number];

/** What the funnel and the breakdowns know of one application, gathered from the stored records. */
export interface ApplicationFacts {
  readonly applicationId: string;
  readonly district: string;
  readonly industry: string;
  readonly size: string;
  /** The steps this application reached (`registered` always). */
  readonly reached: ReadonlySet<FunnelStepId>;
}

/** One step of the funnel: how many reached it, and their share of the step before (tenths of a percent, half up; none for the first step or after an empty step). */
export interface FunnelStep {
  readonly step: FunnelStepId;
  readonly count: number;
  /** 314 = 31.4% of the previous step (541 → 170). */
  readonly sharePerMille?: number;
}

/** `part / whole` in tenths of a percent, rounded half up (170 of 541 → 314, i.e. 31.4%); undefined when `whole` is 0. */
export function sharePerMille(part: number, whole: number): number | undefined {
  return whole > 0 ? divideRoundHalfUp(part * 1000, whole) : undefined;
}

/** A share in tenths of a percent as text with one decimal: 314 → "31.4%". */
export const formatShare = (perMille: number) => `${Math.floor(perMille / 10)}.${perMille % 10}%`;

// Issue 12.4: every step counted from the stored records; the share is of the step before (541 registered → 170 submitted is 31.4%).
/** The funnel over a round's applications. */
export function funnelOf(apps: readonly ApplicationFacts[]): FunnelStep[] {
  let previous: number | undefined;
  return FUNNEL_STEPS.map((step) => {
    const count = apps.filter((a) => a.reached.has(step)).length;
    const share = previous === undefined ? undefined : sharePerMille(count, previous);
    previous = count;
    return share === undefined ? { step, count } : { step, count, sharePerMille: share };
  });
}

/** The dimensions an applicant's profile stores that a report breaks the funnel down by. */
export const BREAKDOWN_DIMENSIONS = ['district', 'industry', 'size'] as const;
/** A dimension of the breakdowns. */
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** One group of a breakdown (one district, industry or size) with its count at every step of the funnel. */
export interface BreakdownRow {
  readonly value: string;
  readonly counts: Readonly<Record<FunnelStepId, number>>;
}

/** The funnel per value of a dimension, the most registered first (ties by value, so the order is stable). */
export function breakdownOf(apps: readonly ApplicationFacts[], dimension: BreakdownDimension): BreakdownRow[] {
  const groups = new Map<string, ApplicationFacts[]>();
  for (const app of apps) groups.set(app[dimension], [...(groups.get(app[dimension]) ?? []), app]);
  return [...groups.entries()]
    .map(([value, members]) => ({
      value,
      counts: Object.fromEntries(FUNNEL_STEPS.map((s) => [s, members.filter((m) => m.reached.has(s)).length])) as Record<FunnelStepId, number>,
    }))
    .sort((a, b) => b.counts.registered - a.counts.registered || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** A histogram: `counts[i]` values fall in [i × width, (i + 1) × width) of the scale, the last bin closed (it holds the maximum). */
export interface Histogram {
  /** How many values. */
  readonly n: number;
  readonly counts: readonly number[];
}

/** Values on a scale from 0 to `max` counted into `bins` equal bins (a value at `max` in the last; values outside are clamped). */
export function histogramOf(values: readonly number[], max: number, bins = 10): Histogram {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor((v / max) * bins)));
    counts[bin] = counts[bin]! + 1;
  }
  return { n: values.length, counts };
}

/** The distribution of one stage's scores: the totals (1,000-point scale) and each category (share of its points, in tenths). */
export interface StageDistribution {
  readonly stage: ScoreStage;
  readonly total: Histogram;
  /** Per category (material review and on-site only): bins of 10% of the category's points. */
  /** The public summary withholds a stage scored for fewer than {@link PUBLIC_MIN_SCORED} organisations (its bins would point at one). */
  readonly withheld?: true;
  readonly categories: readonly { readonly categoryId: string; readonly name: Text; readonly points: number; readonly histogram: Histogram; readonly meanHundredths?: Hundredths }[];
}

/** One application's scores at every stage it reached (exact hundredths; final in 1/100,000 of a point). */
export interface ApplicationScores {
  readonly applicationId: string;
  /** Category id → hundredths, per consensus stage. */
  readonly materialCategories?: Readonly<Record<string, Hundredths>>;
  readonly onSiteCategories?: Readonly<Record<string, Hundredths>>;
  readonly material?: Hundredths;
  readonly onSite?: Hundredths;
  readonly defense?: Hundredths;
  readonly final?: number;
}

const mean = (values: readonly number[]) => (values.length === 0 ? undefined : divideRoundHalfUp(values.reduce((s, v) => s + v, 0), values.length));

/** The distributions of a round's scores per stage: totals in bins of 100 points, categories in bins of 10% of their points. */
export function distributionsOf(scores: readonly ApplicationScores[], criteria: Criteria): StageDistribution[] {
  const maxTotal = criteria.totalPoints * 100;
  const totals: Record<ScoreStage, number[]> = {
    materialReview: scores.flatMap((s) => (s.material === undefined ? [] : [s.material])),
    onSite: scores.flatMap((s) => (s.onSite === undefined ? [] : [s.onSite])),
    defense: scores.flatMap((s) => (s.defense === undefined ? [] : [s.defense])),
    // Final scores are in 1/100,000 of a point: as hundredths for the histogram.
    final: scores.flatMap((s) => (s.final === undefined ? [] : [s.final / 1000])),
  };
  const categoriesOf = (stage: ScoreStage) => {
    const key = stage === 'materialReview' ? 'materialCategories' : stage === 'onSite' ? 'onSiteCategories' : undefined;
    if (!key) return [];
    return criteria.categories.map((c) => {
      const values = scores.flatMap((s) => (s[key]?.[c.id] === undefined ? [] : [s[key]![c.id]!]));
      const m = mean(values);
      return { categoryId: c.id, name: c.name, points: c.points, histogram: histogramOf(values, c.points * 100), ...(m !== undefined ? { meanHundredths: m } : {}) };
    });
  };
  return SCORE_STAGES.map((stage) => ({ stage, total: histogramOf(totals[stage], maxTotal), categories: categoriesOf(stage) }));
}

/** One application's scores and rank at each stage (1 = best; a tie shares the rank), for how ranks moved. */
export interface RankMovement {
  readonly applicationId: string;
  readonly material?: Hundredths;
  readonly onSite?: Hundredths;
  readonly defense?: Hundredths;
  readonly final?: number;
  readonly ranks: Partial<Record<ScoreStage, number>>;
}

/** Competition ranks ("1224") of the given scores, best (highest) first. */
export function ranksOf(values: ReadonlyMap<string, number>): Map<string, number> {
  const ranks = new Map<string, number>();
  const all = [...values.values()];
  for (const [id, v] of values) ranks.set(id, 1 + all.filter((o) => o > v).length);
  return ranks;
}

/**
 * Each application's rank at each stage among those scored at that stage: material review among all reviewed, on-site
 * among those visited, defense among those heard; the final rank is the recorded evaluation's (tie-breaks applied).
 */
export function rankMovements(scores: readonly ApplicationScores[], finalRanks: ReadonlyMap<string, number>): RankMovement[] {
  const by = (pick: (s: ApplicationScores) => number | undefined) => new Map(scores.flatMap((s) => (pick(s) === undefined ? [] : [[s.applicationId, pick(s)!] as const])));
  const material = ranksOf(by((s) => s.material));
  const onSite = ranksOf(by((s) => s.onSite));
  const defense = ranksOf(by((s) => s.defense));
  return scores
    .filter((s) => s.material !== undefined)
    .map((s) => {
      const ranks: Partial<Record<ScoreStage, number>> = {};
      if (material.has(s.applicationId)) ranks.materialReview = material.get(s.applicationId)!;
      if (onSite.has(s.applicationId)) ranks.onSite = onSite.get(s.applicationId)!;
      if (defense.has(s.applicationId)) ranks.defense = defense.get(s.applicationId)!;
      if (finalRanks.has(s.applicationId)) ranks.final = finalRanks.get(s.applicationId)!;
      return {
        applicationId: s.applicationId,
        ...(s.material !== undefined ? { material: s.material } : {}),
        ...(s.onSite !== undefined ? { onSite: s.onSite } : {}),
        ...(s.defense !== undefined ? { defense: s.defense } : {}),
        ...(s.final !== undefined ? { final: s.final } : {}),
        ranks,
      };
    })
    .sort((a, b) => (a.ranks.final ?? Infinity) - (b.ranks.final ?? Infinity) || (a.ranks.onSite ?? Infinity) - (b.ranks.onSite ?? Infinity) || (a.ranks.materialReview ?? Infinity) - (b.ranks.materialReview ?? Infinity));
}

/** The fewest organisations a stage must have scored for the public summary to show its distribution. */
export const PUBLIC_MIN_SCORED = 3;

// Issue 12.4: the public summary shows no organisation's score but the winners' published ones; a distribution over one
// or two organisations (or a category mean over them) would show theirs, so such a stage is withheld.
/** The distributions as the public may read them: a stage scored for fewer than {@link PUBLIC_MIN_SCORED} organisations withheld. */
export function publicDistributions(distributions: readonly StageDistribution[]): StageDistribution[] {
  return distributions.map((d) =>
    d.total.n === 0 || d.total.n >= PUBLIC_MIN_SCORED ? d : { stage: d.stage, total: { n: d.total.n, counts: [] }, categories: [], withheld: true },
  );
}
