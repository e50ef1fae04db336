import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundScope, verifyChain } from '../../shared/audit/chain';
import { nodeSha256 } from '../../functions/lib/audit/log';
import { signInApplicant, stackRuntime } from './applications-helpers';
import { api, linkedChain, mailTo, signInAdmin, uniqueEmail } from './helpers';
import { endNoticePeriod, objectionBody } from './notice-helpers';
import { consensusCard, outcomePaths, recordOpinion, recordVote, seedOutcomeRound } from './outcome-helpers';
import { foreignAdmin, invitedPerson } from './reviews-helpers';
import { chainActions, moveTo } from './rounds-helpers';
import { ApplicationsRepository } from '../../functions/lib/applications/repository';
import { AwardsStore } from '../../functions/lib/awards/store';
import { tableName } from '../../functions/lib/config';
import { LettersStore } from '../../functions/lib/letters/store';
import { OutcomeStore } from '../../functions/lib/outcome/store';
import { ReviewProgressReader } from '../../functions/lib/reviews/progress';
import { sendDueLetters } from '../../functions/publication/use-cases/letters';

const { handler } = await import('../../functions/publication/handler');

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

/** An applicant who signed in: their cookie, person id and address. */
async function applicant(label: string) {
  const email = uniqueEmail(label);
  const cookie = await signInApplicant(email);
  const me = await api('GET', '/api/submission/auth/session', { cookie });
  return { email, cookie, personId: me.body.person.personId as string };
}

const lettersOf = (applicationId: string, cookie: string) => api('GET', `/api/publication/applications/${applicationId}/letters`, { cookie });
const kindsOf = async (applicationId: string) => ((await lettersOf(applicationId, await signInAdmin())).body.letters as { kind: string }[]).map((l) => l.kind);
/** The result letters mailed to an address (the eligibility decision's own mail is not one of them). */
const lettersMailed = async (email: string) => (await mailTo(email)).filter((m) => m.subject.includes('通知'));
const sendAgain = async (roundId: string) => api('POST', `/api/publication/rounds/${roundId}/letters`, { cookie: await signInAdmin() });

describe('result letters at eligibility and the site-visit shortlist', () => {
  let roundId: string;
  let version: number;
  let eligible: string, ineligible: string, notShortlisted: string;
  const people: Awaited<ReturnType<typeof applicant>>[] = [];

  beforeAll(async () => {
    for (const label of ['letters-a', 'letters-b', 'letters-c']) people.push(await applicant(label));
    const seeded = await seedOutcomeRound({
      stage: 'eligibility',
      owners: people.map((p) => p.personId),
      applications: [
        { name: '甲通知测试有限公司', material: consensusCard(80), onSite: consensusCard(80) },
        { name: '乙通知测试有限公司', material: consensusCard(60), onSite: consensusCard(60), ineligible: '成立未满三年。' },
        { name: '丙通知测试有限公司', material: consensusCard(40), onSite: consensusCard(40), notShortlisted: true },
      ],
    });
    ({ roundId, version } = seeded);
    [eligible, ineligible, notShortlisted] = seeded.applicationIds as [string, string, string];
  });

  it('sends nothing before the office moves the stage, though the decisions are recorded', async () => {
    const res = await lettersOf(eligible, people[0]!.cookie);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ applicationId: eligible, organisation: '甲通知测试有限公司', status: 'submitted', letters: [] });
    expect(await lettersMailed(people[0]!.email)).toEqual([]);
    expect(await lettersMailed(people[1]!.email)).toEqual([]);
  });

  it('sends the eligibility letters, passed or not with the reason, when the round moves to material review: stored, audited, mailed in both languages', async () => {
    const moved = await moveTo(roundId, 'materialReview', version);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    version = moved.body.version;
    expect(moved.body.letters).toEqual({ sent: 3, failed: 0, pending: 0 });
    expect(await kindsOf(eligible)).toEqual(['eligible']);
    expect(await kindsOf(ineligible)).toEqual(['ineligible']);
    expect(await kindsOf(notShortlisted)).toEqual(['eligible']);

    const mine = (await lettersOf(ineligible, people[1]!.cookie)).body;
    expect(mine.status).toBe('ineligible');
    expect(mine.letters[0]).toMatchObject({ kind: 'ineligible', timeZone: 'Asia/Shanghai', params: { reason: '成立未满三年。', organisation: '乙通知测试有限公司' } });
    const [mail] = await lettersMailed(people[1]!.email);
    expect(mail!.subject).toContain('形式审查结果通知：未通过');
    expect(mail!.subject).toContain('Eligibility result: not eligible');
    expect(mail!.text).toContain('成立未满三年。');
    expect(mail!.text).toContain('is not eligible');
    expect((await lettersOf(eligible, people[0]!.cookie)).body.status).toBe('eligible');
    const actions = await chainActions(roundId);
    expect(actions.filter((a) => a === 'letter.sent')).toHaveLength(3);
  });

  it('sends the site-visit notice (with the date the visits are due, Beijing time) and the not-shortlisted letter when the round moves on site', async () => {
    const moved = await moveTo(roundId, 'onSite', version);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    version = moved.body.version;
    expect(moved.body.letters).toEqual({ sent: 2, failed: 0, pending: 0 });
    expect(await kindsOf(eligible)).toEqual(['eligible', 'siteVisit']);
    expect(await kindsOf(notShortlisted)).toEqual(['eligible', 'notShortlisted']);
    expect(await kindsOf(ineligible)).toEqual(['ineligible']);
    const visit = (await lettersOf(eligible, people[0]!.cookie)).body;
    expect(visit.status).toBe('shortlisted');
    expect(visit.letters[1].params.deadline['zh-CN']).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    const mails = await lettersMailed(people[0]!.email);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining('现场评审通知'), expect.stringContaining('形式审查结果通知：通过')]));
    expect(mails.find((m) => m.subject.includes('现场评审通知'))!.text).toContain(visit.letters[1].params.deadline['zh-CN']);
    expect((await lettersOf(notShortlisted, people[2]!.cookie)).body.status).toBe('notShortlisted');
  });

  it('never sends a letter twice: sending again, or moving again, mails and stores nothing new', async () => {
    const before = await chainActions(roundId);
    const mailsBefore = await Promise.all(people.map((p) => lettersMailed(p.email)));
    const again = await sendAgain(roundId);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toEqual({ roundId, sent: 0, certificates: 0, failed: 0, pending: 0 });
    const stale = await moveTo(roundId, 'onSite', version - 1);
    expect(stale.status).toBe(409);
    expect(await chainActions(roundId)).toEqual(before);
    expect(await Promise.all(people.map((p) => lettersMailed(p.email)))).toEqual(mailsBefore);
  });

  it("answers 404 to an applicant reading another's letters, revealing nothing; the office and supervisors read them; others get 403 or 404", async () => {
    const intruder = await lettersOf(eligible, people[1]!.cookie);
    expect(intruder.status).toBe(404);
    expect(intruder.body.error.code).toBe('NOT_FOUND');
    expect(JSON.stringify(intruder.body)).not.toContain('甲通知测试');
    const unknown = await lettersOf('01JUNKNOWNAPPLICATION0000', people[1]!.cookie);
    expect(unknown.status).toBe(404);
    expect({ ...unknown.body.error, requestId: '' }).toEqual({ ...intruder.body.error, requestId: '' });
    expect((await lettersOf(eligible, (await invitedPerson('supervisor')).cookie)).status).toBe(200);
    expect((await lettersOf(eligible, await foreignAdmin())).status).toBe(404);
    expect((await lettersOf(eligible, (await invitedPerson('expert')).cookie)).status).toBe(403);
    expect((await api('GET', `/api/publication/applications/${eligible}/letters`)).status).toBe(401);
    expect((await api('POST', `/api/publication/rounds/${roundId}/letters`, { cookie: people[0]!.cookie })).status).toBe(403);
    expect((await api('POST', `/api/publication/rounds/${roundId}/letters`, { cookie: await foreignAdmin() })).status).toBe(404);
  });
});

describe('result letters from the evaluation to the announcement, and the certificates', () => {
  let roundId: string;
  let version: number;
  let winner: string, objectedTo: string, votedDown: string, departmentObjected: string, below: string;
  const people: Awaited<ReturnType<typeof applicant>>[] = [];
  let admin: string;

  beforeAll(async () => {
    for (const label of ['cert-w', 'cert-o', 'cert-v', 'cert-d', 'cert-b']) people.push(await applicant(label));
    const seeded = await seedOutcomeRound({
      owners: people.map((p) => p.personId),
      config: { winnersQuota: 3, opinionDepartments: ['credit'], award: { issuer: { 'zh-CN': '示范市人民政府', en: 'Demo City Government' } } },
      applications: [
        { name: '甲证书测试有限公司', material: consensusCard(80), onSite: consensusCard(80), panelScores: [80_000, 80_000] },
        { name: '乙证书测试有限公司', material: consensusCard(75), onSite: consensusCard(75), panelScores: [75_000, 75_000] },
        { name: '丙证书测试有限公司', material: consensusCard(70), onSite: consensusCard(70), panelScores: [70_000, 70_000] },
        { name: '丁证书测试有限公司', material: consensusCard(65), onSite: consensusCard(65), panelScores: [65_000, 65_000] },
        { name: '戊证书测试有限公司', material: consensusCard(40), onSite: consensusCard(40), panelScores: [40_000, 40_000] },
      ],
    });
    ({ roundId, version } = seeded);
    [winner, objectedTo, votedDown, departmentObjected, below] = seeded.applicationIds as [string, string, string, string, string];
    admin = await signInAdmin();
  });

  it('sends no below-threshold letter when the evaluation is recorded, only when the round moves on to the opinions', async () => {
    const recorded = await api('POST', outcomePaths.evaluation(roundId), { cookie: admin, body: { version } });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(await kindsOf(below)).toEqual([]);
    const moved = await moveTo(roundId, 'opinions', version);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    version = moved.body.version;
    // The seeded round skipped the earlier moves: their letters go out now, with the stage's own.
    expect(await kindsOf(below)).toEqual(['eligible', 'siteVisit', 'belowThreshold']);
    expect(await kindsOf(winner)).toEqual(['eligible', 'siteVisit']);
    expect((await lettersOf(below, people[4]!.cookie)).body.status).toBe('belowThreshold');
    expect((await lettersOf(winner, people[0]!.cookie)).body.status).toBe('candidate');
  });

  it('sends the proposed and not-proposed letters only when the public notice opens, not when the votes are recorded', async () => {
    for (const id of [winner, objectedTo, votedDown]) expect((await recordOpinion(admin, roundId, id, 'credit')).status).toBe(201);
    expect((await recordOpinion(admin, roundId, departmentObjected, 'credit', true)).status).toBe(201);
    const deliberation = await moveTo(roundId, 'deliberation', version);
    expect(deliberation.status, JSON.stringify(deliberation.body)).toBe(200);
    version = deliberation.body.version;
    expect((await recordVote(admin, roundId, winner, { for: 9, against: 1 })).status).toBe(201);
    expect((await recordVote(admin, roundId, objectedTo, { for: 8, against: 2 })).status).toBe(201);
    expect((await recordVote(admin, roundId, votedDown, { for: 2, against: 8 })).status).toBe(201);
    expect(await kindsOf(winner)).toEqual(['eligible', 'siteVisit']);
    expect(await kindsOf(votedDown)).toEqual(['eligible', 'siteVisit']);

    const notice = await moveTo(roundId, 'publicNotice', version);
    expect(notice.status, JSON.stringify(notice.body)).toBe(200);
    version = notice.body.version;
    expect(notice.body.publication).toEqual({ kind: 'notice', published: true });
    expect(notice.body.letters).toEqual({ sent: 4, failed: 0, pending: 0 });
    expect((await kindsOf(winner)).at(-1)).toBe('proposed');
    expect((await kindsOf(objectedTo)).at(-1)).toBe('proposed');
    expect((await kindsOf(votedDown)).at(-1)).toBe('notProposed');
    expect((await kindsOf(departmentObjected)).at(-1)).toBe('notProposed');
    const proposed = (await lettersOf(winner, people[0]!.cookie)).body;
    expect(proposed.status).toBe('proposed');
    expect(proposed.certificate).toBeUndefined();
    const [mail] = (await lettersMailed(people[0]!.email)).filter((m) => m.subject.includes('拟获奖公示通知'));
    expect(mail!.text).toContain(proposed.letters.at(-1).params.noticeEndsAt['zh-CN']);
    expect(mail!.text).toContain('publicly notified until');
  });

  it('issues no certificate before the announcement; there, one per winner and the awarded / not-awarded letters', async () => {
    const filed = await api('POST', `/api/publication/rounds/${roundId}/objections`, { cookie: admin, body: objectionBody(objectedTo) });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const resolved = await api('POST', `/api/publication/rounds/${roundId}/objections/${filed.body.objectionId}/resolution`, {
      cookie: admin,
      body: { upheld: true, reason: '经核实，异议属实。' },
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    await endNoticePeriod(roundId);
    expect((await lettersOf(winner, people[0]!.cookie)).body.certificate).toBeUndefined();
    expect(await kindsOf(objectedTo)).not.toContain('notAwarded');

    const announced = await moveTo(roundId, 'announcement', version);
    expect(announced.status, JSON.stringify(announced.body)).toBe(200);
    expect(announced.body.publication).toEqual({ kind: 'announcement', published: true });
    expect(announced.body.letters).toEqual({ sent: 2, failed: 0, pending: 0 });

    const won = (await lettersOf(winner, people[0]!.cookie)).body;
    expect(won.status).toBe('winner');
    expect(won.letters.at(-1).kind).toBe('awarded');
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
    expect(won.certificate).toMatchObject({
      // The winner's place (1) unless another round of the programme (the e2e tests share it) holds that number: then the next free one.
      number: expect.stringMatching(new RegExp(`^CITY-${year}-\\d{2}$`)),
      organisation: '甲证书测试有限公司',
      issuer: { 'zh-CN': '示范市人民政府', en: 'Demo City Government' },
      round: { 'zh-CN': '综合评价测试轮次', en: 'Outcome test round' },
      announcement: { path: `/results/${roundId}/announcement.json`, page: `/notices/${roundId}` },
    });
    expect(won.certificate.checkPath).toBe(`/check/${won.certificate.number}`);
    expect(won.letters.at(-1).params.certificate).toBe(won.certificate.number);
    const publications = await api('GET', `/api/publication/rounds/${roundId}/publications`, { cookie: admin });
    expect(won.certificate.announcement.sha256).toBe(publications.body.publications.at(-1).sha256);
    const [mail] = (await lettersMailed(people[0]!.email)).filter((m) => m.subject.includes('获奖通知'));
    expect(mail!.text).toContain(won.certificate.number);

    const lost = (await lettersOf(objectedTo, people[1]!.cookie)).body;
    expect(lost.status).toBe('notAwarded');
    expect(lost.certificate).toBeUndefined();
    expect(lost.letters.at(-1)).toMatchObject({ kind: 'notAwarded', params: { reason: '经核实，异议属实。' } });
    for (const [id, i] of [[votedDown, 2], [departmentObjected, 3], [below, 4]] as const) {
      const res = (await lettersOf(id, people[i]!.cookie)).body;
      expect(res.certificate).toBeUndefined();
    }
    expect((await chainActions(roundId)).filter((a) => a === 'certificate.issued')).toHaveLength(1);
  });

  it('lets anyone check a certificate number without signing in; an unknown one is 404 CERTIFICATE_NOT_FOUND in both languages', async () => {
    const { certificate } = (await lettersOf(winner, people[0]!.cookie)).body;
    const valid = await api('GET', `/api/publication/certificates/${encodeURIComponent(certificate.number.toLowerCase())}`);
    expect(valid.status, JSON.stringify(valid.body)).toBe(200);
    expect(valid.body).toEqual(certificate);
    expect(JSON.stringify(valid.body)).not.toContain(winner);

    for (const number of ['CITY-1999-99', 'nonsense', `${certificate.number}0`]) {
      const res = await api('GET', `/api/publication/certificates/${encodeURIComponent(number)}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('CERTIFICATE_NOT_FOUND');
      expect(res.body.error.message['zh-CN']).toContain('没有编号为');
      expect(res.body.error.message.en).toContain('There is no certificate numbered');
      expect(Object.keys(res.body.error).sort()).toEqual(['code', 'message', 'requestId']);
    }
  });

  it('sends nothing twice after the announcement and leaves a chain that verifies', async () => {
    const before = await chainActions(roundId);
    const again = await api('POST', `/api/publication/rounds/${roundId}/letters`, { cookie: admin });
    expect(again.body).toEqual({ roundId, sent: 0, certificates: 0, failed: 0, pending: 0 });
    expect(await chainActions(roundId)).toEqual(before);
    const rt = await stackRuntime();
    const entries = await linkedChain(rt.audit, roundScope(roundId));
    expect((await verifyChain(nodeSha256, roundScope(roundId), entries)).ok).toBe(true);
  });
});

describe('letters within a request’s time, and the scheduled run that sends what is still owed', () => {
  // A stage move of a large round (hundreds of letters) must answer before API Gateway's 29 s: it sends what it can
  // within LETTERS_TIME_BUDGET_MS and answers the rest as pending; the office's "send" and the scheduled run (every
  // 15 minutes, with the reminders) send them, never one twice.
  let roundId: string;
  const people: Awaited<ReturnType<typeof applicant>>[] = [];

  beforeAll(async () => {
    for (const label of ['owed-a', 'owed-b', 'owed-c']) people.push(await applicant(label));
    // Moved past the eligibility check without its move (the seed writes the stage), so its three letters are owed.
    ({ roundId } = await seedOutcomeRound({
      stage: 'materialReview',
      owners: people.map((p) => p.personId),
      applications: [
        { name: '甲补发测试有限公司', material: consensusCard(80), onSite: consensusCard(80) },
        { name: '乙补发测试有限公司', material: consensusCard(60), onSite: consensusCard(60), ineligible: '近三年发生重大质量事故。' },
        { name: '丙补发测试有限公司', material: consensusCard(70), onSite: consensusCard(70) },
      ],
    }));
  });

  async function lettersDeps() {
    const rt = await stackRuntime();
    const table = tableName(rt.config, 'awards');
    return {
      ...rt,
      awards: new AwardsStore(rt.clients.ddb, table),
      applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
      reviews: new ReviewProgressReader(rt.clients.ddb, tableName(rt.config, 'reviews')),
      outcome: new OutcomeStore(rt.clients.ddb, table),
      letters: new LettersStore(rt.clients.ddb, table),
    };
  }

  it('a run whose time is up sends nothing more and answers every owed letter as pending; nothing is written or mailed', async () => {
    const deps = await lettersDeps();
    const round = (await deps.awards.getProgrammeRound('city', roundId))!;
    const before = await chainActions(roundId);

    const result = await sendDueLetters(deps, { personId: 'office', role: 'admin' }, round, new Date(), 'test-budget', performance.now());

    expect(result).toEqual({ roundId, sent: 0, certificates: 0, failed: 0, pending: 3 });
    expect(await chainActions(roundId)).toEqual(before);
    for (const p of people) expect(await lettersMailed(p.email)).toEqual([]);
  });

  it('leaves alone a round whose stage moved days ago (the scheduled run does not reread every old round)', async () => {
    const later = new Date(Date.now() + 4 * 24 * 60 * 60 * 1000).toISOString();
    const result = await handler({ source: 'merit.reminders', time: later, roundId });
    expect(result.letters).toEqual([]);
    for (const p of people) expect(await lettersMailed(p.email)).toEqual([]); // still owed: the next test's run sends them
  });

  it('the scheduled run sends the letters a recently moved round still owes, once, in both languages', async () => {
    const result = await handler({ source: 'merit.reminders', roundId });

    expect(result.letters).toEqual([{ roundId, sent: 3, certificates: 0, failed: 0, pending: 0 }]);
    const mails = await Promise.all(people.map((p) => lettersMailed(p.email)));
    expect(mails.map((m) => m.length)).toEqual([1, 1, 1]);
    expect(mails[1]![0]!.subject).toContain('Eligibility result: not eligible');
    expect(mails[1]![0]!.text).toContain('近三年发生重大质量事故。');
    expect((await chainActions(roundId)).filter((a) => a === 'letter.sent')).toHaveLength(3);

    // Nothing is owed now: the next scheduled run and the office's send find nothing to send.
    expect((await handler({ source: 'merit.reminders', roundId })).letters).toEqual([]);
    const again = await sendAgain(roundId);
    expect(again.body).toEqual({ roundId, sent: 0, certificates: 0, failed: 0, pending: 0 });
    expect((await Promise.all(people.map((p) => lettersMailed(p.email)))).map((m) => m.length)).toEqual([1, 1, 1]);
  });

});
