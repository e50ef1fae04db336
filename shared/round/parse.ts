import * as v from 'valibot';
import { format, type Locale, type Text } from '../messages/types';
import { domainMessages } from '../messages/domain';
import { RoundConfigSchema, type RoundConfig } from './schema';

/** Codes of round-configuration problems (each has a catalogue entry). */
export const CONFIG_ISSUE_CODES = [
  'CONFIG_REQUIRED',
  'CONFIG_WRONG_TYPE',
  'CONFIG_UNKNOWN_KEY',
  'CONFIG_NOT_INTEGER',
  'CONFIG_TOO_SMALL',
  'CONFIG_TOO_LARGE',
  'CONFIG_INVALID_DATE',
  'CONFIG_INVALID_TIME_ZONE',
  'CONFIG_INVALID_DEPARTMENT',
  'CONFIG_DATES_OUT_OF_ORDER',
  'CONFIG_WEIGHT_PRECISION',
  'CONFIG_WEIGHTS_SUM',
  'CONFIG_SHORTLIST_BELOW_QUOTA',
  'CONFIG_FILE_LIMIT_ABOVE_APPLICATION_LIMIT',
  'CONFIG_MIN_ABOVE_MAX',
  'CONFIG_DUPLICATE',
  'CONFIG_EMPTY_LIST',
  'CONFIG_INVALID_MIME',
  'CONFIG_INVALID_REGION',
  'CONFIG_INVALID_ID',
  'CONFIG_UNKNOWN_EDITION',
  'CONFIG_UNKNOWN_RULE_KIND',
  'CONFIG_UNKNOWN_SECTION',
] as const;

/** A code of {@link CONFIG_ISSUE_CODES}. */
export type ConfigIssueCode = (typeof CONFIG_ISSUE_CODES)[number];

/** One problem of a round configuration: where (`weights.material`, `eligibility.2.years`), what, and the text for people. */
export interface ConfigIssue {
  readonly path: string;
  readonly code: ConfigIssueCode;
  readonly params: Readonly<Record<string, string | number>>;
  readonly message: Text;
}

/** The outcome of {@link parseRoundConfig}. */
export type ParseRoundConfigResult = { readonly ok: true; readonly config: RoundConfig } | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

const isCode = (value: string): value is ConfigIssueCode => (CONFIG_ISSUE_CODES as readonly string[]).includes(value);

type Issue = v.InferIssue<typeof RoundConfigSchema>;

// A parameter that names a round's date (`registrationCloses`) is filled with the date's name as people say it, in each language.
function named(params: Readonly<Record<string, string | number>>, locale: Locale): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      const key = `domain.roundDate.${value}`;
      return [name, typeof value === 'string' && Object.prototype.hasOwnProperty.call(domainMessages, key) ? domainMessages[key as keyof typeof domainMessages][locale] : value];
    }),
  );
}

// Turns a valibot issue into a catalogue code: schema (type) issues by their kind, validation issues by the code they carry as message.
function toConfigIssue(issue: Issue): ConfigIssue {
  const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
  let code: ConfigIssueCode;
  let params: Record<string, string | number> = {};
  const [head = '', json] = issue.message.split(/ (.*)/s);
  if (issue.kind === 'schema') {
    if (issue.type === 'strict_object' && issue.expected === 'never') code = 'CONFIG_UNKNOWN_KEY';
    else if (issue.type === 'variant') code = 'CONFIG_UNKNOWN_RULE_KIND';
    else if (isCode(head)) code = head;
    else if (issue.input === undefined) code = 'CONFIG_REQUIRED';
    else code = 'CONFIG_WRONG_TYPE';
    params = { expected: issue.expected ?? '', received: issue.received };
  } else {
    code = isCode(head) ? head : 'CONFIG_WRONG_TYPE';
    if (json) params = JSON.parse(json) as Record<string, string | number>;
    if (code === 'CONFIG_TOO_SMALL') params = { min: String(issue.requirement) };
    if (code === 'CONFIG_TOO_LARGE') params = { max: String(issue.requirement) };
    if (code === 'CONFIG_WRONG_TYPE') params = { expected: issue.expected ?? '', received: issue.received };
  }
  const text: Text = domainMessages[code];
  return { path, code, params, message: { 'zh-CN': format(text['zh-CN'], named(params, 'zh-CN')), en: format(text.en, named(params, 'en')) } };
}

/** Validates a round configuration, filling defaults; on refusal lists every problem, not only the first. */
export function parseRoundConfig(input: unknown): ParseRoundConfigResult {
  const result = v.safeParse(RoundConfigSchema, input);
  if (result.success) return { ok: true, config: result.output };
  const seen = new Set<string>();
  const issues = result.issues.map(toConfigIssue).filter((issue) => {
    const key = `${issue.path}\u0000${issue.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ok: false, issues };
}
