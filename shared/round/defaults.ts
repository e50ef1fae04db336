import { GBT19580_2012 } from '../criteria';
import { defaultChecklist } from '../eligibility/checklist';
import { PACKAGE_DEFAULT_SETTINGS } from './package-defaults';
import { SETTING_DEFAULTS } from './setting-defaults';
import type { RoundConfig, RoundDates } from './schema';

/** Default values of a round (DOMAIN.md: every number there is a round setting with this default). */
export const ROUND_DEFAULTS = {
  edition: GBT19580_2012.edition,
  ...SETTING_DEFAULTS,
  /**
   * The application package: text limits in characters (profile, one item's
   * self-assessment, the whole report) and the document categories required
   * to submit.
   */
  package: PACKAGE_DEFAULT_SETTINGS,
} as const;

/** Optional settings for {@link defaultRoundConfig}. */
export interface DefaultRoundOptions {
  /** Administrative division prefixes of the programme's area; adds the "registered in the area" rule. */
  readonly regionPrefixes?: readonly string[];
}

/**
 * A complete configuration with every default, for the given stage dates (the
 * caller supplies time; shared/ has no clock). The result passes
 * `parseRoundConfig` when the dates are in order.
 */
export function defaultRoundConfig(dates: RoundDates, options: DefaultRoundOptions = {}): RoundConfig {
  const d = ROUND_DEFAULTS;
  return {
    edition: d.edition,
    dates: { ...dates },
    winnersQuota: d.winnersQuota,
    candidateThreshold: d.candidateThreshold,
    weights: { ...d.weights },
    teams: { ...d.teams },
    divergenceThreshold: d.divergenceThreshold,
    reliabilityFlagOffset: d.reliabilityFlagOffset,
    siteVisitShortlistSize: d.siteVisitsPerPlace * d.winnersQuota,
    publicNoticeDays: d.publicNoticeDays,
    timeZone: d.timeZone,
    opinionDepartments: [...d.opinionDepartments],
    eligibility: defaultChecklist(options.regionPrefixes),
    conflicts: { ...d.conflicts },
    draw: { loadCap: d.draw.loadCap, excludeSameDistrict: d.draw.excludeSameDistrict, mix: { materialReview: [], onSite: [] } },
    reminders: { applicantDays: [...d.reminders.applicantDays], reviewerDays: [...d.reminders.reviewerDays] },
    uploads: { ...d.uploads, allowedTypes: [...d.uploads.allowedTypes] },
    package: { ...d.package, requiredDocuments: [...d.package.requiredDocuments] },
  };
}
