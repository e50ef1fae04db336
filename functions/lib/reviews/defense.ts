import type { DefenseSeatStatus } from '../../../shared/api/defense';
import { divideRoundHalfUp } from '../../../shared/scoring/exact';

// DOMAIN.md stage 6: the panel hears the shortlisted applications that have their on-site consensus (and were not withdrawn).
/** The ids of the applications before a round's defense panel, in the order of `applications`. */
export function applicationsBeforePanel<T extends { readonly applicationId: string; readonly status: string }>(
  applications: readonly T[],
  shortlist: readonly { readonly applicationId: string; readonly shortlisted: boolean }[],
  consensus: readonly { readonly applicationId: string; readonly stage: string }[],
): T[] {
  const shortlisted = new Set(shortlist.filter((s) => s.shortlisted).map((s) => s.applicationId));
  const onSite = new Set(consensus.filter((c) => c.stage === 'onSite').map((c) => c.applicationId));
  return applications.filter((a) => a.status === 'submitted' && shortlisted.has(a.applicationId) && onSite.has(a.applicationId));
}

/** Where a panel member stands on one application: from their declaration (its conflicts, declared or detected) and their score. */
export function seatStatus(
  declaration: { readonly conflicts: readonly unknown[] } | undefined,
  score: { readonly status: string } | undefined,
): DefenseSeatStatus {
  if (!declaration) return 'awaitingDeclaration';
  if (declaration.conflicts.length > 0) return 'conflicted';
  return score?.status === 'submitted' ? 'submitted' : 'scoring';
}

/** Seats still owing work: to declare, or to score. */
export const isPendingSeat = (status: DefenseSeatStatus) => status === 'awaitingDeclaration' || status === 'scoring';

/**
 * The panel score (hundredths): the mean of the submitted scores, rounded half
 * up to hundredths of a point, once no seat is pending and at least `min`
 * scores are in; undefined before.
 */
export function panelScoreOf(statuses: readonly DefenseSeatStatus[], submitted: readonly number[], min: number): number | undefined {
  if (statuses.some(isPendingSeat) || submitted.length === 0 || submitted.length < min) return undefined;
  return divideRoundHalfUp(submitted.reduce((sum, s) => sum + s, 0), submitted.length);
}

/** What a round's defense holds, as far as seats and panel scores need it. */
export interface DefenseProgress {
  /** The panel; a member the office took off it (`removed`) holds no seat and their scores are set aside. */
  readonly panel: readonly { readonly reviewerId: string; readonly removed?: boolean }[];
  readonly declarations: readonly { readonly applicationId: string; readonly reviewerId: string; readonly conflicts: readonly unknown[] }[];
  readonly scores: readonly { readonly applicationId: string; readonly reviewerId: string; readonly status: string; readonly score?: number }[];
}

/**
 * Every seated panel member's seat on one application (in the panel's order) and its panel score once there is one;
 * members taken off the panel hold no seat, so they owe no work and their scores never count.
 */
export function defenseOutcome(applicationId: string, progress: DefenseProgress, min: number): { seats: { reviewerId: string; status: DefenseSeatStatus }[]; panelScore?: number } {
  const seats = progress.panel.filter((m) => !m.removed).map(({ reviewerId }) => ({
    reviewerId,
    status: seatStatus(
      progress.declarations.find((d) => d.applicationId === applicationId && d.reviewerId === reviewerId),
      progress.scores.find((s) => s.applicationId === applicationId && s.reviewerId === reviewerId),
    ),
  }));
  const submittedBy = new Set(seats.filter((s) => s.status === 'submitted').map((s) => s.reviewerId));
  const submitted = progress.scores.filter((s) => s.applicationId === applicationId && submittedBy.has(s.reviewerId) && s.score !== undefined).map((s) => s.score!);
  const panelScore = panelScoreOf(seats.map((s) => s.status), submitted, min);
  return { seats, ...(panelScore !== undefined ? { panelScore } : {}) };
}

// DOMAIN.md stage 6 → 7: the defense is done when every seat has declared and scored (or is conflicted) and every
// application before the panel has its panel score — so a panel never formed, or too small, keeps the round here.
/** Open work of the defense: pending seats over the applications before the panel, plus those applications without a panel score. */
export function openDefenseWork(applicationIds: readonly string[], progress: DefenseProgress, min: number): number {
  let open = 0;
  for (const applicationId of applicationIds) {
    const outcome = defenseOutcome(applicationId, progress, min);
    open += outcome.seats.filter((s) => isPendingSeat(s.status)).length + (outcome.panelScore === undefined ? 1 : 0);
  }
  return open;
}
