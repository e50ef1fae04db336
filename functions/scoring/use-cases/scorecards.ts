import type * as v from 'valibot';
import type { CardItemView, ReviewStage, SaveScorecardBody, ScorecardView, SubmitScorecardBody } from '../../../shared/api/reviews';
import { roundScope } from '../../../shared/audit/chain';
import { checkScorecard } from '../../../shared/scoring';
import type { ApplicationRecord } from '../../lib/applications/repository';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { AssignmentRecord, ScorecardRecord } from '../../lib/reviews/repository';
import { configured } from '../../lib/awards/configured-round';
import { readTogether } from '../../lib/dynamo';
import { actorOf, asReviewRound, assertRoundStage, cardView, percentsOf, programmeApplication, type ReviewDeps, type ReviewRound } from './context';

/** What a card needs of its application: its round and programme, which never change once it is registered. */
type CardApplication = Pick<ApplicationRecord, 'applicationId' | 'roundId' | 'programmeId'>;

// An expert saves the same card every few seconds while scoring (autosave): a warm container keeps each
// application's round and programme, so a save reads the application once, not every time (issue 11). Only facts
// that never change are kept; everything that does (the assignment, the round, the card) is read on every request.
const cardApplications = new Map<string, CardApplication>();
const CARD_APPLICATIONS_KEPT = 2000;

/** The caller's programme's application (any other: 404, as programmeApplication answers), from what is kept when known. */
async function cardApplication(deps: ReviewDeps, session: Session, applicationId: string): Promise<CardApplication> {
  const known = cardApplications.get(applicationId);
  if (known) {
    if (known.programmeId !== session.programmeId) throw notFound();
    return known;
  }
  const app = await programmeApplication(deps, session, applicationId);
  const kept: CardApplication = { applicationId: app.applicationId, roundId: app.roundId, programmeId: app.programmeId };
  if (cardApplications.size >= CARD_APPLICATIONS_KEPT) cardApplications.delete(cardApplications.keys().next().value!);
  cardApplications.set(applicationId, kept);
  return kept;
}

/** The caller's own assignment for a team: none or conflicted is 404; before the declaration, 403 DECLARATION_REQUIRED. */
async function ownAssignment(deps: ReviewDeps, session: Session, app: CardApplication, stage: ReviewStage): Promise<AssignmentRecord> {
  return scoringAssignment(await deps.reviews.assignment(app.roundId, app.applicationId, stage, session.personId));
}

function scoringAssignment(assignment: AssignmentRecord | undefined): AssignmentRecord {
  if (!assignment || assignment.status === 'conflicted') throw notFound();
  if (assignment.status === 'awaitingDeclaration') throw new AppError('DECLARATION_REQUIRED', 403);
  return assignment;
}

const emptyCard = (assignment: AssignmentRecord): ScorecardRecord => ({
  roundId: assignment.roundId,
  applicationId: assignment.applicationId,
  stage: assignment.stage,
  reviewerId: assignment.reviewerId,
  reviewerName: assignment.reviewerName,
  status: 'draft',
  items: {},
  version: 0,
  updatedAt: '',
});

/** The expert's own card for a stage: an empty draft, version 0, before the first save. */
export async function readCard(deps: ReviewDeps, session: Session, applicationId: string, stage: ReviewStage): Promise<ScorecardView> {
  const app = await cardApplication(deps, session, applicationId);
  const reads = await cardReads(deps, session, app, stage);
  const assignment = reads.assignment();
  const ctx = reads.round();
  return cardView(reads.card() ?? emptyCard(assignment), ctx.criteria);
}

/**
 * The caller's assignment, the round and the card, read together (each needs only the application's round): one
 * BatchGetItem across the reviews and awards tables instead of three reads at the deadline (issue 11). Each value's
 * refusal is raised when it is taken, so a use case that takes them in the old order answers exactly what the
 * sequential reads answered; the writes stay guarded by their conditions (card version, assignment unchanged), so
 * reading together changes nothing stored.
 */
async function cardReads(deps: ReviewDeps, session: Session, app: CardApplication, stage: ReviewStage) {
  const [assignment, round, card] = await readTogether(deps.clients.ddb, [
    deps.reviews.assignmentRead(app.roundId, app.applicationId, stage, session.personId),
    deps.awards.roundRead(session.programmeId, app.roundId),
    deps.reviews.cardRead(app.roundId, app.applicationId, stage, session.personId),
  ]);
  return {
    assignment: () => scoringAssignment(assignment),
    round: (): ReviewRound => asReviewRound(configured(round, session.programmeId)),
    card: () => card,
  };
}

/** 409 unless the assignment can still be scored: submitted (CARD_SUBMITTED) or recused (ASSIGNMENT_CLOSED). */
function assertScoring(assignment: AssignmentRecord): void {
  if (assignment.status === 'submitted') throw new AppError('CARD_SUBMITTED', 409);
  if (assignment.status !== 'active') throw new AppError('ASSIGNMENT_CLOSED', 409, { status: assignment.status });
}

/** Why a card write lost its condition, from a fresh read: submitted or closed meanwhile, else a stale version. */
async function lostWrite(deps: ReviewDeps, session: Session, app: CardApplication, stage: ReviewStage): Promise<AppError> {
  const assignment = await ownAssignment(deps, session, app, stage);
  try {
    assertScoring(assignment);
  } catch (error) {
    return error as AppError;
  }
  return new AppError('CONFLICT', 409);
}

// Every text is at most 1,000 UTF-16 units (≤ 3 UTF-8 bytes each), 2 per item, 23 items: under 140 KB, well within DynamoDB's 400 KB.
/** The items as stored: only catalogue items (checked before), blanks dropped, percentages kept. */
function storedItems(items: v.InferOutput<typeof SaveScorecardBody>['items']): Record<string, CardItemView> {
  const out: Record<string, CardItemView> = {};
  for (const [itemId, item] of Object.entries(items)) {
    const percent = item.percent ?? undefined;
    if (percent === undefined && !item.strengths && !item.opportunities) continue;
    out[itemId] = { ...(percent !== undefined ? { percent } : {}), strengths: item.strengths, opportunities: item.opportunities };
  }
  return out;
}

/** 422 with the first problem of an entered card (unknown item, off-grid percentage) and all of them as details. */
function assertValidItems(ctx: ReviewRound, items: Readonly<Record<string, { readonly percent?: number | null }>>): void {
  const entered: Record<string, unknown> = {};
  for (const [itemId, item] of Object.entries(items)) entered[itemId] = item.percent ?? undefined;
  const issues = checkScorecard(entered, ctx.criteria, { complete: false });
  const first = issues[0];
  if (first) throw new AppError(first.code, 422, { issues }, { itemId: first.itemId, value: String(first.value ?? '') });
}

/**
 * Saves the expert's whole draft card, based on the version read (stale: 409
 * CONFLICT): only their own, only while the assignment is active and the
 * round is at the card's stage, only catalogue items on the 5-point grid.
 */
export async function saveCard(
  deps: ReviewDeps,
  session: Session,
  applicationId: string,
  stage: ReviewStage,
  input: v.InferOutput<typeof SaveScorecardBody>,
  now: Date,
  requestId: string,
): Promise<ScorecardView> {
  const app = await cardApplication(deps, session, applicationId);
  const reads = await cardReads(deps, session, app, stage);
  const assignment = reads.assignment();
  assertScoring(assignment);
  const ctx = reads.round();
  assertRoundStage(ctx, stage);
  assertValidItems(ctx, input.items);
  const current = reads.card() ?? emptyCard(assignment);
  if (current.status === 'submitted') throw new AppError('CARD_SUBMITTED', 409);
  if (current.version !== input.version) throw new AppError('CONFLICT', 409, { version: current.version });
  const next: ScorecardRecord = { ...current, reviewerName: assignment.reviewerName, items: storedItems(input.items), version: current.version + 1, updatedAt: now.toISOString() };
  try {
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'scorecard.saved',
      target: { type: 'scorecard', id: `${applicationId}/${stage}/${session.personId}` },
      context: { applicationId, stage: ctx.stage },
      state: next,
      requestId,
      now,
      writes: [deps.reviews.cardPut(next, current.version), deps.reviews.assignmentUnchanged(assignment)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw await lostWrite(deps, session, app, stage);
    throw error;
  }
  return cardView(next, ctx.criteria);
}

/**
 * Submits the saved card (DOMAIN.md: independent scores, then the team sees
 * them): every item scored, at the version read; the card and the assignment
 * change together and never again. A retry answers the submitted card.
 */
export async function submitCard(
  deps: ReviewDeps,
  session: Session,
  applicationId: string,
  stage: ReviewStage,
  input: v.InferOutput<typeof SubmitScorecardBody>,
  now: Date,
  requestId: string,
): Promise<ScorecardView> {
  const app = await cardApplication(deps, session, applicationId);
  const reads = await cardReads(deps, session, app, stage);
  const assignment = reads.assignment();
  const ctx = reads.round();
  const current = reads.card() ?? emptyCard(assignment);
  if (current.status === 'submitted') return cardView(current, ctx.criteria);
  assertScoring(assignment);
  assertRoundStage(ctx, stage);
  // Never saved: nothing to submit yet, whatever version the page sent.
  if (current.version > 0 && current.version !== input.version) throw new AppError('CONFLICT', 409, { version: current.version });
  const missing = checkScorecard(percentsOf(current.items), ctx.criteria, { complete: true }).filter((i) => i.code === 'MISSING_ITEM_SCORE');
  if (missing.length > 0) throw new AppError('CARD_INCOMPLETE', 422, { count: missing.length, missing: missing.map((i) => i.itemId) }, { count: missing.length });
  const at = now.toISOString();
  const next: ScorecardRecord = { ...current, status: 'submitted', version: current.version + 1, updatedAt: at, submittedAt: at };
  const submitted: AssignmentRecord = { ...assignment, status: 'submitted', version: assignment.version + 1, updatedAt: at };
  const view = cardView(next, ctx.criteria);
  try {
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'scorecard.submitted',
      target: { type: 'scorecard', id: `${applicationId}/${stage}/${session.personId}` },
      context: { applicationId, stage: ctx.stage },
      state: view,
      requestId,
      now,
      writes: [deps.reviews.cardPut(next, current.version), deps.reviews.assignmentUpdate(submitted, assignment.version)],
    });
  } catch (error) {
    if (!(error instanceof WriteConditionError)) throw error;
    // A concurrent press of the same button submitted it first: answer the submitted card.
    const fresh = await deps.reviews.card(app.roundId, applicationId, stage, session.personId);
    if (fresh?.status === 'submitted') return cardView(fresh, ctx.criteria);
    throw await lostWrite(deps, session, app, stage);
  }
  return view;
}
