import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ROUND_DEFAULTS } from '../round';
import { EligibilityDecisionBody, PACKAGE_DEFAULTS, packageRules } from './applications';

describe('package rules of a round', () => {
  it("are the round configuration's own defaults when it sets none", () => {
    expect(PACKAGE_DEFAULTS).toEqual({
      profileMaxChars: ROUND_DEFAULTS.package.profileMaxChars,
      itemMaxChars: ROUND_DEFAULTS.package.itemMaxChars,
      requiredDocuments: ROUND_DEFAULTS.package.requiredDocuments,
    });
  });

  it('take the configured limits and leave out a required category that has no upload slot', () => {
    const rules = packageRules({ profileMaxChars: 500, itemMaxChars: 300, requiredDocuments: ['businessLicence', 'nonsense'] });
    expect(rules).toEqual({ profileMaxChars: 500, itemMaxChars: 300, requiredDocuments: ['businessLicence'] });
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
