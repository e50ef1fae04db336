import * as v from 'valibot';
import type { RoundStage } from '../stages/round';
import type { RecordedBy } from './outcome';

/**
 * Supervisors' remarks (监督意见, issue 15): a supervisor of the programme
 * records a remark on one step of a round — a submitted card, a consensus, an
 * assignment, a stage move, a publication — or on the round in general. It is
 * the supervisor's only write. The office answers each remark once; while a
 * remark of the round is unanswered the public notice cannot open.
 */

/** What a remark can be about. */
export const REMARK_TARGET_KINDS = ['card', 'consensus', 'assignment', 'stageMove', 'publication', 'round'] as const;

/** The kind of step a remark is about. */
export type RemarkTargetKind = (typeof REMARK_TARGET_KINDS)[number];

/**
 * The step a remark is about, by kind and id:
 * - `card`, `assignment`: `<applicationId>/<stage>/<reviewerId>` (the audit entry's target id);
 * - `consensus`: `<applicationId>/<stage>`;
 * - `stageMove`: the stage the round moved to (`publicNotice`);
 * - `publication`: `<kind>/<published at, ISO>` (`notice/2026-12-01T02:00:00.000Z`);
 * - `round`: the round's id.
 */
export interface RemarkTarget {
  readonly kind: RemarkTargetKind;
  readonly id: string;
}

/** Most characters of a remark's or an answer's text. */
export const REMARK_TEXT_MAX_CHARS = 2000;

/** Why a remark's (or answer's) text is refused; each is an error code of the catalogue. */
export type RemarkTextProblem = 'REMARK_TEXT_EMPTY' | 'REMARK_TEXT_TOO_LONG' | 'REMARK_TEXT_CHARACTERS';

// C0, DEL and C1 control characters but line breaks and tabs (a remark is written in a text area), line and paragraph
// separators, and the bidirectional embeddings, overrides, isolates and marks that make text read other than it is
// stored (CVE-2021-42574).
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;

/** The first rule a remark's text (trimmed) breaks, or undefined when it is fine. Shared by the page and the API. */
export function remarkTextProblem(text: string): RemarkTextProblem | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'REMARK_TEXT_EMPTY';
  if (trimmed.length > REMARK_TEXT_MAX_CHARS) return 'REMARK_TEXT_TOO_LONG';
  if (FORBIDDEN.test(trimmed)) return 'REMARK_TEXT_CHARACTERS';
  return undefined;
}

// The body's own limits only keep absurd input out; the text's rules are checked by the use case, which answers each
// with its own code (remarkTextProblem).
const RawText = v.pipe(v.string(), v.maxLength(REMARK_TEXT_MAX_CHARS * 4));

/** POST /api/publication/rounds/{roundId}/remarks — a supervisor records a remark on a step of the round. */
export const RecordRemarkBody = v.object({
  target: v.object({
    kind: v.picklist(REMARK_TARGET_KINDS),
    id: v.pipe(v.string(), v.minLength(1), v.maxLength(200), v.regex(/^[A-Za-z0-9_.:/-]+$/)),
  }),
  text: RawText,
});

/** POST /api/publication/rounds/{roundId}/remarks/{remarkId}/answer — the office answers a remark, once. */
export const AnswerRemarkBody = v.object({ text: RawText });

/** One remark with its answer once the office answered. */
export interface RemarkView extends RecordedBy {
  readonly roundId: string;
  readonly remarkId: string;
  readonly target: RemarkTarget;
  readonly text: string;
  readonly answer?: RecordedBy & { readonly text: string };
}

/** GET /api/publication/rounds/{roundId}/remarks (admin, supervisor): the round's remarks, oldest first. */
export interface RemarksResponse {
  readonly roundId: string;
  readonly roundStage: RoundStage;
  readonly remarks: readonly RemarkView[];
  /** How many are not answered yet (the public notice cannot open while any is). */
  readonly open: number;
}
