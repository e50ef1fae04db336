import { GBT19580_2012 } from './gbt19580-2012';
import { assertCatalogue } from './integrity';
import type { Criteria, CriteriaItem } from './types';

export { GBT19580_2012 } from './gbt19580-2012';
export { assertCatalogue, CatalogueIntegrityError, checkCatalogue, type CatalogueProblem } from './integrity';
export type { Band, Category, CategoryId, Criteria, CriteriaItem, ItemId, ItemKind } from './types';

/** Every edition of the criteria Merit knows, by edition id. A later edition is added here beside the earlier ones. */
export const CRITERIA_EDITIONS = {
  [GBT19580_2012.edition]: GBT19580_2012,
} as const satisfies Readonly<Record<string, Criteria>>;

// DOMAIN.md: check at start-up that items sum to their category and categories to 1,000 — every process that loads the catalogue does.
for (const criteria of Object.values(CRITERIA_EDITIONS)) assertCatalogue(criteria);

/** An edition id of {@link CRITERIA_EDITIONS} (`'GB/T 19580-2012'`). */
export type Edition = keyof typeof CRITERIA_EDITIONS;

/** The edition ids, oldest first. */
export const EDITIONS = Object.keys(CRITERIA_EDITIONS) as Edition[];

/** True when `edition` names a known edition. */
export function isEdition(edition: string): edition is Edition {
  return Object.prototype.hasOwnProperty.call(CRITERIA_EDITIONS, edition);
}

/** The catalogue of an edition; `undefined` when the edition is unknown. */
export function getCriteria(edition: string): Criteria | undefined {
  return isEdition(edition) ? CRITERIA_EDITIONS[edition] : undefined;
}

/** The item with `id` in a catalogue, if any. */
export function findItem(criteria: Criteria, id: string): CriteriaItem | undefined {
  return criteria.items.find((item) => item.id === id);
}

/** The edition a new round uses unless its configuration names another. */
export const DEFAULT_EDITION: Edition = GBT19580_2012.edition;
