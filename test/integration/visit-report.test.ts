import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signInAdmin, uniqueEmail } from './helpers';
import { fillPackage, PDF, registeredApplicant, stackRuntime, upload } from './applications-helpers';
import { assignTeam, createReviewRound, entriesAfter, headSeq, invitedPerson, moveRoundTo, nothingWritten } from './reviews-helpers';
import { putReviewItems } from './rounds-helpers';

// Issue 13.3's last point: the site team's short visit report, by the team leader, versioned and audited; the office
// and supervisors read it on the round's schedule, the team on their own schedule, the applicant never (nor the names).
type Person = Awaited<ReturnType<typeof invitedPerson>>;
const reportPath = (applicationId: string) => `/api/scoring/applications/${applicationId}/visit/report`;
const MINE = '/api/scoring/schedule/mine';
const TEXT = '现场核实：质量管理体系运行有效；4.5.3 过程改进证据充分。\n建议关注 4.7.4 财务结果的趋势数据。';

let roundId: string;
let admin: string;
let applicant: { cookie: string; applicationId: string };
let leader: Person;
let member: Person;
let supervisor: Person;

beforeAll(async () => {
  roundId = await createReviewRound({ teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 1 } });
  admin = await signInAdmin();
  const registered = await registeredApplicant(roundId, uniqueEmail('report-applicant'), { name: '福州报告示范有限公司' });
  await fillPackage(registered.cookie, registered.applicationId);
  await upload(registered.cookie, registered.applicationId, PDF, { category: 'businessLicence' });
  await upload(registered.cookie, registered.applicationId, Buffer.concat([PDF, Buffer.from('% report\n')]), { category: 'selfAssessmentReport', fileName: '自评报告.pdf' });
  expect((await api('POST', `/api/submission/applications/${registered.applicationId}/submit`, { cookie: registered.cookie, body: {} })).status).toBe(201);
  expect((await api('POST', `/api/submission/applications/${registered.applicationId}/eligibility`, { cookie: admin, body: { decision: 'eligible', reason: '符合申报条件。' } })).status).toBe(200);
  applicant = registered;
  leader = await invitedPerson('expert', { name: '报告组长', organisation: '质量协会甲' });
  member = await invitedPerson('expert', { name: '报告组员', organisation: '质量协会乙' });
  supervisor = await invitedPerson('supervisor', { name: '报告监督员' });
  await moveRoundTo(roundId, 'materialReview');
  await putReviewItems(roundId, [{ kind: 'shortlist', applicationId: applicant.applicationId, shortlisted: true }]);
  await moveRoundTo(roundId, 'onSite');
  await assignTeam(applicant.applicationId, [leader, member], 'onSite');
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe("the site team's visit report", () => {
  it('is refused before the visit is scheduled, writing nothing', async () => {
    const res = await nothingWritten(roundId, () => api('PUT', reportPath(applicant.applicationId), { cookie: leader.cookie, body: { text: TEXT, version: 0 } }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VISIT_NOT_SCHEDULED');
  });

  it('is written by the leader only (a member: 403; the applicant and the office: refused by role), with one chain entry', async () => {
    const visit = await api('PUT', `/api/scoring/applications/${applicant.applicationId}/visit`, {
      cookie: admin,
      body: { date: '2027-04-12', start: '09:00', end: '12:00', address: '福州市鼓楼区五四路 9 号', contactPerson: '王联系', contactPhone: '0591-12345678', version: 0 },
    });
    expect(visit.status, JSON.stringify(visit.body)).toBe(200);
    const byMember = await nothingWritten(roundId, () => api('PUT', reportPath(applicant.applicationId), { cookie: member.cookie, body: { text: TEXT, version: 0 } }));
    expect(byMember.status).toBe(403);
    expect(byMember.body.error.code).toBe('VISIT_REPORT_NOT_LEADER');
    for (const cookie of [applicant.cookie, admin, supervisor.cookie]) expect((await api('PUT', reportPath(applicant.applicationId), { cookie, body: { text: TEXT, version: 0 } })).status).toBe(403);
    expect((await api('PUT', reportPath(applicant.applicationId), { cookie: leader.cookie, body: { text: '   ', version: 0 } })).status).toBe(400);

    const before = await headSeq(roundId);
    const saved = await api('PUT', reportPath(applicant.applicationId), { cookie: leader.cookie, body: { text: TEXT, version: 0 } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ applicationId: applicant.applicationId, text: TEXT, authorName: '报告组长', version: 1 });
    const entries = await entriesAfter(roundId, before);
    expect(entries.map((e) => [e.action, e.actor.personId])).toEqual([['visit.reported', leader.personId]]);
  });

  it('never overwrites a change made meanwhile: a stale version is 409 and the text stays', async () => {
    const stale = await nothingWritten(roundId, () => api('PUT', reportPath(applicant.applicationId), { cookie: leader.cookie, body: { text: '覆盖', version: 0 } }));
    expect(stale.status).toBe(409);
    const changed = await api('PUT', reportPath(applicant.applicationId), { cookie: leader.cookie, body: { text: `${TEXT}\n补充：已核对现场记录。`, version: 1 } });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(2);
  });

  it('is read by the office and supervisors on the schedule and by the team on theirs; the applicant sees neither it nor a way to write it', async () => {
    for (const cookie of [admin, supervisor.cookie]) {
      const schedule = await api('GET', `/api/scoring/rounds/${roundId}/schedule`, { cookie });
      expect(schedule.status).toBe(200);
      const entry = schedule.body.candidates.find((c: { applicationId: string }) => c.applicationId === applicant.applicationId);
      expect(entry.report).toMatchObject({ authorName: '报告组长', version: 2 });
      expect(entry.report.text).toContain('已核对现场记录');
    }
    const mineLeader = (await api('GET', MINE, { cookie: leader.cookie })).body.entries.find((e: { kind: string }) => e.kind === 'visit');
    expect(mineLeader).toMatchObject({ canReport: true, report: { version: 2 } });
    const mineMember = (await api('GET', MINE, { cookie: member.cookie })).body.entries.find((e: { kind: string }) => e.kind === 'visit');
    expect(mineMember).toMatchObject({ canReport: false, report: { authorName: '报告组长' } });

    const own = await api('GET', MINE, { cookie: applicant.cookie });
    expect(own.status).toBe(200);
    const visit = own.body.entries.find((e: { kind: string }) => e.kind === 'visit');
    expect(visit).toBeDefined();
    expect(visit.report).toBeUndefined();
    expect(visit.canReport).toBeUndefined();
    expect(JSON.stringify(own.body)).not.toContain('现场核实');
    expect(JSON.stringify(own.body)).not.toContain('authorName');
    // Nor the members' names anywhere on its schedule (the calendar file included).
    expect(visit.visit.team).toEqual([]);
    for (const name of ['报告组长', '报告组员']) expect(JSON.stringify(own.body)).not.toContain(name);
  });
});
