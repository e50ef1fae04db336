import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { roundScope } from '../../shared/audit/chain';
import { defaultRoundConfig } from '../../shared/round';
import { formatMoment } from '../../shared/messages';
import { api, linkedChain, mailTo, signInAdmin, uniqueEmail } from './helpers';
import { registeredApplicant, stackRuntime } from './applications-helpers';
import { assignTeam, clearDeclaration, createReviewRound, eligibleApplication, invitedPerson, moveRoundTo, paths, scoreAndSubmit, throughToDefense } from './reviews-helpers';
import { AwardsStore } from '../../functions/lib/awards/store';
import { verify } from './verify-audit-helpers';
import { tableName } from '../../functions/lib/config';
import { SYSTEM_ACTOR } from '../../shared/audit/actions';

// The publication function runs in this worker, on the test stack's tables and outbox, as EventBridge Scheduler invokes it.
Object.assign(process.env, inject('stackEnv'));
const { handler } = await import('../../functions/publication/handler');

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.now();
const at = (ms: number) => new Date(T0 + ms).toISOString();

// The round's dates are near in real time (so the office's late list names people now) and the handler is run at chosen times.
const dates = {
  registrationOpens: at(-DAY),
  registrationCloses: at(1.5 * DAY),
  submissionDeadline: at(2 * DAY),
  materialReviewDeadline: at(2 * DAY + 2 * HOUR),
  onSiteDeadline: at(30 * DAY),
  defenseDate: at(40 * DAY),
};

let roundId: string;
let late: { email: string; applicationId: string };
let onTime: { email: string };
let open: { email: string; personId: string; name: string; cookie: string };
let done: { email: string; personId: string; name: string; cookie: string };

const run = (ms: number) => handler({ source: 'merit.reminders', time: at(ms), roundId });
const reminders = async (email: string) => (await mailTo(email)).filter((m) => m.subject.includes('Reminder'));

async function createRoundWithDates(): Promise<string> {
  const rt = await stackRuntime();
  const awards = new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards'));
  const config = { ...defaultRoundConfig(dates), reminders: { applicantDays: [7, 1], reviewerDays: [3, 1] }, teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 1 } };
  const id = `city-remind-${T0.toString(36)}`;
  const round = {
    programmeId: 'city',
    roundId: id,
    name: { 'zh-CN': '提醒测试轮次', en: 'Reminder test round' },
    stage: 'registration',
    registrationOpens: dates.registrationOpens,
    submissionDeadline: dates.submissionDeadline,
    config,
    createdAt: new Date(T0).toISOString(),
    version: 1,
  };
  await rt.audit.commit({
    scope: roundScope(id),
    actor: SYSTEM_ACTOR,
    action: 'round.created',
    target: { type: 'round', id },
    state: round,
    requestId: 'test',
    now: new Date(T0),
    writes: [awards.roundPut(round)],
  });
  return id;
}

beforeAll(async () => {
  roundId = await createRoundWithDates();
  // An applicant who registered and never submitted, one who submitted (and is eligible).
  const lateEmail = uniqueEmail('late');
  const registered = await registeredApplicant(roundId, lateEmail, { name: '迟交示范有限公司', contactPerson: '王迟交' });
  late = { email: lateEmail, applicationId: registered.applicationId };
  const submitted = await eligibleApplication(roundId, '准时示范有限公司');
  onTime = { email: (await api('GET', '/api/submission/auth/session', { cookie: submitted.cookie })).body.person.email };
  // Two experts on the submitted application: one declared with an open card, one who submitted theirs.
  open = await invitedPerson('expert', { name: '张未交' });
  done = await invitedPerson('expert', { name: '李已交' });
  await moveRoundTo(roundId, 'materialReview');
  await assignTeam(submitted.applicationId, [done, open]);
  const declared = await api('POST', paths.declare(submitted.applicationId), { cookie: open.cookie, body: clearDeclaration });
  expect(declared.status, JSON.stringify(declared.body)).toBe(201);
  await scoreAndSubmit(submitted.applicationId, done, 70);
}, 120_000);

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('scheduled reminders on a controlled clock', () => {
  it('reminds exactly the applicants with unsubmitted packages and the experts with open cards, once, with one audit entry each', async () => {
    // Act: an hour after the round's start, every kind's earliest moment has come (7 days before registration and submission, 3 before the review)
    const first = await run(HOUR);

    // Assess: registration closing and the deadline to the late applicant, the review to the expert with the open card
    expect(first.sent.map((s) => [s.kind, s.reminded]).sort()).toEqual([
      ['materialReview', 1],
      ['registrationCloses', 1],
      ['submissionDeadline', 1],
    ]);
    const lateMail = await reminders(late.email);
    expect(lateMail).toHaveLength(2);
    expect(lateMail.every((m) => m.text.includes('迟交示范有限公司') && m.text.includes('王迟交'))).toBe(true);
    expect(lateMail.some((m) => m.text.includes(formatMoment(dates.submissionDeadline, 'zh-CN')) && m.text.includes(formatMoment(dates.submissionDeadline, 'en')))).toBe(true);
    const expertMail = await reminders(open.email);
    expect(expertMail).toHaveLength(1);
    expect(expertMail[0]!.subject).toContain('材料审核');
    expect(expertMail[0]!.text).toContain('准时示范有限公司');
    expect(expertMail[0]!.text).toContain('English below');
    expect(await reminders(onTime.email)).toEqual([]);
    expect(await reminders(done.email)).toEqual([]);

    // Act again at the same moment, and a little later: nothing is sent twice
    const second = await run(HOUR);
    const third = await run(2 * HOUR);
    expect(second.sent).toEqual([]);
    expect(third.sent).toEqual([]);
    expect(await reminders(late.email)).toHaveLength(2);
    expect(await reminders(open.email)).toHaveLength(1);

    const { audit } = await stackRuntime();
    const entries = (await linkedChain(audit, roundScope(roundId))).filter((e) => e.action === 'reminder.scheduled');
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.context?.count === 1 && e.actor.personId === 'system')).toBe(true);
  });

  it('sends the 1-day reminder when its moment comes, and nothing in between', async () => {
    expect((await run(0.4 * DAY)).sent).toEqual([]);
    const oneDay = await run(0.5 * DAY + HOUR);
    expect(oneDay.sent.map((s) => [s.kind, s.moment])).toEqual([['registrationCloses', at(0.5 * DAY)]]);
    expect(await reminders(late.email)).toHaveLength(3);
  });
});

describe("the office's late list and reminders by hand", () => {
  it('names who is behind per stage, by name, and reminds one person once within the hour', async () => {
    const admin = await signInAdmin();
    const list = await api('GET', `/api/publication/rounds/${roundId}/late`, { cookie: admin });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.schedule).toEqual({ applicantDays: [7, 1], reviewerDays: [3, 1] });
    const groups = Object.fromEntries(list.body.groups.map((g: { kind: string }) => [g.kind, g]));
    expect(Object.keys(groups).sort()).toEqual(['materialReview', 'registrationCloses']);
    expect(groups.registrationCloses.people.map((p: { name: string }) => p.name)).toEqual(['王迟交']);
    expect(groups.materialReview.people).toMatchObject([{ name: '张未交', role: 'expert', work: [{ organisation: '准时示范有限公司', status: 'active' }], remindable: true }]);

    const before = (await reminders(open.email)).length;
    const sent = await api('POST', `/api/publication/rounds/${roundId}/reminders`, { cookie: admin, body: { kind: 'materialReview', personId: open.personId } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toEqual({ reminded: 1, skipped: 0 });
    expect(await reminders(open.email)).toHaveLength(before + 1);

    const again = await api('POST', `/api/publication/rounds/${roundId}/reminders`, { cookie: admin, body: { kind: 'materialReview', personId: open.personId } });
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('REMINDER_TOO_SOON');
    const all = await api('POST', `/api/publication/rounds/${roundId}/reminders`, { cookie: admin, body: { kind: 'materialReview' } });
    expect(all.status).toBe(429);
    expect(await reminders(open.email)).toHaveLength(before + 1);

    const notLate = await api('POST', `/api/publication/rounds/${roundId}/reminders`, { cookie: admin, body: { kind: 'materialReview', personId: done.personId } });
    expect(notLate.status).toBe(422);
    expect(notLate.body.error.code).toBe('REMINDER_NOT_LATE');

    const after = await api('GET', `/api/publication/rounds/${roundId}/late`, { cookie: admin });
    const person = after.body.groups.find((g: { kind: string }) => g.kind === 'materialReview').people[0];
    expect(person.remindable).toBe(false);
    expect(person.lastRemindedAt).toBeTruthy();

    const { audit } = await stackRuntime();
    const entries = (await linkedChain(audit, roundScope(roundId))).filter((e) => e.action === 'reminder.sent');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.context?.count).toBe(1);
  });

  it('reminds every late applicant with one action', async () => {
    const admin = await signInAdmin();
    const before = (await reminders(late.email)).length;
    const sent = await api('POST', `/api/publication/rounds/${roundId}/reminders`, { cookie: admin, body: { kind: 'registrationCloses' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toEqual({ reminded: 1, skipped: 0 });
    expect(await reminders(late.email)).toHaveLength(before + 1);
    expect(await reminders(onTime.email)).toEqual([]);
  });
});

describe('a round whose dates moved', () => {
  it('reminds at the new moment and not the old one', async () => {
    // Prepare: the office moves the review due date eight days on
    const admin = await signInAdmin();
    const round = (await api('GET', `/api/publication/rounds/${roundId}`, { cookie: admin })).body;
    const moved = await api('PUT', `/api/publication/rounds/${roundId}`, {
      cookie: admin,
      body: { version: round.version, config: { ...round.config, dates: { ...round.config.dates, materialReviewDeadline: at(10 * DAY) } } },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const before = (await reminders(open.email)).length;

    // Act: past the old 1-day moment (a day and two hours in); then at the new 3-day moment
    const old = await run(1 * DAY + 3 * HOUR);
    const fresh = await run(7 * DAY + HOUR);

    // Assess
    expect(old.sent.filter((s) => s.kind === 'materialReview')).toEqual([]);
    expect(fresh.sent).toEqual([{ roundId, kind: 'materialReview', moment: at(7 * DAY), reminded: 1 }]);
    const mails = await reminders(open.email);
    expect(mails).toHaveLength(before + 1);
    expect(mails[0]!.text).toContain(formatMoment(at(10 * DAY), 'zh-CN'));
  });
});

describe('defense reminders', () => {
  it('reminds the panel members still to declare or score, before the defense date, and not those who are done', async () => {
    // Prepare: a round at the defense with one application before a panel of two; one member declared and scored
    const reviewRound = await createReviewRound({ teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 1 } });
    const app = await eligibleApplication(reviewRound, '莆田答辩提醒有限公司');
    await throughToDefense(reviewRound, app.applicationId, [await invitedPerson('expert'), await invitedPerson('expert')]);
    const pending = await invitedPerson('deliberator', { name: '审议员未评' });
    const scored = await invitedPerson('deliberator', { name: '审议员已评' });
    const admin = await signInAdmin();
    for (const member of [pending, scored]) {
      const added = await api('POST', paths.panel(reviewRound), { cookie: admin, body: { reviewerId: member.personId } });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
    }
    const declared = await api('POST', `/api/scoring/applications/${app.applicationId}/defense/declaration`, { cookie: scored.cookie, body: clearDeclaration });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    const saved = await api('PUT', paths.defenseScore(app.applicationId), { cookie: scored.cookie, body: { score: 80000, comment: '', version: 0 } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const submitted = await api('POST', paths.defenseSubmit(app.applicationId), { cookie: scored.cookie, body: { version: saved.body.version } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const round = (await api('GET', `/api/publication/rounds/${reviewRound}`, { cookie: admin })).body;
    const defenseDate = Date.parse(round.config.dates.defenseDate);

    // Act: an hour after the 3-day moment before the defense date
    const result = await handler({ source: 'merit.reminders', time: new Date(defenseDate - 3 * DAY + HOUR).toISOString(), roundId: reviewRound });

    // Assess
    expect(result.sent.map((s) => [s.kind, s.reminded])).toEqual([['defense', 1]]);
    const mails = await reminders(pending.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('莆田答辩提醒有限公司');
    expect(mails[0]!.text).toContain('尚未作出利益冲突声明');
    expect(await reminders(scored.email)).toEqual([]);
  }, 120_000);
});

describe('the chain describes the reminder records', () => {
  it('verifies the round with its run markers and reminder records (verify-audit: every record matches its latest entry)', async () => {
    const { code, lines } = await verify('--round', roundId);
    expect(lines.find((l) => l.includes(`records round:${roundId}`)), lines.join('\n')).toMatch(/^ok        records round:\S+  \d+ records match the chain$/);
    expect(code, lines.join('\n')).toBe(0);
  }, 120_000);
});
