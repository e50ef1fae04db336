/**
 * The feedback report (评审反馈报告, issue 12 part 1) as the API answers it,
 * and the office's edit. A report rests on the team's consensus — the on-site
 * one for a visited applicant, else the material review's — and carries per
 * item the consensus band (the percentage only when the round shows scores),
 * the agreed strengths (优势) and opportunities for improvement (改进机会),
 * the key themes per category and, for a visited applicant, the site team's
 * findings. Members' names never appear in it.
 */
import * as v from 'valibot';
import type { Text } from '../messages/types';
import type { RoundStage } from '../stages/round';
import { REVIEW_FINDINGS_MAX_CHARS, REVIEW_TEXT_MAX_CHARS, type ReviewStage } from './review-stages';

const Para = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));
const Id = v.pipe(v.string(), v.maxLength(16));

/** PUT /api/publication/applications/{applicationId}/feedback — the office's wording of one report, whole, on the version read. */
export const EditFeedbackBody = v.object({
  /** Per item (`4.1.2` …) the strengths and opportunities as the report words them; items left out keep the team's text. */
  items: v.record(Id, v.object({ strengths: Para(REVIEW_TEXT_MAX_CHARS), opportunities: Para(REVIEW_TEXT_MAX_CHARS) })),
  /** Key themes per category (`4.1` …); categories left out keep the team's text. */
  themes: v.optional(v.record(Id, Para(REVIEW_TEXT_MAX_CHARS)), {}),
  /** The on-site findings (visited applicants only). */
  findings: v.optional(Para(REVIEW_FINDINGS_MAX_CHARS)),
  /** The report version the page read (0: never edited); stale: 409 CONFLICT. */
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** One item of a report. */
export interface FeedbackItemView {
  /** The consensus band's level (1–6, GB/T 19580-2012's bands). */
  readonly band: number;
  /** The consensus percentage: only when the round's configuration shows scores (`feedback.showScores`). */
  readonly percent?: number;
  readonly strengths: string;
  readonly opportunities: string;
}

/** One applicant's feedback report. */
export interface FeedbackReportView {
  readonly roundId: string;
  readonly applicationId: string;
  readonly organisation: string;
  readonly programme: Text;
  readonly round: Text;
  readonly timeZone: string;
  /** The consensus the report rests on: on-site for a visited applicant, else material review. */
  readonly stage: ReviewStage;
  readonly visited: boolean;
  readonly showScores: boolean;
  /** Keyed by item id, in the catalogue's order. */
  readonly items: Readonly<Record<string, FeedbackItemView>>;
  /** Key themes per category id. */
  readonly themes: Readonly<Record<string, string>>;
  /** The site team's findings (visited applicants). */
  readonly findings?: string;
  /** 0 until the office first edits it. */
  readonly version: number;
  readonly editedAt?: string;
  /** When the round's reports were released (absent: a draft only the office and supervisors read). */
  readonly releasedAt?: string;
}

/** One report in the round's list. */
export interface FeedbackSummary {
  readonly applicationId: string;
  readonly organisation: string;
  readonly visited: boolean;
  readonly version: number;
  readonly editedAt?: string;
}

/** GET /api/publication/rounds/{roundId}/feedback — the round's reports and whether they are released (office, supervisors). */
export interface RoundFeedbackResponse {
  readonly roundId: string;
  readonly round: Text;
  readonly roundStage: RoundStage;
  readonly timeZone: string;
  readonly showScores: boolean;
  readonly reports: readonly FeedbackSummary[];
  readonly released?: { readonly at: string; readonly count: number };
}

/** POST /api/publication/rounds/{roundId}/feedback/release — what releasing did. */
export interface FeedbackReleasedResponse {
  readonly roundId: string;
  readonly releasedAt: string;
  readonly released: number;
  /** Owners mailed now; a failed mail is logged (the report is on the dashboard). */
  readonly mailed: number;
  readonly failed: number;
}
