import type { RoundConfig } from '../../../../shared/round';
import { REVIEW_STAGES } from '../../../../shared/api/review-stages';
import { DATE_FIELDS, FORM_DEFAULTS, type DateField } from './defaults';

/** The configuration settings the office edits in the form, by their path in a round's configuration. */
export const CONFIG_FIELD_KEYS = [
  ...DATE_FIELDS.map((f) => `dates.${f}` as const),
  'winnersQuota',
  'candidateThreshold',
  'weights.material',
  'weights.onSite',
  'weights.defense',
  'publicNoticeDays',
  'teams.materialReviewMin',
  'teams.onSiteMin',
  'teams.defensePanelMin',
  'divergenceThreshold',
  'reliabilityFlagOffset',
  'siteVisitShortlistSize',
  'opinionDepartments',
  'reminders.applicantDays',
  'reminders.reviewerDays',
  'draw.loadCap',
  'draw.excludeSameDistrict',
  'draw.mix.materialReview',
  'draw.mix.onSite',
  'feedback.showScores',
] as const;

/** One row of a stage's field mix as the form holds it: a GB/T 4754 section and the least number of members, as typed. */
export interface MixRow {
  readonly section: string;
  readonly min: string;
}

/** A stage's mix as the form's value: one `section:min` per line (rows being typed included). */
export const mixValue = (rows: readonly MixRow[]): string => rows.map((r) => `${r.section}:${r.min}`).join('\n');

/** The rows of a form value written by {@link mixValue}. */
export const mixRows = (value: string): MixRow[] =>
  value
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const at = line.indexOf(':');
      return { section: at < 0 ? line : line.slice(0, at), min: at < 0 ? '' : line.slice(at + 1) };
    });

/** Settings shown as a box to tick: their value in the form is 'true' or 'false'. */
export const CHECKBOX_KEYS = ['draw.excludeSameDistrict', 'feedback.showScores'] as const satisfies readonly ConfigFieldKey[];

/** A configuration setting of the form. */
export type ConfigFieldKey = (typeof CONFIG_FIELD_KEYS)[number];

/** Every input of the form: the round's id and names, then its settings. */
export type FieldKey = 'roundId' | 'name.zh-CN' | 'name.en' | ConfigFieldKey;

/** Where an issue can be shown: one input, or a group of them (the weights' sum, the dates' order …). */
export type IssueTarget = FieldKey | 'name' | 'dates' | 'weights' | 'teams' | 'reminders' | 'draw' | 'feedback';

/** What the inputs hold, as typed (strings, so a half-typed value stays as it is). */
export type FormValues = Record<FieldKey, string>;

const INTEGER_KEYS = [
  'winnersQuota',
  'candidateThreshold',
  'publicNoticeDays',
  'teams.materialReviewMin',
  'teams.onSiteMin',
  'teams.defensePanelMin',
  'divergenceThreshold',
  'reliabilityFlagOffset',
] as const;

const WEIGHT_KEYS = ['weights.material', 'weights.onSite', 'weights.defense'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` value in the browser's time zone (minutes; '' when not a date). */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (browser's time zone) as an ISO instant in UTC; what is not a date is sent as typed, for the server to name. */
export function fromLocalInput(value: string): string {
  const d = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? new Date(value) : new Date(Number.NaN);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** The browser's time zone (`Asia/Shanghai`), in which dates are entered and shown. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A new round's form: no id, names or dates yet, every setting at its default. */
export function emptyForm(): FormValues {
  const d = FORM_DEFAULTS;
  return {
    roundId: '',
    'name.zh-CN': '',
    'name.en': '',
    ...(Object.fromEntries(DATE_FIELDS.map((f) => [`dates.${f}`, ''])) as Record<`dates.${DateField}`, string>),
    winnersQuota: String(d.winnersQuota),
    candidateThreshold: String(d.candidateThreshold),
    'weights.material': String(d.weights.material),
    'weights.onSite': String(d.weights.onSite),
    'weights.defense': String(d.weights.defense),
    publicNoticeDays: String(d.publicNoticeDays),
    'teams.materialReviewMin': String(d.teams.materialReviewMin),
    'teams.onSiteMin': String(d.teams.onSiteMin),
    'teams.defensePanelMin': String(d.teams.defensePanelMin),
    divergenceThreshold: String(d.divergenceThreshold),
    reliabilityFlagOffset: String(d.reliabilityFlagOffset),
    siteVisitShortlistSize: '',
    opinionDepartments: d.opinionDepartments.join('\n'),
    'reminders.applicantDays': d.reminders.applicantDays.join(', '),
    'reminders.reviewerDays': d.reminders.reviewerDays.join(', '),
    'draw.loadCap': String(d.draw.loadCap),
    'draw.excludeSameDistrict': String(d.draw.excludeSameDistrict),
    'draw.mix.materialReview': '',
    'draw.mix.onSite': '',
    'feedback.showScores': 'false',
  };
}

/**
 * Reminder days as typed ("7, 1", "7，1", "7 1"): whole numbers in the order typed; blank is none (no reminders of that
 * kind). Anything that is not a whole number is sent as typed, so the server names the field.
 */
export function reminderDaysOf(value: string): (number | string)[] {
  return value
    .split(/[\s,，、;；]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * A setting of a configuration by its path (`weights.material`); undefined when missing. The server shows a
 * stored configuration that no longer parses as stored, so nothing here assumes a part is there.
 */
export function valueAt(config: RoundConfig, path: ConfigFieldKey): unknown {
  let value: unknown = config;
  for (const key of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** The form of an existing round, filled from its configuration (dates in the browser's time zone). */
export function formFromRound(roundId: string, name: { readonly 'zh-CN': string; readonly en: string }, config: RoundConfig): FormValues {
  const setting = (key: ConfigFieldKey): string => {
    const value = valueAt(config, key);
    // The server stores the default shortlist (twice the quota) as a number; shown blank, it keeps following the quota.
    if (key === 'siteVisitShortlistSize' && value === FORM_DEFAULTS.siteVisitsPerPlace * config.winnersQuota) return '';
    if (key.startsWith('dates.')) return typeof value === 'string' ? toLocalInput(value) : '';
    if (key === 'opinionDepartments') return Array.isArray(value) ? value.join('\n') : '';
    // A configuration stored before reminders existed has none: the server applies the defaults, so show them.
    if (key.startsWith('reminders.')) return (Array.isArray(value) ? value : FORM_DEFAULTS.reminders[key === 'reminders.applicantDays' ? 'applicantDays' : 'reviewerDays']).join(', ');
    // The same for the draw's rules and the feedback report's setting (issues 13.2 and 12.1).
    if (key === 'draw.loadCap') return String(typeof value === 'number' ? value : FORM_DEFAULTS.draw.loadCap);
    if (key === 'draw.excludeSameDistrict') return String(typeof value === 'boolean' ? value : FORM_DEFAULTS.draw.excludeSameDistrict);
    if (key === 'feedback.showScores') return String(value === true);
    if (key.startsWith('draw.mix.')) return Array.isArray(value) ? mixValue(value.map((m: { section: string; min: number }) => ({ section: m.section, min: String(m.min) }))) : '';
    return value === undefined || value === null ? '' : String(value);
  };
  return {
    roundId,
    'name.zh-CN': name['zh-CN'],
    'name.en': name.en,
    ...(Object.fromEntries(CONFIG_FIELD_KEYS.map((key) => [key, setting(key)])) as Record<ConfigFieldKey, string>),
  };
}

// A number as typed: blank is sent as null and anything else that is not a number as typed, so the server names the field.
function numberOf(value: string): number | string | null {
  const s = value.trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

/** The departments asked for opinions: one id per line, blank lines ignored. */
export function departmentsOf(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The sum of the three stage weights in thousandths (DOMAIN.md "Aggregation": they sum to 1; the
 * server checks the same in thousandths, so 0.3 + 0.5 + 0.2 is exactly 1000), or null while one is not a number.
 */
export function weightSumPerMille(values: FormValues): number | null {
  let sum = 0;
  for (const key of WEIGHT_KEYS) {
    const n = numberOf(values[key]);
    if (typeof n !== 'number') return null;
    sum += Math.round(n * 1000);
  }
  return sum;
}

/** Whether a setting can no longer change: the server names it, or a whole group it belongs to (`weights`, `dates`). */
export function isLocked(key: FieldKey, lockedFields: readonly string[]): boolean {
  return lockedFields.some((locked) => key === locked || key.startsWith(`${locked}.`));
}

/**
 * The configuration to send. `base` is the round's configuration as read (editing) — settings the form does
 * not show (eligibility, uploads …) are kept, locked settings and dates left as they were are sent exactly as
 * read; without it (a new round) only the form's settings are sent and the server fills the rest. A blank
 * site-visit shortlist is left out, so it is twice the quota.
 */
export function configFromForm(values: FormValues, base?: { readonly config: RoundConfig; readonly initial: FormValues; readonly lockedFields: readonly string[] }): Record<string, unknown> {
  const kept = (key: FieldKey) => base !== undefined && (isLocked(key, base.lockedFields) || values[key] === base.initial[key]);
  const dates = Object.fromEntries(
    DATE_FIELDS.map((f) => {
      const key = `dates.${f}` as const;
      return [f, base && kept(key) ? valueAt(base.config, key) : fromLocalInput(values[key])];
    }),
  );
  const config: Record<string, unknown> = {
    ...(base ? base.config : {}),
    dates,
    ...Object.fromEntries(INTEGER_KEYS.filter((k) => !k.includes('.')).map((k) => [k, numberOf(values[k])])),
    weights: {
      material: numberOf(values['weights.material']),
      onSite: numberOf(values['weights.onSite']),
      defense: numberOf(values['weights.defense']),
    },
    teams: {
      materialReviewMin: numberOf(values['teams.materialReviewMin']),
      onSiteMin: numberOf(values['teams.onSiteMin']),
      defensePanelMin: numberOf(values['teams.defensePanelMin']),
    },
    opinionDepartments: departmentsOf(values.opinionDepartments),
    reminders: { applicantDays: reminderDaysOf(values['reminders.applicantDays']), reviewerDays: reminderDaysOf(values['reminders.reviewerDays']) },
  };
  // Blank follows the quota (twice it, filled in by the server); with neither touched, the stored number goes back as read.
  const shortlist = numberOf(values.siteVisitShortlistSize);
  if (base && kept('siteVisitShortlistSize') && kept('winnersQuota')) config.siteVisitShortlistSize = base.config.siteVisitShortlistSize;
  else if (shortlist === null) delete config.siteVisitShortlistSize;
  else config.siteVisitShortlistSize = shortlist;
  // Reminder days left as shown go back exactly as read (absent stays absent: the server's defaults).
  if (base && kept('reminders.applicantDays') && kept('reminders.reviewerDays')) {
    if (base.config.reminders === undefined) delete config.reminders;
    else config.reminders = base.config.reminders;
  }
  // The draw's rules and each stage's field mix: left as shown, the whole setting goes back as read.
  if (base && kept('draw.loadCap') && kept('draw.excludeSameDistrict') && REVIEW_STAGES.every((stage) => kept(`draw.mix.${stage}`))) {
    if (base.config.draw === undefined) delete config.draw;
    else config.draw = base.config.draw;
  } else {
    const mixOf = (stage: (typeof REVIEW_STAGES)[number]) =>
      mixRows(values[`draw.mix.${stage}`]).map((row) => ({ section: row.section, min: numberOf(row.min) }));
    const mix = Object.fromEntries(REVIEW_STAGES.map((stage) => [stage, mixOf(stage)]));
    config.draw = {
      ...(base?.config.draw ?? {}),
      loadCap: numberOf(values['draw.loadCap']),
      excludeSameDistrict: values['draw.excludeSameDistrict'] === 'true',
      // A round without a mix sends none (the server's default: any field), unless a stage has one or had one.
      ...(REVIEW_STAGES.some((stage) => mix[stage]!.length > 0) || base?.config.draw?.mix !== undefined ? { mix } : {}),
    };
  }
  if (base && kept('feedback.showScores')) {
    if (base.config.feedback === undefined) delete config.feedback;
    else config.feedback = base.config.feedback;
  } else if (values['feedback.showScores'] === 'true' || base?.config.feedback !== undefined) {
    config.feedback = { ...(base?.config.feedback ?? {}), showScores: values['feedback.showScores'] === 'true' };
  }
  if (base) {
    // A locked setting goes back exactly as read, whatever the (disabled) input holds.
    for (const locked of base.lockedFields) {
      const [head, leaf] = locked.split('.');
      if (!head || !(head in base.config)) continue;
      const original = (base.config as unknown as Record<string, unknown>)[head];
      if (leaf === undefined) config[head] = original;
      else if (typeof config[head] === 'object' && config[head] !== null && typeof original === 'object' && original !== null) {
        (config[head] as Record<string, unknown>)[leaf] = (original as Record<string, unknown>)[leaf];
      }
    }
  }
  return config;
}

const TARGETS: readonly IssueTarget[] = ['roundId', 'name', 'name.zh-CN', 'name.en', 'dates', 'weights', 'teams', 'reminders', 'draw', 'feedback', ...CONFIG_FIELD_KEYS];

/**
 * Where a server issue belongs: its path (`dates.submissionDeadline`, `weights`, `opinionDepartments.2`,
 * `config.winnersQuota` in a body check) matched to the closest input or group; null when the form has no
 * such input (eligibility rules, uploads …: the summary still lists it).
 */
export function targetOfPath(path: string): IssueTarget | null {
  const p = path.startsWith('config.') ? path.slice('config.'.length) : path;
  let best: IssueTarget | null = null;
  for (const target of TARGETS) {
    if ((p === target || p.startsWith(`${target}.`)) && (best === null || target.length > best.length)) best = target;
  }
  return best;
}
