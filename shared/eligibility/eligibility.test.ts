import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckCharacter,
  defaultChecklist,
  ELIGIBILITY_REASON_CODES,
  ELIGIBILITY_RULE_KINDS,
  evaluateEligibility,
  validateCreditCode,
  type ApplicantProfile,
  type EligibilityDeclarations,
} from './index';

const NOW = '2026-07-01T00:00:00Z';

const profile: ApplicantProfile = {
  organisationName: '福州某某科技有限公司',
  creditCode: '91350100M000100Y43',
  legalPerson: true,
  establishedOn: '2015-03-01',
};

const declarations: EligibilityDeclarations = {
  majorIncidents: [],
  seriousPenalties: [],
  goodCreditRecord: true,
  appliesPerformanceExcellence: true,
  selfAssessmentSubmitted: true,
};

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes with a correct check character', () => {
    for (const code of ['91350100M000100Y43', '91110108551385082Q', '91440300708461136T']) expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it('accepts lower case and surrounding spaces, returning the normalised code', () => {
    expect(validateCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('refuses a wrong check character with CREDIT_CODE_CHECK and the expected character', () => {
    const result = validateCreditCode('91350100M000100Y44');
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CREDIT_CODE', reason: 'CREDIT_CODE_CHECK', details: { expected: '3', actual: '4' } } });
  });

  it('refuses a code that is not 18 characters long with CREDIT_CODE_LENGTH', () => {
    expect(validateCreditCode('91350100M000100Y4')).toMatchObject({ ok: false, error: { reason: 'CREDIT_CODE_LENGTH', details: { length: 17 } } });
  });

  it('refuses the letters I, O, S, V and Z with CREDIT_CODE_CHARACTER', () => {
    for (const letter of 'IOSVZ') {
      expect(validateCreditCode(`91350100M000100${letter}43`)).toMatchObject({ ok: false, error: { reason: 'CREDIT_CODE_CHARACTER', details: { position: 16, character: letter } } });
    }
  });

  it('refuses letters in the administrative division code with CREDIT_CODE_REGION', () => {
    expect(validateCreditCode('9135A100M000100Y43')).toMatchObject({ ok: false, error: { reason: 'CREDIT_CODE_REGION' } });
  });

  it('accepts every code built with its check character and refuses any single-character change (property)', () => {
    const char = fc.constantFrom(...CREDIT_CODE_ALPHABET);
    const digit = fc.constantFrom(...'0123456789');
    const body = fc.tuple(fc.array(char, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(char, { minLength: 9, maxLength: 9 }));
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 17 }), char, ([head, region, org], position, replacement) => {
        const first17 = [...head, ...region, ...org].join('');
        const code = first17 + creditCodeCheckCharacter(first17);
        expect(validateCreditCode(code).ok).toBe(true);
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        const regionStillDigits = /^\d{6}$/.test(changed.slice(2, 8));
        if (changed !== code && regionStillDigits) expect(validateCreditCode(changed).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('eligibility checklist', () => {
  it('finds an applicant meeting every default rule eligible', () => {
    const result = evaluateEligibility(defaultChecklist(['3501']), declarations, profile, NOW);
    expect(result.eligible).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.outcomes).toHaveLength(defaultChecklist(['3501']).length);
  });

  it('lists a reason for every failed rule, not only the first', () => {
    const result = evaluateEligibility(
      defaultChecklist(['3502']),
      { ...declarations, goodCreditRecord: false, selfAssessmentSubmitted: false, seriousPenalties: ['2026-03-01'] },
      { ...profile, legalPerson: false, establishedOn: '2024-09-01', roundsSinceLastWin: 2 },
      NOW,
    );
    expect(result.eligible).toBe(false);
    expect(result.failures.map((f) => f.reason?.code)).toEqual([
      'ELIGIBILITY_NOT_LEGAL_PERSON',
      'ELIGIBILITY_OUTSIDE_AREA',
      'ELIGIBILITY_TOO_FEW_YEARS',
      'ELIGIBILITY_RECENT_PENALTY',
      'ELIGIBILITY_POOR_CREDIT',
      'ELIGIBILITY_NO_SELF_ASSESSMENT',
      'ELIGIBILITY_RECENT_WINNER',
    ]);
  });

  it('requires 3 full years of operation by default (a day short fails)', () => {
    const rules = [{ id: 'years', kind: 'operatingYears' as const, minYears: 3 }];
    expect(evaluateEligibility(rules, declarations, { ...profile, establishedOn: '2023-07-01' }, NOW).eligible).toBe(true);
    const short = evaluateEligibility(rules, declarations, { ...profile, establishedOn: '2023-07-02' }, NOW);
    expect(short.failures[0]?.reason).toEqual({ code: 'ELIGIBILITY_TOO_FEW_YEARS', params: { years: 2, minYears: 3 } });
  });

  it('counts a major incident within the last 3 years and ignores an older one', () => {
    const rules = [{ id: 'incident', kind: 'noMajorIncident' as const, years: 3 }];
    const old = evaluateEligibility(rules, { ...declarations, majorIncidents: [{ date: '2023-06-30', kind: 'safety' }] }, profile, NOW);
    expect(old.eligible).toBe(true);
    const recent = evaluateEligibility(rules, { ...declarations, majorIncidents: [{ date: '2023-07-02', kind: 'quality' }] }, profile, NOW);
    expect(recent.failures[0]?.reason).toEqual({ code: 'ELIGIBILITY_RECENT_INCIDENT', params: { date: '2023-07-02', years: 3 } });
  });

  it('refuses a past winner within the cooldown of 3 rounds and admits one after it', () => {
    const rules = [{ id: 'cooldown', kind: 'notRecentWinner' as const, rounds: 3 }];
    expect(evaluateEligibility(rules, declarations, { ...profile, roundsSinceLastWin: 3 }, NOW).eligible).toBe(false);
    expect(evaluateEligibility(rules, declarations, { ...profile, roundsSinceLastWin: 4 }, NOW).eligible).toBe(true);
    expect(evaluateEligibility(rules, declarations, profile, NOW).eligible).toBe(true);
  });

  it('gives the credit-code failure as the reason of the credit-code rule', () => {
    const result = evaluateEligibility([{ id: 'code', kind: 'creditCode' }], declarations, { ...profile, creditCode: '91350100M000100Y44' }, NOW);
    expect(result.failures[0]?.reason?.code).toBe('CREDIT_CODE_CHECK');
  });

  it('refuses a time that is not an ISO timestamp', () => {
    expect(() => evaluateEligibility(defaultChecklist(), declarations, profile, 'yesterday')).toThrow(RangeError);
  });

  it('has a catalogue entry for every reason code and a term for every kind of rule', () => {
    for (const code of [...ELIGIBILITY_REASON_CODES, 'INVALID_CREDIT_CODE'] as const) expect(messages[code], code).toBeDefined();
    for (const kind of ELIGIBILITY_RULE_KINDS) expect(messages[`domain.rule.${kind}`], kind).toBeDefined();
  });
});
