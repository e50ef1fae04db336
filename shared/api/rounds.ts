import * as v from 'valibot';
import type { ConfigIssue, RoundConfig } from '../round';
import type { RoundStage } from '../stages/round';

/**
 * The call (DOMAIN.md stage 0): the office creates a round of its programme
 * with its configuration (dates, quota, threshold, weights, eligibility
 * rules …, shared/round) and may change it while that is still fair. Every
 * creation and change is one entry of the round's audit chain.
 */

/** A round id: lower-case letters, digits and hyphens (`city-2027`). */
export const RoundIdSchema = v.pipe(v.string(), v.trim(), v.regex(/^[a-z0-9][a-z0-9-]{2,62}$/));

/** A name in both languages. */
export const BilingualNameSchema = v.object({
  'zh-CN': v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  en: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
});

/**
 * POST /api/publication/rounds — a new round of the admin's programme, at the
 * call. `config` is checked by shared/round `parseRoundConfig` (defaults filled);
 * problems answer 422 CONFIG_INVALID with every issue (path, code, bilingual
 * message) in `details.issues`.
 */
export const CreateRoundBody = v.object({
  roundId: RoundIdSchema,
  name: BilingualNameSchema,
  config: v.unknown(),
});

/**
 * PUT /api/publication/rounds/{roundId} — change the name and configuration,
 * based on the version read (stale: 409 CONFLICT). While the round is at the
 * call everything may change; once registration has opened only dates still
 * ahead, to other dates ahead — nothing that could favour or harm an applicant
 * already in (422 CONFIG_LOCKED; see `RoundView.lockedFields`); at the
 * announcement nothing (422 STAGE_CLOSED).
 */
export const ConfigureRoundBody = v.object({
  name: v.optional(BilingualNameSchema),
  config: v.unknown(),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/** A round as the office and supervisors see it. */
export interface RoundView {
  readonly roundId: string;
  readonly programmeId: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly stage: RoundStage;
  readonly stageSince?: string;
  readonly noticeOpenedAt?: string;
  readonly noticeEndsAt?: string;
  /** The configuration with every default filled in. */
  readonly config: RoundConfig;
  /** Top-level configuration fields (`winnersQuota`, `weights` …, or `dates.submissionDeadline`) that can no longer change at this stage. */
  readonly lockedFields: readonly string[];
  /** Whether the configuration can change at all at this stage. */
  readonly configurable: boolean;
  readonly createdAt: string;
  readonly version: number;
}

/** GET /api/publication/rounds — every round of the caller's programme, newest first. */
export interface RoundsResponse {
  readonly rounds: readonly RoundView[];
}

/** The `details` of a 422 CONFIG_INVALID. */
export interface ConfigInvalidDetails {
  readonly issues: readonly ConfigIssue[];
}
