import type * as v from 'valibot';
import type { ConsensusBody, ConsensusView, DivergenceView, ReviewStage, ScorecardView, TeamReviewResponse } from '../../../shared/api/reviews';
import { digestState, roundScope } from '../../../shared/audit/chain';
import { nodeSha256 } from '../../lib/audit/log';
import { checkScorecard, divergenceFlags, stageScore, type Scorecard } from '../../../shared/scoring';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { AssignmentRecord, CardReadRecord, ConsensusRecord, ScorecardRecord, TeamRecords } from '../../lib/reviews/repository';
import {
  actorOf,
  assertRoundStage,
  assignmentView,
  byReviewerName,
  loadNameOrder,
  cardView,
  isOffice,
  organisationOf,
  percentsOf,
  programmeApplication,
  reviewRound,
  type ReviewDeps,
  type ReviewRound,
} from './context';
import { onFreshRead } from '../../lib/audit/fresh';

/** Smallest team (submitted cards) the round requires for a stage's consensus. */
export const minTeamOf = (ctx: ReviewRound, stage: ReviewStage) => (stage === 'materialReview' ? ctx.config.teams.materialReviewMin : ctx.config.teams.onSiteMin);

/** The cards that count: submitted, by members still on the team (a recusal sets the card aside). */
export function countedCards(team: Pick<TeamRecords, 'assignments' | 'cards'>): ScorecardRecord[] {
  const submitted = new Set(team.assignments.filter((a) => a.status === 'submitted').map((a) => a.reviewerId));
  return team.cards.filter((c) => c.status === 'submitted' && submitted.has(c.reviewerId));
}

/** Divergence flags over the counted cards, in the catalogue's order. */
function flagsOf(ctx: ReviewRound, cards: readonly ScorecardRecord[]): DivergenceView[] {
  return divergenceFlags(cards.map((c) => percentsOf(c.items) as Scorecard), ctx.config.divergenceThreshold, ctx.criteria).map((f) => ({ ...f }));
}

/** The caller's own place on a team: none or conflicted is 404; before the declaration, 403 DECLARATION_REQUIRED. */
function ownMembership(team: TeamRecords, session: Session): AssignmentRecord {
  const mine = team.assignments.find((a) => a.reviewerId === session.personId);
  if (!mine || mine.status === 'conflicted') throw notFound();
  if (mine.status === 'awaitingDeclaration') throw new AppError('DECLARATION_REQUIRED', 403);
  return mine;
}

/** A card's committed hash: the digest of its view, exactly as its `scorecard.submitted` entry chained it. */
export const cardDigest = (card: ScorecardRecord, ctx: Pick<ReviewRound, 'criteria'>) => digestState(nodeSha256, cardView(card, ctx.criteria));

/** A draft as the office and supervisors see it: how far its author got, nothing of what they wrote (issue 15). */
function sealedView(card: ScorecardRecord, ctx: ReviewRound): ScorecardView {
  const { items: _items, total: _total, ...progress } = cardView(card, ctx.criteria);
  return { ...progress, items: {}, sealed: true };
}

/**
 * Whether a member may see the others' scores: only once their own card is submitted (DOMAIN.md: members score
 * independently and cannot see the others' scores until submitting). A recusal reveals nothing by itself — an expert
 * who recused before declaring, or with a draft, never scored independently (issue #16.8) — but one who recused
 * after submitting keeps what they saw.
 */
export function seesTeamScores(team: Pick<TeamRecords, 'cards'>, reviewerId: string): boolean {
  return team.cards.some((c) => c.reviewerId === reviewerId && c.status === 'submitted');
}

/**
 * Records a member's first read of each other member's card (audited `scorecard.read`, one entry for the cards first
 * read together), before the cards are answered: the independence check (shared/audit/independence.ts) then shows
 * that nobody read a teammate's card before submitting their own. A read recorded meanwhile by the same member's
 * other request is not recorded twice.
 */
async function recordReads(deps: ReviewDeps, session: Session, ctx: ReviewRound, applicationId: string, stage: ReviewStage, cards: readonly ScorecardRecord[], now: Date, requestId: string): Promise<void> {
  const others = cards.filter((c) => c.reviewerId !== session.personId);
  if (others.length === 0) return;
  const read = new Set((await deps.reviews.cardReads(ctx.round.roundId, applicationId, stage, session.personId)).map((r) => r.authorId));
  const first = others.filter((c) => !read.has(c.reviewerId));
  if (first.length === 0) return;
  const records: CardReadRecord[] = await Promise.all(
    first.map(async (c) => ({ roundId: ctx.round.roundId, applicationId, stage, readerId: session.personId, authorId: c.reviewerId, digest: await cardDigest(c, ctx), readAt: now.toISOString() })),
  );
  try {
    await deps.audit.commit({
      scope: roundScope(ctx.round.roundId),
      actor: actorOf(session),
      action: 'scorecard.read',
      target: { type: 'cardRead', id: `${applicationId}/${stage}/${session.personId}` },
      context: { applicationId, stage: ctx.stage },
      state: { cards: records.map(({ authorId, digest }) => ({ authorId, digest })) },
      requestId,
      now,
      writes: records.map((r) => deps.reviews.cardReadPut(r)),
    });
  } catch (error) {
    if (!(error instanceof WriteConditionError)) throw error;
  }
}

/**
 * One team's work. A member sees the others' counted cards (submitted, not set aside) and the divergence flags only
 * after submitting their own card ({@link seesTeamScores}; DOMAIN.md: members score independently and cannot see the
 * others' scores until submitting), and each first read is recorded. The office and supervisors see every submitted card
 * and of a draft only its progress (issue 15: nobody but the author sees a card while the team scores).
 */
export async function teamReview(deps: ReviewDeps, session: Session, applicationId: string, stage: ReviewStage, now = new Date(), requestId = 'read'): Promise<TeamReviewResponse> {
  await loadNameOrder(); // sorts by name
  const app = await programmeApplication(deps, session, applicationId);
  const ctx = await reviewRound(deps, app.roundId, session.programmeId);
  const team = await deps.reviews.team(app.roundId, applicationId, stage);
  const office = isOffice(session);
  const mine = office ? undefined : ownMembership(team, session);
  const seesOthers = office || (mine !== undefined && seesTeamScores(team, mine.reviewerId));
  // A recused member's card is set aside: it no longer informs the team (the office still sees it).
  const counted = countedCards(team);
  const visible = team.cards.filter((c) => office || c.reviewerId === session.personId || (seesOthers && counted.includes(c)));
  if (!office) await recordReads(deps, session, ctx, applicationId, stage, visible, now, requestId);
  const members = new Set(team.assignments.map((a) => a.reviewerId));
  const scorecards: ScorecardView[] = [...visible]
    .sort(byReviewerName)
    .map((c) => (office && c.status !== 'submitted' ? sealedView(c, ctx) : cardView(c, ctx.criteria)));
  return {
    roundId: app.roundId,
    applicationId,
    stage,
    organisation: organisationOf(app),
    roundStage: ctx.stage,
    members: [...team.assignments].sort(byReviewerName).map(assignmentView),
    // What another member declared (a relative working there …) is for the office and supervisors, not for the team.
    declarations: team.declarations
      .filter((d) => members.has(d.reviewerId) && (office || d.reviewerId === session.personId))
      .sort((a, b) => (a.declaredAt < b.declaredAt ? -1 : 1)),
    scorecards,
    flags: seesOthers ? flagsOf(ctx, counted) : [],
    minTeam: minTeamOf(ctx, stage),
    divergenceThreshold: ctx.config.divergenceThreshold,
    ...(team.consensus && seesOthers ? { consensus: team.consensus } : {}),
  };
}

/**
 * One card, for the office and supervisors (a submitted card) or a member of its team (their own, or another's
 * counted card once they submitted their own; recorded as a read). Anyone else's draft is 403 CARD_SEALED.
 */
export async function readTeamCard(deps: ReviewDeps, session: Session, applicationId: string, stage: ReviewStage, reviewerId: string, now: Date, requestId: string): Promise<ScorecardView> {
  const app = await programmeApplication(deps, session, applicationId);
  const ctx = await reviewRound(deps, app.roundId, session.programmeId);
  const team = await deps.reviews.team(app.roundId, applicationId, stage);
  const card = team.cards.find((c) => c.reviewerId === reviewerId);
  const office = isOffice(session);
  const mine = office ? undefined : ownMembership(team, session);
  if (!card || (!office && !team.assignments.some((a) => a.reviewerId === reviewerId))) throw notFound();
  if (reviewerId === session.personId) return cardView(card, ctx.criteria);
  if (card.status !== 'submitted') throw new AppError('CARD_SEALED', 403);
  if (!office) {
    if (!mine || !seesTeamScores(team, mine.reviewerId)) throw new AppError('CARD_SEALED', 403);
    if (!countedCards(team).includes(card)) throw notFound();
    await recordReads(deps, session, ctx, applicationId, stage, [card], now, requestId);
  }
  return cardView(card, ctx.criteria);
}

/** One consensus item as stored: the agreed strengths and opportunities only when given (issue 12). */
function consensusItem(item: v.InferInput<typeof ConsensusBody>['items'][string]): ConsensusView['items'][string] {
  return {
    percent: item.percent,
    rationale: item.rationale,
    ...(item.strengths ? { strengths: item.strengths } : {}),
    ...(item.opportunities ? { opportunities: item.opportunities } : {}),
  };
}

/** The key themes per category the leader gave, blank ones left out; a theme for no category of the round is refused. */
function agreedThemes(ctx: ReviewRound, given: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [categoryId, text] of Object.entries(given ?? {})) {
    if (!ctx.criteria.categories.some((c) => c.id === categoryId)) throw new AppError('UNKNOWN_CATEGORY', 422, { categoryId }, { categoryId });
    if (text) out[categoryId] = text;
  }
  return out;
}

/**
 * The leader records the team's consensus, once (DOMAIN.md stages 4–5): the
 * round at the stage, every member submitted or stepped aside, enough
 * submitted cards, a percentage for every item and a rationale for every
 * flagged one. The stage score is the consensus card's exact totals.
 */
export async function recordConsensus(
  deps: ReviewDeps,
  session: Session,
  applicationId: string,
  stage: ReviewStage,
  input: v.InferInput<typeof ConsensusBody>,
  now: Date,
  requestId: string,
): Promise<ConsensusView> {
  await loadNameOrder(); // sorts by name
  const app = await programmeApplication(deps, session, applicationId);
  return onFreshRead(async () => {
    const ctx = await reviewRound(deps, app.roundId, session.programmeId);
    const team = await deps.reviews.team(app.roundId, applicationId, stage);
    const mine = team.assignments.find((a) => a.reviewerId === session.personId);
    if (!mine || mine.status === 'conflicted') throw notFound();
    if (!mine.leader || mine.status === 'recused') throw new AppError('NOT_LEADER', 403);
    if (team.consensus) throw new AppError('CONSENSUS_RECORDED', 409);
    assertRoundStage(ctx, stage);
    const open = team.assignments.filter((a) => a.status === 'awaitingDeclaration' || a.status === 'active');
    if (open.length > 0) throw new AppError('ASSIGNMENTS_INCOMPLETE', 422, { count: open.length, reviewerIds: open.map((a) => a.reviewerId) }, { count: open.length });
    const counted = countedCards(team);
    const min = minTeamOf(ctx, stage);
    if (counted.length < min) throw new AppError('TEAM_TOO_SMALL', 422, { min, count: counted.length }, { min, count: counted.length });

    const entered = Object.fromEntries(Object.entries(input.items).map(([itemId, item]) => [itemId, item.percent]));
    const issues = checkScorecard(entered, ctx.criteria, { complete: true });
    const wrong = issues.find((i) => i.code !== 'MISSING_ITEM_SCORE');
    if (wrong) throw new AppError(wrong.code, 422, { issues }, { itemId: wrong.itemId, value: String(wrong.value ?? '') });
    const missing = issues.find((i) => i.code === 'MISSING_ITEM_SCORE');
    if (missing) throw new AppError('CONSENSUS_INCOMPLETE', 422, { itemId: missing.itemId, missing: issues.map((i) => i.itemId) }, { itemId: missing.itemId });
    const flags = flagsOf(ctx, counted);
    const unexplained = flags.find((f) => !input.items[f.itemId]?.rationale);
    if (unexplained) throw new AppError('RATIONALE_REQUIRED', 422, { itemId: unexplained.itemId, flag: unexplained }, { itemId: unexplained.itemId });

    const themes = agreedThemes(ctx, input.themes);
    if (input.findings && stage !== 'onSite') throw new AppError('FINDINGS_ONSITE_ONLY', 422);

    const score = stageScore(entered as Scorecard, ctx.criteria);
    const consensus: ConsensusRecord = {
      roundId: app.roundId,
      applicationId,
      stage,
      items: Object.fromEntries(ctx.criteria.items.map((i) => [i.id, consensusItem(input.items[i.id]!)])),
      // The feedback report's texts (issue 12): stored only when given, so a consensus without them reads as before.
      ...(Object.keys(themes).length ? { themes } : {}),
      ...(input.findings ? { findings: input.findings } : {}),
      categories: score.categories,
      total: score.total,
      flags,
      recordedBy: session.personId,
      recordedByName: mine.reviewerName,
      recordedAt: now.toISOString(),
      basedOn: counted.length,
      // The consensus names the cards it was based on by their committed hashes (issue 15).
      cards: await Promise.all([...counted].sort(byReviewerName).map(async (c) => ({ reviewerId: c.reviewerId, digest: await cardDigest(c, ctx) }))),
    };
    try {
      await deps.audit.commit({
        scope: roundScope(app.roundId),
        actor: actorOf(session),
        action: 'consensus.recorded',
        target: { type: 'consensus', id: `${applicationId}/${stage}` },
        context: { applicationId, stage: ctx.stage },
        state: consensus,
        requestId,
        now,
        // Every member as read, and no member added since: a recusal, a late card or a new assignment meanwhile
        // makes the consensus read the team again.
        writes: [
          deps.reviews.consensusPut(consensus),
          ...team.assignments.map((a) => deps.reviews.assignmentUnchanged(a)),
          deps.reviews.rosterUnchanged(app.roundId, applicationId, stage, team.assignments.length),
        ],
      });
    } catch (error) {
      if (error instanceof WriteConditionError && error.index === 0) throw new AppError('CONSENSUS_RECORDED', 409);
      throw error;
    }
    return consensus;
  });
}
