import { getCriteria, type Criteria } from '../../../shared/criteria';
import { parseRoundConfig, type RoundConfig } from '../../../shared/round';
import { AppError, notFound } from '../http/errors';
import type { AwardsStore, RoundRecord } from './store';

/** A round with its configuration parsed (defaults filled) and the criteria of its edition. */
export interface ConfiguredRound {
  readonly round: RoundRecord;
  readonly config: RoundConfig;
  readonly criteria: Criteria;
}

/**
 * A round, of the caller's programme when one is given (any other: the 404
 * that reveals nothing), with its configuration; one that does not parse, or
 * names an edition Merit does not know, is 422 ROUND_NOT_CONFIGURED.
 */
export async function configuredRound(awards: AwardsStore, roundId: string, programmeId?: string): Promise<ConfiguredRound> {
  const round = await awards.getRound(roundId);
  if (!round || (programmeId !== undefined && round.programmeId !== programmeId)) throw notFound();
  const parsed = parseRoundConfig(round.config);
  if (!parsed.ok) throw new AppError('ROUND_NOT_CONFIGURED', 422);
  const criteria = getCriteria(parsed.config.edition);
  if (!criteria) throw new AppError('ROUND_NOT_CONFIGURED', 422);
  return { round, config: parsed.config, criteria };
}
