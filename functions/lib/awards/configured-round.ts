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
  return configured(await awards.getRound(roundId), programmeId);
}

// A round's configuration parsed once per version in a container: a version is never written twice (every change
// raises it), so the parse of a version read again is the same. A few rounds are open at once; the oldest goes first.
const parsedConfigs = new Map<string, { readonly config: RoundConfig; readonly criteria: Criteria } | null>();
const PARSED_KEPT = 32;

/** A round already read (undefined: not found), checked and configured as configuredRound does. */
export function configured(round: RoundRecord | undefined, programmeId?: string): ConfiguredRound {
  if (!round || (programmeId !== undefined && round.programmeId !== programmeId)) throw notFound();
  const key = `${round.programmeId}\u0000${round.roundId}\u0000${round.version}`;
  let parsed = parsedConfigs.get(key);
  if (parsed === undefined) {
    const config = parseRoundConfig(round.config);
    const criteria = config.ok ? getCriteria(config.config.edition) : undefined;
    parsed = config.ok && criteria ? { config: config.config, criteria } : null;
    if (parsedConfigs.size >= PARSED_KEPT) parsedConfigs.delete(parsedConfigs.keys().next().value!);
    parsedConfigs.set(key, parsed);
  }
  if (!parsed) throw new AppError('ROUND_NOT_CONFIGURED', 422);
  return { round, config: parsed.config, criteria: parsed.criteria };
}
