import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import {
  assertAssignable,
  checkAssignment,
  CONFLICT_ERROR_CODES,
  CONFLICT_KINDS,
  ConflictOfInterestError,
  declarationEvent,
  declaredConflicts,
  detectConflicts,
  normaliseOrganisationName,
  recusalEvent,
  type ApplicantIdentity,
  type ConflictDeclaration,
  type ReviewerProfile,
} from './index';

const settings = { conflicts: { employmentYears: 3 } };
const NOW = '2026-09-01T00:00:00.000Z';
const applicant: ApplicantIdentity = { applicationId: 'a1', organisationName: '福州某某科技有限公司', creditCode: '91350100M000100Y43' };
const reviewer: ReviewerProfile = { reviewerId: 'e1', employers: [{ organisationName: '福建某大学', creditCode: '12350000488000000X' }] };
const declaration = (relations: ConflictDeclaration['relations'] = [], signed = true): ConflictDeclaration => ({
  reviewerId: 'e1',
  applicationId: 'a1',
  declaredAt: NOW,
  relations,
  confidentialitySigned: signed,
  impartialitySigned: signed,
});

describe('conflicts of interest', () => {
  it('allows a reviewer who declared no relation and signed both declarations', () => {
    expect(checkAssignment({ reviewer, applicant, declaration: declaration(), now: NOW }, settings)).toEqual({ allowed: true });
  });

  it('refuses a reviewer who has not declared with DECLARATION_REQUIRED', () => {
    expect(checkAssignment({ reviewer, applicant, now: NOW }, settings)).toMatchObject({ allowed: false, code: 'DECLARATION_REQUIRED' });
    const forOther = { ...declaration(), applicationId: 'a2' };
    expect(checkAssignment({ reviewer, applicant, declaration: forOther, now: NOW }, settings)).toMatchObject({ allowed: false, code: 'DECLARATION_REQUIRED' });
  });

  it('refuses until the confidentiality and impartiality declarations are signed', () => {
    expect(checkAssignment({ reviewer, applicant, declaration: declaration([], false), now: NOW }, settings)).toMatchObject({ allowed: false, code: 'DECLARATION_UNSIGNED' });
  });

  it('blocks every declared relation except employment that ended more than 3 years ago', () => {
    for (const kind of CONFLICT_KINDS.filter((k) => k !== 'employment')) {
      expect(declaredConflicts(declaration([{ kind }]), settings, NOW)).toEqual([{ source: 'declared', kind }]);
    }
    expect(declaredConflicts(declaration([{ kind: 'employment' }]), settings, NOW)).toHaveLength(1);
    expect(declaredConflicts(declaration([{ kind: 'employment', endedOn: '2023-09-02' }]), settings, NOW)).toHaveLength(1);
    expect(declaredConflicts(declaration([{ kind: 'employment', endedOn: '2023-08-31' }]), settings, NOW)).toEqual([]);
  });

  it('refuses on its own a reviewer employed by the applicant, by credit code or by name, whatever was declared', () => {
    const byCode: ReviewerProfile = { reviewerId: 'e1', employers: [{ organisationName: '另一个名称', creditCode: '91350100m000100y43' }] };
    expect(checkAssignment({ reviewer: byCode, applicant, declaration: declaration(), now: NOW }, settings)).toEqual({
      allowed: false,
      code: 'CONFLICT_OF_INTEREST',
      conflicts: [{ source: 'detected', kind: 'employment', match: 'creditCode' }],
    });
    const byName: ReviewerProfile = { reviewerId: 'e1', employers: [{ organisationName: ' 福州某某科技有限公司 ' }] };
    expect(detectConflicts(byName, applicant, settings, NOW)).toEqual([{ source: 'detected', kind: 'employment', match: 'name' }]);
  });

  it('does not detect a former employer left more than 3 years ago', () => {
    const former: ReviewerProfile = { reviewerId: 'e1', employers: [{ organisationName: 'x', creditCode: applicant.creditCode, endedOn: '2022-01-01' }] };
    expect(detectConflicts(former, applicant, settings, NOW)).toEqual([]);
  });

  it('refuses a time it cannot read rather than clearing past employment', () => {
    expect(() => declaredConflicts(declaration([{ kind: 'employment', endedOn: '2025-01-01' }]), settings, 'now')).toThrow(RangeError);
  });

  it('compares organisation names ignoring spaces, width and case', () => {
    expect(normaliseOrganisationName('ＡＢＣ（福州）有限公司 ')).toBe(normaliseOrganisationName('abc(福州)有限公司'));
  });

  it('throws ConflictOfInterestError with a stable code from assertAssignable', () => {
    try {
      assertAssignable({ reviewer, applicant, declaration: declaration([{ kind: 'shareholding' }]), now: NOW }, settings);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictOfInterestError);
      expect((error as ConflictOfInterestError).code).toBe('CONFLICT_OF_INTEREST');
    }
  });

  it('records declarations and recusals as events for the audit chain', () => {
    expect(declarationEvent('r1', declaration([{ kind: 'training' }]))).toMatchObject({ type: 'declaration.made', applicationId: 'a1', data: { reviewerId: 'e1', kinds: ['training'] } });
    expect(recusalEvent({ roundId: 'r1', applicationId: 'a1', reviewerId: 'e1', kind: 'closeRelative', reason: 'sister joined in May', at: NOW })).toMatchObject({ type: 'recusal.logged', at: NOW });
  });

  it('has a catalogue entry for every code and a term for every kind of relation', () => {
    for (const code of CONFLICT_ERROR_CODES) expect(messages[code], code).toBeDefined();
    for (const kind of CONFLICT_KINDS) expect(messages[`domain.conflict.${kind}`], kind).toBeDefined();
  });
});
