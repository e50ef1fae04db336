import * as v from 'valibot';
import type { DrawExclusion, DrawInputs, DrawReplacement, DrawResult, DrawReplay } from '../draw/draw';
import { INDUSTRY_SECTIONS } from '../pool/industries';
import { REVIEW_STAGES, type ReviewStage } from './reviews';
import { UlidSchema } from './schemas';

/** The office draws teams for a stage: every application still without a team, or those listed. */
export const DrawTeamsBody = v.object({
  stage: v.picklist(REVIEW_STAGES),
  /** The supervisor present and the value they give (their part of the seed). */
  witness: v.object({
    supervisorId: UlidSchema,
    value: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  }),
  /** Team size; the round's minimum for the stage when left out. */
  size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30))),
  /** For this batch, at least `min` members of a field (GB/T 4754 section), on top of the round's mix for the stage (the larger minimum of a section counts). The load cap and the district rule are the round's (`draw` in its configuration). */
  requiredField: v.optional(v.object({ section: v.picklist(INDUSTRY_SECTIONS), min: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)) })),
  applicationIds: v.optional(v.pipe(v.array(UlidSchema), v.minLength(1), v.maxLength(500))),
});

/** Replacing a drawn member who declined or declared a conflict (their recusal is logged first). */
export const ReplaceDrawnBody = v.object({ reviewerId: UlidSchema });

/** The office names the leader of a drawn team by hand, with why (only a member of the team as it stands). */
export const NameDrawnLeaderBody = v.object({
  reviewerId: UlidSchema,
  reason: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500)),
});

/** One drawn team as the office reads it. */
export interface DrawSummary {
  readonly drawId: string;
  readonly applicationId: string;
  readonly organisation: string;
  readonly stage: ReviewStage;
  readonly members: readonly { readonly personId: string; readonly name: string; readonly leader: boolean }[];
  readonly eligible: number;
  readonly excluded: number;
}

/** An application the draw refused, with why (an error code of the catalogue and its placeholders). */
export interface DrawRefusal {
  readonly applicationId: string;
  readonly organisation: string;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The rules a batch drew under (the round's `draw` settings and the stage's mix, with the batch's field). */
export interface DrawRules {
  readonly loadCap: number;
  readonly excludeSameDistrict: boolean;
  readonly mix: readonly { readonly section: string; readonly min: number }[];
}

/** POST /api/scoring/rounds/{roundId}/draws */
export interface DrawTeamsResponse {
  readonly draws: readonly DrawSummary[];
  readonly refused: readonly DrawRefusal[];
  readonly rules: DrawRules;
}

/** One stored draw with the names of everyone it mentions. */
export interface DrawView {
  readonly inputs: DrawInputs;
  readonly result?: DrawResult;
  readonly replacements: readonly DrawReplacement[];
  readonly organisation: string;
  readonly committedAt: string;
}

/** GET /api/scoring/rounds/{roundId}/draws: every draw of the round, to replay against the chain. */
export interface RoundDrawsResponse {
  readonly draws: readonly DrawView[];
}

export type { DrawExclusion, DrawReplay };
