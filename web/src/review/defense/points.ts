import { DEFENSE_SCORE_MAX } from '../../../../shared/api/defense-limits';
import { formatPoints, pointsToHundredths, type Hundredths } from '../../../../shared/scoring/exact';

/**
 * Points as the deliberator types them ("812.35", "812,3", "900") in exact hundredths, or undefined when
 * the text is not 0–1000 points with at most two decimals. Parsed on the digits, never through a float.
 */
export function parsePoints(text: string): Hundredths | undefined {
  const m = /^(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const value = pointsToHundredths(Number(m[1])) + Number((m[2] ?? '').padEnd(2, '0'));
  return value <= DEFENSE_SCORE_MAX ? value : undefined;
}

/** Hundredths as the input shows them ("812.35"). */
export const pointsText = (hundredths: Hundredths | undefined): string => (hundredths === undefined ? '' : formatPoints(hundredths, 2));
