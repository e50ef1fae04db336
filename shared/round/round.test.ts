import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { CONFIG_ISSUE_CODES, defaultRoundConfig, parseRoundConfig, ROUND_DEFAULTS, type RoundDates } from './index';

const dates: RoundDates = {
  registrationOpens: '2026-07-01T09:00:00+08:00',
  registrationCloses: '2026-08-15T17:00:00+08:00',
  submissionDeadline: '2026-08-31T17:00:00+08:00',
  materialReviewDeadline: '2026-09-30T17:00:00+08:00',
  onSiteDeadline: '2026-10-31T17:00:00+08:00',
  defenseDate: '2026-11-15T09:00:00+08:00',
};

const issuesOf = (input: unknown) => {
  const result = parseRoundConfig(input);
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.issues.map((i) => `${i.path} ${i.code}`);
};

describe('round configuration', () => {
  it('fills every default of DOMAIN.md from the dates alone', () => {
    const result = parseRoundConfig({ dates });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const c = result.config;
    expect(c.edition).toBe('GB/T 19580-2012');
    expect(c.winnersQuota).toBe(6);
    expect(c.candidateThreshold).toBe(500);
    expect(c.weights).toEqual({ material: 0.3, onSite: 0.5, defense: 0.2 });
    expect(c.teams.materialReviewMin).toBe(5);
    expect(c.divergenceThreshold).toBe(20);
    expect(c.reliabilityFlagOffset).toBe(10);
    expect(c.siteVisitShortlistSize).toBe(12);
    expect(c.publicNoticeDays).toBe(7);
    expect(c.conflicts.employmentYears).toBe(3);
    expect(c.uploads.allowedTypes).toHaveLength(5);
    expect(c.eligibility.find((r) => r.kind === 'notRecentWinner')).toMatchObject({ rounds: 3 });
  });

  it('defaults the site-visit shortlist to twice the winners quota', () => {
    const result = parseRoundConfig({ dates, winnersQuota: 4 });
    expect(result.ok && result.config.siteVisitShortlistSize).toBe(8);
  });

  it('accepts what defaultRoundConfig builds, unchanged', () => {
    const config = defaultRoundConfig(dates, { regionPrefixes: ['3501'] });
    expect(parseRoundConfig(config)).toEqual({ ok: true, config });
  });

  it('accepts weights that sum to 1 only to the thousandth (0.25 + 0.5 + 0.25)', () => {
    expect(parseRoundConfig({ dates, weights: { material: 0.25, onSite: 0.5, defense: 0.25 } }).ok).toBe(true);
    expect(issuesOf({ dates, weights: { material: 0.3, onSite: 0.5, defense: 0.3 } })).toEqual(['weights CONFIG_WEIGHTS_SUM']);
    expect(issuesOf({ dates, weights: { material: 0.3333, onSite: 0.3333, defense: 0.3334 } })).toContain('weights.material CONFIG_WEIGHT_PRECISION');
  });

  it('refuses dates out of order with CONFIG_DATES_OUT_OF_ORDER on the later date', () => {
    expect(issuesOf({ dates: { ...dates, onSiteDeadline: '2026-09-01T00:00:00Z' } })).toEqual(['dates.onSiteDeadline CONFIG_DATES_OUT_OF_ORDER']);
  });

  it('names the dates out of order as the office names them, in each language, never by their field names', () => {
    const result = parseRoundConfig({ dates: { ...dates, registrationCloses: '2026-06-01T00:00:00Z' } });
    const issue = result.ok ? undefined : result.issues.find((i) => i.code === 'CONFIG_DATES_OUT_OF_ORDER');
    expect(issue?.message).toEqual({
      'zh-CN': '日期顺序不对：“网上申报截止时间”必须晚于“网上申报开始时间”。',
      en: 'Dates out of order: “Registration closes” must come after “Registration opens”.',
    });
  });

  it('takes a department the catalogue names by its id and any other by its name, but not an empty one', () => {
    const result = parseRoundConfig({ dates, opinionDepartments: ['credit', ' 市住房和城乡建设局 '] });
    expect(result.ok && result.config.opinionDepartments).toEqual(['credit', '市住房和城乡建设局']);
    expect(issuesOf({ dates, opinionDepartments: ['tax', '  '] })).toEqual(['opinionDepartments.1 CONFIG_INVALID_DEPARTMENT']);
  });

  it('lets registration close at the submission deadline itself', () => {
    expect(parseRoundConfig({ dates: { ...dates, registrationCloses: dates.submissionDeadline } }).ok).toBe(true);
  });

  it('takes the reminder days (defaults 7 and 1 before the applicants\' deadlines, 3 and 1 before review due dates), an empty list too', () => {
    const parsed = parseRoundConfig({ dates });
    expect(parsed.ok && parsed.config.reminders).toEqual({ applicantDays: [7, 1], reviewerDays: [3, 1] });
    const none = parseRoundConfig({ dates, reminders: { applicantDays: [], reviewerDays: [2] } });
    expect(none.ok && none.config.reminders).toEqual({ applicantDays: [], reviewerDays: [2] });
  });

  it('refuses reminder days that are not whole days from 1 to 60, repeated, or more than five', () => {
    expect(issuesOf({ dates, reminders: { applicantDays: [0, 1.5, 61] } }).sort()).toEqual([
      'reminders.applicantDays.0 CONFIG_TOO_SMALL',
      'reminders.applicantDays.1 CONFIG_NOT_INTEGER',
      'reminders.applicantDays.2 CONFIG_TOO_LARGE',
    ]);
    expect(issuesOf({ dates, reminders: { reviewerDays: [3, 3] } })).toEqual(['reminders.reviewerDays CONFIG_DUPLICATE']);
    expect(issuesOf({ dates, reminders: { reviewerDays: [1, 2, 3, 4, 5, 6] } })).toEqual(['reminders.reviewerDays CONFIG_TOO_LARGE']);
  });

  it('carries the draw rules (load cap 3, districts not left out, no mix by default) and refuses a mix that does not fit the team', () => {
    const parsed = parseRoundConfig({ dates });
    expect(parsed.ok && parsed.config.draw).toEqual({ loadCap: 3, excludeSameDistrict: false, mix: { materialReview: [], onSite: [] } });
    const set = parseRoundConfig({ dates, draw: { loadCap: 2, excludeSameDistrict: true, mix: { onSite: [{ section: 'C', min: 2 }] } } });
    expect(set.ok && set.config.draw).toEqual({ loadCap: 2, excludeSameDistrict: true, mix: { materialReview: [], onSite: [{ section: 'C', min: 2 }] } });
    expect(issuesOf({ dates, draw: { mix: { onSite: [{ section: 'C', min: 2 }, { section: 'M', min: 2 }] } } })).toEqual(['draw.mix.onSite CONFIG_MIN_ABOVE_MAX']);
    expect(issuesOf({ dates, draw: { loadCap: 0, mix: { materialReview: [{ section: 'Z', min: 1 }] } } }).sort()).toEqual(['draw.loadCap CONFIG_TOO_SMALL', 'draw.mix.materialReview.0.section CONFIG_UNKNOWN_SECTION']);
    expect(issuesOf({ dates, draw: { mix: { materialReview: [{ section: 'C', min: 1 }, { section: 'C', min: 1 }] } } })).toEqual(['draw.mix.materialReview CONFIG_DUPLICATE']);
  });

  it('refuses a shortlist smaller than the quota', () => {
    expect(issuesOf({ dates, winnersQuota: 6, siteVisitShortlistSize: 5 })).toEqual(['siteVisitShortlistSize CONFIG_SHORTLIST_BELOW_QUOTA']);
  });

  it('lists every problem of an invalid configuration, not only the first', () => {
    const issues = issuesOf({
      dates: { ...dates, defenseDate: 'soon', onSiteDeadline: '2026-09-01T00:00:00Z' },
      winnersQuota: 6.5,
      candidateThreshold: 1200,
      weights: { material: 0.5, onSite: 0.5, defense: 0.2 },
      teams: { materialReviewMin: 1 },
      publicNoticeDays: 0,
      uploads: { allowedTypes: ['application/pdf', 'application/pdf'], maxFileBytes: 100, maxApplicationBytes: 10 },
      package: { itemMaxChars: 200_000, maxTotalChars: 100_000 },
      eligibility: [{ id: 'a', kind: 'legalPerson' }, { id: 'a', kind: 'creditCode' }, { id: 'b', kind: 'astrology' }],
      colour: 'red',
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'dates.defenseDate CONFIG_INVALID_DATE',
        'dates.onSiteDeadline CONFIG_DATES_OUT_OF_ORDER',
        'winnersQuota CONFIG_NOT_INTEGER',
        'candidateThreshold CONFIG_TOO_LARGE',
        'weights CONFIG_WEIGHTS_SUM',
        'teams.materialReviewMin CONFIG_TOO_SMALL',
        'publicNoticeDays CONFIG_TOO_SMALL',
        'uploads.allowedTypes CONFIG_DUPLICATE',
        'uploads.maxFileBytes CONFIG_FILE_LIMIT_ABOVE_APPLICATION_LIMIT',
        'package.itemMaxChars CONFIG_MIN_ABOVE_MAX',
        'eligibility.2.kind CONFIG_UNKNOWN_RULE_KIND',
        'colour CONFIG_UNKNOWN_KEY',
      ]),
    );
    expect(issues.length).toBeGreaterThanOrEqual(12);
  });

  it('refuses a configuration without dates with CONFIG_REQUIRED', () => {
    expect(issuesOf({})).toEqual(['dates CONFIG_REQUIRED']);
  });

  it('refuses something that is not an object', () => {
    expect(issuesOf(null)).toEqual([' CONFIG_WRONG_TYPE']);
  });

  it('words every issue in both languages with its parameters filled', () => {
    const result = parseRoundConfig({ dates, candidateThreshold: -1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.message).toEqual({ 'zh-CN': '不能小于 0。', en: 'Must be at least 0.' });
  });

  it('has a catalogue entry for every configuration issue code', () => {
    for (const code of CONFIG_ISSUE_CODES) expect(messages[code], code).toBeDefined();
  });

  it('never throws, whatever it is given (property)', () => {
    const anyConfig = fc.record(
      {
        dates: fc.constant(dates),
        winnersQuota: fc.oneof(fc.integer({ min: -5, max: 40 }), fc.double(), fc.string()),
        weights: fc.record({ material: fc.double({ min: -1, max: 2 }), onSite: fc.double({ min: -1, max: 2 }), defense: fc.constantFrom(0.2, '0.2') }),
        siteVisitShortlistSize: fc.integer({ min: -1, max: 50 }),
        uploads: fc.anything(),
        package: fc.anything(),
      },
      { requiredKeys: ['dates'] },
    );
    fc.assert(
      fc.property(fc.oneof(anyConfig, fc.anything()), (input) => {
        const result = parseRoundConfig(input);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps its defaults in one place', () => {
    expect(ROUND_DEFAULTS.weights.material + ROUND_DEFAULTS.weights.onSite + ROUND_DEFAULTS.weights.defense).toBeCloseTo(1, 12);
  });
});
