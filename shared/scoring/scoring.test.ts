import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GBT19580_2012, type ItemId } from '../criteria';
import { messages } from '../messages';
import { parseRoundConfig } from '../round';
import {
  aggregateTeam,
  bandFor,
  candidates,
  checkScorecard,
  compareStandings,
  divergenceFlags,
  evaluateRound,
  finalScore,
  formatFinalScore,
  formatPoints,
  isValidPercentage,
  itemScoreHundredths,
  PERCENTAGES,
  percentagesIn,
  proposeWinners,
  rankApplications,
  SCORING_ERROR_CODES,
  scorecardTotals,
  ScoringError,
  siteVisitShortlist,
  standingOf,
  weightsPerMille,
  type ApplicationScores,
  type Percentage,
  type Scorecard,
  type Standing,
} from './index';

const criteria = GBT19580_2012;
const ITEM_IDS = criteria.items.map((i) => i.id);
const uniform = (percent: Percentage): Scorecard => Object.fromEntries(ITEM_IDS.map((id) => [id, percent])) as Scorecard;
const DEFAULT_WEIGHTS = { material: 300, onSite: 500, defense: 200 };
const POINT = 100_000;

const percentage = fc.constantFrom(...PERCENTAGES);
const card = fc.array(percentage, { minLength: ITEM_IDS.length, maxLength: ITEM_IDS.length }).map((ps) => Object.fromEntries(ITEM_IDS.map((id, i) => [id, ps[i]!])) as Scorecard);

describe('scoring an item', () => {
  it('scores 15 points at 35% as exactly 5.25', () => {
    expect(itemScoreHundredths(35, 15)).toBe(525);
    expect(formatPoints(525)).toBe('5.25');
  });

  it('rounds only for display, half up', () => {
    expect(formatPoints(525, 1)).toBe('5.3');
    expect(formatPoints(524, 1)).toBe('5.2');
    expect(formatPoints(100_000, 0)).toBe('1000');
  });

  it('accepts only percentages 0–100 in steps of 5', () => {
    expect(PERCENTAGES).toHaveLength(21);
    for (const bad of [7, -5, 105, 2.5, Number.NaN, '35']) expect(isValidPercentage(bad)).toBe(false);
    expect(() => itemScoreHundredths(7 as Percentage, 15)).toThrow(ScoringError);
    try {
      itemScoreHundredths(7 as Percentage, 15);
    } catch (error) {
      expect((error as ScoringError).code).toBe('INVALID_PERCENTAGE');
    }
  });

  it('puts 35% in band 3 (30–45%) and 100% in band 6', () => {
    expect(bandFor(35).level).toBe(3);
    expect(bandFor(0).level).toBe(1);
    expect(bandFor(5).level).toBe(1);
    expect(bandFor(10).level).toBe(2);
    expect(bandFor(100).level).toBe(6);
    expect(percentagesIn(bandFor(35))).toEqual([30, 35, 40, 45]);
  });
});

describe('scorecards', () => {
  it('totals 1,000 points for a card of 100% and 0 for a card of 0%', () => {
    expect(scorecardTotals(uniform(100), criteria).total).toBe(100_000);
    expect(scorecardTotals(uniform(0), criteria).total).toBe(0);
  });

  it('sums items into their category: 4.4 at 35% is exactly 45.50 points', () => {
    const totals = scorecardTotals(uniform(35), criteria);
    expect(totals.categories['4.4']).toBe(4550);
    expect(totals.items['4.4.3']).toBe(525);
  });

  it('refuses an incomplete card with INCOMPLETE_SCORECARD', () => {
    const { ['4.7.7']: _dropped, ...partial } = uniform(50);
    expect(() => scorecardTotals(partial, criteria)).toThrow(/INCOMPLETE_SCORECARD/);
  });

  it('lists every problem of an entered card: unknown item, off-grid percentage, missing items', () => {
    const issues = checkScorecard({ ...uniform(50), '4.1.1': 50, '4.2.2': 33, '4.7.7': undefined }, criteria);
    expect(issues.map((i) => `${i.code} ${i.itemId}`).sort()).toEqual(['INVALID_PERCENTAGE 4.2.2', 'MISSING_ITEM_SCORE 4.7.7', 'UNKNOWN_ITEM 4.1.1']);
  });

  it('keeps totals within 0–1,000 points and equal to the sum of items and of categories (property)', () => {
    fc.assert(
      fc.property(card, (c) => {
        const totals = scorecardTotals(c, criteria);
        const items = Object.values(totals.items).reduce((s, v) => s + v, 0);
        const categories = Object.values(totals.categories).reduce((s, v) => s + v, 0);
        expect(totals.total).toBe(items);
        expect(totals.total).toBe(categories);
        expect(Number.isInteger(totals.total)).toBe(true);
        expect(totals.total).toBeGreaterThanOrEqual(0);
        expect(totals.total).toBeLessThanOrEqual(100_000);
      }),
      { numRuns: 200 },
    );
  });
});

describe('aggregation', () => {
  it('flags items whose independent scores differ by 20 points or more, and not 15', () => {
    const a = { ...uniform(50), '4.1.2': 30, '4.2.2': 40 } as Scorecard;
    const b = { ...uniform(50), '4.1.2': 50, '4.2.2': 55 } as Scorecard;
    expect(divergenceFlags([a, b, uniform(50)], 20, criteria)).toEqual([{ itemId: '4.1.2', min: 30, max: 50, spread: 20 }]);
    expect(divergenceFlags([a, b], 20)).toEqual([{ itemId: '4.1.2', min: 30, max: 50, spread: 20 }]);
  });

  it('weights 0.3 × material + 0.5 × on-site + 0.2 × defense exactly', () => {
    const final = finalScore({ material: 60_000, onSite: 55_000, defense: 70_000 }, DEFAULT_WEIGHTS);
    expect(final).toBe(595 * POINT);
    expect(formatFinalScore(finalScore({ material: 51_235, onSite: 0, defense: 0 }, DEFAULT_WEIGHTS))).toBe('153.71');
    expect(weightsPerMille({ material: 0.3, onSite: 0.5, defense: 0.2 })).toEqual(DEFAULT_WEIGHTS);
  });

  it('refuses weights that do not sum to 1 with INVALID_WEIGHTS', () => {
    expect(() => finalScore({ material: 0, onSite: 0, defense: 0 }, { material: 300, onSite: 500, defense: 300 })).toThrow(/INVALID_WEIGHTS/);
  });
});

const standing = (applicationId: string, finalPoints: number, results = 0, onSite = 0): Standing => ({ applicationId, final: finalPoints * POINT, results, onSite });

describe('ranking', () => {
  it('breaks a tie on the final score by the results items (4.7), then by the on-site score', () => {
    const ranked = rankApplications([standing('a', 600, 20_000, 60_000), standing('b', 600, 25_000, 50_000), standing('c', 600, 20_000, 65_000), standing('d', 601)]);
    expect(ranked.map((s) => [s.applicationId, s.rank])).toEqual([
      ['d', 1],
      ['b', 2],
      ['c', 3],
      ['a', 4],
    ]);
  });

  it('gives a full tie the same rank', () => {
    const ranked = rankApplications([standing('b', 600, 1, 1), standing('a', 600, 1, 1), standing('c', 500)]);
    expect(ranked.map((s) => [s.applicationId, s.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('makes a final score of exactly 500 a candidate and 499.99999 not', () => {
    const ranked = rankApplications([standing('a', 500), { ...standing('b', 500), final: 500 * POINT - 1 }]);
    expect(candidates(ranked, 500).map((s) => s.applicationId)).toEqual(['a']);
  });

  it('proposes at most the quota and leaves a tie straddling the last place to the committee', () => {
    const ranked = rankApplications([standing('a', 700), standing('b', 650), standing('c', 600, 1, 1), standing('d', 600, 1, 1)]);
    const proposal = proposeWinners(ranked, 3);
    expect(proposal.proposed.map((s) => s.applicationId)).toEqual(['a', 'b']);
    expect(proposal.tiedAtCutoff.map((s) => s.applicationId)).toEqual(['c', 'd']);
  });

  it('is a permutation of its input ordered by final score, results score, then on-site score (property)', () => {
    const standings = fc.uniqueArray(
      fc.record({ applicationId: fc.string({ minLength: 1, maxLength: 4 }), final: fc.integer({ min: 0, max: 5 }), results: fc.integer({ min: 0, max: 3 }), onSite: fc.integer({ min: 0, max: 3 }) }),
      { selector: (s) => s.applicationId, maxLength: 40 },
    );
    fc.assert(
      fc.property(standings, (list) => {
        const ranked = rankApplications(list);
        expect(ranked.map((s) => s.applicationId).sort()).toEqual(list.map((s) => s.applicationId).sort());
        for (let i = 1; i < ranked.length; i++) {
          const [prev, cur] = [ranked[i - 1]!, ranked[i]!];
          expect(compareStandings(prev, cur)).toBeLessThanOrEqual(0);
          expect(cur.rank).toBe(compareStandings(prev, cur) === 0 ? prev.rank : i + 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never proposes more winners than the quota (property)', () => {
    const finals = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 30 });
    fc.assert(
      fc.property(finals, fc.integer({ min: 0, max: 12 }), (list, quota) => {
        const ranked = rankApplications(list.map((f, i) => standing(`x${i}`, f)));
        const { proposed, tiedAtCutoff } = proposeWinners(ranked, quota);
        expect(proposed.length).toBeLessThanOrEqual(quota);
        expect(proposed.length + tiedAtCutoff.length).toBeGreaterThanOrEqual(Math.min(quota, ranked.length));
        for (const p of proposed) for (const t of tiedAtCutoff) expect(compareStandings(p, t)).toBeLessThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('site-visit shortlist', () => {
  it('takes the top N at or above the threshold by material score alone', () => {
    const entries = [
      { token: 't1', materialScore: 70_000 },
      { token: 't2', materialScore: 49_999 },
      { token: 't3', materialScore: 60_000 },
      { token: 't4', materialScore: 55_000 },
    ];
    expect(siteVisitShortlist(entries, 2, 500)).toEqual({ tokens: ['t1', 't3'], extendedByTie: false });
    expect(siteVisitShortlist(entries, 12, 500).tokens).toEqual(['t1', 't3', 't4']);
  });

  it('takes a tie for the last place in whole, saying so', () => {
    const entries = [
      { token: 'a', materialScore: 70_000 },
      { token: 'b', materialScore: 60_000 },
      { token: 'c', materialScore: 60_000 },
    ];
    expect(siteVisitShortlist(entries, 2, 500)).toEqual({ tokens: ['a', 'b', 'c'], extendedByTie: true });
  });
});

const application = (id: string, material: Scorecard, onSite: Scorecard, defensePoints: number): ApplicationScores => ({
  applicationId: id,
  material: { independent: [material, material, material, material, material], consensus: material },
  onSite: { independent: [onSite, onSite, onSite], consensus: onSite },
  defense: defensePoints * 100,
});

describe('comprehensive evaluation', () => {
  it('ranks, picks candidates at the threshold and proposes within the quota', () => {
    const settings = { weights: { material: 0.3, onSite: 0.5, defense: 0.2 }, candidateThreshold: 500, winnersQuota: 1, divergenceThreshold: 20 };
    const result = evaluateRound([application('low', uniform(40), uniform(40), 400), application('high', uniform(70), uniform(60), 800), application('mid', uniform(50), uniform(50), 500)], settings, criteria);
    expect(result.ranked.map((s) => [s.applicationId, formatFinalScore(s.final)])).toEqual([
      ['high', '670.00'],
      ['mid', '500.00'],
      ['low', '400.00'],
    ]);
    expect(result.candidates.map((s) => s.applicationId)).toEqual(['high', 'mid']);
    expect(result.proposal.proposed.map((s) => s.applicationId)).toEqual(['high']);
  });

  it('agrees with the item-by-item path (aggregateTeam, standingOf, finalScore) on every application (property)', () => {
    const settings = { weights: { material: 0.3, onSite: 0.5, defense: 0.2 }, candidateThreshold: 500, winnersQuota: 6, divergenceThreshold: 20 };
    const apps = fc.array(fc.tuple(fc.array(card, { minLength: 1, maxLength: 5 }), card, card, fc.integer({ min: 0, max: 1000 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(apps, (list) => {
        const input = list.map(([independent, consensus, onSite, defense], i): ApplicationScores => ({
          applicationId: `a${i}`,
          material: { independent, consensus },
          onSite: { independent: [onSite, consensus], consensus: onSite },
          defense: defense * 100,
        }));
        const result = evaluateRound(input, settings, criteria);
        for (const [i, application] of input.entries()) {
          const material = aggregateTeam(application.material, criteria, 20);
          const onSite = aggregateTeam(application.onSite, criteria, 20);
          const reference = standingOf({ applicationId: application.applicationId, material: material.score.total, onSite: onSite.score, defense: application.defense }, DEFAULT_WEIGHTS, criteria);
          expect(result.ranked.find((s) => s.applicationId === application.applicationId)).toMatchObject(reference);
          expect(result.applications[i]).toMatchObject({ materialFlags: material.flags, onSiteFlags: onSite.flags, material: material.score.total, onSite: onSite.score.total });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses the same application twice with DUPLICATE_APPLICATION', () => {
    const settings = { weights: { material: 0.3, onSite: 0.5, defense: 0.2 }, candidateThreshold: 500, winnersQuota: 6, divergenceThreshold: 20 };
    const a = application('a', uniform(50), uniform(50), 500);
    expect(() => evaluateRound([a, a], settings, criteria)).toThrow(/DUPLICATE_APPLICATION/);
  });

  it('never throws for a configuration the schema accepts and never proposes above its quota (property)', () => {
    const dates = {
      registrationOpens: '2026-07-01T00:00:00Z',
      registrationCloses: '2026-08-01T00:00:00Z',
      submissionDeadline: '2026-08-15T00:00:00Z',
      materialReviewDeadline: '2026-09-01T00:00:00Z',
      onSiteDeadline: '2026-10-01T00:00:00Z',
      defenseDate: '2026-10-15T00:00:00Z',
    };
    const weights = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })).map(([a, b]) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      return { material: low / 1000, onSite: (high - low) / 1000, defense: (1000 - high) / 1000 };
    });
    const config = fc.record({
      dates: fc.constant(dates),
      winnersQuota: fc.integer({ min: -2, max: 25 }),
      candidateThreshold: fc.integer({ min: -10, max: 1100 }),
      divergenceThreshold: fc.integer({ min: 0, max: 120 }),
      siteVisitShortlistSize: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      weights: fc.oneof(weights, fc.record({ material: fc.double({ min: -0.5, max: 1.5, noNaN: true }), onSite: fc.constant(0.5), defense: fc.constant(0.2) })),
    });
    const apps = fc.array(fc.tuple(card, card, fc.integer({ min: 0, max: 1000 })), { maxLength: 15 });
    let accepted = 0;
    fc.assert(
      fc.property(config, apps, (input, list) => {
        const parsed = parseRoundConfig(input);
        if (!parsed.ok) return;
        accepted++;
        const result = evaluateRound(
          list.map(([m, o, d], i) => application(`app-${i}`, m, o, d)),
          parsed.config,
          criteria,
        );
        expect(result.ranked).toHaveLength(list.length);
        expect(result.proposal.proposed.length).toBeLessThanOrEqual(parsed.config.winnersQuota);
        for (const s of result.ranked) expect(s.final).toBeLessThanOrEqual(1000 * POINT);
      }),
      // Most random configurations are refused by the schema (a few in a hundred pass): enough runs that the accepted
      // ones are not a handful by chance (100 runs once gave exactly 5).
      { numRuns: 500 },
    );
    expect(accepted).toBeGreaterThan(10);
  });
});

describe('scoring error codes', () => {
  it('has a catalogue entry for every scoring error and scorecard issue code', () => {
    for (const code of [...SCORING_ERROR_CODES, 'MISSING_ITEM_SCORE', 'UNKNOWN_ITEM'] as const) expect(messages[code], code).toBeDefined();
  });

  it('names item ids of the catalogue only', () => {
    const ids: ItemId[] = ITEM_IDS;
    expect(new Set(ids).size).toBe(23);
  });
});
