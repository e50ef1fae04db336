import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../criteria';
import { consensusDrift, iccTwoWayRandomSingle, krippendorffAlphaInterval, reviewerLeniency, teamReliability, type TeamRatings } from './index';

const _ = null;
const ITEM_IDS = GBT19580_2012.items.map((i) => i.id);
const card = (reviewerId: string, percent: (index: number) => number) => ({ reviewerId, percents: Object.fromEntries(ITEM_IDS.map((id, i) => [id, percent(i)])) });
const transpose = (rows: readonly (readonly (number | null)[])[]) => rows[0]!.map((_v, u) => rows.map((r) => r[u]!));

describe("Krippendorff's alpha (interval)", () => {
  it('gives 0.849 on the reference data of Krippendorff (2011) with missing values', () => {
    // Prepare: K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C, the worked example:
    // 4 observers (A–D) × 12 units, 7 values missing; published alpha: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797.
    const observers = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    // Act
    const alpha = krippendorffAlphaInterval(transpose(observers));
    // Assess
    expect(alpha.ok).toBe(true);
    if (alpha.ok) expect(alpha.value).toBeCloseTo(0.849, 3);
  });

  it('is 1 for perfect agreement and 0-ish or below for disagreement unrelated to the items', () => {
    expect(krippendorffAlphaInterval([[10, 10], [50, 50], [90, 90]])).toEqual({ ok: true, value: 1 });
    const reversed = krippendorffAlphaInterval([[10, 90], [50, 50], [90, 10]]);
    expect(reversed.ok && reversed.value < 0).toBe(true);
  });

  it('answers "not enough data" for one reviewer, no pairable values, or no variance — never NaN', () => {
    expect(krippendorffAlphaInterval([[50], [60], [70]])).toEqual({ ok: false, reason: 'tooFewRaters' });
    expect(krippendorffAlphaInterval([[50, _], [_, 60]])).toEqual({ ok: false, reason: 'tooFewItems' });
    expect(krippendorffAlphaInterval([])).toEqual({ ok: false, reason: 'tooFewRaters' });
    expect(krippendorffAlphaInterval([[50, 50], [50, 50]])).toEqual({ ok: false, reason: 'noVariance' });
  });
});

describe('ICC(2,1)', () => {
  it('gives 0.29 on the example of Shrout & Fleiss (1979), Table 2', () => {
    // Prepare: P. E. Shrout & J. L. Fleiss, "Intraclass correlations: uses in assessing rater reliability",
    // Psychological Bulletin 86(2), 420–428 (1979): 6 targets × 4 judges (Table 2); Table 4 gives ICC(1,1) = .17, ICC(2,1) = .29, ICC(3,1) = .71.
    const ratings = [
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ];
    // Act
    const icc = iccTwoWayRandomSingle(ratings);
    // Assess
    expect(icc.ok).toBe(true);
    if (icc.ok) expect(icc.value).toBeCloseTo(0.29, 2);
  });

  it('leaves out items a rater did not score', () => {
    const full = iccTwoWayRandomSingle([[9, 2], [6, 1], [8, 4]]);
    expect(iccTwoWayRandomSingle([[9, 2], [6, 1], [8, 4], [7, _]])).toEqual(full);
  });

  it('answers "not enough data" for one reviewer, fewer than 2 items, or a constant card — never NaN', () => {
    expect(iccTwoWayRandomSingle([[50], [60]])).toEqual({ ok: false, reason: 'tooFewRaters' });
    expect(iccTwoWayRandomSingle([[50, 60]])).toEqual({ ok: false, reason: 'tooFewItems' });
    expect(iccTwoWayRandomSingle([[50, 50], [50, 50], [50, 50]])).toEqual({ ok: false, reason: 'noVariance' });
  });
});

const matrices = fc
  .record({ items: fc.integer({ min: 2, max: 23 }), raters: fc.integer({ min: 2, max: 7 }) })
  .chain(({ items, raters }) => fc.array(fc.array(fc.integer({ min: 0, max: 20 }).map((v) => v * 5), { minLength: raters, maxLength: raters }), { minLength: items, maxLength: items }));

describe('reliability properties', () => {
  it('alpha is 1 when every rater gives the same card (and the items differ)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }).map((v) => v * 5), { minLength: 2, maxLength: 23 }), fc.integer({ min: 2, max: 7 }), (card, raters) => {
        fc.pre(new Set(card).size > 1);
        const alpha = krippendorffAlphaInterval(card.map((v) => Array.from({ length: raters }, () => v)));
        expect(alpha.ok && Math.abs(alpha.value - 1) < 1e-9).toBe(true);
      }),
    );
  });

  it('ICC and alpha do not change when a constant is added to every score', () => {
    fc.assert(
      fc.property(matrices, fc.integer({ min: -50, max: 50 }), (matrix, shift) => {
        const shifted = matrix.map((row) => row.map((v) => v + shift));
        for (const f of [iccTwoWayRandomSingle, krippendorffAlphaInterval]) {
          const [a, b] = [f(matrix), f(shifted)];
          expect(a.ok).toBe(b.ok);
          if (a.ok && b.ok) expect(b.value).toBeCloseTo(a.value, 9);
        }
      }),
    );
  });

  it('never answers NaN or an infinity', () => {
    fc.assert(
      fc.property(matrices, (matrix) => {
        for (const r of [iccTwoWayRandomSingle(matrix), krippendorffAlphaInterval(matrix)]) if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
      }),
    );
  });
});

describe('a round of teams', () => {
  const consensus = Object.fromEntries(ITEM_IDS.map((id, i) => [id, 40 + (i % 5) * 5]));
  const teams: TeamRatings[] = [
    { applicationId: 'app1', stage: 'materialReview', cards: [card('a', (i) => 40 + (i % 5) * 5), card('b', (i) => 55 + (i % 5) * 5), card('c', (i) => 35 + (i % 5) * 5)], consensus },
    { applicationId: 'app2', stage: 'materialReview', cards: [card('a', () => 50)] },
  ];

  it('gives each team its alpha and ICC, and "not enough data" for a team of one', () => {
    const [first, second] = teamReliability(teams, ITEM_IDS);
    expect(first).toMatchObject({ applicationId: 'app1', raters: 3, alpha: { ok: true }, icc: { ok: true } });
    expect(second).toMatchObject({ raters: 1, alpha: { ok: false, reason: 'tooFewRaters' }, icc: { ok: false, reason: 'tooFewRaters' } });
  });

  it('flags a reviewer whose mean offset from the consensus is beyond the flag offset', () => {
    const [a, b, c] = reviewerLeniency(teams, 10);
    expect(a).toMatchObject({ reviewerId: 'a', cards: 1, count: 23, meanOffset: 0, spread: 0, flagged: false, divergentItems: [] });
    expect(b).toMatchObject({ reviewerId: 'b', meanOffset: 15, flagged: true });
    expect(b!.divergentItems).toHaveLength(3);
    expect(c).toMatchObject({ reviewerId: 'c', meanOffset: -5, flagged: false });
    expect(reviewerLeniency(teams, 4).find((r) => r.reviewerId === 'c')!.flagged).toBe(true);
  });

  it('gives a reviewer without any consensus yet no offset instead of a number', () => {
    expect(reviewerLeniency([teams[1]!], 10)).toEqual([{ reviewerId: 'a', cards: 0, count: 0, meanOffset: null, spread: null, flagged: false, divergentItems: [] }]);
  });

  it('measures the drift from the material consensus to the site-visit consensus', () => {
    const material = new Map([['app1', { percents: { '4.1.2': 50, '4.1.3': 40 }, total: 50_000 }]]);
    const onSite = new Map<string, { percents: Record<string, number>; total: number }>([
      ['app1', { percents: { '4.1.2': 60, '4.1.3': 30 }, total: 47_500 }],
      ['app9', { percents: { '4.1.2': 60 }, total: 10_000 }],
    ]);
    expect(consensusDrift(material, onSite, ITEM_IDS)).toEqual([
      { applicationId: 'app1', materialTotal: 50_000, onSiteTotal: 47_500, totalDrift: -2_500, meanItemDrift: 0, largestItem: { itemId: '4.1.2', meanOffset: 10 } },
    ]);
  });
});
