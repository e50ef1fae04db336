import { AppError } from '../http/errors';
import { WriteConditionError } from './log';

/** How often a change re-reads records that another change moved under it. */
const FRESH_READ_ATTEMPTS = 3;

/**
 * Runs a read-decide-commit again from a fresh read when another change of
 * the same records landed in between (an office request during the
 * applicant's autosave, a card submitted during the consensus): one of the
 * change's own write conditions failed, so nothing was written. The fresh read
 * then decides again — and answers with the right refusal where the newer
 * state calls for one. Only for changes that stay right when based on the
 * newer state; still refused after a few reads, 409 CONFLICT.
 */
export async function onFreshRead<T>(change: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await change();
    } catch (error) {
      if (!(error instanceof WriteConditionError)) throw error;
      if (attempt >= FRESH_READ_ATTEMPTS) throw new AppError('CONFLICT', 409);
    }
  }
}
