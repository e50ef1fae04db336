import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria';
import { signInApplicant, stackRuntime } from './applications-helpers';
import { api, mailTo, signInAdmin, uniqueEmail } from './helpers';
import { consensusCard, seedOutcomeRound } from './outcome-helpers';
import {
  assignTeam,
  consensusItems,
  createReviewRound,
  eligibleApplication,
  foreignAdmin,
  invitedPerson,
  moveRoundTo,
  nothingWritten,
  oneEntry,
  paths,
  scoreAndSubmit,
} from './reviews-helpers';
import { verify } from './verify-audit-helpers';

// The feedback report (评审反馈报告, issue 12 part 1): the consensus carries the agreed texts; the office reads and
// words each report and releases the round's reports once (audited, final); the owner reads its own report only
// after the release and is mailed in both languages; anyone else gets 404.

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const feedbackPath = (applicationId: string) => `/api/publication/applications/${applicationId}/feedback`;
const roundPath = (roundId: string) => `/api/publication/rounds/${roundId}/feedback`;
const releasePath = (roundId: string) => `/api/publication/rounds/${roundId}/feedback/release`;

/** An applicant who signed in: their cookie, person id and address. */
async function applicant(label: string) {
  const email = uniqueEmail(label);
  const cookie = await signInApplicant(email);
  const me = await api('GET', '/api/submission/auth/session', { cookie });
  return { email, cookie, personId: me.body.person.personId as string };
}

describe('the leader records the agreed texts with the consensus', () => {
  let roundId: string;
  let applicationId: string;
  let owner: string;
  let leader: string;

  beforeAll(async () => {
    roundId = await createReviewRound({ teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 1 } });
    const app = await eligibleApplication(roundId, '反馈合议测试有限公司');
    applicationId = app.applicationId;
    owner = app.cookie;
    await moveRoundTo(roundId, 'materialReview');
    const experts = [await invitedPerson('expert'), await invitedPerson('expert')];
    await assignTeam(applicationId, experts);
    for (const expert of experts) await scoreAndSubmit(applicationId, expert, 60);
    leader = experts[0]!.cookie;
  }, 180_000);

  it('refuses a theme for a category the criteria do not have, and findings with the material consensus, writing nothing', async () => {
    const theme = await nothingWritten(roundId, () =>
      api('POST', paths.consensus(applicationId), { cookie: leader, body: { items: consensusItems(60), themes: { '4.9': '不存在的类目' } } }),
    );
    expect(theme.status).toBe(422);
    expect(theme.body.error.code).toBe('UNKNOWN_CATEGORY');
    expect(theme.body.error.message.en).toContain('4.9');
    const findings = await nothingWritten(roundId, () =>
      api('POST', paths.consensus(applicationId), { cookie: leader, body: { items: consensusItems(60), findings: '现场发现' } }),
    );
    expect(findings.status).toBe(422);
    expect(findings.body.error.code).toBe('FINDINGS_ONSITE_ONLY');
  });

  it('stores the strengths, opportunities and themes with the consensus (one entry), and the office reads them in the draft report without any member', async () => {
    const items = Object.fromEntries(
      Object.entries(consensusItems(60)).map(([id, item]) => [id, { ...item, strengths: `${id} 团队认可的优势`, opportunities: id === '4.1.2' ? '' : `${id} 改进机会` }]),
    );
    const recorded = await oneEntry(roundId, 'consensus.recorded', () =>
      api('POST', paths.consensus(applicationId), { cookie: leader, body: { items, themes: { '4.1': '领导作用突出', '4.7': '' } } }),
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.items['4.1.2']).toEqual({ percent: 60, rationale: '组内合议一致。', strengths: '4.1.2 团队认可的优势' });
    expect(recorded.body.themes).toEqual({ '4.1': '领导作用突出' });
    expect(recorded.body.findings).toBeUndefined();

    const report = await api('GET', feedbackPath(applicationId), { cookie: await signInAdmin() });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body).toMatchObject({ applicationId, organisation: '反馈合议测试有限公司', stage: 'materialReview', visited: false, showScores: false, version: 0 });
    expect(report.body.releasedAt).toBeUndefined();
    expect(report.body.items['4.1.2']).toEqual({ band: 4, strengths: '4.1.2 团队认可的优势', opportunities: '' });
    expect(Object.keys(report.body.items)).toHaveLength(GBT19580_2012.items.length);
    expect(report.body.themes).toEqual({ '4.1': '领导作用突出' });
    expect(JSON.stringify(report.body)).not.toContain(recorded.body.recordedByName);

    // Before the release the owner sees nothing of it.
    const early = await api('GET', feedbackPath(applicationId), { cookie: owner });
    expect(early.status).toBe(404);
    expect(early.body.error.code).toBe('NOT_FOUND');
  });

  it('verify-audit recomputes the consensus with its texts and finds it as committed', async () => {
    const { lines } = await verify('--round', roundId);
    const independence = lines.find((l) => l.includes('independence'));
    expect(independence, lines.join('\n')).toMatch(/^ok/);
    expect(lines.filter((l) => l.includes('CONSENSUS#')), lines.join('\n')).toEqual([]);
  }, 120_000);
});

describe('the office words and releases the round’s reports; the owner reads its own', () => {
  let roundId: string;
  let visited: string, notVisited: string, ineligible: string;
  const people: Awaited<ReturnType<typeof applicant>>[] = [];

  beforeAll(async () => {
    for (const label of ['feedback-a', 'feedback-b', 'feedback-c']) people.push(await applicant(label));
    const seeded = await seedOutcomeRound({
      stage: 'publicNotice',
      owners: people.map((p) => p.personId),
      applications: [
        { name: '甲反馈测试有限公司', material: consensusCard(70), onSite: consensusCard(75, 55), feedback: true },
        { name: '乙反馈测试有限公司', material: consensusCard(40), onSite: consensusCard(40), notShortlisted: true, feedback: true },
        { name: '丙反馈测试有限公司', material: consensusCard(40), onSite: consensusCard(40), ineligible: '成立未满三年。' },
      ],
    });
    roundId = seeded.roundId;
    [visited, notVisited, ineligible] = seeded.applicationIds as [string, string, string];
  }, 120_000);

  it('lists the reports of every application with a consensus, for the office and supervisors; not for an expert or applicant', async () => {
    const list = await api('GET', roundPath(roundId), { cookie: await signInAdmin() });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.reports.map((r: { applicationId: string }) => r.applicationId).sort()).toEqual([visited, notVisited].sort());
    expect(list.body.released).toBeUndefined();
    const supervisor = await invitedPerson('supervisor');
    expect((await api('GET', roundPath(roundId), { cookie: supervisor.cookie })).status).toBe(200);
    expect((await api('GET', roundPath(roundId), { cookie: people[0]!.cookie })).status).toBe(403);
    expect((await api('GET', roundPath(roundId), { cookie: await foreignAdmin() })).status).toBe(404);
    // A supervisor reads a report but may not word it.
    expect((await api('GET', feedbackPath(visited), { cookie: supervisor.cookie })).status).toBe(200);
    const edit = await api('PUT', feedbackPath(visited), { cookie: supervisor.cookie, body: { items: {}, version: 0 } });
    expect(edit.status).toBe(403);
    // No report for an application that never reached material review.
    expect((await api('GET', feedbackPath(ineligible), { cookie: await signInAdmin() })).status).toBe(404);
  });

  it('a visited applicant’s report rests on the on-site consensus, with the findings and bands but no percentages', async () => {
    const report = (await api('GET', feedbackPath(visited), { cookie: await signInAdmin() })).body;
    expect(report).toMatchObject({ stage: 'onSite', visited: true, showScores: false, findings: 'onSite 现场发现：过程记录完整。' });
    expect(report.items['4.1.2']).toEqual({ band: 5, strengths: 'onSite 4.1.2 优势', opportunities: 'onSite 4.1.2 改进机会' });
    expect(report.items['4.7.2']).toEqual({ band: 4, strengths: 'onSite 4.7.2 优势', opportunities: 'onSite 4.7.2 改进机会' });
    expect(report.themes['4.3']).toBe('onSite 4.3 关键主题');
    const other = (await api('GET', feedbackPath(notVisited), { cookie: await signInAdmin() })).body;
    expect(other).toMatchObject({ stage: 'materialReview', visited: false });
    expect(other.findings).toBeUndefined();
  });

  it('each edit is one audit entry on the version read; a stale version is 409 and bad input a clear 422, nothing written', async () => {
    const admin = await signInAdmin();
    const first = await oneEntry(roundId, 'feedback.edited', () =>
      api('PUT', feedbackPath(visited), {
        cookie: admin,
        body: { items: { '4.1.2': { strengths: '高层领导以身作则，战略沟通到位。', opportunities: '建议加强对基层的绩效沟通。' } }, themes: { '4.1': '领导力是突出优势' }, findings: '现场核实：记录完整。', version: 0 },
      }),
      visited,
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ version: 1, findings: '现场核实：记录完整。' });
    expect(first.body.items['4.1.2']).toEqual({ band: 5, strengths: '高层领导以身作则，战略沟通到位。', opportunities: '建议加强对基层的绩效沟通。' });
    // Items and themes left out keep the team's texts.
    expect(first.body.items['4.1.3'].strengths).toBe('onSite 4.1.3 优势');
    expect(first.body.themes['4.2']).toBe('onSite 4.2 关键主题');

    const stale = await nothingWritten(roundId, () => api('PUT', feedbackPath(visited), { cookie: admin, body: { items: {}, version: 0 } }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    const unknownItem = await nothingWritten(roundId, () =>
      api('PUT', feedbackPath(visited), { cookie: admin, body: { items: { '4.9.9': { strengths: 'x', opportunities: 'y' } }, version: 1 } }),
    );
    expect(unknownItem.status).toBe(422);
    expect(unknownItem.body.error.code).toBe('UNKNOWN_ITEM');
    const tooLong = await nothingWritten(roundId, () =>
      api('PUT', feedbackPath(visited), { cookie: admin, body: { items: { '4.1.2': { strengths: '优'.repeat(1001), opportunities: '' } }, version: 1 } }),
    );
    expect(tooLong.status).toBe(400);
    const findings = await nothingWritten(roundId, () => api('PUT', feedbackPath(notVisited), { cookie: admin, body: { items: {}, findings: '无', version: 0 } }));
    expect(findings.status).toBe(422);
    expect(findings.body.error.code).toBe('FINDINGS_ONSITE_ONLY');
    const foreign = await api('PUT', feedbackPath(visited), { cookie: await foreignAdmin(), body: { items: {}, version: 1 } });
    expect(foreign.status).toBe(404);

    const second = await oneEntry(roundId, 'feedback.edited', () =>
      api('PUT', feedbackPath(visited), { cookie: admin, body: { items: { '4.2.2': { strengths: '战略制定过程系统。', opportunities: '' } }, version: 1 } }),
    );
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(2);
    expect(second.body.items['4.1.2'].strengths).toBe('高层领导以身作则，战略沟通到位。');
    expect(second.body.findings).toBe('现场核实：记录完整。');
  });

  it('refuses the release before the announcement, writing nothing', async () => {
    const admin = await signInAdmin();
    const early = await nothingWritten(roundId, () => api('POST', releasePath(roundId), { cookie: admin }));
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('FEEDBACK_NOT_READY');
    expect((await api('GET', feedbackPath(visited), { cookie: people[0]!.cookie })).status).toBe(404);
  });

  it('releases every report of the round in one audited action, mails each owner in both languages; the owner reads its own, never another’s', async () => {
    await moveRoundTo(roundId, 'announcement');
    const supervisor = await invitedPerson('supervisor');
    expect((await api('POST', releasePath(roundId), { cookie: supervisor.cookie })).status).toBe(403);
    expect((await api('POST', releasePath(roundId), { cookie: people[0]!.cookie })).status).toBe(403);

    const admin = await signInAdmin();
    const released = await oneEntry(roundId, 'feedback.released', () => api('POST', releasePath(roundId), { cookie: admin }), roundId);
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(released.body).toMatchObject({ roundId, released: 2, mailed: 2, failed: 0 });

    const mine = await api('GET', feedbackPath(visited), { cookie: people[0]!.cookie });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.releasedAt).toBe(released.body.releasedAt);
    expect(mine.body.items['4.1.2'].strengths).toBe('高层领导以身作则，战略沟通到位。');
    expect(mine.body.items['4.1.2'].percent).toBeUndefined();
    expect((await api('GET', feedbackPath(notVisited), { cookie: people[1]!.cookie })).status).toBe(200);

    // Another applicant's report, or an application without one: 404, the same answer as for an id that does not exist.
    const theirs = await api('GET', feedbackPath(notVisited), { cookie: people[0]!.cookie });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('NOT_FOUND');
    expect((await api('GET', feedbackPath(ineligible), { cookie: people[2]!.cookie })).status).toBe(404);
    expect((await api('GET', feedbackPath('01JNOSUCHAPPLICATION00000'), { cookie: people[0]!.cookie })).status).toBe(404);

    const [mail] = (await mailTo(people[0]!.email)).filter((m) => m.subject.includes('评审反馈报告'));
    expect(mail!.subject).toContain('Your feedback report is ready');
    expect(mail!.text).toContain('甲反馈测试有限公司');
    expect(mail!.text).toContain('Sign in to the application site');
    expect((await mailTo(people[2]!.email)).filter((m) => m.subject.includes('评审反馈报告'))).toEqual([]);

    const list = await api('GET', roundPath(roundId), { cookie: await signInAdmin() });
    expect(list.body.released).toEqual({ at: released.body.releasedAt, count: 2 });
  });

  it('is final: editing after the release and releasing again are refused with a clear error, nothing written', async () => {
    const admin = await signInAdmin();
    const edit = await nothingWritten(roundId, () => api('PUT', feedbackPath(visited), { cookie: admin, body: { items: {}, version: 2 } }));
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('FEEDBACK_RELEASED');
    expect(edit.body.error.message['zh-CN']).toContain('发布后不能再修改');
    expect(edit.body.error.message.en).toMatch(/released on .*(\d{4})/);
    const again = await nothingWritten(roundId, () => api('POST', releasePath(roundId), { cookie: admin }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('FEEDBACK_RELEASED');
  });

  it('verify-audit finds the wordings and the release as their entries committed them', async () => {
    const { lines } = await verify('--round', roundId);
    // The seeded round's own records (written straight by the helpers) may be named; the wordings and the release never.
    expect(lines[0], lines.join('\n')).toMatch(/^ok\s+round:/);
    expect(lines.filter((l) => l.includes('FEEDBACK#')), lines.join('\n')).toEqual([]);
  }, 120_000);
});

describe('a round that shows scores', () => {
  it('gives each item’s consensus percentage beside its band', async () => {
    const seeded = await seedOutcomeRound({
      stage: 'announcement',
      config: { feedback: { showScores: true } },
      applications: [{ name: '丁反馈测试有限公司', material: consensusCard(50), onSite: consensusCard(50), notShortlisted: true }],
    });
    const report = await api('GET', feedbackPath(seeded.applicationIds[0]!), { cookie: await signInAdmin() });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.showScores).toBe(true);
    expect(report.body.items['4.1.2']).toEqual({ band: 4, percent: 50, strengths: '', opportunities: '' });
  });
});
