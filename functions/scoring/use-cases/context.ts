import { REVIEW_STAGES, type AssignmentView, type ReviewedOrganisation, type ReviewStage, type ScorecardView } from '../../../shared/api/reviews';
import type { Criteria } from '../../../shared/criteria';
import type { RoundConfig } from '../../../shared/round';
import { scorecardTotals, type Scorecard } from '../../../shared/scoring';
import type { RoundStage } from '../../../shared/stages/round';
import type { DocumentStore } from '../../lib/applications/documents';
import type { ApplicationRecord, ApplicationsRepository } from '../../lib/applications/repository';
import { configuredRound, type ConfiguredRound } from '../../lib/awards/configured-round';
import type { AwardsStore, RoundRecord } from '../../lib/awards/store';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { AssignmentRecord, ReviewsRepository, ScorecardRecord } from '../../lib/reviews/repository';
import type { PersonRecord } from '../../lib/identity/store';
import type { ReviewerProfile } from '../../../shared/conflicts';
import type { Runtime } from '../../lib/runtime';

/** What the scoring use cases need: the runtime (identity, audit log) plus awards and applications (read), reviews, documents (read). */
export type ReviewDeps = Runtime & {
  readonly awards: AwardsStore;
  readonly applications: ApplicationsRepository;
  readonly reviews: ReviewsRepository;
  /** The documents bucket, loaded on first use (presigned downloads only). */
  readonly documents: () => Promise<DocumentStore>;
};

/** A round with its parsed configuration and criteria. */
export interface ReviewRound {
  readonly round: RoundRecord;
  readonly stage: RoundStage;
  readonly config: RoundConfig;
  readonly criteria: Criteria;
}

/** Who did it, as the audit chain records it. */
export const actorOf = (session: Session) => ({ personId: session.personId, role: session.role });

const OFFICE_ROLES = new Set(['admin', 'supervisor']);
/** Administrators and supervisors (of the caller's programme) see every team. */
export const isOffice = (session: Session) => OFFICE_ROLES.has(session.role);

/** A round of the caller's programme (404 for any other) with its configuration (422 ROUND_NOT_CONFIGURED without one). */
export async function reviewRound(deps: Pick<ReviewDeps, 'awards'>, roundId: string, programmeId: string): Promise<ReviewRound> {
  return asReviewRound(await configuredRound(deps.awards, roundId, programmeId));
}

/** A configured round with its stage typed (lib/awards/configured-round: `configured` for a round already read). */
export const asReviewRound = (ctx: ConfiguredRound): ReviewRound => ({ ...ctx, stage: ctx.round.stage as RoundStage });

/** An application of the caller's programme; anything else is 404, exactly as if it did not exist. */
export async function programmeApplication(deps: Pick<ReviewDeps, 'applications'>, session: Session, applicationId: string): Promise<ApplicationRecord> {
  const app = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(applicationId) ? await deps.applications.get(applicationId) : undefined;
  if (!app || app.programmeId !== session.programmeId) throw notFound();
  return app;
}

export { reviewStage } from './review-stage';

// DOMAIN.md stage 3 → 4: only applications the office found eligible (and not withdrawn) go to material review.
/** Whether an application is in material review: submitted and found eligible. */
export const isReviewable = (app: ApplicationRecord) => app.status === 'submitted' && app.eligibility?.decision === 'eligible';

/** What an expert sees of the applicant (never the contact details). */
export const organisationOf = (app: ApplicationRecord): ReviewedOrganisation => ({
  name: app.organisation.name,
  district: app.organisation.district,
  industry: app.organisation.industry,
});

/** The view of a stored assignment. */
// Chinese names sort in pinyin order as people read them (shared/names/pinyin-order, whose dictionary is a lazy
// chunk of ~140 KiB gzip): a use case that sorts names awaits loadNameOrder() first; the same member order on the
// board and on the team's page.
let comparePinyin: (a: string, b: string) => number = new Intl.Collator('zh-CN-u-co-pinyin').compare;
/** Loads the pinyin reading of names (once) before a use case sorts by name. */
export async function loadNameOrder(): Promise<void> {
  comparePinyin = (await import('../../../shared/names/pinyin-order')).comparePinyin;
}
/** Compares two names in pinyin order (after loadNameOrder()). */
export const compareNames = (a: string, b: string) => comparePinyin(a, b);
/** Orders reviewers (assignments, cards) by name in pinyin order, then by id. */
export const byReviewerName = (a: { reviewerName: string; reviewerId: string }, b: { reviewerName: string; reviewerId: string }) =>
  comparePinyin(a.reviewerName, b.reviewerName) || (a.reviewerId < b.reviewerId ? -1 : a.reviewerId > b.reviewerId ? 1 : 0);

export function assignmentView(a: AssignmentRecord): AssignmentView {
  const { updatedAt: _u, ...view } = a;
  return view;
}

/** Statuses in which an expert has declared clear and may read the material. */
const READING = new Set(['active', 'submitted']);

/**
 * The caller's own assignments for an application, for an expert who may read
 * it: none, or only conflicted/recused ones, is 404; awaiting the declaration
 * is 403 DECLARATION_REQUIRED (ARCHITECTURE.md: only after declaring).
 */
export async function readingAssignments(deps: Pick<ReviewDeps, 'reviews'>, session: Session, app: ApplicationRecord): Promise<AssignmentRecord[]> {
  const mine = (await deps.reviews.assignments(app.roundId, app.applicationId)).filter((a) => a.reviewerId === session.personId);
  if (mine.some((a) => READING.has(a.status))) return mine;
  if (mine.some((a) => a.status === 'awaitingDeclaration')) throw new AppError('DECLARATION_REQUIRED', 403);
  throw notFound();
}

/** 422 STAGE_CLOSED unless the round is at one of `stages`. */
export function assertRoundStage(ctx: ReviewRound, ...stages: RoundStage[]): void {
  if (!stages.includes(ctx.stage)) throw new AppError('STAGE_CLOSED', 422, { roundStage: ctx.stage, expected: stages });
}

/** Items of a card that carry a percentage, as the domain's scorecard (item id → percentage). */
export function percentsOf(items: Readonly<Record<string, { readonly percent?: number | null }>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [itemId, item] of Object.entries(items)) if (item.percent !== undefined && item.percent !== null) out[itemId] = item.percent;
  return out;
}

/** The view of a card (an empty draft, version 0, before the first save). */
export function cardView(card: ScorecardRecord, criteria: Criteria): ScorecardView {
  const percents = percentsOf(card.items);
  const scored = Object.keys(percents).length;
  const complete = criteria.items.every((i) => percents[i.id] !== undefined);
  const total = complete ? scorecardTotals(percents as Scorecard, criteria).total : undefined;
  return {
    roundId: card.roundId,
    applicationId: card.applicationId,
    stage: card.stage,
    reviewerId: card.reviewerId,
    reviewerName: card.reviewerName,
    status: card.status,
    items: card.items,
    scored,
    ...(total !== undefined ? { total } : {}),
    version: card.version,
    ...(card.version > 0 ? { updatedAt: card.updatedAt } : {}),
    ...(card.submittedAt ? { submittedAt: card.submittedAt } : {}),
  };
}


// DOMAIN.md "Conflicts of interest" with the pool's data (issue 13): the employer by name and credit code, and past employers within the round's years.
/** What the system knows of an expert's employers (shared/conflicts): the current one with its credit code, and past ones until the end of their last year. */
export function reviewerProfileOf(person: PersonRecord): ReviewerProfile {
  const current = person.organisation ? [{ organisationName: person.organisation, ...(person.profile?.creditCode ? { creditCode: person.profile.creditCode } : {}) }] : [];
  const past = (person.profile?.pastEmployers ?? []).map((e) => ({ organisationName: e.name, ...(e.creditCode ? { creditCode: e.creditCode } : {}), endedOn: `${e.untilYear}-12-31` }));
  return { reviewerId: person.personId, employers: [...current, ...past] };
}

