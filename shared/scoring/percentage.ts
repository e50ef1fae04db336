/** Reviewers score in steps of this many percentage points (DOMAIN.md "Scoring an item"). */
export const PERCENT_STEP = 5;

/** Every percentage a reviewer may give an item: 0, 5, 10 … 100. */
export const PERCENTAGES = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100] as const;

/** A percentage a reviewer may give an item (0–100, multiples of 5). */
export type Percentage = (typeof PERCENTAGES)[number];

/** True when `value` is a whole multiple of 5 from 0 to 100. */
export function isValidPercentage(value: unknown): value is Percentage {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100 && value % PERCENT_STEP === 0;
}
