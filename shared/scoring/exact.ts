import { isValidPercentage, type Percentage } from './percentage';
import { ScoringError } from './errors';

/**
 * A score in hundredths of a point, always a whole number: percentage × item
 * points is an exact count of hundredths (15 points at 35% = 525 = 5.25 points).
 */
export type Hundredths = number;

/** Hundredths in one point. */
export const HUNDREDTHS_PER_POINT = 100;

// DOMAIN.md: item score = percentage × points / 100, kept exact; in hundredths that is percentage × points, an integer.
/** The exact score of an item in hundredths of a point; throws `ScoringError` for a percentage off the 5-point grid or non-integer points. */
export function itemScoreHundredths(percent: Percentage, points: number): Hundredths {
  if (!isValidPercentage(percent)) throw new ScoringError('INVALID_PERCENTAGE', { value: String(percent) });
  if (!Number.isInteger(points) || points < 0) throw new ScoringError('INVALID_POINTS', { value: String(points) });
  return percent * points;
}

/** Whole points as hundredths (a threshold of 500 points is 50,000 hundredths). */
export function pointsToHundredths(points: number): Hundredths {
  if (!Number.isInteger(points)) throw new ScoringError('INVALID_POINTS', { value: String(points) });
  return points * HUNDREDTHS_PER_POINT;
}

// Display rounding rule: half away from zero, done on integers so 0.125 → 0.13 never depends on binary floating point.
/** `value / divisor` rounded half away from zero, for integers `value` and positive integer `divisor`. */
export function divideRoundHalfUp(value: number, divisor: number): number {
  if (!Number.isInteger(value) || !Number.isInteger(divisor) || divisor <= 0) throw new ScoringError('INVALID_SCORE', { value, divisor });
  const magnitude = Math.abs(value);
  const quotient = Math.floor(magnitude / divisor);
  const rounded = (magnitude % divisor) * 2 >= divisor ? quotient + 1 : quotient;
  return value < 0 ? -rounded : rounded;
}

/** Formats an integer count of `10^-scaleDecimals` units with `decimals` places, rounding half away from zero. */
export function formatScaled(value: number, scaleDecimals: number, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > scaleDecimals) throw new ScoringError('INVALID_SCORE', { decimals });
  const units = divideRoundHalfUp(value, 10 ** (scaleDecimals - decimals));
  const sign = units < 0 ? '-' : '';
  const digits = String(Math.abs(units)).padStart(decimals + 1, '0');
  if (decimals === 0) return sign + digits;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** A score in hundredths shown as points (`525` → `'5.25'`, with 1 decimal `'5.3'`); rounding happens here only. */
export function formatPoints(hundredths: Hundredths, decimals = 2): string {
  return formatScaled(hundredths, 2, decimals);
}
