import type { EvidenceFileView } from './portal';
import * as v from 'valibot';
import type { RoundStage } from '../stages/round';
import type { PublicationKind } from './publication-path';
import type { ReviewedOrganisation } from './reviews';

/**
 * The round's outcome, stages 7–11 of DOMAIN.md, run by the office in the
 * publication function and read by supervisors:
 * - 7 comprehensive evaluation (综合评价): the weighted final score of every
 *   application the panel scored, the ranking with the tie-breaks, the
 *   candidates at or above the threshold — recorded once, then final;
 * - 8 soliciting opinions (征求意见): each configured government department's
 *   answer on each candidate, recorded once by the office from the
 *   department's letter (an objection takes the candidate out);
 * - 9 deliberation (审议): the award committee's vote on each cleared
 *   candidate, recorded once by the office; a majority of the votes cast
 *   proposes, never more than the quota;
 * - 10 public notice (公示): opening it publishes the notice (proposed
 *   winners, period, how to object, the audit chain's head); written,
 *   real-name objections with evidence received within the period are
 *   recorded by the office and each resolved with a reason;
 * - 11 announcement (表彰): publishes the winners with the chain's head.
 *
 * Scores are exact integers: stage totals in hundredths of a point, final
 * scores in 1/100,000 of a point (`shared/scoring`), formatted only for display.
 */

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[A-Za-z0-9_-]+$/));
const RoundVersion = v.pipe(v.number(), v.integer(), v.minValue(1));

/** Most characters of an opinion's, a resolution's or an objection's free text. */
export const OUTCOME_TEXT_MAX_CHARS = 2000;
const Text = (min: number) => v.pipe(v.string(), v.trim(), v.minLength(min), v.maxLength(OUTCOME_TEXT_MAX_CHARS));

/** What the office sees of an actor who recorded something. */
export interface RecordedBy {
  readonly at: string;
  readonly by: string;
  readonly byName: string;
}

// ---- Stage 7: comprehensive evaluation -------------------------------------------------------

/** POST /api/publication/rounds/{roundId}/evaluation — record the evaluation (once, at comprehensive evaluation), based on the round version read. */
export const RecordEvaluationBody = v.object({ version: RoundVersion });

/** One evaluated application. */
export interface StandingView {
  readonly applicationId: string;
  readonly organisation: ReviewedOrganisation;
  /** Material-review and on-site consensus totals, the panel score: hundredths of a point. */
  readonly material: number;
  readonly onSite: number;
  readonly defense: number;
  /** The on-site consensus of the results items (4.7), hundredths: the first tie-break. */
  readonly results: number;
  /** Exact weighted final score, 1/100,000 of a point. */
  readonly final: number;
  /** 1 + the number strictly ahead; a full tie shares a rank. */
  readonly rank: number;
  /** Final score at or above the round's threshold (推荐和候选名单). */
  readonly candidate: boolean;
}

/** An application the defense stage reached that cannot be evaluated yet, and what it lacks. */
export interface UnevaluableView {
  readonly applicationId: string;
  readonly organisation: ReviewedOrganisation;
  readonly missing: readonly ('material' | 'onSite' | 'defense')[];
}

/**
 * GET /api/publication/rounds/{roundId}/evaluation (admin, supervisor): the
 * recorded evaluation, or — before it is recorded — what recording it now
 * would give (`recorded` absent), computed from the stored consensus records
 * and panel scores.
 */
export interface EvaluationResponse {
  readonly roundId: string;
  /** The round's name in both languages, for the page's heading. */
  readonly roundName: { readonly 'zh-CN': string; readonly en: string };
  readonly roundStage: RoundStage;
  readonly roundVersion: number;
  readonly settings: {
    readonly weights: { readonly material: number; readonly onSite: number; readonly defense: number };
    readonly candidateThreshold: number;
    readonly winnersQuota: number;
  };
  /** Best first. */
  readonly standings: readonly StandingView[];
  /** Empty once the defense is complete; the evaluation cannot be recorded while it is not. */
  readonly unevaluable: readonly UnevaluableView[];
  /** The ranking's proposal for the committee (advice only): at most the quota, a tie straddling the last place left to the vote. */
  readonly suggestion: { readonly proposed: readonly string[]; readonly tiedAtCutoff: readonly string[] };
  readonly recorded?: RecordedBy;
}

// ---- Stage 8: department opinions ------------------------------------------------------------

/** POST /api/publication/rounds/{roundId}/opinions — record one department's answer on one candidate (once). */
export const RecordOpinionBody = v.object({
  applicationId: Id,
  /** One of the round's `opinionDepartments`. */
  department: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  /** True when the department objects (the candidate is then out of the round). */
  objection: v.boolean(),
  /** The department's answer as received: reference and summary of its letter. */
  text: Text(1),
});

/** Most candidates one department's letter (or one table of votes) answers at once. */
export const BULK_MAX_CANDIDATES = 40;

/** Each application once in a bulk body. */
const distinctApplications = <T extends { applicationId: string }>(rows: readonly T[]) => new Set(rows.map((r) => r.applicationId)).size === rows.length;

/**
 * POST /api/publication/rounds/{roundId}/opinions/letters — one department's letter answering several candidates at
 * once (a letter answers many): the letter's reference and summary, and per candidate objection or not. All recorded
 * in one audited change, or nothing (a candidate already answered by that department: 409 OPINION_RECORDED).
 */
export const RecordLetterBody = v.object({
  department: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  text: Text(1),
  answers: v.pipe(
    v.array(v.object({ applicationId: Id, objection: v.boolean() })),
    v.minLength(1),
    v.maxLength(BULK_MAX_CANDIDATES),
    v.check(distinctApplications, 'each candidate once'),
  ),
});

/** The opinions one letter recorded, in the order of the body. */
export interface LetterRecordedResponse {
  readonly department: string;
  readonly opinions: readonly OpinionView[];
}

/** One department's recorded answer on one candidate. */
export interface OpinionView extends RecordedBy {
  readonly applicationId: string;
  readonly department: string;
  readonly objection: boolean;
  readonly text: string;
}

/** A candidate's state after the opinions: waiting for answers, cleared (no objection), objected (out). */
export type OpinionOutcome = 'pending' | 'cleared' | 'objected';

/** GET /api/publication/rounds/{roundId}/opinions (admin, supervisor): every candidate with every department's answer. */
export interface OpinionsResponse {
  readonly roundId: string;
  readonly roundStage: RoundStage;
  readonly roundVersion: number;
  /** The round's `opinionDepartments`, in configured order. */
  readonly departments: readonly string[];
  /** The recorded evaluation's candidates, best first (empty before it is recorded). */
  readonly candidates: readonly {
    readonly applicationId: string;
    readonly organisation: ReviewedOrganisation;
    readonly rank: number;
    readonly final: number;
    readonly opinions: readonly OpinionView[];
    readonly outcome: OpinionOutcome;
  }[];
}

// ---- Stage 9: the committee's vote -----------------------------------------------------------

const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000));

/**
 * POST /api/publication/rounds/{roundId}/votes — record the committee's vote on
 * one cleared candidate (once). Proposed when more than half of the votes
 * cast are for; refused with QUOTA_EXCEEDED when that would propose more than
 * the quota.
 */
export const RecordVoteBody = v.object({
  applicationId: Id,
  for: Count,
  against: Count,
  abstain: Count,
});

/**
 * POST /api/publication/rounds/{roundId}/votes/table — the committee's votes on several cleared candidates from one
 * table, recorded in one audited change or not at all: a candidate already voted on is 409 VOTE_RECORDED, more
 * proposed than the quota allows 422 QUOTA_EXCEEDED (nothing recorded either way).
 */
export const RecordVotesBody = v.object({
  votes: v.pipe(
    v.array(v.object({ applicationId: Id, for: Count, against: Count, abstain: Count })),
    v.minLength(1),
    v.maxLength(BULK_MAX_CANDIDATES),
    v.check(distinctApplications, 'each candidate once'),
  ),
});

/** The votes one table recorded, in the order of the body. */
export interface VotesRecordedResponse {
  readonly votes: readonly VoteView[];
}

/** The committee's recorded vote on one candidate. */
export interface VoteView extends RecordedBy {
  readonly applicationId: string;
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  readonly proposed: boolean;
}

/** GET /api/publication/rounds/{roundId}/deliberation (admin, supervisor): the cleared candidates and the votes. */
export interface DeliberationResponse {
  readonly roundId: string;
  readonly roundStage: RoundStage;
  readonly roundVersion: number;
  readonly winnersQuota: number;
  /** Cleared candidates, best first, each with its vote once recorded. */
  readonly candidates: readonly {
    readonly applicationId: string;
    readonly organisation: ReviewedOrganisation;
    readonly rank: number;
    readonly final: number;
    readonly vote?: VoteView;
  }[];
  /** The ranking's advice over the cleared candidates (at most the quota; a tie at the cut left to the vote). */
  readonly suggestion: { readonly proposed: readonly string[]; readonly tiedAtCutoff: readonly string[] };
  readonly proposedCount: number;
}

// ---- Stage 10: public notice and objections --------------------------------------------------

/**
 * POST /api/publication/rounds/{roundId}/objections — record a written,
 * real-name objection with evidence against a proposed winner, received
 * while the notice is open (after it: NOTICE_PERIOD_OVER). The objector's
 * name and contact are seen by the office and supervisors only, never published.
 */
export const FileObjectionBody = v.object({
  applicationId: Id,
  objectorName: Text(1),
  objectorContact: Text(1),
  statement: Text(1),
  /** What evidence came with it (documents, their references); required. */
  evidence: Text(1),
});

/** POST /api/publication/rounds/{roundId}/objections/{objectionId}/resolution — resolve an objection once, with a reason; upheld: the application is not awarded. */
export const ResolveObjectionBody = v.object({
  upheld: v.boolean(),
  reason: Text(1),
});

/** One recorded objection. */
export interface ObjectionView extends RecordedBy {
  readonly roundId: string;
  readonly objectionId: string;
  readonly applicationId: string;
  readonly organisation: ReviewedOrganisation;
  readonly objectorName: string;
  readonly objectorContact: string;
  readonly statement: string;
  readonly evidence: string;
  readonly resolution?: RecordedBy & { readonly upheld: boolean; readonly reason: string };
  /** Online: filed by the objector on the public notice (issue #14); written ones are recorded by the office. */
  readonly channel?: 'written' | 'online';
  readonly objectorId?: string;
  readonly evidenceFiles?: readonly EvidenceFileView[];
}

/** GET /api/publication/rounds/{roundId}/objections (admin, supervisor): the notice period, the proposed winners and every objection. */
export interface ObjectionsResponse {
  readonly roundId: string;
  readonly roundStage: RoundStage;
  readonly roundVersion: number;
  readonly notice?: { readonly openedAt: string; readonly endsAt: string };
  /** Proposed winners, best first, each with whether an objection against it was upheld. */
  readonly proposed: readonly { readonly applicationId: string; readonly organisation: ReviewedOrganisation; readonly rank: number; readonly final: number; readonly notAwarded: boolean }[];
  /** Oldest first. */
  readonly objections: readonly ObjectionView[];
}

// ---- Published documents (stages 10 and 11) -------------------------------------------------

export { PUBLICATION_KINDS, publicationPath, type PublicationKind } from './publication-path';

/** The audit chain's head a published document carries: anyone holding an export can check entry `sequence` has `hash`. */
export interface ChainHead {
  /** The chain (`round:<roundId>`). */
  readonly scope: string;
  readonly sequence: number;
  readonly hash: string;
}

/** One organisation as published (no score details beyond the final score, nothing about people). */
export interface PublishedEntry {
  readonly rank: number;
  readonly organisation: ReviewedOrganisation;
  /** The final score, points with two decimals, half up (`formatFinalScore`). */
  readonly finalScore: string;
}

/**
 * The document at `/results/<roundId>/<kind>.json` on the public site. The
 * notice lists the proposed winners and the objection period; the
 * announcement lists the winners. Both carry the chain's head at the moment
 * of publication.
 */
export interface PublishedDocument {
  readonly kind: PublicationKind;
  readonly programmeId: string;
  readonly programmeName: { readonly 'zh-CN': string; readonly en: string };
  readonly roundId: string;
  /** The round's name as the office set it. */
  readonly roundName: { readonly 'zh-CN': string; readonly en: string };
  readonly publishedAt: string;
  /** The notice period (the announcement repeats it). */
  readonly notice: { readonly openedAt: string; readonly endsAt: string; readonly days: number };
  readonly entries: readonly PublishedEntry[];
  readonly chainHead: ChainHead;
}

/** What the office and supervisors see of one publication: where it is, its SHA-256, the head it carries. */
export interface PublicationView extends RecordedBy {
  readonly kind: PublicationKind;
  /** Path on the public site: `/results/<roundId>/<kind>.json`. */
  readonly path: string;
  /** SHA-256 (hex) of the published bytes. */
  readonly sha256: string;
  readonly chainHead: ChainHead;
}

/** GET /api/publication/rounds/{roundId}/publications (admin, supervisor): every document published for the round, oldest first. */
export interface PublicationsResponse {
  readonly roundId: string;
  readonly roundStage: RoundStage;
  readonly publications: readonly PublicationView[];
}

/**
 * POST /api/publication/rounds/{roundId}/publications — publish again the
 * document of the round's current stage (notice at the public notice,
 * announcement at the announcement), when the publication that goes with the
 * stage move did not complete; nothing to publish at another stage (422).
 */
export const RepublishBody = v.object({ version: RoundVersion });
