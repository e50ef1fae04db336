/** Codes a refused stage or application move carries (each is a key of the message catalogue). */
export const TRANSITION_ERROR_CODES = [
  'ILLEGAL_STAGE_TRANSITION',
  'ILLEGAL_APPLICATION_TRANSITION',
  'REGISTRATION_NOT_OPEN',
  'REGISTRATION_STILL_OPEN',
  'SUBMISSION_DEADLINE_NOT_PASSED',
  'DEADLINE_PASSED',
  'STAGE_CLOSED',
  'ELIGIBILITY_PENDING',
  'ASSIGNMENTS_INCOMPLETE',
  'SHORTLIST_EMPTY',
  'EVALUATION_PENDING',
  'OPINIONS_PENDING',
  'VOTES_PENDING',
  'QUOTA_EXCEEDED',
  'NO_PROPOSED_WINNERS',
  'NOTICE_PERIOD_NOT_OVER',
  'NOTICE_PERIOD_OVER',
  'OBJECTIONS_OPEN',
  'REMARKS_OPEN',
  'OBJECTION_INCOMPLETE',
  'OBJECTION_UNKNOWN',
  'TEAM_TOO_SMALL',
  'REASON_REQUIRED',
  'INVALID_TIMESTAMP',
] as const;

/** A code of {@link TRANSITION_ERROR_CODES}. */
export type TransitionErrorCode = (typeof TRANSITION_ERROR_CODES)[number];

/** Why a move is refused: a stable code and the parameters of its message. */
export interface Refusal {
  readonly code: TransitionErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Thrown when a round or application move is illegal or a guard refuses it; handlers answer 409/422 with `code`. */
export class TransitionError extends Error {
  readonly code: TransitionErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
  constructor(refusal: Refusal) {
    super(`${refusal.code} ${JSON.stringify(refusal.params)}`);
    this.name = 'TransitionError';
    this.code = refusal.code;
    this.params = refusal.params;
  }
}

/** Builds a refusal. */
export function refuse(code: TransitionErrorCode, params: Readonly<Record<string, string | number>> = {}): Refusal {
  return { code, params };
}

/** Epoch ms of an ISO timestamp; throws {@link TransitionError} `INVALID_TIMESTAMP` for anything else. */
export function toInstant(iso: string, field = 'now'): number {
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(ms)) throw new TransitionError(refuse('INVALID_TIMESTAMP', { field, value: iso }));
  return ms;
}
