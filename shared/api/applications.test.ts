import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { EligibilityDecisionBody, PACKAGE_DEFAULTS, packageRules } from './applications';

describe('package rules of a round', () => {
  it('uses the defaults when the round configuration has none', () => {
    expect(packageRules({})).toEqual(PACKAGE_DEFAULTS);
    expect(packageRules(undefined)).toEqual(PACKAGE_DEFAULTS);
  });

  it('takes valid settings from the configuration and ignores invalid ones', () => {
    const rules = packageRules({ package: { profileMaxChars: 500, itemMaxChars: -1, requiredDocuments: ['businessLicence', 'nonsense'] } });
    expect(rules).toEqual({ profileMaxChars: 500, itemMaxChars: PACKAGE_DEFAULTS.itemMaxChars, requiredDocuments: ['businessLicence'] });
  });
});

describe('eligibility decisions', () => {
  it('require a reason the applicant can read when refusing', () => {
    expect(v.safeParse(EligibilityDecisionBody, { decision: 'ineligible' }).success).toBe(false);
    expect(v.safeParse(EligibilityDecisionBody, { decision: 'ineligible', reason: '  ' }).success).toBe(false);
    expect(v.safeParse(EligibilityDecisionBody, { decision: 'ineligible', reason: '成立未满三年' }).success).toBe(true);
    expect(v.safeParse(EligibilityDecisionBody, { decision: 'eligible' }).success).toBe(true);
  });
});
