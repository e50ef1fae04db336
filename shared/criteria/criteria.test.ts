import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { assertCatalogue, CatalogueIntegrityError, checkCatalogue, CRITERIA_EDITIONS, EDITIONS, findItem, getCriteria, GBT19580_2012, type Criteria } from './index';

describe('criteria catalogue GB/T 19580-2012', () => {
  it('has 7 categories and 23 scored items worth 1,000 points', () => {
    expect(GBT19580_2012.categories).toHaveLength(7);
    expect(GBT19580_2012.items).toHaveLength(23);
    expect(GBT19580_2012.items.reduce((s, i) => s + i.points, 0)).toBe(1000);
  });

  it('gives process items 600 points and results items 400', () => {
    const sum = (kind: string) => GBT19580_2012.items.filter((i) => i.kind === kind).reduce((s, i) => s + i.points, 0);
    expect(sum('process')).toBe(600);
    expect(sum('results')).toBe(400);
  });

  it('passes its integrity check', () => {
    expect(checkCatalogue(GBT19580_2012)).toEqual([]);
    expect(() => assertCatalogue(GBT19580_2012)).not.toThrow();
  });

  it('carries the points of GB/Z 19579-2012 Appendix A for sample items', () => {
    expect(findItem(GBT19580_2012, '4.1.2')?.points).toBe(50);
    expect(findItem(GBT19580_2012, '4.4.3')?.points).toBe(15);
    expect(findItem(GBT19580_2012, '4.7.7')?.name).toEqual({ 'zh-CN': '领导方面的结果', en: 'Leadership results' });
    expect(findItem(GBT19580_2012, '4.1.1')).toBeUndefined();
  });

  it('has six bands covering 0–100% with process and results descriptors in both languages', () => {
    expect(GBT19580_2012.bands.map((b) => [b.minPercent, b.maxPercent])).toEqual([
      [0, 5],
      [10, 25],
      [30, 45],
      [50, 65],
      [70, 85],
      [90, 100],
    ]);
    for (const band of GBT19580_2012.bands) for (const text of [band.process, band.results]) expect(text['zh-CN'] && text.en).toBeTruthy();
  });

  it('is found by its edition id and refuses an unknown edition', () => {
    expect(EDITIONS).toContain('GB/T 19580-2012');
    expect(getCriteria('GB/T 19580-2012')).toBe(CRITERIA_EDITIONS['GB/T 19580-2012']);
    expect(getCriteria('GB/T 19580-2099')).toBeUndefined();
  });

  it('reports every inconsistency of a broken catalogue, not only the first', () => {
    const broken: Criteria = {
      ...GBT19580_2012,
      categories: GBT19580_2012.categories.map((c) =>
        c.id === '4.1' ? { ...c, items: c.items.map((i) => (i.id === '4.1.2' ? { ...i, points: 45 } : i)) } : c.id === '4.7' ? { ...c, points: 410 } : c,
      ),
    };
    const problems = checkCatalogue(broken);
    expect(problems.map((p) => p.where)).toEqual(expect.arrayContaining(['4.1', '4.7', 'total']));
    expect(() => assertCatalogue(broken)).toThrow(CatalogueIntegrityError);
  });

  it('refuses bands with a gap', () => {
    const gap: Criteria = { ...GBT19580_2012, bands: GBT19580_2012.bands.filter((b) => b.level !== 3) };
    expect(checkCatalogue(gap).length).toBeGreaterThan(0);
  });

  it('has a catalogue entry for its integrity error code', () => {
    expect(messages[new CatalogueIntegrityError([]).code]).toBeDefined();
  });
});
