import type { Criteria } from '../criteria';
import { finalScore, FINAL_UNITS_PER_POINT, type FinalScore, type StageWeights } from './aggregate';
import { divideRoundHalfUp, formatScaled, HUNDREDTHS_PER_POINT, type Hundredths } from './exact';
import type { ScorecardTotals } from './scorecard';

/** What the ranking needs to know about one application. */
export interface Standing {
  readonly applicationId: string;
  /** Exact weighted final score (1/100,000 points). */
  readonly final: FinalScore;
  /** First tie-break: the results items (category 4.7) of the on-site consensus, in hundredths. */
  readonly results: Hundredths;
  /** Second tie-break: the on-site consensus total, in hundredths. */
  readonly onSite: Hundredths;
}

/** A standing with its place: 1 + the number of applications strictly ahead of it, so full ties share a rank. */
export interface RankedStanding extends Standing {
  readonly rank: number;
}

/** The stage results of one application, as the comprehensive evaluation receives them. */
export interface StageResults {
  readonly applicationId: string;
  readonly material: Hundredths;
  readonly onSite: ScorecardTotals;
  readonly defense: Hundredths;
}

// DOMAIN.md: ties are broken by the results items (4.7), read from the verified on-site consensus, then by the on-site score.
/** An application's standing: its weighted final score and both tie-break values. */
export function standingOf(results: StageResults, weights: StageWeights, criteria: Criteria): Standing {
  let resultsScore = 0;
  for (const category of criteria.categories) if (category.kind === 'results') resultsScore += results.onSite.categories[category.id] ?? 0;
  return {
    applicationId: results.applicationId,
    final: finalScore({ material: results.material, onSite: results.onSite.total, defense: results.defense }, weights),
    results: resultsScore,
    onSite: results.onSite.total,
  };
}

/** Orders standings best first by final score, then results score, then on-site score; 0 means a full tie. */
export function compareStandings(a: Standing, b: Standing): number {
  return b.final - a.final || b.results - a.results || b.onSite - a.onSite;
}

/** Ranks applications best first; a full tie shares a rank and is listed by application id (for a stable display only). */
export function rankApplications(standings: readonly Standing[]): RankedStanding[] {
  const sorted = [...standings].sort((a, b) => compareStandings(a, b) || (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0));
  const ranked: RankedStanding[] = [];
  sorted.forEach((standing, index) => {
    const previous = ranked[index - 1];
    const rank = previous && compareStandings(previous, standing) === 0 ? previous.rank : index + 1;
    ranked.push({ ...standing, rank });
  });
  return ranked;
}

// DOMAIN.md stage 7: a total at or above the threshold (default 500) makes a recommended candidate.
/** The standings at or above `thresholdPoints` (whole points), in the given order. */
export function candidates<T extends Standing>(ranked: readonly T[], thresholdPoints: number): T[] {
  const threshold = thresholdPoints * FINAL_UNITS_PER_POINT;
  return ranked.filter((s) => s.final >= threshold);
}

/** The proposal for the committee: at most `quota` winners, plus any full tie that straddles the last place. */
export interface WinnerProposal<T extends RankedStanding = RankedStanding> {
  readonly proposed: readonly T[];
  /** Applications tied for the last place(s) that cannot all fit: none of them is proposed, the committee decides by vote. */
  readonly tiedAtCutoff: readonly T[];
}

// DOMAIN.md stage 9: proposed winners are never more than the quota; a tie that would push past it is left to the committee rather than settled by id.
/** The best-ranked applications that fit within `quota` (pass candidates, ranked); a tie group crossing the quota is returned apart. */
export function proposeWinners<T extends RankedStanding>(ranked: readonly T[], quota: number): WinnerProposal<T> {
  const limit = Math.max(0, Math.floor(quota));
  const groupSize = new Map<number, number>();
  for (const s of ranked) groupSize.set(s.rank, (groupSize.get(s.rank) ?? 0) + 1);
  const proposed: T[] = [];
  const tiedAtCutoff: T[] = [];
  for (const s of ranked) {
    const lastPlace = s.rank + (groupSize.get(s.rank) ?? 1) - 1;
    if (lastPlace <= limit) proposed.push(s);
    else if (s.rank <= limit) tiedAtCutoff.push(s);
  }
  return { proposed, tiedAtCutoff };
}

/** An application as whoever chooses the site visits sees it: an opaque token and the material score, no name. */
export interface AnonymousEntry {
  readonly token: string;
  /** Material-review consensus total, in hundredths. */
  readonly materialScore: Hundredths;
}

/** The chosen site visits. */
export interface Shortlist {
  /** Tokens chosen, best material score first. */
  readonly tokens: readonly string[];
  /** True when a tie at the last place made the list longer than `size`. */
  readonly extendedByTie: boolean;
}

// DOMAIN.md "Site visits": the top N by material score (default 2 × quota), all at or above the threshold, chosen by score alone with names hidden;
// equal scores are treated alike, so a tie for the last place is taken in whole.
/** The site-visit shortlist from anonymised entries, by material score alone. */
export function siteVisitShortlist(entries: readonly AnonymousEntry[], size: number, thresholdPoints: number): Shortlist {
  const threshold = thresholdPoints * HUNDREDTHS_PER_POINT;
  const eligible = entries.filter((e) => e.materialScore >= threshold).sort((a, b) => b.materialScore - a.materialScore);
  const limit = Math.max(0, Math.floor(size));
  if (eligible.length <= limit) return { tokens: eligible.map((e) => e.token), extendedByTie: false };
  if (limit === 0) return { tokens: [], extendedByTie: false };
  const cutoff = eligible[limit - 1]!.materialScore;
  const chosen = eligible.filter((e, index) => index < limit || e.materialScore === cutoff);
  return { tokens: chosen.map((e) => e.token), extendedByTie: chosen.length > limit };
}

/** A final score rounded half up to hundredths of a point, for display and reports. */
export function finalScoreHundredths(final: FinalScore): Hundredths {
  return divideRoundHalfUp(final, FINAL_UNITS_PER_POINT / HUNDREDTHS_PER_POINT);
}

/** A final score shown as points (default 2 decimals, half up): `51_234_500` → `'512.35'`. */
export function formatFinalScore(final: FinalScore, decimals = 2): string {
  return formatScaled(final, 5, decimals);
}
