// The round settings the office's form shows, as plain values. shared/round's ROUND_DEFAULTS and
// ROUND_DATE_FIELDS live next to the valibot schema and the criteria catalogue; importing them would put
// both into this chunk, and the server validates anyway. defaults.test.ts keeps these equal to shared/round.

/** The dated milestones of a round, in the order they must fall (shared/round `ROUND_DATE_FIELDS`). */
export const DATE_FIELDS = [
  'registrationOpens',
  'registrationCloses',
  'submissionDeadline',
  'materialReviewDeadline',
  'onSiteDeadline',
  'defenseDate',
] as const;

/** A dated milestone of a round. */
export type DateField = (typeof DATE_FIELDS)[number];

/** Defaults of the settings the form offers (shared/round `ROUND_DEFAULTS`). */
export const FORM_DEFAULTS = {
  winnersQuota: 6,
  candidateThreshold: 500,
  weights: { material: 0.3, onSite: 0.5, defense: 0.2 },
  teams: { materialReviewMin: 5, onSiteMin: 3, defensePanelMin: 5 },
  divergenceThreshold: 20,
  siteVisitsPerPlace: 2,
  publicNoticeDays: 7,
  opinionDepartments: ['credit', 'safety', 'environment', 'tax'],
} as const;
