import type { Criteria } from './types';

/** One inconsistency found in a criteria catalogue, in plain English for operators and logs. */
export interface CatalogueProblem {
  readonly edition: string;
  readonly where: string;
  readonly problem: string;
}

const PERCENT_STEP = 5;

// GB/Z 19579-2012 Appendix A: items sum to their category, categories to the total, and the bands cover 0–100% without gaps or overlap.
/** Every inconsistency of a catalogue; an empty list means it is sound. */
export function checkCatalogue(criteria: Criteria): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const add = (where: string, problem: string) => problems.push({ edition: criteria.edition, where, problem });
  const seenItems = new Set<string>();
  const seenCategories = new Set<string>();
  let categorySum = 0;
  for (const category of criteria.categories) {
    if (seenCategories.has(category.id)) add(category.id, 'duplicate category id');
    seenCategories.add(category.id);
    if (!Number.isInteger(category.points) || category.points <= 0) add(category.id, `category points must be a positive whole number, got ${category.points}`);
    if (category.items.length === 0) add(category.id, 'category has no items');
    let itemSum = 0;
    for (const item of category.items) {
      if (seenItems.has(item.id)) add(item.id, 'duplicate item id');
      seenItems.add(item.id);
      if (item.categoryId !== category.id) add(item.id, `item says category ${item.categoryId} but sits in ${category.id}`);
      if (!item.id.startsWith(`${category.id}.`)) add(item.id, `item number does not start with ${category.id}.`);
      if (item.kind !== category.kind) add(item.id, `item kind ${item.kind} differs from category kind ${category.kind}`);
      if (!Number.isInteger(item.points) || item.points <= 0) add(item.id, `item points must be a positive whole number, got ${item.points}`);
      if (!item.name['zh-CN'].trim() || !item.name.en.trim()) add(item.id, 'item name missing in a language');
      itemSum += item.points;
    }
    if (itemSum !== category.points) add(category.id, `items sum to ${itemSum}, category has ${category.points}`);
    categorySum += category.points;
  }
  if (categorySum !== criteria.totalPoints) add('total', `categories sum to ${categorySum}, catalogue has ${criteria.totalPoints}`);
  const nested = criteria.categories.flatMap((c) => c.items.map((i) => i.id));
  if (nested.join() !== criteria.items.map((i) => i.id).join()) add('items', 'the flat item list differs from the items of the categories');
  let expectedMin = 0;
  criteria.bands.forEach((band, index) => {
    const where = `band ${index + 1}`;
    if (band.level !== index + 1) add(where, `level should be ${index + 1}, got ${band.level}`);
    if (band.minPercent !== expectedMin) add(where, `starts at ${band.minPercent}%, expected ${expectedMin}%`);
    if (band.maxPercent < band.minPercent) add(where, 'ends before it starts');
    if (band.minPercent % PERCENT_STEP !== 0 || band.maxPercent % PERCENT_STEP !== 0) add(where, 'bounds are not multiples of 5%');
    for (const text of [band.process, band.results]) if (!text['zh-CN'].trim() || !text.en.trim()) add(where, 'descriptor missing in a language');
    expectedMin = band.maxPercent + PERCENT_STEP;
  });
  if (expectedMin !== 100 + PERCENT_STEP) add('bands', 'the bands do not end at 100%');
  return problems;
}

/** Error thrown at start-up when a catalogue is inconsistent. */
export class CatalogueIntegrityError extends Error {
  readonly code = 'CATALOGUE_INCONSISTENT';
  constructor(readonly problems: readonly CatalogueProblem[]) {
    super(`criteria catalogue is inconsistent: ${problems.map((p) => `${p.edition} ${p.where}: ${p.problem}`).join('; ')}`);
    this.name = 'CatalogueIntegrityError';
  }
}

/** Throws {@link CatalogueIntegrityError} when the catalogue is inconsistent; call it at start-up. */
export function assertCatalogue(criteria: Criteria): void {
  const problems = checkCatalogue(criteria);
  if (problems.length > 0) throw new CatalogueIntegrityError(problems);
}
