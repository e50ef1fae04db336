/**
 * The defaults of a round's plain settings and the order of its dates, with
 * no schema and no catalogue behind them: the office's rounds form reads them
 * without loading either (shared/round/defaults.ts builds ROUND_DEFAULTS on them).
 */

/** The dated milestones of a round, in the order they must fall. */
export const ROUND_DATE_FIELDS = [
  'registrationOpens',
  'registrationCloses',
  'submissionDeadline',
  'materialReviewDeadline',
  'onSiteDeadline',
  'defenseDate',
] as const;

/** A dated milestone of a round. */
export type RoundDateField = (typeof ROUND_DATE_FIELDS)[number];

/** Default values of a round's plain settings (DOMAIN.md: every number there is a round setting with this default). */
export const SETTING_DEFAULTS = {
  winnersQuota: 6,
  candidateThreshold: 500,
  /** Material review 0.3, on-site 0.5, defense 0.2 (fractions of 1, summing to 1). */
  weights: { material: 0.3, onSite: 0.5, defense: 0.2 },
  teams: { materialReviewMin: 5, onSiteMin: 3, defensePanelMin: 5 },
  divergenceThreshold: 20,
  /** Reviewer reliability: a mean offset from the consensus beyond 10 percentage points (either way) is flagged. */
  reliabilityFlagOffset: 10,
  /** Site visits per winner's place: the shortlist defaults to 2 × the quota. */
  siteVisitsPerPlace: 2,
  publicNoticeDays: 7,
  /** The round's time zone (IANA): every time a person reads about the round — mail, errors, pages — is given in it. Beijing time. */
  timeZone: 'Asia/Shanghai',
  opinionDepartments: ['credit', 'safety', 'environment', 'tax'],
  /** Departments the rounds form offers by name (`domain.department.<id>`); the office may add any other by its name. */
  knownDepartments: ['credit', 'safety', 'environment', 'tax', 'market', 'labour'],
  conflicts: { employmentYears: 3 },
  /**
   * The random draw's rules (issue 13.2), committed with each draw: most assignments one expert may hold in the round,
   * whether experts of the applicant's district are left out, and per stage the field mix every team of that batch
   * must have (at least `min` members whose fields include the GB/T 4754 `section`).
   */
  draw: { loadCap: 3, excludeSameDistrict: false, mix: { materialReview: [], onSite: [] } },
  /**
   * Scheduled reminders (issue 13): days before registration closes and before the submission deadline when applicants
   * with an unsubmitted package are reminded; days before each review due date (material review, on-site, defense) when
   * experts and deliberators with open work are reminded. An empty list sends none of that kind.
   */
  reminders: { applicantDays: [7, 1], reviewerDays: [3, 1] },
  uploads: {
    allowedTypes: [
      'application/pdf',
      'image/jpeg',
      'image/png',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    maxFileBytes: 50 * 1024 * 1024,
    maxApplicationBytes: 500 * 1024 * 1024,
    maxFiles: 200,
  },
} as const;
