import * as v from 'valibot';

/** The kinds of eligibility rule a round's checklist can hold (DOMAIN.md "Eligibility rules"). */
export const ELIGIBILITY_RULE_KINDS = [
  'legalPerson',
  'registeredInArea',
  'operatingYears',
  'creditCode',
  'noMajorIncident',
  'noSeriousPenalty',
  'goodCredit',
  'performanceExcellence',
  'selfAssessment',
  'notRecentWinner',
] as const;

/** A kind of eligibility rule. */
export type EligibilityRuleKind = (typeof ELIGIBILITY_RULE_KINDS)[number];

const RuleId = v.pipe(v.string(), v.regex(/^[A-Za-z][\w.-]{0,63}$/, 'CONFIG_INVALID_ID'));
const Years = v.pipe(v.number(), v.integer('CONFIG_NOT_INTEGER'), v.minValue(0, 'CONFIG_TOO_SMALL'), v.maxValue(100, 'CONFIG_TOO_LARGE'));
const simple = <K extends EligibilityRuleKind>(kind: K) => v.strictObject({ id: RuleId, kind: v.literal(kind) });

/** One rule of a round's eligibility checklist; parameters are part of the round's configuration. */
export const EligibilityRuleSchema = v.variant('kind', [
  simple('legalPerson'),
  v.strictObject({
    id: RuleId,
    kind: v.literal('registeredInArea'),
    /** Administrative division codes (GB/T 2260) or their prefixes: `'3501'` admits every district of Fuzhou. */
    regionPrefixes: v.pipe(
      v.array(v.pipe(v.string(), v.regex(/^\d{2,6}$/, 'CONFIG_INVALID_REGION'))),
      v.minLength(1, 'CONFIG_EMPTY_LIST'),
    ),
  }),
  v.strictObject({ id: RuleId, kind: v.literal('operatingYears'), minYears: Years }),
  simple('creditCode'),
  v.strictObject({ id: RuleId, kind: v.literal('noMajorIncident'), years: Years }),
  v.strictObject({ id: RuleId, kind: v.literal('noSeriousPenalty'), years: Years }),
  simple('goodCredit'),
  simple('performanceExcellence'),
  simple('selfAssessment'),
  /** Past winners may not apply again within `rounds` rounds (the re-application cooldown). */
  v.strictObject({ id: RuleId, kind: v.literal('notRecentWinner'), rounds: Years }),
]);

/** A rule of the eligibility checklist. */
export type EligibilityRule = v.InferOutput<typeof EligibilityRuleSchema>;

/** Default parameters of the checklist (DOMAIN.md "Eligibility rules"). */
export const ELIGIBILITY_DEFAULTS = {
  minOperatingYears: 3,
  incidentYears: 3,
  penaltyYears: 1,
  reapplicationCooldownRounds: 3,
} as const;

/** The default checklist; the area rule is included when the programme's region prefixes are given. */
export function defaultChecklist(regionPrefixes: readonly string[] = []): EligibilityRule[] {
  const rules: EligibilityRule[] = [{ id: 'legalPerson', kind: 'legalPerson' }];
  if (regionPrefixes.length > 0) rules.push({ id: 'registeredInArea', kind: 'registeredInArea', regionPrefixes: [...regionPrefixes] });
  rules.push(
    { id: 'operatingYears', kind: 'operatingYears', minYears: ELIGIBILITY_DEFAULTS.minOperatingYears },
    { id: 'creditCode', kind: 'creditCode' },
    { id: 'noMajorIncident', kind: 'noMajorIncident', years: ELIGIBILITY_DEFAULTS.incidentYears },
    { id: 'noSeriousPenalty', kind: 'noSeriousPenalty', years: ELIGIBILITY_DEFAULTS.penaltyYears },
    { id: 'goodCredit', kind: 'goodCredit' },
    { id: 'performanceExcellence', kind: 'performanceExcellence' },
    { id: 'selfAssessment', kind: 'selfAssessment' },
    { id: 'notRecentWinner', kind: 'notRecentWinner', rounds: ELIGIBILITY_DEFAULTS.reapplicationCooldownRounds },
  );
  return rules;
}
