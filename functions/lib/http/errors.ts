import type { MessageKey, MessageParams } from '../../../shared/messages';

/** HTTP statuses our errors use (ARCHITECTURE.md "Errors"). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/**
 * An expected failure with a stable code from the message catalogue. The
 * router turns it into `{ error: { code, message: { zh-CN, en }, details } }`.
 */
export class AppError extends Error {
  constructor(
    readonly code: MessageKey,
    readonly status: ErrorStatus,
    readonly details?: unknown,
    /** Placeholders of the message; a bilingual value is filled per language. */
    readonly params?: MessageParams,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** 404 that reveals nothing about whether the thing exists for someone else. */
export const notFound = (details?: unknown) => new AppError('NOT_FOUND', 404, details);
/** 403 for a signed-in caller without the right role or scope. */
export const forbidden = () => new AppError('FORBIDDEN', 403);
/** 409 for a lost conditional write: nothing was overwritten. */
export const conflict = (code: MessageKey = 'CONFLICT', details?: unknown) => new AppError(code, 409, details);
