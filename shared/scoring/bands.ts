import { GBT19580_2012, type Band } from '../criteria';
import { ScoringError } from './errors';
import { isValidPercentage, type Percentage } from './percentage';

/** The scoring band a percentage falls in (35% → band 3, 30–45%); bands default to GB/T 19580-2012's. */
export function bandFor(percent: Percentage, bands: readonly Band[] = GBT19580_2012.bands): Band {
  if (!isValidPercentage(percent)) throw new ScoringError('INVALID_PERCENTAGE', { value: String(percent) });
  const band = bands.find((b) => percent >= b.minPercent && percent <= b.maxPercent);
  if (!band) throw new ScoringError('INVALID_PERCENTAGE', { value: percent });
  return band;
}

/** The percentages a reviewer may pick inside a band (band 3 → 30, 35, 40, 45). */
export function percentagesIn(band: Band): Percentage[] {
  const values: Percentage[] = [];
  for (let p = band.minPercent; p <= band.maxPercent; p += 5) if (isValidPercentage(p)) values.push(p);
  return values;
}
