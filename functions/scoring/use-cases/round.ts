import { randomUUID } from 'node:crypto';
import { REVIEW_STAGES, type ApplicationReviewSummary, type RoundReviewsResponse, type ShortlistResponse } from '../../../shared/api/reviews';
import { roundScope } from '../../../shared/audit/chain';
import { siteVisitShortlist } from '../../../shared/scoring';
import type { ApplicationRecord } from '../../lib/applications/repository';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { ShortlistRecord } from '../../lib/reviews/repository';
import { actorOf, assertRoundStage, assignmentView, byReviewerName, compareNames, isReviewable, loadNameOrder, organisationOf, reviewRound, type ReviewDeps } from './context';

/** Orders applications by organisation name in pinyin order as people read it (重庆 under C, 银行 yín háng). */
export const byOrganisation = (a: ApplicationRecord, b: ApplicationRecord) => compareNames(a.organisation.name, b.organisation.name);

/**
 * Every eligible application's reviews in a round, for the office's board and
 * the supervisors' overview: teams with each member's status, submitted
 * cards, consensus totals, shortlist decisions, every declaration and
 * recusal. One query per kind of record, never the cards themselves.
 */
export async function roundReviews(deps: ReviewDeps, session: Session, roundId: string): Promise<RoundReviewsResponse> {
  await loadNameOrder(); // sorts by name
  const ctx = await reviewRound(deps, roundId, session.programmeId);
  const [apps, assignments, declarations, consensuses, shortlist] = await Promise.all([
    deps.applications.listRound(roundId),
    deps.reviews.assignments(roundId),
    deps.reviews.declarations(roundId),
    deps.reviews.consensuses(roundId),
    deps.reviews.shortlist(roundId),
  ]);
  const assigned = new Set(assignments.map((a) => a.applicationId));
  const shown = apps.filter((a) => isReviewable(a) || assigned.has(a.applicationId)).sort(byOrganisation);
  const applications: ApplicationReviewSummary[] = shown.map((app) => {
    const stages: Record<string, ApplicationReviewSummary['stages'][keyof ApplicationReviewSummary['stages']]> = {};
    for (const stage of REVIEW_STAGES) {
      const members = assignments.filter((a) => a.applicationId === app.applicationId && a.stage === stage);
      const consensus = consensuses.find((c) => c.applicationId === app.applicationId && c.stage === stage);
      if (members.length === 0 && !consensus) continue;
      stages[stage] = {
        members: [...members].sort(byReviewerName).map(assignmentView),
        submittedCards: members.filter((m) => m.status === 'submitted').length,
        ...(consensus ? { consensus: { total: consensus.total, recordedAt: consensus.recordedAt } } : {}),
      };
    }
    const decision = shortlist.find((s) => s.applicationId === app.applicationId);
    return {
      applicationId: app.applicationId,
      organisation: organisationOf(app),
      stages,
      ...(decision ? { shortlist: { shortlisted: decision.shortlisted, decidedAt: decision.decidedAt } } : {}),
    };
  });
  const recusals = assignments
    .filter((a) => a.recusal)
    .map((a) => ({ ...a.recusal!, applicationId: a.applicationId, stage: a.stage, reviewerId: a.reviewerId, reviewerName: a.reviewerName }))
    .sort((a, b) => (a.at < b.at ? -1 : 1));
  return {
    roundId,
    roundName: { 'zh-CN': ctx.round.name['zh-CN'], en: ctx.round.name.en },
    roundStage: ctx.stage,
    roundVersion: ctx.round.version,
    minTeam: { materialReview: ctx.config.teams.materialReviewMin, onSite: ctx.config.teams.onSiteMin },
    shortlistSize: ctx.config.siteVisitShortlistSize,
    applications,
    declarations: [...declarations].sort((a, b) => (a.declaredAt < b.declaredAt ? -1 : 1)),
    recusals,
  };
}

/**
 * The site-visit shortlist (DOMAIN.md "Site visits"): once every eligible
 * application has its material consensus, the top N by material score at or
 * above the threshold, a tie at the cut taken whole, chosen over anonymous
 * tokens so no name reaches the choice. One audited decision per
 * application; the choice depends on the scores alone, so a retry after a
 * partial failure writes only the decisions still missing.
 */
export async function decideShortlist(deps: ReviewDeps, session: Session, roundId: string, now: Date, requestId: string): Promise<ShortlistResponse> {
  await loadNameOrder(); // sorts by name
  const ctx = await reviewRound(deps, roundId, session.programmeId);
  assertRoundStage(ctx, 'materialReview');
  const [apps, consensuses, decided] = await Promise.all([
    deps.applications.listRound(roundId),
    deps.reviews.consensuses(roundId),
    deps.reviews.shortlist(roundId),
  ]);
  const reviewable = apps.filter(isReviewable);
  const material = new Map(consensuses.filter((c) => c.stage === 'materialReview').map((c) => [c.applicationId, c.total]));
  const pending = reviewable.filter((a) => !material.has(a.applicationId));
  if (pending.length > 0) throw new AppError('REVIEWS_PENDING', 422, { count: pending.length, applicationIds: pending.map((a) => a.applicationId) }, { count: pending.length });
  const already = new Map(decided.map((d) => [d.applicationId, d]));
  if (reviewable.length > 0 && reviewable.every((a) => already.has(a.applicationId))) throw new AppError('SHORTLIST_DECIDED', 409);

  const tokens = new Map<string, ApplicationRecord>(reviewable.map((a) => [randomUUID(), a]));
  const entries = [...tokens].map(([token, app]) => ({ token, materialScore: material.get(app.applicationId)! }));
  const chosen = siteVisitShortlist(entries, ctx.config.siteVisitShortlistSize, ctx.config.candidateThreshold);
  const shortlisted = new Set(chosen.tokens.map((t) => tokens.get(t)!.applicationId));

  const at = now.toISOString();
  for (const app of reviewable) {
    if (already.has(app.applicationId)) continue;
    const decision: ShortlistRecord = {
      roundId,
      applicationId: app.applicationId,
      shortlisted: shortlisted.has(app.applicationId),
      materialScore: material.get(app.applicationId)!,
      decidedAt: at,
      decidedBy: session.personId,
    };
    try {
      await deps.audit.commit({
        scope: roundScope(roundId),
        actor: actorOf(session),
        action: 'application.shortlistDecided',
        target: { type: 'application', id: app.applicationId },
        context: { applicationId: app.applicationId, stage: ctx.stage },
        state: decision,
        requestId,
        now,
        writes: [deps.reviews.shortlistPut(decision)],
      });
    } catch (error) {
      // Decided meanwhile by a concurrent request of the office: same scores, same decision.
      if (!(error instanceof WriteConditionError)) throw error;
    }
  }
  const decisions = reviewable
    .map((app) => ({
      applicationId: app.applicationId,
      organisation: organisationOf(app),
      materialScore: material.get(app.applicationId)!,
      shortlisted: already.get(app.applicationId)?.shortlisted ?? shortlisted.has(app.applicationId),
    }))
    .sort((a, b) => b.materialScore - a.materialScore || compareNames(a.organisation.name, b.organisation.name));
  return { roundId, size: ctx.config.siteVisitShortlistSize, extendedByTie: chosen.extendedByTie, decisions };
}
