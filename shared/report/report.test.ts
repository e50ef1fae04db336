import { describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../criteria';
import { publicDistributions, breakdownOf, distributionsOf, formatShare, funnelOf, histogramOf, rankMovements, ranksOf, sharePerMille, type ApplicationFacts, type FunnelStepId } from './report';

const app = (applicationId: string, steps: readonly FunnelStepId[], profile: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  applicationId,
  district: '鼓楼区',
  industry: '制造业',
  size: 'medium',
  reached: new Set<FunnelStepId>(['registered', ...steps]),
  ...profile,
});

describe('the funnel', () => {
  it('gives the share of the step before in tenths of a percent, half up: 541 registered → 170 submitted is 31.4%', () => {
    expect(sharePerMille(170, 541)).toBe(314);
    expect(formatShare(314)).toBe('31.4%');
    expect(formatShare(1000)).toBe('100.0%');
    expect(sharePerMille(1, 8)).toBe(125);
    expect(sharePerMille(0, 0)).toBeUndefined();
  });

  it('counts each step from what each application reached, with no share for the first step or after an empty one', () => {
    const apps = [app('a', ['submitted', 'eligible']), app('b', ['submitted']), app('c', []), app('d', [])];
    const funnel = funnelOf(apps);
    expect(funnel.slice(0, 4)).toEqual([
      { step: 'registered', count: 4 },
      { step: 'submitted', count: 2, sharePerMille: 500 },
      { step: 'eligible', count: 1, sharePerMille: 500 },
      { step: 'reviewed', count: 0, sharePerMille: 0 },
    ]);
    expect(funnel[4]).toEqual({ step: 'shortlisted', count: 0 });
    expect(funnel).toHaveLength(10);
  });

  it('breaks the funnel down per value of a profile field, most registered first, ties by value', () => {
    const apps = [app('a', ['submitted'], { district: '台江区' }), app('b', [], { district: '鼓楼区' }), app('c', ['submitted'], { district: '鼓楼区' })];
    const rows = breakdownOf(apps, 'district');
    expect(rows.map((r) => [r.value, r.counts.registered, r.counts.submitted])).toEqual([['鼓楼区', 2, 1], ['台江区', 1, 1]]);
  });
});

describe('distributions and ranks', () => {
  it('counts values into equal bins, the maximum in the last one', () => {
    expect(histogramOf([0, 9_999, 10_000, 99_999, 100_000], 100_000)).toEqual({ n: 5, counts: [2, 1, 0, 0, 0, 0, 0, 0, 0, 2] });
  });

  it('gives the totals per stage in bands of 100 points and each category’s mean for the two teams’ stages', () => {
    const [material, onSite, defense, final] = distributionsOf(
      [
        { applicationId: 'a', material: 80_000, materialCategories: { '4.1': 8_800 }, onSite: 75_000, defense: 70_000, final: 76_000_000 },
        { applicationId: 'b', material: 55_000, materialCategories: { '4.1': 5_500 } },
      ],
      GBT19580_2012,
    );
    expect(material!.total.counts[8]).toBe(1);
    expect(material!.total.counts[5]).toBe(1);
    expect(material!.categories.find((c) => c.categoryId === '4.1')).toMatchObject({ points: 110, meanHundredths: 7_150, name: { 'zh-CN': '领导' } });
    expect(onSite!.total.n).toBe(1);
    expect(defense!.categories).toEqual([]);
    expect(final!.total.counts[7]).toBe(1);
  });

  it('ranks with shared places for ties ("1224") and follows each application across the stages it reached', () => {
    expect([...ranksOf(new Map([['a', 90], ['b', 80], ['c', 80], ['d', 70]])).values()]).toEqual([1, 2, 2, 4]);
    const moved = rankMovements(
      [
        { applicationId: 'a', material: 70_000, onSite: 80_000, defense: 80_000, final: 1 },
        { applicationId: 'b', material: 75_000, onSite: 70_000, defense: 70_000, final: 1 },
        { applicationId: 'c', material: 40_000 },
      ],
      new Map([['a', 1], ['b', 2]]),
    );
    expect(moved.map((m) => [m.applicationId, m.ranks])).toEqual([
      ['a', { materialReview: 2, onSite: 1, defense: 1, final: 1 }],
      ['b', { materialReview: 1, onSite: 2, defense: 2, final: 2 }],
      ['c', { materialReview: 3 }],
    ]);
  });
});

describe('the public distributions', () => {
  it('withholds a stage scored for one or two organisations, and keeps empty and larger ones', () => {
    const [material, onSite, defense] = publicDistributions(
      distributionsOf(
        [
          { applicationId: 'a', material: 80_000, materialCategories: { '4.1': 8_800 }, onSite: 75_000 },
          { applicationId: 'b', material: 55_000, materialCategories: { '4.1': 5_500 }, onSite: 70_000 },
          { applicationId: 'c', material: 45_000, materialCategories: { '4.1': 4_400 } },
        ],
        GBT19580_2012,
      ),
    );
    expect(material!.withheld).toBeUndefined();
    expect(material!.total.n).toBe(3);
    expect(onSite).toEqual({ stage: 'onSite', total: { n: 2, counts: [] }, categories: [], withheld: true });
    expect(defense!.withheld).toBeUndefined();
    expect(defense!.total.n).toBe(0);
  });
});
