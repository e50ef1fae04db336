import { describe, expect, it } from 'vitest';
import { applicationStatusInRound, certificateNumber, dueLetters, isCertificateNumber, type LetterFacts } from './letters';

const facts = (over: Partial<LetterFacts>): LetterFacts => ({
  stage: 'eligibility',
  applications: [
    { applicationId: 'a', status: 'submitted', eligibility: { decision: 'eligible', reason: 'ok' } },
    { applicationId: 'b', status: 'submitted', eligibility: { decision: 'ineligible', reason: '成立未满三年。' } },
    { applicationId: 'c', status: 'submitted', eligibility: { decision: 'eligible', reason: '' } },
    { applicationId: 'w', status: 'withdrawn', eligibility: { decision: 'eligible', reason: '' } },
  ],
  shortlist: [
    { applicationId: 'a', shortlisted: true },
    { applicationId: 'c', shortlisted: false },
  ],
  standings: [],
  objected: [],
  votes: [],
  notAwarded: [],
  noticePublished: false,
  announcementPublished: false,
  ...over,
});

const kinds = (f: LetterFacts) => dueLetters(f).map((d) => `${d.applicationId}:${d.kind}`);

describe('the letters a round owes at its stage', () => {
  it('owes nothing while the eligibility stage is open, though decisions are recorded', () => {
    expect(dueLetters(facts({ stage: 'eligibility' }))).toEqual([]);
  });

  it('owes the eligibility letters (with the reason) from material review on, never to a withdrawn application', () => {
    const due = dueLetters(facts({ stage: 'materialReview' }));
    expect(due).toEqual([
      { applicationId: 'a', kind: 'eligible', reason: 'ok' },
      { applicationId: 'b', kind: 'ineligible', reason: '成立未满三年。' },
      { applicationId: 'c', kind: 'eligible', reason: '' },
    ]);
  });

  it('owes the site-visit notice and the not-shortlisted letter from the on-site stage on', () => {
    expect(kinds(facts({ stage: 'materialReview' }))).not.toContain('a:siteVisit');
    expect(kinds(facts({ stage: 'onSite' }))).toEqual(['a:eligible', 'b:ineligible', 'c:eligible', 'a:siteVisit', 'c:notShortlisted']);
  });

  it('owes the below-threshold letter from the opinions on, proposals only once the notice is published, awards once the announcement is', () => {
    const later = {
      standings: [
        { applicationId: 'a', candidate: true },
        { applicationId: 'c', candidate: false },
      ],
      votes: [{ applicationId: 'a', proposed: true }],
    };
    expect(kinds(facts({ stage: 'comprehensiveEvaluation', ...later }))).not.toContain('c:belowThreshold');
    expect(kinds(facts({ stage: 'opinions', ...later }))).toContain('c:belowThreshold');
    expect(kinds(facts({ stage: 'publicNotice', ...later }))).not.toContain('a:proposed');
    expect(kinds(facts({ stage: 'publicNotice', noticePublished: true, ...later }))).toContain('a:proposed');
    expect(kinds(facts({ stage: 'announcement', noticePublished: true, ...later }))).not.toContain('a:awarded');
    expect(kinds(facts({ stage: 'announcement', noticePublished: true, announcementPublished: true, ...later }))).toContain('a:awarded');
    expect(kinds(facts({ stage: 'announcement', noticePublished: true, announcementPublished: true, notAwarded: ['a'], ...later }))).toContain('a:notAwarded');
  });

  it('tells a candidate a department objected to that it is not proposed', () => {
    const f = facts({ stage: 'publicNotice', noticePublished: true, standings: [{ applicationId: 'a', candidate: true }], objected: ['a'] });
    expect(kinds(f)).toContain('a:notProposed');
  });
});

describe("an application's status as its letters tell it", () => {
  it('follows the round after the site-visit notice, and keeps every final result', () => {
    expect(applicationStatusInRound('registered', [], 'registration')).toBe('registered');
    expect(applicationStatusInRound('withdrawn', ['eligible'], 'onSite')).toBe('withdrawn');
    expect(applicationStatusInRound('submitted', [], 'materialReview')).toBe('submitted');
    expect(applicationStatusInRound('submitted', ['eligible'], 'materialReview')).toBe('eligible');
    expect(applicationStatusInRound('submitted', ['eligible', 'siteVisit'], 'onSite')).toBe('shortlisted');
    expect(applicationStatusInRound('submitted', ['eligible', 'siteVisit'], 'defense')).toBe('visited');
    expect(applicationStatusInRound('submitted', ['eligible', 'siteVisit'], 'comprehensiveEvaluation')).toBe('defended');
    expect(applicationStatusInRound('submitted', ['eligible', 'siteVisit'], 'deliberation')).toBe('candidate');
    expect(applicationStatusInRound('submitted', ['eligible', 'siteVisit', 'belowThreshold'], 'announcement')).toBe('belowThreshold');
    expect(applicationStatusInRound('submitted', ['siteVisit', 'proposed', 'eligible'], 'publicNotice')).toBe('proposed');
    expect(applicationStatusInRound('submitted', ['eligible', 'siteVisit', 'proposed', 'awarded'], 'announcement')).toBe('winner');
    expect(applicationStatusInRound('submitted', ['eligible', 'siteVisit', 'proposed', 'notAwarded'], 'announcement')).toBe('notAwarded');
  });
});

describe('certificate numbers', () => {
  it('are the programme, the year and the place, and the check accepts only that shape', () => {
    expect(certificateNumber('city', 2026, 1)).toBe('CITY-2026-01');
    expect(certificateNumber('district-a', 2027, 12)).toBe('DISTRICT-A-2027-12');
    expect(isCertificateNumber('CITY-2026-01')).toBe(true);
    expect(isCertificateNumber('DISTRICT-A-2027-12')).toBe(true);
    for (const bad of ['', 'city-2026-01', 'CITY-26-01', 'CITY-2026-1', '../CITY-2026-01', `${'X'.repeat(70)}-2026-01`]) expect(isCertificateNumber(bad)).toBe(false);
  });
});
