import * as v from 'valibot';
import type { RoundStage } from '../stages/round';
import type { DeclarationView, ReviewedOrganisation } from './reviews';

/**
 * Presentation and defense (陈述答辩, DOMAIN.md stage 6): the office forms
 * the round's defense panel from its deliberators (审议员); every shortlisted
 * application with an on-site consensus presents and defends before it. For
 * each such application a panel member first declares conflicts of interest
 * (as experts do; a conflict takes them off that application only), then gives
 * one holistic score on the 1,000-point scale with a comment, saved as a
 * draft and submitted once. The panel score of an application is the mean of
 * the submitted scores, rounded half up to hundredths of a point, once no seat
 * is pending and at least the round's `teams.defensePanelMin` scores are in.
 */

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[A-Za-z0-9_-]+$/));

/** Most characters of a deliberator's comment. */
export const DEFENSE_COMMENT_MAX_CHARS = 1000;
/** A score in hundredths of a point: 0 … 100,000 (0–1,000 points). */
export const DEFENSE_SCORE_MAX = 100_000;

/** POST /api/scoring/rounds/{roundId}/panel — the office adds an active deliberator of the programme to the round's defense panel. */
export const AddPanelMemberBody = v.object({ reviewerId: Id });

/** PUT /api/scoring/applications/{applicationId}/defense/mine — save the deliberator's draft score, based on the version read (0 for a new one). */
export const SaveDefenseScoreBody = v.object({
  /** Hundredths of a point (512.5 points is 51250); null or absent while undecided. */
  score: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(DEFENSE_SCORE_MAX)))),
  comment: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(DEFENSE_COMMENT_MAX_CHARS)), ''),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** POST …/defense/mine/submit — submit the saved score (a score is required); then it never changes (a retry answers it). */
export const SubmitDefenseScoreBody = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/** A deliberator on a round's defense panel. */
export interface PanelMemberView {
  readonly roundId: string;
  readonly reviewerId: string;
  readonly reviewerName: string;
  readonly addedAt: string;
  readonly addedBy: string;
  /**
   * Set when the office took the member off the panel (absent, revoked, or a
   * conflict found late), with the reason: their seats no longer count, their
   * scores are set aside (kept and shown to the office and supervisors, never
   * in a panel score), and they can no longer declare or score.
   */
  readonly removal?: { readonly reason: string; readonly at: string; readonly by: string; readonly byName: string };
}

/**
 * Where one panel member stands on one application:
 * `awaitingDeclaration` (must declare before scoring), `conflicted` (declared
 * or detected conflict: off this application), `scoring` (declared clear; no
 * submitted score yet), `submitted`.
 */
export type DefenseSeatStatus = 'awaitingDeclaration' | 'conflicted' | 'scoring' | 'submitted';

/** One panel member's score for one application. */
export interface DefenseScoreView {
  readonly roundId: string;
  readonly applicationId: string;
  readonly reviewerId: string;
  readonly reviewerName: string;
  readonly status: 'draft' | 'submitted';
  /** Hundredths of a point. */
  readonly score?: number;
  readonly comment: string;
  /** 0 for a score never saved. */
  readonly version: number;
  readonly updatedAt?: string;
  readonly submittedAt?: string;
  /**
   * Set on the score of a member the office took off the panel: kept and
   * listed for the office and supervisors, never in the panel score (a
   * deliberator never sees another member's set-aside score).
   */
  readonly setAside?: true;
}

/** One application before the panel. */
export interface DefenseApplicationView {
  readonly applicationId: string;
  readonly organisation: ReviewedOrganisation;
  /** The on-site consensus total, hundredths. */
  readonly onSiteTotal: number;
  readonly seats: readonly { readonly reviewerId: string; readonly reviewerName: string; readonly status: DefenseSeatStatus }[];
  /**
   * Scores the caller may see: the office and supervisors every one (drafts
   * too); a deliberator their own, and the others' submitted ones only after
   * submitting their own.
   */
  readonly scores: readonly DefenseScoreView[];
  /** The panel score (hundredths, mean half up) once no seat is pending and enough scores are in. */
  readonly panelScore?: number;
}

/** GET /api/scoring/rounds/{roundId}/defense — the round's panel and every application before it (admin, supervisor; a deliberator of the panel). */
export interface RoundDefenseResponse {
  readonly roundId: string;
  readonly roundStage: RoundStage;
  /** The round's `teams.defensePanelMin`. */
  readonly panelMin: number;
  readonly panel: readonly PanelMemberView[];
  readonly applications: readonly DefenseApplicationView[];
  /** Deliberators' declarations (the caller's own for a deliberator), oldest first. */
  readonly declarations: readonly DeclarationView[];
}

/**
 * GET /api/scoring/defense/mine — the panels the deliberator sits on, newest
 * round first, with each application's seat; a round whose panel the office
 * took them off is no longer listed.
 */
export interface MyDefenseResponse {
  readonly rounds: readonly {
    readonly roundId: string;
    readonly roundStage: RoundStage;
    readonly applications: readonly {
      readonly applicationId: string;
      readonly organisation: ReviewedOrganisation;
      readonly status: DefenseSeatStatus;
      readonly score?: DefenseScoreView;
      readonly declaration?: DeclarationView;
    }[];
  }[];
}

/** POST …/defense/declaration answer: the declaration and the seat it settled (`scoring` or `conflicted`). */
export interface DefenseDeclarationResponse {
  readonly declaration: DeclarationView;
  readonly status: DefenseSeatStatus;
}
