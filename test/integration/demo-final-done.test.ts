import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { finalRoundId, seedFinalRound } from '../../infra/local/seed-final';
import { seedReviewRound } from '../../infra/local/seed-review';
import { stackRuntime } from './applications-helpers';
import { api, cookieFrom, latestToken, mailTo, signIn } from './helpers';
import { endNoticePeriod } from './notice-helpers';
import { outcomePaths, recordOpinion, recordVote } from './outcome-helpers';
import { moveTo } from './rounds-helpers';

// Issue 12's "Done when", through the API: the demo's final round (infra/local/seed-final.ts, seeded as `npm start`
// seeds it, into a programme of its own so the demo other tests read stays as seeded), taken from the comprehensive
// evaluation to the announcement, gives every applicant that reached material review a feedback report and every
// applicant its letters, every winner a certificate anyone can check, and the office a report whose funnel counts the
// round and an export with every sheet.

const tag = Date.now().toString(36);
const PROGRAMME = `done12-${tag}`;
const MAIL_DOMAIN = `${PROGRAMME}.demo.test`;
const ADMIN_EMAIL = `office@${MAIL_DOMAIN}`;
const year = new Date().getUTCFullYear();
const roundId = finalRoundId(PROGRAMME, year);
let admin: string;
/** Each application's owner: their cookie and address. */
const owners = new Map<string, { email: string; cookie: string }>();

beforeAll(async () => {
  const operator = await signIn(inject('operatorEmail'));
  const programmes = '/api/submission/operator/programmes';
  const created = await api('POST', programmes, {
    cookie: operator,
    body: { programmeId: PROGRAMME, name: { 'zh-CN': `示范市政府质量奖${tag}`, en: `Demo City Quality Award ${tag}` }, level: 'city', issuingBody: { 'zh-CN': '示范市人民政府', en: 'Demo City People’s Government' } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await api('POST', `${programmes}/${PROGRAMME}/admins`, { cookie: operator, body: { email: ADMIN_EMAIL, name: '示范市办公室' } })).status).toBe(201);
  const exchanged = await api('POST', '/api/submission/auth/session', { body: { token: await latestToken(ADMIN_EMAIL) } });
  expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
  admin = cookieFrom(exchanged.headers);

  const rt = await stackRuntime();
  const now = new Date();
  const people = await seedReviewRound(rt, PROGRAMME, now, MAIL_DOMAIN);
  await seedFinalRound(rt, PROGRAMME, now, people, MAIL_DOMAIN);

  // The demo's applicants sign in by link; each names its applications.
  for (let n = 1; n <= 12; n++) {
    const email = `applicant${n}@${MAIL_DOMAIN}`;
    const cookie = await signIn(email).catch(() => null);
    if (!cookie) continue;
    const mine = await api('GET', '/api/submission/applications/mine', { cookie });
    for (const a of (mine.body.applications ?? []) as { applicationId: string; roundId: string }[]) if (a.roundId === roundId) owners.set(a.applicationId, { email, cookie });
  }
}, 300_000);

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const roundVersion = async () => (await api('GET', `/api/publication/rounds/${roundId}`, { cookie: admin })).body.version as number;

describe("issue 12 done: the demo's final round taken to the announcement", () => {
  let winners: string[] = [];

  it('goes from the comprehensive evaluation to the announcement through the office’s own actions', async () => {
    expect(owners.size).toBe(9);
    const evaluation = await api('GET', outcomePaths.evaluation(roundId), { cookie: admin });
    expect(evaluation.status, JSON.stringify(evaluation.body)).toBe(200);
    if (!evaluation.body.recorded) {
      const recorded = await api('POST', outcomePaths.evaluation(roundId), { cookie: admin, body: { version: await roundVersion() } });
      expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    }
    const opinionsStage = await moveTo(roundId, 'opinions', await roundVersion(), admin);
    expect(opinionsStage.status, JSON.stringify(opinionsStage.body)).toBe(200);

    const opinions = (await api('GET', outcomePaths.opinions(roundId), { cookie: admin })).body as { departments: string[]; candidates: { applicationId: string }[] };
    expect(opinions.candidates.length).toBeGreaterThan(0);
    for (const c of opinions.candidates) for (const d of opinions.departments) expect((await recordOpinion(admin, roundId, c.applicationId, d)).status).toBe(201);
    expect((await moveTo(roundId, 'deliberation', await roundVersion(), admin)).status).toBe(200);

    const deliberation = (await api('GET', outcomePaths.deliberation(roundId), { cookie: admin })).body as { candidates: { applicationId: string }[] };
    const quota = 6;
    const voted = deliberation.candidates.slice(0, quota).map((c) => c.applicationId);
    for (const id of voted) expect((await recordVote(admin, roundId, id, { for: 9, against: 1 })).status).toBe(201);
    for (const c of deliberation.candidates.slice(quota)) expect((await recordVote(admin, roundId, c.applicationId, { for: 2, against: 8 })).status).toBe(201);
    const notice = await moveTo(roundId, 'publicNotice', await roundVersion(), admin);
    expect(notice.status, JSON.stringify(notice.body)).toBe(200);
    await endNoticePeriod(roundId, PROGRAMME);
    const announced = await moveTo(roundId, 'announcement', await roundVersion(), admin);
    expect(announced.status, JSON.stringify(announced.body)).toBe(200);
    expect(announced.body.letters.failed).toBe(0);
    winners = voted;
  }, 240_000);

  it('gives every applicant its letters, and every winner a certificate anyone can check', async () => {
    for (const [applicationId, owner] of owners) {
      const letters = await api('GET', `/api/publication/applications/${applicationId}/letters`, { cookie: owner.cookie });
      expect(letters.status, JSON.stringify(letters.body)).toBe(200);
      expect(letters.body.letters.length, `letters of ${letters.body.organisation}`).toBeGreaterThan(0);
      if (winners.includes(applicationId)) {
        expect(letters.body.status).toBe('winner');
        const number = letters.body.certificate.number as string;
        const checked = await api('GET', `/api/publication/certificates/${encodeURIComponent(number)}`);
        expect(checked.status).toBe(200);
        expect(checked.body.organisation).toBe(letters.body.organisation);
      } else {
        expect(letters.body.certificate).toBeUndefined();
      }
      expect((await mailTo(owner.email)).some((m) => m.subject.includes('通知'))).toBe(true);
    }
  });

  it('releases a feedback report for every applicant that reached material review, which only its owner reads', async () => {
    const before = await api('GET', `/api/publication/applications/${[...owners.keys()][0]}/feedback`, { cookie: [...owners.values()][0]!.cookie });
    expect(before.status).toBe(404);
    const round = (await api('GET', `/api/publication/rounds/${roundId}/feedback`, { cookie: admin })).body as { reports: { applicationId: string }[] };
    expect(round.reports.length).toBeGreaterThanOrEqual(8);
    const released = await api('POST', `/api/publication/rounds/${roundId}/feedback/release`, { cookie: admin });
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(released.body.released).toBe(round.reports.length);
    const [first, second] = round.reports;
    for (const { applicationId } of round.reports) {
      const owner = owners.get(applicationId)!;
      const report = await api('GET', `/api/publication/applications/${applicationId}/feedback`, { cookie: owner.cookie });
      expect(report.status, JSON.stringify(report.body)).toBe(200);
      expect(JSON.stringify(report.body)).not.toMatch(/演示专家/);
    }
    const other = await api('GET', `/api/publication/applications/${second!.applicationId}/feedback`, { cookie: owners.get(first!.applicationId)!.cookie });
    expect(other.status).toBe(404);
  });

  it("gives the office the round's report, whose funnel counts the round, and an export with every sheet", async () => {
    const report = await api('GET', `/api/publication/rounds/${roundId}/report`, { cookie: admin });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const count = (step: string) => (report.body.funnel as { step: string; count: number }[]).find((s) => s.step === step)!.count;
    expect(count('submitted')).toBe(9);
    expect(count('awarded')).toBe(winners.length);
    expect(count('proposed')).toBe(winners.length);
    const exported = await api('GET', `/api/publication/rounds/${roundId}/export`, { cookie: admin });
    expect(exported.status).toBe(200);
    expect(exported.body.sheets).toHaveLength(6);
    const summary = await api('GET', `/api/publication/rounds/${roundId}/summary`);
    expect(summary.status).toBe(200);
  });
});
