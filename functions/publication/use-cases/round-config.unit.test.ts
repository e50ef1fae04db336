import { describe, expect, it } from 'vitest';
import { defaultRoundConfig, type RoundConfig } from '../../../shared/round';
import type { RoundRecord } from '../../lib/awards/store';
import { CONFIG_FIELDS, lockedChanges, lockedFields, roundView } from './round-config';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2027-03-01T00:00:00.000Z');
const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();

// Registration opened 10 days ago and closes in 20; every later milestone is ahead.
const config = defaultRoundConfig({
  registrationOpens: at(-10),
  registrationCloses: at(20),
  submissionDeadline: at(30),
  materialReviewDeadline: at(60),
  onSiteDeadline: at(90),
  defenseDate: at(120),
});
const withDates = (dates: Partial<RoundConfig['dates']>): RoundConfig => ({ ...config, dates: { ...config.dates, ...dates } });

describe('what can no longer change at a stage', () => {
  it('locks nothing at the call', () => {
    expect(lockedFields('call', config, now)).toEqual([]);
  });

  it('locks every field but the dates, the reminders and the draw rules once registration has opened, and each date that has passed', () => {
    const locked = lockedFields('registration', config, now);
    expect(locked).toContain('winnersQuota');
    expect(locked).toContain('eligibility');
    expect(locked).not.toContain('dates');
    expect(locked).not.toContain('reminders');
    expect(locked).not.toContain('draw');
    expect(locked.filter((f) => f.startsWith('dates.'))).toEqual(['dates.registrationOpens']);
    expect(locked).toHaveLength(CONFIG_FIELDS.length - 3 + 1); // every field but `dates`, `reminders` and `draw`, plus the one passed date
  });

  it('lets the office change the draw rules until the announcement (each draw commits the rules it used)', () => {
    const after = { ...config, draw: { loadCap: 2, excludeSameDistrict: true, mix: { materialReview: [{ section: 'C' as const, min: 1 }], onSite: [] } } };
    expect(lockedChanges('onSite', config, after, now)).toEqual([]);
    expect(lockedChanges('announcement', config, after, now)).toEqual(['draw']);
  });

  it('lets the office change when reminders go out until the announcement (how the round is run, not a rule applicants registered under)', () => {
    const after = { ...config, reminders: { applicantDays: [5, 2], reviewerDays: [1] } };
    expect(lockedChanges('materialReview', config, after, now)).toEqual([]);
    expect(lockedChanges('announcement', config, after, now)).toEqual(['reminders']);
  });

  it('counts a date at this very instant as passed', () => {
    expect(lockedFields('formalSubmission', withDates({ registrationCloses: now.toISOString(), submissionDeadline: at(1) }), now)).toContain('dates.registrationCloses');
  });

  it('locks every field, the dates too, at the announcement', () => {
    expect(lockedFields('announcement', config, now)).toEqual([...CONFIG_FIELDS]);
  });
});

describe('which changes a stage refuses', () => {
  it('allows any change at the call, dates in the past too', () => {
    const after = { ...withDates({ registrationOpens: at(-30) }), winnersQuota: 3, siteVisitShortlistSize: 6 };
    expect(lockedChanges('call', config, after, now)).toEqual([]);
  });

  it('allows moving a date still ahead to another date ahead after registration opened', () => {
    expect(lockedChanges('registration', config, withDates({ submissionDeadline: at(40), registrationCloses: at(25) }), now)).toEqual([]);
  });

  it('refuses moving a date that has passed, or a date into the past, naming dates.<field>', () => {
    expect(lockedChanges('registration', config, withDates({ registrationOpens: at(-5) }), now)).toEqual(['dates.registrationOpens']);
    expect(lockedChanges('registration', config, withDates({ registrationCloses: at(-1) }), now)).toEqual(['dates.registrationCloses']);
  });

  it('treats the same instant written with another offset as unchanged', () => {
    const opens = new Date(Date.parse(config.dates.registrationOpens)).toISOString().replace('Z', '+00:00');
    expect(lockedChanges('registration', config, withDates({ registrationOpens: opens }), now)).toEqual([]);
  });

  it('refuses every other changed field after the call, listing all of them', () => {
    const after = { ...config, winnersQuota: 8, siteVisitShortlistSize: 16, weights: { material: 0.4, onSite: 0.4, defense: 0.2 } };
    expect(lockedChanges('materialReview', config, after, now)).toEqual(['winnersQuota', 'weights', 'siteVisitShortlistSize']);
  });
});

describe('a round as the office sees it', () => {
  const record: RoundRecord = {
    programmeId: 'city',
    roundId: 'city-2027',
    name: { 'zh-CN': '轮次', en: 'Round' },
    stage: 'registration',
    registrationOpens: config.dates.registrationOpens,
    submissionDeadline: config.dates.submissionDeadline,
    config,
    createdAt: at(-20),
    version: 2,
  };

  it('shows the configuration with its locks and whether it can change', () => {
    const view = roundView(record, now);
    expect(view).toMatchObject({ roundId: 'city-2027', stage: 'registration', configurable: true, version: 2, config });
    expect(view.lockedFields).toContain('dates.registrationOpens');
  });

  it('treats a stage it does not know as closed', () => {
    expect(roundView({ ...record, stage: 'somethingElse' }, now)).toMatchObject({ stage: 'announcement', configurable: false });
  });
});
