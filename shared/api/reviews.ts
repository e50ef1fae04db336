import * as v from 'valibot';
import { CONFLICT_KINDS, type ConflictKind } from '../conflicts';
import { ROUND_STAGES, type RoundStage } from '../stages/round';
import type { PublicationKind } from './outcome';

/**
 * Material review and on-site evaluation (DOMAIN.md stages 4 and 5): the
 * office assigns a team of experts with a leader to an application; each
 * expert declares conflicts of interest before seeing any material, scores
 * the 23 items independently (0–100 %, multiples of 5, with strengths and
 * opportunities for improvement) and submits; the leader records the
 * consensus with a rationale. Everything here is read-only for supervisors.
 */

// The plain constants live in ./review-stages.ts, so that a page or a handler needing only them does not load valibot.
export { REVIEW_NOTE_MAX_CHARS, REVIEW_STAGES, REVIEW_TEXT_MAX_CHARS, type ReviewStage } from './review-stages';
import { REVIEW_FINDINGS_MAX_CHARS, REVIEW_NOTE_MAX_CHARS, REVIEW_STAGES, REVIEW_TEXT_MAX_CHARS, type ReviewStage } from './review-stages';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[A-Za-z0-9_-]+$/));
const Text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));
const IsoDate = v.pipe(v.string(), v.isoDate());
/** A percentage on the 5-point grid (0, 5 … 100). */
export const PercentSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100), v.multipleOf(5));

/** POST /api/scoring/applications/{applicationId}/assignments — the office assigns an expert (admin). */
export const CreateAssignmentBody = v.object({
  stage: v.picklist(REVIEW_STAGES),
  /** An active expert of the programme. */
  reviewerId: Id,
  /** The team's leader (组长), who records the consensus; one per team. */
  leader: v.optional(v.boolean(), false),
  /** Why the office chose this expert by hand instead of drawing (shown to supervisors; the board asks for it). */
  reason: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(REVIEW_NOTE_MAX_CHARS))),
});

/** One relation the expert declares with the applicant. */
export const DeclaredRelationSchema = v.object({
  kind: v.picklist(CONFLICT_KINDS),
  /** For past employment: the day it ended. */
  endedOn: v.optional(IsoDate),
  note: v.optional(Text(REVIEW_NOTE_MAX_CHARS)),
});

/** POST /api/scoring/applications/{applicationId}/declaration — the expert's declaration for this applicant, once. */
export const DeclarationBody = v.object({
  /** Every relation with the applicant; empty when there is none. */
  relations: v.pipe(v.array(DeclaredRelationSchema), v.maxLength(CONFLICT_KINDS.length * 2)),
  /** Confidentiality declaration (保密声明). Both must be signed. */
  confidentialitySigned: v.boolean(),
  /** Impartiality declaration (公正性声明). */
  impartialitySigned: v.boolean(),
});

/** POST …/assignments/{stage}/{reviewerId}/recusal — the expert (or the office) logs a recusal during review. */
export const RecusalBody = v.object({
  reason: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(REVIEW_NOTE_MAX_CHARS)),
});

/** One item of a scorecard as entered: a draft may leave the percentage out. */
export const CardItemSchema = v.object({
  percent: v.optional(v.nullable(PercentSchema)),
  strengths: v.optional(Text(REVIEW_TEXT_MAX_CHARS), ''),
  opportunities: v.optional(Text(REVIEW_TEXT_MAX_CHARS), ''),
});

/** PUT /api/scoring/applications/{applicationId}/scorecards/{stage}/mine — save the whole draft, based on the version read. */
export const SaveScorecardBody = v.object({
  /** Keyed by item id (`4.1.2` …); items left out are blank. */
  items: v.record(v.pipe(v.string(), v.maxLength(16)), CardItemSchema),
  /** The version the page read (0 for a new card); stale: 409 CONFLICT. */
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** POST …/scorecards/{stage}/mine/submit — submit the saved card: every item scored; then it cannot change. */
export const SubmitScorecardBody = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/** One consensus item: the team's percentage and the leader's rationale; the strengths and opportunities the team agreed (issue 12, optional). */
export const ConsensusItemSchema = v.object({
  percent: PercentSchema,
  rationale: Text(REVIEW_TEXT_MAX_CHARS),
  strengths: v.optional(Text(REVIEW_TEXT_MAX_CHARS), ''),
  opportunities: v.optional(Text(REVIEW_TEXT_MAX_CHARS), ''),
});

/** POST /api/scoring/applications/{applicationId}/reviews/{stage}/consensus — the leader records the consensus, once. */
export const ConsensusBody = v.object({
  /** Every item of the round's criteria; a rationale is required for items flagged as divergent. */
  items: v.record(v.pipe(v.string(), v.maxLength(16)), ConsensusItemSchema),
  /** Key themes per category (`4.1` …) for the feedback report (issue 12); optional. */
  themes: v.optional(v.record(v.pipe(v.string(), v.maxLength(16)), Text(REVIEW_TEXT_MAX_CHARS))),
  /** On-site evaluation: the site team's findings for the feedback report; optional. */
  findings: v.optional(Text(REVIEW_FINDINGS_MAX_CHARS)),
});

/** POST /api/publication/rounds/{roundId}/stage — the office moves the round one stage on. */
export const MoveRoundBody = v.object({
  to: v.picklist(ROUND_STAGES),
  /** The round version the page read; stale: 409 CONFLICT. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/**
 * Where one expert's assignment stands:
 * `awaitingDeclaration` (assigned, must declare before seeing anything),
 * `conflicted` (declared a conflict: blocked, the office assigns someone else),
 * `active` (declared clear, scoring), `submitted` (card submitted),
 * `recused` (stepped aside during review, with a reason).
 */
export type AssignmentStatus = 'awaitingDeclaration' | 'conflicted' | 'active' | 'submitted' | 'recused';

/** A conflict found for an assignment: declared by the expert or detected by the system. */
export interface ConflictView {
  readonly source: 'declared' | 'detected';
  readonly kind: ConflictKind;
}

/** An expert's declaration for one applicant (kept whatever it says). */
export interface DeclarationView {
  readonly roundId: string;
  readonly applicationId: string;
  readonly reviewerId: string;
  readonly reviewerName: string;
  readonly declaredAt: string;
  readonly relations: readonly { readonly kind: ConflictKind; readonly endedOn?: string; readonly note?: string }[];
  readonly confidentialitySigned: boolean;
  readonly impartialitySigned: boolean;
  /** The relations that are conflicts at the time of declaring; empty means clear. */
  readonly conflicts: readonly ConflictView[];
}

/** A recusal logged during review. */
export interface RecusalView {
  readonly reason: string;
  readonly at: string;
  /** Who logged it: the expert themself or an administrator. */
  readonly by: string;
  readonly byName: string;
}

/** What an expert sees of the applicant before and after declaring (never the contact details). */
export interface ReviewedOrganisation {
  readonly name: string;
  readonly district: string;
  readonly industry: string;
}

/** One expert's assignment to one application for one stage. */
export interface AssignmentView {
  readonly roundId: string;
  readonly applicationId: string;
  readonly stage: ReviewStage;
  readonly reviewerId: string;
  readonly reviewerName: string;
  readonly leader: boolean;
  readonly status: AssignmentStatus;
  readonly organisation: ReviewedOrganisation;
  readonly assignedAt: string;
  readonly assignedBy: string;
  readonly recusal?: RecusalView;
  /** Set when the member came from a random draw (shared/draw); absent for a manual assignment. */
  readonly drawId?: string;
  /** The office's reason for a manual choice. */
  readonly manualReason?: string;
  readonly version: number;
}

/** GET /api/scoring/assignments/mine — the expert's own assignments, newest round first. */
export interface MyAssignmentsResponse {
  readonly assignments: readonly (AssignmentView & {
    /** The round's current stage: cards can be changed only while it is the assignment's stage. */
    readonly roundStage: RoundStage;
    /** The expert's own card, when one was saved. */
    readonly card?: { readonly status: ScorecardStatus; readonly scored: number; readonly version: number };
    /** Whether the team's consensus is recorded. */
    readonly consensusRecorded: boolean;
    /** The expert's own declaration for this applicant, once made (a conflicted expert reads back what blocked the assignment). */
    readonly declaration?: DeclarationView;
  })[];
}

/** POST …/declaration answer: the declaration and the caller's assignments it settled for this application. */
export interface DeclarationResponse {
  readonly declaration: DeclarationView;
  readonly assignments: readonly AssignmentView[];
}

/** GET /api/scoring/applications/{applicationId}/material — the package for an assigned expert who declared clear. */
export interface ReviewMaterialResponse {
  readonly applicationId: string;
  readonly roundId: string;
  readonly organisation: ReviewedOrganisation;
  /** The profile and each item's self-assessment, keyed by section (`profile`, `4.1.2` …). */
  readonly sections: Readonly<Record<string, string>>;
  /** Verified, current documents. */
  readonly documents: readonly { readonly documentId: string; readonly category: string; readonly fileName: string; readonly size: number; readonly sha256: string }[];
  readonly receipt?: { readonly submittedAt: string; readonly receiptId?: string };
}

/** One item of a scorecard. */
export interface CardItemView {
  readonly percent?: number;
  readonly strengths: string;
  readonly opportunities: string;
}

/** A card is a draft until its expert submits it; then it never changes. */
export type ScorecardStatus = 'draft' | 'submitted';

/** One expert's independent scorecard for one application and stage. */
export interface ScorecardView {
  readonly roundId: string;
  readonly applicationId: string;
  readonly stage: ReviewStage;
  readonly reviewerId: string;
  readonly reviewerName: string;
  readonly status: ScorecardStatus;
  /** Keyed by item id. */
  readonly items: Readonly<Record<string, CardItemView>>;
  /** Items with a percentage. */
  readonly scored: number;
  /** Exact total in hundredths of a point, once every item is scored. */
  readonly total?: number;
  /** 0 for a card never saved. */
  readonly version: number;
  readonly updatedAt?: string;
  readonly submittedAt?: string;
  /** A draft as the office and supervisors see it: its progress only (`items` empty, no total) until its author submits. */
  readonly sealed?: true;
}

/** An item where the team's independent percentages lie ≥ the round's divergence threshold apart. */
export interface DivergenceView {
  readonly itemId: string;
  readonly min: number;
  readonly max: number;
  readonly spread: number;
}

/** The leader's consensus for one application and stage: the stage's score. */
export interface ConsensusView {
  readonly roundId: string;
  readonly applicationId: string;
  readonly stage: ReviewStage;
  /** Per item the agreed percentage and rationale; the agreed strengths and opportunities when the leader gave them (issue 12). */
  readonly items: Readonly<Record<string, { readonly percent: number; readonly rationale: string; readonly strengths?: string; readonly opportunities?: string }>>;
  /** Key themes per category, when given (issue 12). */
  readonly themes?: Readonly<Record<string, string>>;
  /** The site team's findings (on-site consensus), when given (issue 12). */
  readonly findings?: string;
  /** Exact scores in hundredths of a point. */
  readonly categories: Readonly<Record<string, number>>;
  readonly total: number;
  /** Items that were flagged when the consensus was recorded. */
  readonly flags: readonly DivergenceView[];
  readonly recordedBy: string;
  readonly recordedByName: string;
  readonly recordedAt: string;
  /** Submitted cards the consensus was based on. */
  readonly basedOn: number;
  /** Those cards, each by its author and committed hash (the digest of its `scorecard.submitted` entry); absent before issue 15. */
  readonly cards?: readonly { readonly reviewerId: string; readonly digest: string }[];
}

/**
 * GET /api/scoring/applications/{applicationId}/reviews/{stage} — one team's work.
 * An expert of the team sees the others' cards only after submitting their own
 * (or having recused), and each first read is recorded (`scorecard.read`); the
 * office and supervisors see submitted cards, and of a draft only its progress
 * (`sealed`: no items, no total) — nobody but its author sees a draft.
 */
export interface TeamReviewResponse {
  readonly roundId: string;
  readonly applicationId: string;
  readonly stage: ReviewStage;
  readonly organisation: ReviewedOrganisation;
  readonly roundStage: RoundStage;
  readonly members: readonly AssignmentView[];
  readonly declarations: readonly DeclarationView[];
  /** Cards the caller may see (see above). */
  readonly scorecards: readonly ScorecardView[];
  /** Divergence flags over the submitted cards. */
  readonly flags: readonly DivergenceView[];
  /** Smallest team (submitted cards) the round requires for a consensus. */
  readonly minTeam: number;
  readonly divergenceThreshold: number;
  readonly consensus?: ConsensusView;
}

/** One application's review progress, for the office's board and the supervisors' overview. */
export interface ApplicationReviewSummary {
  readonly applicationId: string;
  readonly organisation: ReviewedOrganisation;
  /** Per stage: the team (with each member's status) and the consensus total if recorded. */
  readonly stages: Readonly<Partial<Record<ReviewStage, {
    readonly members: readonly AssignmentView[];
    readonly submittedCards: number;
    readonly consensus?: { readonly total: number; readonly recordedAt: string };
  }>>>;
  /** The site-visit shortlist decision, once made. */
  readonly shortlist?: { readonly shortlisted: boolean; readonly decidedAt: string };
}

/** GET /api/scoring/rounds/{roundId}/reviews — every eligible application's reviews in a round (admin, supervisor). */
export interface RoundReviewsResponse {
  readonly roundId: string;
  /** The round's name in both languages, for the board's heading. */
  readonly roundName: { readonly 'zh-CN': string; readonly en: string };
  readonly roundStage: RoundStage;
  readonly roundVersion: number;
  readonly minTeam: Readonly<Record<ReviewStage, number>>;
  readonly shortlistSize: number;
  readonly applications: readonly ApplicationReviewSummary[];
  /** Every declaration of the round, oldest first. */
  readonly declarations: readonly DeclarationView[];
  /** Every recusal of the round, with its assignment, oldest first. */
  readonly recusals: readonly (RecusalView & { readonly applicationId: string; readonly stage: ReviewStage; readonly reviewerId: string; readonly reviewerName: string })[];
}

/** POST /api/scoring/rounds/{roundId}/shortlist — the site-visit shortlist, chosen by material score alone. */
export interface ShortlistResponse {
  readonly roundId: string;
  /** The configured size (default twice the winners quota). */
  readonly size: number;
  /** True when a tie at the last place lengthened the list. */
  readonly extendedByTie: boolean;
  /** Every reviewed application, best material score first. */
  readonly decisions: readonly { readonly applicationId: string; readonly organisation: ReviewedOrganisation; readonly materialScore: number; readonly shortlisted: boolean }[];
}

/** POST /api/publication/rounds/{roundId}/stage — the round after the move. */
export interface RoundStageResponse {
  readonly roundId: string;
  readonly stage: RoundStage;
  readonly stageSince: string;
  readonly version: number;
  /**
   * Set by a move that publishes (to the public notice: the notice; to the
   * announcement: the winners). `published: false`: the move stands but the
   * document did not go out — the office publishes it again (POST …/publications).
   */
  readonly publication?: { readonly kind: PublicationKind; readonly published: boolean };
  /**
   * The result letters the move sent (shared/letters): how many went out, how many failed, and how many are still to
   * send because the move answered within its time (the office sends them: POST …/letters; the scheduled run does too).
   */
  readonly letters?: { readonly sent: number; readonly failed: number; readonly pending: number };
}
