import { describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../criteria';
import { messages } from '../messages';
import { scorecardTotals, type Percentage, type Scorecard } from '../scoring';
import { FUNNEL_STEPS, funnel, funnelCounts, reviewerCalibration, scoreDistributions, share, summarise } from './index';

const ITEM_IDS = GBT19580_2012.items.map((i) => i.id);
const uniform = (percent: Percentage): Scorecard => Object.fromEntries(ITEM_IDS.map((id) => [id, percent])) as Scorecard;

describe('funnel', () => {
  it('shows 170 of 541 as 31.4%', () => {
    expect(share(170, 541)).toEqual({ part: 170, whole: 541, permille: 314, text: '31.4%' });
  });

  it('rounds a share half up and shows a dash for an empty whole', () => {
    expect(share(1, 8).text).toBe('12.5%');
    expect(share(1, 16).text).toBe('6.3%');
    expect(share(0, 0)).toEqual({ part: 0, whole: 0, permille: null, text: '–' });
  });

  it('gives each step its share of the step before and of the registrations', () => {
    const steps = funnel({ registered: 541, submitted: 170, eligible: 160, shortlisted: 12, candidates: 9, proposed: 6, winners: 6 });
    expect(steps.map((s) => s.step)).toEqual([...FUNNEL_STEPS]);
    expect(steps[1]).toMatchObject({ count: 170, ofPrevious: { text: '31.4%' }, ofRegistered: { text: '31.4%' } });
    expect(steps[6]).toMatchObject({ ofPrevious: { text: '100.0%' }, ofRegistered: { text: '1.1%' } });
  });

  it('counts each application at every step it reached', () => {
    const counts = funnelCounts(['registered', 'withdrawn', 'submitted', 'ineligible', 'notShortlisted', 'belowThreshold', 'objected', 'winner']);
    expect(counts).toEqual({ registered: 8, submitted: 6, eligible: 4, shortlisted: 3, candidates: 2, proposed: 1, winners: 1 });
  });

  it('has a term for every step', () => {
    for (const step of FUNNEL_STEPS) expect(messages[`domain.funnel.${step}`], step).toBeDefined();
  });
});

describe('score distributions', () => {
  it('summarises count, min, max, mean and median in hundredths', () => {
    expect(summarise([100, 300, 200, 401])).toEqual({ count: 4, min: 100, max: 401, mean: 250, median: 250 });
    expect(summarise([])).toEqual({ count: 0, min: null, max: null, mean: null, median: null });
  });

  it('describes every item and category, with the band counts of each item', () => {
    const totals = [uniform(35), uniform(50), uniform(90)].map((c) => scorecardTotals(c, GBT19580_2012));
    const d = scoreDistributions(totals, GBT19580_2012);
    expect(d.items).toHaveLength(23);
    expect(d.categories).toHaveLength(7);
    const item = d.items.find((i) => i.itemId === '4.4.3')!;
    expect(item).toMatchObject({ count: 3, min: 525, max: 1350, median: 750, bandCounts: [0, 0, 1, 1, 0, 1] });
    expect(d.categories.find((c) => c.categoryId === '4.7')).toMatchObject({ min: 14_000, max: 36_000 });
    expect(d.total).toMatchObject({ count: 3, min: 35_000, max: 90_000, mean: 58_333 });
  });
});

describe('reviewer calibration', () => {
  it('gives each reviewer their mean offset from the consensus and its spread', () => {
    const consensus = uniform(50);
    const generous = { ...uniform(60), '4.1.2': 70 } as Scorecard;
    const samples = [
      { reviewerId: 'b', card: generous, consensus },
      { reviewerId: 'a', card: uniform(50), consensus },
      { reviewerId: 'a', card: uniform(40), consensus },
    ];
    const [a, b] = reviewerCalibration(samples);
    expect(a).toEqual({ reviewerId: 'a', count: 46, meanOffset: -5, meanAbsoluteOffset: 5, spread: 5 });
    expect(b).toMatchObject({ reviewerId: 'b', count: 23, meanOffset: 10.43, meanAbsoluteOffset: 10.43 });
    expect(b!.spread).toBeCloseTo(2.04, 2);
  });
});
