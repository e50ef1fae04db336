import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCalendar } from '../../shared/schedule/ics';
import { api, mailTo, signInAdmin, uniqueEmail } from './helpers';
import { fillPackage, PDF, registeredApplicant, stackRuntime, upload } from './applications-helpers';
import { assignTeam, createReviewRound, foreignAdmin, invitedPerson, moveRoundTo, nothingWritten, oneEntry, paths } from './reviews-helpers';
import { putReviewItems } from './rounds-helpers';

type Person = Awaited<ReturnType<typeof invitedPerson>>;
interface Applicant { cookie: string; applicationId: string; email: string; name: string }
interface Attached { fileName: string; contentType: string; content: string }

const DAY = '2027-03-10';
const visitPath = (applicationId: string) => `/api/scoring/applications/${applicationId}/visit`;
const cancelPath = (applicationId: string) => `/api/scoring/applications/${applicationId}/visit/cancellation`;
const schedulePath = (roundId: string) => `/api/scoring/rounds/${roundId}/schedule`;
const defensePath = (roundId: string) => `/api/scoring/rounds/${roundId}/defense/schedule`;
const MINE = '/api/scoring/schedule/mine';

let roundId: string;
let admin: string;
let a: Applicant;
let b: Applicant;
let c: Applicant;
let e1: Person;
let e2: Person;
let e3: Person;
let deliberator: Person;

/** An applicant of the round with a submitted package the office found eligible (its sign-in address kept). */
async function eligible(name: string): Promise<Applicant> {
  const email = uniqueEmail('visit-applicant');
  const applicant = await registeredApplicant(roundId, email, { name });
  await fillPackage(applicant.cookie, applicant.applicationId);
  await upload(applicant.cookie, applicant.applicationId, PDF, { category: 'businessLicence' });
  await upload(applicant.cookie, applicant.applicationId, Buffer.concat([PDF, Buffer.from('% report\n')]), { category: 'selfAssessmentReport', fileName: '自评报告.pdf' });
  const submitted = await api('POST', `/api/submission/applications/${applicant.applicationId}/submit`, { cookie: applicant.cookie, body: {} });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const decided = await api('POST', `/api/submission/applications/${applicant.applicationId}/eligibility`, { cookie: admin, body: { decision: 'eligible', reason: '符合申报条件。' } });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  return { cookie: applicant.cookie, applicationId: applicant.applicationId, email, name };
}

const visitBody = (over: Record<string, unknown> = {}) => ({
  date: DAY, start: '09:00', end: '12:00', address: '福州市鼓楼区五四路 1 号, 3 楼; 第一会议室', contactPerson: '王联系', contactPhone: '0591-12345678', version: 0, ...over,
});

/** The calendar file attached to the newest mail to an address whose subject contains `about`, read back. */
async function calendarMailed(email: string, about: string) {
  const mail = (await mailTo(email)).find((m) => m.subject.includes(about)) as unknown as { subject: string; text: string; attachments?: Attached[] } | undefined;
  expect(mail, `a mail to ${email} about ${about}`).toBeDefined();
  const [file] = mail!.attachments ?? [];
  expect(file?.fileName).toMatch(/\.ics$/);
  const lines = readCalendar(file!.content);
  const value = (name: string) => lines.find((l) => l.name === name)?.value;
  return { mail: mail!, file: file!, lines, value };
}

beforeAll(async () => {
  roundId = await createReviewRound();
  admin = await signInAdmin();
  a = await eligible('福州日程甲有限公司');
  b = await eligible('福州日程乙有限公司');
  c = await eligible('福州日程丙有限公司');
  e1 = await invitedPerson('expert', { name: '日程专家一', organisation: '质量协会一' });
  e2 = await invitedPerson('expert', { name: '日程专家二', organisation: '质量协会二' });
  e3 = await invitedPerson('expert', { name: '日程专家三', organisation: '质量协会三' });
  deliberator = await invitedPerson('deliberator', { name: '日程审议员', organisation: '市人大' });
  await moveRoundTo(roundId, 'materialReview');
  await putReviewItems(roundId, [
    { kind: 'shortlist', applicationId: a.applicationId, shortlisted: true },
    { kind: 'shortlist', applicationId: b.applicationId, shortlisted: true },
    { kind: 'shortlist', applicationId: c.applicationId, shortlisted: false },
  ]);
  await moveRoundTo(roundId, 'onSite');
  await assignTeam(a.applicationId, [e1, e2], 'onSite');
  await assignTeam(b.applicationId, [e3, e2], 'onSite');
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('site visits: scheduled by the office, refused when an expert would be in two places, changed, cancelled', () => {
  it('schedules a visit in Beijing time with one audit entry and mails the applicant and each team member a calendar request', async () => {
    const res = await oneEntry(roundId, 'visit.scheduled', () => api('PUT', visitPath(a.applicationId), { cookie: admin, body: visitBody() }), a.applicationId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'scheduled', start: '2027-03-10T01:00:00.000Z', end: '2027-03-10T04:00:00.000Z', timeZone: 'Asia/Shanghai', sequence: 0, version: 1 });
    expect(res.body.team.map((m: { reviewerName: string }) => m.reviewerName)).toEqual(['日程专家一', '日程专家二']);

    for (const email of [a.email, e1.email, e2.email]) {
      const { mail, file, value, lines } = await calendarMailed(email, '福州日程甲有限公司');
      expect(mail.subject).toMatch(/现场评审安排：福州日程甲有限公司 \/ .*Site visit: 福州日程甲有限公司/);
      expect(mail.text).toContain('2027年3月10日 09:00–12:00（北京时间）');
      expect(mail.text).toContain('10 Mar 2027, 09:00–12:00 (Beijing time)');
      expect(file.contentType).toBe('text/calendar; charset=UTF-8; method=REQUEST');
      expect(file.content.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
      expect(value('METHOD')).toBe('REQUEST');
      expect(value('UID')).toBe(`visit-${a.applicationId}@${roundId}.merit`);
      expect(value('SEQUENCE')).toBe('0');
      expect(value('DTSTART')).toBe('20270310T010000Z');
      expect(value('DTEND')).toBe('20270310T040000Z');
      expect(value('LOCATION')).toBe('福州市鼓楼区五四路 1 号, 3 楼; 第一会议室');
      const attendees = lines.filter((l) => l.name === 'ATTENDEE').map((l) => l.value);
      if (email === a.email) {
        // The applicant is told when and where, never who: no member's name or address in its mail or calendar file.
        expect(attendees).toEqual([`mailto:${a.email}`]);
        for (const text of [mail.text, file.content]) for (const who of ['日程专家一', '日程专家二', e1.email, e2.email]) expect(text).not.toContain(who);
        expect(mail.text).toContain('名单不向受评组织公开');
      } else expect(attendees).toEqual(expect.arrayContaining([`mailto:${e1.email}`, `mailto:${e2.email}`, `mailto:${a.email}`]));
    }
    expect((await mailTo(e3.email)).some((m) => m.subject.includes('福州日程甲有限公司'))).toBe(false);
  });

  it('refuses with 409 VISIT_OVERLAP naming the other visit when an expert of the team is on it at that time, and writes nothing', async () => {
    const res = await nothingWritten(roundId, () => api('PUT', visitPath(b.applicationId), { cookie: admin, body: visitBody({ start: '11:00', end: '14:00' }) }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VISIT_OVERLAP');
    expect(res.body.error.details).toMatchObject({ reviewerId: e2.personId, applicationId: a.applicationId, organisation: '福州日程甲有限公司' });
    expect(res.body.error.message['zh-CN']).toContain('日程专家二');
    expect(res.body.error.message['zh-CN']).toContain('福州日程甲有限公司');
    expect(res.body.error.message.en).toContain('福州日程甲有限公司');
    expect(res.body.error.message.en).toContain('10 Mar 2027, 09:00–12:00');
    const board = await api('GET', schedulePath(roundId), { cookie: admin });
    expect(board.body.candidates.find((x: { applicationId: string }) => x.applicationId === b.applicationId).visit).toBeUndefined();
    expect((await mailTo(b.email)).some((m) => m.subject.includes('现场评审'))).toBe(false);
  });

  it('accepts a visit that starts when the other ends, and refuses times that run backwards and applications not shortlisted', async () => {
    const res = await oneEntry(roundId, 'visit.scheduled', () => api('PUT', visitPath(b.applicationId), { cookie: admin, body: visitBody({ start: '12:00', end: '15:00' }) }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const backwards = await nothingWritten(roundId, () => api('PUT', visitPath(a.applicationId), { cookie: admin, body: visitBody({ start: '12:00', end: '09:00', version: 1 }) }));
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.code).toBe('SCHEDULE_TIME_INVALID');
    const notListed = await nothingWritten(roundId, () => api('PUT', visitPath(c.applicationId), { cookie: admin, body: visitBody() }));
    expect(notListed.status).toBe(422);
    expect(notListed.body.error.code).toBe('NOT_SHORTLISTED');
  });

  it('changes a visit based on the version read (one visit.changed entry; the same UID with SEQUENCE 1 mailed again); a stale version is 409 CONFLICT', async () => {
    const res = await oneEntry(roundId, 'visit.changed', () =>
      api('PUT', visitPath(a.applicationId), { cookie: admin, body: visitBody({ start: '08:00', end: '11:30', address: '福州市仓山区金山大道 8 号', version: 1 }) }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ sequence: 1, version: 2, address: '福州市仓山区金山大道 8 号' });
    const { mail, value } = await calendarMailed(e1.email, '现场评审安排变更');
    expect(mail.text).toContain('请以本邮件为准');
    expect(value('UID')).toBe(`visit-${a.applicationId}@${roundId}.merit`);
    expect(value('SEQUENCE')).toBe('1');
    expect(value('DTSTART')).toBe('20270310T000000Z');
    expect((await calendarMailed(a.email, '现场评审安排变更')).value('SEQUENCE')).toBe('1');

    const stale = await nothingWritten(roundId, () => api('PUT', visitPath(a.applicationId), { cookie: admin, body: visitBody({ version: 1 }) }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
  });

  it('shows each person only their own visits, with a calendar file; the office sees the round; others are refused', async () => {
    const mine = async (cookie: string) => {
      const res = await api('GET', MINE, { cookie });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.entries as { kind: string; visit: { applicationId: string }; ics: string }[];
    };
    expect((await mine(a.cookie)).map((x) => x.visit.applicationId)).toEqual([a.applicationId]);
    expect((await mine(b.cookie)).map((x) => x.visit.applicationId)).toEqual([b.applicationId]);
    expect((await mine(c.cookie))).toEqual([]);
    expect((await mine(e1.cookie)).map((x) => x.visit.applicationId)).toEqual([a.applicationId]);
    expect((await mine(e3.cookie)).map((x) => x.visit.applicationId)).toEqual([b.applicationId]);
    expect((await mine(e2.cookie)).map((x) => x.visit.applicationId)).toEqual([a.applicationId, b.applicationId]);
    const [entry] = await mine(a.cookie);
    expect(readCalendar(entry!.ics).find((l) => l.name === 'SEQUENCE')?.value).toBe('1');

    const board = await api('GET', schedulePath(roundId), { cookie: admin });
    expect(board.status).toBe(200);
    expect(board.body.candidates.map((x: { applicationId: string }) => x.applicationId).sort()).toEqual([a.applicationId, b.applicationId].sort());

    expect((await api('GET', schedulePath(roundId), { cookie: e1.cookie })).status).toBe(403);
    expect((await api('PUT', visitPath(a.applicationId), { cookie: a.cookie, body: visitBody({ version: 2 }) })).status).toBe(403);
    expect((await api('PUT', visitPath(a.applicationId), { cookie: e1.cookie, body: visitBody({ version: 2 }) })).status).toBe(403);
    const foreign = await foreignAdmin();
    expect((await api('GET', schedulePath(roundId), { cookie: foreign })).status).toBe(404);
    expect((await api('PUT', visitPath(a.applicationId), { cookie: foreign, body: visitBody({ version: 2 }) })).status).toBe(404);
    expect((await api('POST', cancelPath(a.applicationId), { cookie: foreign, body: { reason: '外区', version: 2 } })).status).toBe(404);
  });

  it('cancels a visit (one visit.cancelled entry; METHOD:CANCEL with SEQUENCE 2 to everyone); again is 409 VISIT_CANCELLED', async () => {
    const res = await oneEntry(roundId, 'visit.cancelled', () => api('POST', cancelPath(a.applicationId), { cookie: admin, body: { reason: '受评组织停产检修', version: 2 } }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', sequence: 2, version: 3, cancellation: { reason: '受评组织停产检修' } });
    for (const email of [a.email, e1.email, e2.email]) {
      const { value, file, mail } = await calendarMailed(email, '现场评审取消');
      expect(mail.text).toContain('受评组织停产检修');
      expect(file.contentType).toContain('method=CANCEL');
      expect(value('METHOD')).toBe('CANCEL');
      expect(value('STATUS')).toBe('CANCELLED');
      expect(value('SEQUENCE')).toBe('2');
      expect(value('UID')).toBe(`visit-${a.applicationId}@${roundId}.merit`);
    }
    const again = await nothingWritten(roundId, () => api('POST', cancelPath(a.applicationId), { cookie: admin, body: { reason: '再次取消', version: 3 } }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('VISIT_CANCELLED');
    // The cancelled visit no longer holds its experts: B's team (with 日程专家二) may now move onto that morning.
    const moved = await api('PUT', visitPath(b.applicationId), { cookie: admin, body: visitBody({ start: '09:00', end: '12:00', version: 1 }) });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  });
});

describe('two overlapping visits saved at the same moment', () => {
  it('lets exactly one through: the other is 409 VISIT_OVERLAP (the round\'s visit counter makes the second read again)', async () => {
    // A new day for both; A and B share 日程专家二 (A's visit was cancelled above, so A is scheduled afresh from version 3).
    const [x, y] = await Promise.all([
      api('PUT', visitPath(a.applicationId), { cookie: admin, body: visitBody({ date: '2027-03-12', start: '09:00', end: '12:00', version: 3 }) }),
      api('PUT', visitPath(b.applicationId), { cookie: admin, body: visitBody({ date: '2027-03-12', start: '10:00', end: '13:00', version: 2 }) }),
    ]);
    expect([x.status, y.status].sort(), JSON.stringify([x.body, y.body])).toEqual([200, 409]);
    expect([x, y].find((r) => r.status === 409)!.body.error.code).toBe('VISIT_OVERLAP');
    const board = await api('GET', schedulePath(roundId), { cookie: admin });
    const onThatDay = board.body.candidates.filter((c: { visit?: { status: string; start: string } }) => c.visit?.status === 'scheduled' && c.visit.start.startsWith('2027-03-12'));
    expect(onThatDay).toHaveLength(1);
  });
});

describe('a member who leaves the site team', () => {
  it('gets a calendar cancellation with the next change of the visit; the rest of the team the change', async () => {
    const recused = await api('POST', paths.recuse(b.applicationId, 'onSite', e3.personId), { cookie: admin, body: { reason: '临时出差' } });
    expect(recused.status, JSON.stringify(recused.body)).toBe(200);
    const board = await api('GET', schedulePath(roundId), { cookie: admin });
    const version = board.body.candidates.find((x: { applicationId: string }) => x.applicationId === b.applicationId).visit.version as number;
    const res = await oneEntry(roundId, 'visit.changed', () => api('PUT', visitPath(b.applicationId), { cookie: admin, body: visitBody({ date: '2027-03-20', version }) }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.team.map((m: { reviewerId: string }) => m.reviewerId)).toEqual([e2.personId]);
    const left = await calendarMailed(e3.email, '现场评审取消');
    expect(left.mail.text).toContain('您已不在该现场评审组中。');
    expect(left.mail.text).toContain('You are no longer on its site team.');
    expect(left.value('METHOD')).toBe('CANCEL');
    expect(left.value('UID')).toBe(`visit-${b.applicationId}@${roundId}.merit`);
    expect((await calendarMailed(e2.email, '现场评审安排变更')).value('DTSTART')).toBe('20270320T010000Z');
  });
});

describe('the defense day: place and order of presentation with slots that never overlap', () => {
  it('refuses overlapping slots with 422 DEFENSE_SLOTS_OVERLAP naming both candidates, and writes nothing', async () => {
    const panel = await api('POST', paths.panel(roundId), { cookie: admin, body: { reviewerId: deliberator.personId } });
    expect(panel.status, JSON.stringify(panel.body)).toBe(201);
    const res = await nothingWritten(roundId, () =>
      api('PUT', defensePath(roundId), {
        cookie: admin,
        body: { date: '2027-04-20', place: '市政府第三会议室', slots: [{ applicationId: b.applicationId, start: '09:00', end: '09:40' }, { applicationId: a.applicationId, start: '09:30', end: '10:10' }], version: 0 },
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('DEFENSE_SLOTS_OVERLAP');
    expect(res.body.error.message['zh-CN']).toContain('福州日程乙有限公司');
    expect(res.body.error.message.en).toContain('福州日程甲有限公司');
    const unknown = await nothingWritten(roundId, () =>
      api('PUT', defensePath(roundId), { cookie: admin, body: { date: '2027-04-20', place: '会议室', slots: [{ applicationId: c.applicationId, start: '09:00', end: '09:40' }], version: 0 } }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('DEFENSE_SLOT_UNKNOWN');
  });

  it('sets the day (one defense.scheduled entry), mails the panel the whole day and each candidate its own slot; each sees it on their page', async () => {
    const body = { date: '2027-04-20', place: '市政府第三会议室', slots: [{ applicationId: b.applicationId, start: '09:00', end: '09:40' }, { applicationId: a.applicationId, start: '09:40', end: '10:20' }], version: 0 };
    const res = await oneEntry(roundId, 'defense.scheduled', () => api('PUT', defensePath(roundId), { cookie: admin, body }), roundId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.slots.map((s: { order: number; organisationName: string }) => [s.order, s.organisationName])).toEqual([[1, '福州日程乙有限公司'], [2, '福州日程甲有限公司']]);

    const panelFile = await calendarMailed(deliberator.email, '陈述答辩安排');
    expect(panelFile.value('DTSTART')).toBe('20270420T010000Z');
    expect(panelFile.value('DTEND')).toBe('20270420T022000Z');
    expect(panelFile.mail.text).toContain('2. 09:40–10:20 福州日程甲有限公司');
    const slotA = await calendarMailed(a.email, '陈述答辩安排');
    expect(slotA.value('DTSTART')).toBe('20270420T014000Z');
    expect(slotA.value('UID')).toBe(`defense-${a.applicationId}-${roundId}@merit`);
    expect(slotA.mail.text).toContain('第 2 位');

    const mineA = await api('GET', MINE, { cookie: a.cookie });
    const defenseA = mineA.body.entries.find((x: { kind: string }) => x.kind === 'defense');
    expect(defenseA.defense.slots).toEqual([expect.objectContaining({ applicationId: a.applicationId, order: 2 })]);
    const mineD = await api('GET', MINE, { cookie: deliberator.cookie });
    expect(mineD.body.entries).toHaveLength(1);
    expect(mineD.body.entries[0].defense.slots).toHaveLength(2);

    // A change: B leaves the order, A moves first — one defense.rescheduled entry, B gets a cancellation, A SEQUENCE 1.
    const changed = await oneEntry(roundId, 'defense.rescheduled', () =>
      api('PUT', defensePath(roundId), { cookie: admin, body: { ...body, slots: [{ applicationId: a.applicationId, start: '09:00', end: '09:40' }], version: 1 } }),
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const cancelB = await calendarMailed(b.email, '陈述答辩安排取消');
    expect(cancelB.value('METHOD')).toBe('CANCEL');
    expect((await calendarMailed(a.email, '陈述答辩安排变更')).value('SEQUENCE')).toBe('1');
  });
});
