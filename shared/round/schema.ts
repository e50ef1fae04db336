import * as v from 'valibot';
import { EDITIONS } from '../criteria';
import { defaultChecklist, EligibilityRuleSchema } from '../eligibility/checklist';
import { INDUSTRY_SECTIONS } from '../pool/industries';
import { ROUND_DEFAULTS } from './defaults';
import { ROUND_DATE_FIELDS, type RoundDateField } from './setting-defaults';

/**
 * Issue messages inside the schema are catalogue codes, optionally followed
 * by a space and JSON parameters (`CONFIG_WEIGHTS_SUM {"sum":0.9}`);
 * `parseRoundConfig` turns them into bilingual texts.
 */
// A time zone the runtime knows (Intl throws a RangeError for any other name).
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

const coded = (code: string, params?: Readonly<Record<string, string | number>>) => (params ? `${code} ${JSON.stringify(params)}` : code);

const Int = (min: number, max: number) =>
  v.pipe(v.number(), v.integer('CONFIG_NOT_INTEGER'), v.minValue(min, 'CONFIG_TOO_SMALL'), v.maxValue(max, 'CONFIG_TOO_LARGE'));

const Timestamp = v.pipe(
  v.string(),
  v.isoTimestamp('CONFIG_INVALID_DATE'),
  v.check((s) => Number.isFinite(Date.parse(s)), 'CONFIG_INVALID_DATE'),
);

const unique = (values: readonly string[]) => new Set(values).size === values.length;
const firstDuplicate = (values: readonly string[]) => values.find((value, index) => values.indexOf(value) !== index) ?? '';
const NoDuplicates = v.check((values: string[]) => unique(values), (issue) => coded('CONFIG_DUPLICATE', { value: firstDuplicate(issue.input) }));

export { ROUND_DATE_FIELDS, type RoundDateField };

const DatesSchema = v.strictObject({
  /** Online registration opens (the round moves from the call to registration). */
  registrationOpens: Timestamp,
  /** Online registration closes. */
  registrationCloses: Timestamp,
  /** Formal submission deadline: packages are locked after it. */
  submissionDeadline: Timestamp,
  /** Material review (scores and consensus) is due. */
  materialReviewDeadline: Timestamp,
  /** On-site evaluations are due. */
  onSiteDeadline: Timestamp,
  /** Presentation and defense day. */
  defenseDate: Timestamp,
});

/** The three stage weights are fractions of 1 given to the thousandth (0.3, 0.25 …) so the final score stays exact. */
const Weight = v.pipe(
  v.number(),
  v.minValue(0, 'CONFIG_TOO_SMALL'),
  v.maxValue(1, 'CONFIG_TOO_LARGE'),
  v.check((w) => Math.abs(w * 1000 - Math.round(w * 1000)) < 1e-9, 'CONFIG_WEIGHT_PRECISION'),
);

const WeightsSchema = v.strictObject({ material: Weight, onSite: Weight, defense: Weight });

/** MIME types of the upload formats the award accepts by default: PDF, DOCX, XLSX, JPEG, PNG. */
const MimeType = v.pipe(v.string(), v.regex(/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/, 'CONFIG_INVALID_MIME'));

const UploadsSchema = v.strictObject({
  allowedTypes: v.pipe(
    v.array(MimeType),
    v.minLength(1, 'CONFIG_EMPTY_LIST'),
    NoDuplicates,
  ),
  /** Largest single file, in bytes. */
  maxFileBytes: Int(1, Number.MAX_SAFE_INTEGER),
  /** Largest sum of an application's current files, in bytes. */
  maxApplicationBytes: Int(1, Number.MAX_SAFE_INTEGER),
  /** Most files in one application. */
  maxFiles: Int(1, 10_000),
});

const PackageSchema = v.strictObject({
  /** Most characters of the organisational profile (组织概述). */
  profileMaxChars: Int(1, 1_000_000),
  /** Most characters of the self-assessment text for one item. */
  itemMaxChars: Int(1, 1_000_000),
  /** Most characters of the whole self-assessment report (all items together). */
  maxTotalChars: Int(1, 10_000_000),
  /** Document categories of which at least one verified document is needed to submit (ids of the submission feature). */
  requiredDocuments: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'CONFIG_INVALID_ID'))), NoDuplicates),
});

// Days before a deadline when a reminder goes out: at most five distinct whole days, each 1–60.
const ReminderDays = v.pipe(
  v.array(Int(1, 60)),
  v.maxLength(5, 'CONFIG_TOO_LARGE'),
  v.check((days: number[]) => new Set(days).size === days.length, (issue) => coded('CONFIG_DUPLICATE', { value: String(firstDuplicate((issue.input as number[]).map(String))) })),
);

// A department: an id the catalogue names (credit, tax …) or any other department by its name as people write it (市住房城乡建设局).
const Department = v.pipe(v.string(), v.trim(), v.regex(/^[^\u0000-\u001f]{1,40}$/, 'CONFIG_INVALID_DEPARTMENT'));

// A name printed on the award certificates, in both languages (a line each).
const PrintedName = v.pipe(v.string(), v.trim(), v.minLength(1, 'CONFIG_REQUIRED'), v.maxLength(60, 'CONFIG_TOO_LARGE'));
const PrintedText = v.strictObject({ 'zh-CN': PrintedName, en: PrintedName });

// One stage's field mix: at least `min` members of each GB/T 4754 section, each section once.
const DrawMix = v.pipe(
  v.array(v.strictObject({ section: v.picklist(INDUSTRY_SECTIONS, 'CONFIG_UNKNOWN_SECTION'), min: Int(1, 30) })),
  v.maxLength(10, 'CONFIG_TOO_LARGE'),
  v.check((mix) => unique(mix.map((m) => m.section)), (issue) => coded('CONFIG_DUPLICATE', { value: firstDuplicate(issue.input.map((m) => m.section)) })),
);

const RoundObject = v.strictObject({
  edition: v.optional(v.picklist(EDITIONS, 'CONFIG_UNKNOWN_EDITION'), ROUND_DEFAULTS.edition),
  dates: DatesSchema,
  winnersQuota: v.optional(Int(1, 1000), ROUND_DEFAULTS.winnersQuota),
  /** Final score (points on the 1,000 scale) at or above which an application is a recommended candidate. */
  candidateThreshold: v.optional(Int(0, 1000), ROUND_DEFAULTS.candidateThreshold),
  /** Stage weights as fractions of 1 (to the thousandth), summing to 1. */
  weights: v.optional(WeightsSchema, () => ({ ...ROUND_DEFAULTS.weights })),
  teams: v.optional(
    v.strictObject({
      materialReviewMin: v.optional(Int(2, 100), ROUND_DEFAULTS.teams.materialReviewMin),
      onSiteMin: v.optional(Int(2, 100), ROUND_DEFAULTS.teams.onSiteMin),
      defensePanelMin: v.optional(Int(1, 100), ROUND_DEFAULTS.teams.defensePanelMin),
    }),
    () => ({ ...ROUND_DEFAULTS.teams }),
  ),
  /** Independent scores this many percentage points apart flag an item for discussion. */
  divergenceThreshold: v.optional(Int(5, 100), ROUND_DEFAULTS.divergenceThreshold),
  /** A reviewer whose mean offset from their teams' consensus is beyond this many percentage points is flagged (评审一致性). */
  reliabilityFlagOffset: v.optional(Int(1, 100), ROUND_DEFAULTS.reliabilityFlagOffset),
  /** How many applications get a site visit; left out, twice the winners quota. */
  siteVisitShortlistSize: v.optional(Int(1, 1000)),
  publicNoticeDays: v.optional(Int(1, 90), ROUND_DEFAULTS.publicNoticeDays),
  /** The round's time zone (IANA name): the times people read in mail, errors and pages are given in it. */
  timeZone: v.optional(v.pipe(v.string(), v.check(isTimeZone, 'CONFIG_INVALID_TIME_ZONE')), ROUND_DEFAULTS.timeZone),
  /** Government departments asked for their opinion on every candidate (DOMAIN.md stage 8). */
  opinionDepartments: v.optional(
    v.pipe(v.array(Department), NoDuplicates),
    () => [...ROUND_DEFAULTS.opinionDepartments],
  ),
  /** The award's name and issuing body the certificates print; left out, the programme's name and its award committee. */
  award: v.optional(v.strictObject({ name: v.optional(PrintedText), issuer: v.optional(PrintedText) })),
  /** The feedback report (issue 12): `showScores` prints each item's consensus percentage beside its band (default: the band only). */
  feedback: v.optional(v.strictObject({ showScores: v.optional(v.boolean(), false) })),
  eligibility: v.optional(
    v.pipe(
      v.array(EligibilityRuleSchema),
      v.check(
        (rules) => unique(rules.map((r) => r.id)),
        (issue) => coded('CONFIG_DUPLICATE', { value: firstDuplicate(issue.input.map((r) => r.id)) }),
      ),
    ),
    // Without region prefixes the default list has no area rule; a programme adds it with its own area.
    () => defaultChecklist(),
  ),
  /** When scheduled reminders go out: whole days before each deadline (largest first is not required; duplicates are refused). */
  reminders: v.optional(
    v.strictObject({
      applicantDays: v.optional(ReminderDays, () => [...ROUND_DEFAULTS.reminders.applicantDays]),
      reviewerDays: v.optional(ReminderDays, () => [...ROUND_DEFAULTS.reminders.reviewerDays]),
    }),
    () => ({ applicantDays: [...ROUND_DEFAULTS.reminders.applicantDays], reviewerDays: [...ROUND_DEFAULTS.reminders.reviewerDays] }),
  ),
  conflicts: v.optional(
    v.strictObject({ employmentYears: v.optional(Int(0, 50), ROUND_DEFAULTS.conflicts.employmentYears) }),
    () => ({ ...ROUND_DEFAULTS.conflicts }),
  ),
  /** The random draw's rules, committed with each draw: the load cap, the district rule, each stage's field mix. */
  draw: v.optional(
    v.strictObject({
      loadCap: v.optional(Int(1, 100), ROUND_DEFAULTS.draw.loadCap),
      excludeSameDistrict: v.optional(v.boolean(), ROUND_DEFAULTS.draw.excludeSameDistrict),
      mix: v.optional(
        v.strictObject({ materialReview: v.optional(DrawMix, () => []), onSite: v.optional(DrawMix, () => []) }),
        () => ({ materialReview: [], onSite: [] }),
      ),
    }),
    () => ({ loadCap: ROUND_DEFAULTS.draw.loadCap, excludeSameDistrict: ROUND_DEFAULTS.draw.excludeSameDistrict, mix: { materialReview: [], onSite: [] } }),
  ),
  uploads: v.optional(
    v.strictObject({
      allowedTypes: v.optional(UploadsSchema.entries.allowedTypes, () => [...ROUND_DEFAULTS.uploads.allowedTypes]),
      maxFileBytes: v.optional(UploadsSchema.entries.maxFileBytes, ROUND_DEFAULTS.uploads.maxFileBytes),
      maxApplicationBytes: v.optional(UploadsSchema.entries.maxApplicationBytes, ROUND_DEFAULTS.uploads.maxApplicationBytes),
      maxFiles: v.optional(UploadsSchema.entries.maxFiles, ROUND_DEFAULTS.uploads.maxFiles),
    }),
    () => ({ ...ROUND_DEFAULTS.uploads, allowedTypes: [...ROUND_DEFAULTS.uploads.allowedTypes] }),
  ),
  /** The application package: text limits of the profile and self-assessment, required documents. */
  package: v.optional(
    v.strictObject({
      profileMaxChars: v.optional(PackageSchema.entries.profileMaxChars, ROUND_DEFAULTS.package.profileMaxChars),
      itemMaxChars: v.optional(PackageSchema.entries.itemMaxChars, ROUND_DEFAULTS.package.itemMaxChars),
      maxTotalChars: v.optional(PackageSchema.entries.maxTotalChars, ROUND_DEFAULTS.package.maxTotalChars),
      requiredDocuments: v.optional(PackageSchema.entries.requiredDocuments, () => [...ROUND_DEFAULTS.package.requiredDocuments]),
    }),
    () => ({ ...ROUND_DEFAULTS.package, requiredDocuments: [...ROUND_DEFAULTS.package.requiredDocuments] }),
  ),
});

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

// Cross-field rules run on the object as parsed so far (defaults filled), even when some field failed, so that they are
// reported together with every field-level problem (valibot skips a plain `check` once any field fails).
// A rule is skipped when one of its fields already has an issue of its own.
const crossFieldRules = v.rawCheck<v.InferOutput<typeof RoundObject>>(({ dataset, addIssue }) => {
  const root: unknown = dataset.value;
  if (!isRecord(root)) return;
  const flagged = new Set((dataset.issues ?? []).map((issue) => (issue.path ?? []).map((p) => String(p.key)).join('.')));
  const clean = (...paths: string[]) => paths.every((path) => ![...flagged].some((f) => f === path || f.startsWith(`${path}.`) || path.startsWith(`${f}.`)));
  const report = (path: string[], message: string) => {
    let input: Json = root;
    const items = path.map((key) => {
      const value = input[key];
      const item = { type: 'object' as const, origin: 'value' as const, input, key, value };
      input = isRecord(value) ? value : {};
      return item;
    });
    addIssue({ message, path: items as [(typeof items)[number], ...typeof items] });
  };

  // Stage dates fall in order; registration may close at the submission deadline itself, every other milestone comes strictly later.
  const dates = root.dates;
  if (isRecord(dates)) {
    for (let i = 1; i < ROUND_DATE_FIELDS.length; i++) {
      const earlier = ROUND_DATE_FIELDS[i - 1]!;
      const later = ROUND_DATE_FIELDS[i]!;
      const a = dates[earlier];
      const b = dates[later];
      if (typeof a !== 'string' || typeof b !== 'string' || !clean(`dates.${earlier}`, `dates.${later}`)) continue;
      const ok = earlier === 'registrationCloses' ? Date.parse(a) <= Date.parse(b) : Date.parse(a) < Date.parse(b);
      if (!ok) report(['dates', later], coded('CONFIG_DATES_OUT_OF_ORDER', { earlier, later }));
    }
  }

  // DOMAIN.md "Aggregation": the three stage weights sum to 1 (checked in thousandths, so 0.3 + 0.5 + 0.2 is exact).
  const weights = root.weights;
  if (isRecord(weights) && clean('weights')) {
    const values = [weights.material, weights.onSite, weights.defense];
    if (values.every(isNumber)) {
      const perMille = values.reduce((sum, w) => sum + Math.round(w * 1000), 0);
      if (perMille !== 1000) report(['weights'], coded('CONFIG_WEIGHTS_SUM', { sum: perMille / 1000 }));
    }
  }

  const quota = isNumber(root.winnersQuota) ? root.winnersQuota : ROUND_DEFAULTS.winnersQuota;
  if (isNumber(root.siteVisitShortlistSize) && clean('siteVisitShortlistSize', 'winnersQuota') && root.siteVisitShortlistSize < quota) {
    report(['siteVisitShortlistSize'], coded('CONFIG_SHORTLIST_BELOW_QUOTA', { quota }));
  }

  // A stage's field mix must fit in that stage's team (the mins together at most the team's minimum size).
  const draw = root.draw;
  const teams = isRecord(root.teams) ? root.teams : {};
  if (isRecord(draw) && isRecord(draw.mix)) {
    for (const [stage, sizeKey] of [['materialReview', 'materialReviewMin'], ['onSite', 'onSiteMin']] as const) {
      const mix = draw.mix[stage];
      if (!Array.isArray(mix) || !clean(`draw.mix.${stage}`, `teams.${sizeKey}`)) continue;
      const size = isNumber(teams[sizeKey]) ? teams[sizeKey] : ROUND_DEFAULTS.teams[sizeKey];
      const total = mix.reduce((sum: number, m: unknown) => sum + (isRecord(m) && isNumber(m.min) ? m.min : 0), 0);
      if (total > size) report(['draw', 'mix', stage], coded('CONFIG_MIN_ABOVE_MAX', { max: size }));
    }
  }

  const uploads = root.uploads;
  if (isRecord(uploads) && clean('uploads.maxFileBytes', 'uploads.maxApplicationBytes')) {
    const file = isNumber(uploads.maxFileBytes) ? uploads.maxFileBytes : ROUND_DEFAULTS.uploads.maxFileBytes;
    const application = isNumber(uploads.maxApplicationBytes) ? uploads.maxApplicationBytes : ROUND_DEFAULTS.uploads.maxApplicationBytes;
    if (file > application) report(['uploads', 'maxFileBytes'], 'CONFIG_FILE_LIMIT_ABOVE_APPLICATION_LIMIT');
  }

  const pkg = root.package;
  if (isRecord(pkg) && clean('package.itemMaxChars', 'package.maxTotalChars')) {
    const item = isNumber(pkg.itemMaxChars) ? pkg.itemMaxChars : ROUND_DEFAULTS.package.itemMaxChars;
    const total = isNumber(pkg.maxTotalChars) ? pkg.maxTotalChars : ROUND_DEFAULTS.package.maxTotalChars;
    if (item > total) report(['package', 'itemMaxChars'], coded('CONFIG_MIN_ABOVE_MAX', { max: total }));
  }
});

/** The configuration of one round, with its defaults and cross-field rules (weights sum to 1, dates in order, shortlist ≥ quota …). */
export const RoundConfigSchema = v.pipe(
  RoundObject,
  crossFieldRules,
  v.transform((config) => ({ ...config, siteVisitShortlistSize: config.siteVisitShortlistSize ?? ROUND_DEFAULTS.siteVisitsPerPlace * config.winnersQuota })),
);

/** A valid round configuration (all defaults filled). */
export type RoundConfig = v.InferOutput<typeof RoundConfigSchema>;

/** A round configuration as entered (defaults may be left out). */
export type RoundConfigInput = v.InferInput<typeof RoundObject>;

/** The stage dates of a round. */
export type RoundDates = RoundConfig['dates'];

/** The stage weights of a round, as fractions of 1. */
export type RoundWeights = RoundConfig['weights'];
