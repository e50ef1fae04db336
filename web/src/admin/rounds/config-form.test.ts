import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromForm, emptyForm, formFromRound, fromLocalInput, mixRows, mixValue, reminderDaysOf, targetOfPath, toLocalInput, weightSumPerMille } from './config-form';
import { DATES, roundView } from './fixtures';

// The browser's time zone decides what a datetime-local value means; fix it to one eight hours from UTC.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = originalTz;
});

describe('the rounds form model', () => {
  it('reads a datetime-local value in the browser’s time zone and sends it as UTC, and back', () => {
    expect(fromLocalInput('2027-03-01T09:00')).toBe('2027-03-01T01:00:00.000Z');
    expect(toLocalInput('2027-03-01T01:00:00.000Z')).toBe('2027-03-01T09:00');
    expect(fromLocalInput('')).toBe('');
    expect(fromLocalInput('next week')).toBe('next week');
  });

  it('adds the stage weights in thousandths, so 0.1 + 0.2 + 0.7 is exactly 1', () => {
    const values = { ...emptyForm(), 'weights.material': '0.1', 'weights.onSite': '0.2', 'weights.defense': '0.7' };
    expect(weightSumPerMille(values)).toBe(1000);
    expect(weightSumPerMille({ ...values, 'weights.defense': '0.6' })).toBe(900);
    expect(weightSumPerMille({ ...values, 'weights.defense': '' })).toBeNull();
  });

  it('leaves a blank site-visit shortlist out (twice the quota) and reads departments one per line', () => {
    const config = configFromForm({ ...emptyForm(), opinionDepartments: ' credit \n\n tax\n' });
    expect(config).not.toHaveProperty('siteVisitShortlistSize');
    expect(config.opinionDepartments).toEqual(['credit', 'tax']);
    expect(configFromForm({ ...emptyForm(), siteVisitShortlistSize: '9' }).siteVisitShortlistSize).toBe(9);
  });

  it('when editing, shows a shortlist of twice the quota (the default the server filled in) blank, so it follows a new quota', () => {
    const round = roundView({ lockedFields: [] });
    const followed = { ...round.config, winnersQuota: 5, siteVisitShortlistSize: 10 };
    const initial = formFromRound(round.roundId, round.name, followed);
    expect(initial.siteVisitShortlistSize).toBe('');
    const sent = configFromForm({ ...initial, winnersQuota: '4' }, { config: followed, initial, lockedFields: [] });
    expect(sent.winnersQuota).toBe(4);
    expect(sent).not.toHaveProperty('siteVisitShortlistSize');

    const chosen = { ...followed, siteVisitShortlistSize: 7 };
    expect(formFromRound(round.roundId, round.name, chosen).siteVisitShortlistSize).toBe('7');
  });

  it('reads reminder days however they are separated, blank as none, and sends what is no number as typed', () => {
    expect(reminderDaysOf('7, 1')).toEqual([7, 1]);
    expect(reminderDaysOf(' 14，3、1 ')).toEqual([14, 3, 1]);
    expect(reminderDaysOf('')).toEqual([]);
    expect(reminderDaysOf('7, x')).toEqual([7, 'x']);
    const values = { ...emptyForm(), 'reminders.applicantDays': '10 2', 'reminders.reviewerDays': '' };
    expect(configFromForm(values).reminders).toEqual({ applicantDays: [10, 2], reviewerDays: [] });
    expect(emptyForm()['reminders.applicantDays']).toBe('7, 1');
    expect(targetOfPath('config.reminders.reviewerDays.1')).toBe('reminders.reviewerDays');
  });

  it('sends a blank number as null, so the server names that field', () => {
    expect(configFromForm({ ...emptyForm(), winnersQuota: '' }).winnersQuota).toBeNull();
  });

  it('when editing, keeps settings the form does not show, sends untouched dates exactly as read and locked settings as read', () => {
    const round = roundView({ lockedFields: ['winnersQuota', 'dates.registrationOpens', 'weights'] });
    const config = { ...round.config, dates: { ...round.config.dates, registrationCloses: '2027-04-30T17:00:00+08:00' } };
    const initial = formFromRound(round.roundId, round.name, config);
    const values = { ...initial, winnersQuota: '9', 'weights.material': '0.4', 'dates.registrationOpens': '2027-01-01T08:00', 'dates.defenseDate': '2027-10-21T09:00', publicNoticeDays: '10' };

    const sent = configFromForm(values, { config, initial, lockedFields: round.lockedFields });

    expect(sent.eligibility).toEqual(round.config.eligibility);
    expect(sent.uploads).toEqual(round.config.uploads);
    expect(sent.winnersQuota).toBe(round.config.winnersQuota);
    expect(sent.weights).toEqual(round.config.weights);
    expect(sent.publicNoticeDays).toBe(10);
    expect(sent.dates).toEqual({ ...DATES, registrationCloses: '2027-04-30T17:00:00+08:00', defenseDate: '2027-10-21T01:00:00.000Z' });
  });

  it('shows the draw rules, the field mix and the feedback setting, and sends them back untouched as read', () => {
    const round = roundView({ lockedFields: [] });
    const mix = { materialReview: [{ section: 'C', min: 2 }], onSite: [] };
    const config = { ...round.config, draw: { loadCap: 4, excludeSameDistrict: true, mix }, feedback: { showScores: true } } as typeof round.config;
    const initial = formFromRound(round.roundId, round.name, config);
    expect(initial['draw.loadCap']).toBe('4');
    expect(initial['draw.excludeSameDistrict']).toBe('true');
    expect(initial['feedback.showScores']).toBe('true');
    expect(initial['draw.mix.materialReview']).toBe('C:2');
    expect(initial['draw.mix.onSite']).toBe('');

    const untouched = configFromForm(initial, { config, initial, lockedFields: [] });
    expect(untouched.draw).toBe(config.draw);
    expect(untouched.feedback).toBe(config.feedback);

    const changed = configFromForm({ ...initial, 'draw.loadCap': '2', 'draw.excludeSameDistrict': 'false', 'feedback.showScores': 'false' }, { config, initial, lockedFields: [] });
    expect(changed.draw).toEqual({ loadCap: 2, excludeSameDistrict: false, mix });
    expect(changed.feedback).toEqual({ showScores: false });

    // A round stored before these settings: the defaults shown, nothing added when left alone.
    const { draw: _d, feedback: _f, ...older } = config;
    const olderInitial = formFromRound(round.roundId, round.name, older as typeof config);
    expect(olderInitial['draw.loadCap']).toBe('3');
    expect(olderInitial['draw.excludeSameDistrict']).toBe('false');
    const sent = configFromForm(olderInitial, { config: older as typeof config, initial: olderInitial, lockedFields: [] });
    expect('draw' in sent).toBe(false);
    expect('feedback' in sent).toBe(false);
    expect(targetOfPath('draw.mix.materialReview.0.section')).toBe('draw.mix.materialReview');
    expect(targetOfPath('draw.mix')).toBe('draw');
  });

  it('sends a changed field mix for both stages, rows as typed, the other draw rules as shown', () => {
    const round = roundView({ lockedFields: [] });
    const config = { ...round.config, draw: { loadCap: 4, excludeSameDistrict: true, mix: { materialReview: [{ section: 'C', min: 2 }], onSite: [] } } } as typeof round.config;
    const initial = formFromRound(round.roundId, round.name, config);
    const rows = [{ section: 'M', min: '1' }, { section: 'I', min: 'two' }];
    expect(mixRows(mixValue(rows))).toEqual(rows);
    const sent = configFromForm({ ...initial, 'draw.mix.onSite': mixValue(rows), 'draw.mix.materialReview': '' }, { config, initial, lockedFields: [] });
    // A half-typed number goes as typed, so the server names the row; an emptied stage sends none.
    expect(sent.draw).toEqual({ loadCap: 4, excludeSameDistrict: true, mix: { materialReview: [], onSite: [{ section: 'M', min: 1 }, { section: 'I', min: 'two' }] } });
    // A new round: no mix unless the office adds one.
    expect(emptyForm()['draw.mix.onSite']).toBe('');
  });

  it('places a server issue at the closest input or group', () => {
    expect(targetOfPath('dates.submissionDeadline')).toBe('dates.submissionDeadline');
    expect(targetOfPath('weights')).toBe('weights');
    expect(targetOfPath('weights.onSite')).toBe('weights.onSite');
    expect(targetOfPath('winnersQuota')).toBe('winnersQuota');
    expect(targetOfPath('opinionDepartments.2')).toBe('opinionDepartments');
    expect(targetOfPath('config.teams.onSiteMin')).toBe('teams.onSiteMin');
    expect(targetOfPath('name.en')).toBe('name.en');
    expect(targetOfPath('eligibility.2.years')).toBeNull();
    expect(targetOfPath('weightsX')).toBeNull();
  });
});
