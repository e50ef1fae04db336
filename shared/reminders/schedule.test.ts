import { describe, expect, it } from 'vitest';
import { defaultRoundConfig } from '../round';
import { dueReminders, lateWindowDays } from './schedule';

const dates = {
  registrationOpens: '2027-03-01T00:00:00.000Z',
  registrationCloses: '2027-03-20T10:00:00.000Z',
  submissionDeadline: '2027-04-20T10:00:00.000Z',
  materialReviewDeadline: '2027-05-20T10:00:00.000Z',
  onSiteDeadline: '2027-06-20T10:00:00.000Z',
  defenseDate: '2027-07-20T10:00:00.000Z',
};
const config = { ...defaultRoundConfig(dates), reminders: { applicantDays: [7, 1], reviewerDays: [3, 1] } };

describe('due reminders', () => {
  it('sends nothing before the first moment of any kind', () => {
    expect(dueReminders(config, 'registration', new Date('2027-03-13T09:59:00.000Z'))).toEqual([]);
  });

  it('is due from the moment N days before the deadline, and names that moment', () => {
    const due = dueReminders(config, 'registration', new Date('2027-03-13T10:00:00.000Z'));
    expect(due).toEqual([{ kind: 'registrationCloses', deadline: dates.registrationCloses, daysBefore: 7, moment: '2027-03-13T10:00:00.000Z' }]);
  });

  it('moves on to the 1-day moment once it is reached, and stops at the deadline', () => {
    expect(dueReminders(config, 'registration', new Date('2027-03-19T12:00:00.000Z')).map((d) => d.daysBefore)).toEqual([1]);
    expect(dueReminders(config, 'registration', new Date('2027-03-20T10:00:00.000Z'))).toEqual([]);
  });

  it('follows moved dates: the moments come from the dates as they stand', () => {
    const moved = { ...config, dates: { ...dates, materialReviewDeadline: '2027-05-25T10:00:00.000Z' } };
    const at = new Date('2027-05-17T11:00:00.000Z');
    expect(dueReminders(config, 'materialReview', at).map((d) => d.moment)).toEqual(['2027-05-17T10:00:00.000Z']);
    expect(dueReminders(moved, 'materialReview', at)).toEqual([]);
  });

  it('leaves registration reminders out when registration closes at the submission deadline', () => {
    const same = { ...config, dates: { ...dates, registrationCloses: dates.submissionDeadline } };
    const due = dueReminders(same, 'registration', new Date('2027-04-19T12:00:00.000Z'));
    expect(due.map((d) => d.kind)).toEqual(['submissionDeadline']);
  });

  it('sends none of a kind whose list is empty, and none once the round is announced', () => {
    const none = { ...config, reminders: { applicantDays: [], reviewerDays: [3, 1] } };
    expect(dueReminders(none, 'registration', new Date('2027-03-19T12:00:00.000Z'))).toEqual([]);
    expect(dueReminders(config, 'announcement', new Date('2027-05-19T12:00:00.000Z'))).toEqual([]);
  });

  it('names the late window as the earliest reminder of the kind', () => {
    expect(lateWindowDays(config, 'onSite')).toBe(3);
    expect(lateWindowDays({ reminders: { applicantDays: [], reviewerDays: [] } }, 'onSite')).toBe(1);
  });
});
