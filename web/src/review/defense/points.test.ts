import { describe, expect, it } from 'vitest';
import { parsePoints, pointsText } from './points';

describe('defense points as typed', () => {
  it('reads points with up to two decimals as exact hundredths', () => {
    expect(parsePoints('812.35')).toBe(81235);
    expect(parsePoints(' 812,3 ')).toBe(81230);
    expect(parsePoints('0')).toBe(0);
    expect(parsePoints('1000')).toBe(100000);
    expect(parsePoints('0.29')).toBe(29); // 0.29 * 100 is 28.999… in floating point
  });

  it('refuses more than two decimals, more than 1000, signs and words', () => {
    for (const bad of ['812.345', '1000.01', '1200', '-1', 'abc', '', '.5', '1e3']) expect(parsePoints(bad)).toBeUndefined();
  });

  it('shows hundredths with two decimals', () => {
    expect(pointsText(81230)).toBe('812.30');
    expect(pointsText(undefined)).toBe('');
  });
});
