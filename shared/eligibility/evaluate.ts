import type { EligibilityRule, EligibilityRuleKind } from './checklist';
import { creditCodeRegion, validateCreditCode } from './credit-code';

/** What the applicant organisation is, as registered (part of its profile). */
export interface ApplicantProfile {
  readonly organisationName: string;
  readonly creditCode: string;
  /** Registered as a legal person (法人). */
  readonly legalPerson: boolean;
  /** Administrative division code of the registration; defaults to positions 3–8 of the credit code. */
  readonly regionCode?: string;
  /** Date of establishment, `YYYY-MM-DD`. */
  readonly establishedOn: string;
  /** Rounds since the organisation last won this programme's award (1 = the previous round); absent if it never won. */
  readonly roundsSinceLastWin?: number;
}

/** A major quality, safety or environmental incident the applicant declares. */
export interface IncidentDeclaration {
  readonly date: string;
  readonly kind: 'quality' | 'safety' | 'environment';
}

/** What the applicant declares when applying (the checklist's facts that only it can state). */
export interface EligibilityDeclarations {
  readonly majorIncidents: readonly IncidentDeclaration[];
  /** Dates of serious administrative penalties. */
  readonly seriousPenalties: readonly string[];
  readonly goodCreditRecord: boolean;
  readonly appliesPerformanceExcellence: boolean;
  readonly selfAssessmentSubmitted: boolean;
}

/** Why a rule failed: a catalogue key and its parameters. */
export interface EligibilityReason {
  readonly code: EligibilityReasonCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Reason codes an eligibility rule can fail with (each has a catalogue entry). */
export const ELIGIBILITY_REASON_CODES = [
  'ELIGIBILITY_NOT_LEGAL_PERSON',
  'ELIGIBILITY_OUTSIDE_AREA',
  'ELIGIBILITY_TOO_FEW_YEARS',
  'ELIGIBILITY_INVALID_DATE',
  'CREDIT_CODE_LENGTH',
  'CREDIT_CODE_CHARACTER',
  'CREDIT_CODE_REGION',
  'CREDIT_CODE_CHECK',
  'ELIGIBILITY_RECENT_INCIDENT',
  'ELIGIBILITY_RECENT_PENALTY',
  'ELIGIBILITY_POOR_CREDIT',
  'ELIGIBILITY_NO_PERFORMANCE_EXCELLENCE',
  'ELIGIBILITY_NO_SELF_ASSESSMENT',
  'ELIGIBILITY_RECENT_WINNER',
] as const;

/** A reason code of {@link ELIGIBILITY_REASON_CODES}. */
export type EligibilityReasonCode = (typeof ELIGIBILITY_REASON_CODES)[number];

/** The outcome of one rule. */
export interface RuleOutcome {
  readonly ruleId: string;
  readonly kind: EligibilityRuleKind;
  readonly passed: boolean;
  readonly reason?: EligibilityReason;
}

/** The outcome of a whole checklist: eligible only if every rule passed. */
export interface EligibilityResult {
  readonly eligible: boolean;
  readonly outcomes: readonly RuleOutcome[];
  readonly failures: readonly RuleOutcome[];
}

const DATE = /^\d{4}-\d{2}-\d{2}/;

/** Epoch ms of an ISO date or timestamp; NaN when it is not one. */
function instant(value: string): number {
  return DATE.test(value) ? Date.parse(value) : Number.NaN;
}

/** Epoch ms of the same calendar day `years` later (UTC; 29 February rolls to 1 March). */
function plusYears(ms: number, years: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** Whole years completed from `from` to `to`. */
function completedYears(from: number, to: number): number {
  let years = new Date(to).getUTCFullYear() - new Date(from).getUTCFullYear();
  while (years > 0 && plusYears(from, years) > to) years--;
  return Math.max(0, years);
}

/** The first dated event within the last `years` years before `now`; invalid dates count as recent (they cannot be cleared). */
function recent(dates: readonly string[], years: number, now: number): string | undefined {
  return dates.find((date) => {
    const at = instant(date);
    return !Number.isFinite(at) || (at <= now && plusYears(at, years) > now);
  });
}

type Check<R extends EligibilityRule> = (rule: R, declarations: EligibilityDeclarations, profile: ApplicantProfile, now: number) => EligibilityReason | undefined;
type Checks = { readonly [K in EligibilityRuleKind]: Check<Extract<EligibilityRule, { kind: K }>> };

const fail = (code: EligibilityReasonCode, params: Record<string, string | number> = {}): EligibilityReason => ({ code, params });

const CHECKS: Checks = {
  legalPerson: (_r, _d, profile) => (profile.legalPerson ? undefined : fail('ELIGIBILITY_NOT_LEGAL_PERSON')),
  registeredInArea: (rule, _d, profile) => {
    const region = profile.regionCode ?? creditCodeRegion(profile.creditCode);
    return rule.regionPrefixes.some((prefix) => region.startsWith(prefix)) ? undefined : fail('ELIGIBILITY_OUTSIDE_AREA', { region });
  },
  operatingYears: (rule, _d, profile, now) => {
    const established = instant(profile.establishedOn);
    if (!Number.isFinite(established)) return fail('ELIGIBILITY_INVALID_DATE', { field: 'establishedOn' });
    const years = completedYears(established, now);
    return plusYears(established, rule.minYears) <= now ? undefined : fail('ELIGIBILITY_TOO_FEW_YEARS', { years, minYears: rule.minYears });
  },
  creditCode: (_r, _d, profile) => {
    const result = validateCreditCode(profile.creditCode);
    return result.ok ? undefined : fail(result.error.reason, result.error.details);
  },
  noMajorIncident: (rule, declarations, _p, now) => {
    const date = recent(declarations.majorIncidents.map((i) => i.date), rule.years, now);
    return date === undefined ? undefined : fail('ELIGIBILITY_RECENT_INCIDENT', { date, years: rule.years });
  },
  noSeriousPenalty: (rule, declarations, _p, now) => {
    const date = recent(declarations.seriousPenalties, rule.years, now);
    return date === undefined ? undefined : fail('ELIGIBILITY_RECENT_PENALTY', { date, years: rule.years });
  },
  goodCredit: (_r, declarations) => (declarations.goodCreditRecord ? undefined : fail('ELIGIBILITY_POOR_CREDIT')),
  performanceExcellence: (_r, declarations) => (declarations.appliesPerformanceExcellence ? undefined : fail('ELIGIBILITY_NO_PERFORMANCE_EXCELLENCE')),
  selfAssessment: (_r, declarations) => (declarations.selfAssessmentSubmitted ? undefined : fail('ELIGIBILITY_NO_SELF_ASSESSMENT')),
  // DOMAIN.md: past winners may not apply again within N rounds' time — a win N or fewer rounds ago blocks.
  notRecentWinner: (rule, _d, profile) => {
    const since = profile.roundsSinceLastWin;
    return since !== undefined && since <= rule.rounds ? fail('ELIGIBILITY_RECENT_WINNER', { rounds: rule.rounds, since }) : undefined;
  },
};

// DOMAIN.md "Eligibility rules": every rule of the round's checklist is checked, and each failure carries a reason the applicant sees.
/** Evaluates a round's checklist for one applicant at `now` (ISO timestamp); never stops at the first failure. */
export function evaluateEligibility(
  checklist: readonly EligibilityRule[],
  declarations: EligibilityDeclarations,
  profile: ApplicantProfile,
  now: string,
): EligibilityResult {
  const at = instant(now);
  if (!Number.isFinite(at)) throw new RangeError(`now is not an ISO timestamp: ${now}`);
  const outcomes = checklist.map((rule): RuleOutcome => {
    const check = CHECKS[rule.kind] as Check<EligibilityRule>;
    const reason = check(rule, declarations, profile, at);
    return reason ? { ruleId: rule.id, kind: rule.kind, passed: false, reason } : { ruleId: rule.id, kind: rule.kind, passed: true };
  });
  const failures = outcomes.filter((o) => !o.passed);
  return { eligible: failures.length === 0, outcomes, failures };
}
