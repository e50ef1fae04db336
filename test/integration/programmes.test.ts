import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SYSTEM_ACTOR, type AuditAction } from '../../shared/audit/actions';
import { PLATFORM_SCOPE, roundScope, verifyChain } from '../../shared/audit/chain';
import type { RoundConfig } from '../../shared/round';
import type { TransactItem } from '../../functions/lib/audit/log';
import { nodeSha256 } from '../../functions/lib/audit/log';
import type { RoundRecord } from '../../functions/lib/awards/store';
import { createRound, registration, stackRuntime, validCreditCode } from './applications-helpers';
import { api, cookieFrom, latestToken, linkedChain, mailTo, signIn, signInAdmin, uniqueEmail } from './helpers';
import { outcomeTables } from './notice-helpers';
import { roundDates, seedRound } from './rounds-helpers';
import { verify } from './verify-audit-helpers';

// Issue #14 part 1: the platform operator creates programmes and invites their first administrators; it reads nothing
// of any programme; programmes stay apart; a winner's cooldown comes from the system's own winners; a district's
// winners are recommended to the city's award.

const OPERATOR = '/api/submission/operator/programmes';
const DAY = 24 * 60 * 60 * 1000;

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

let operatorCookie: Promise<string> | undefined;
const signInOperator = () => (operatorCookie ??= signIn(inject('operatorEmail')));

const freshId = (label: string) => `${label}-${Date.now().toString(36)}-${randomInt(1e6)}`;

function programmeBody(programmeId: string, overrides: Record<string, unknown> = {}) {
  return {
    programmeId,
    name: { 'zh-CN': `鼓楼区政府质量奖${programmeId.slice(-4)}`, en: `Gulou District Quality Award ${programmeId.slice(-4)}` },
    level: 'district',
    issuingBody: { 'zh-CN': '福州市鼓楼区人民政府', en: 'Gulou District People’s Government' },
    ...overrides,
  };
}

/** Creates a programme through the operator's route and invites its first administrator, who signs in from the mailed link. */
async function onboardedProgramme(overrides: Record<string, unknown> = {}) {
  const programmeId = freshId('district');
  const created = await api('POST', OPERATOR, { cookie: await signInOperator(), body: programmeBody(programmeId, overrides) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const email = uniqueEmail('district-admin');
  const invited = await api('POST', `${OPERATOR}/${programmeId}/admins`, { cookie: await signInOperator(), body: { email, name: '区办公室管理员' } });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const exchanged = await api('POST', '/api/submission/auth/session', { body: { token: await latestToken(email) } });
  expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
  return { programmeId, programme: created.body, email, adminId: invited.body.person.personId as string, admin: cookieFrom(exchanged.headers) };
}

/** Signs an applicant of a programme in through the registration link. */
async function applicantOf(programmeId: string, email = uniqueEmail('applicant')): Promise<string> {
  const requested = await api('POST', '/api/submission/applicants/links', { body: { email, programmeId } });
  expect(requested.status).toBe(202);
  const exchanged = await api('POST', '/api/submission/auth/session', { body: { token: await latestToken(email) } });
  expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
  return cookieFrom(exchanged.headers);
}

async function commit(scope: string, action: AuditAction, target: { type: string; id: string }, state: unknown, writes: TransactItem[]) {
  const rt = await stackRuntime();
  await rt.audit.commit({ scope, actor: SYSTEM_ACTOR, action, target, state, requestId: 'test', now: new Date(), writes });
}

/**
 * Seeds the end of a round (stages 7–11 have routes, but walking them is other tests' work): the evaluation with
 * `applicationId` first, the committee's vote proposing it, and the round at the announcement — each audited.
 */
async function announceWinner(round: RoundRecord, applicationId: string) {
  const { awards, outcome } = await outcomeTables();
  const config = round.config as RoundConfig;
  const recorded = { at: new Date().toISOString(), by: SYSTEM_ACTOR.personId, byName: '评审委员会办公室' };
  const evaluation = {
    ...recorded,
    roundId: round.roundId,
    standings: [{ applicationId, organisation: { name: '获奖单位', district: '鼓楼区', industry: '制造业' }, material: 80_000, onSite: 81_000, defense: 82_000, results: 30_000, final: 81_234_567, rank: 1, candidate: true }],
    settings: { weights: config.weights, candidateThreshold: config.candidateThreshold, winnersQuota: config.winnersQuota },
  };
  await commit(roundScope(round.roundId), 'evaluation.recorded', { type: 'round', id: round.roundId }, evaluation, [outcome.evaluationPut(evaluation)]);
  const vote = { ...recorded, applicationId, for: 15, against: 2, abstain: 1, proposed: true };
  await commit(roundScope(round.roundId), 'vote.cast', { type: 'application', id: applicationId }, vote, [outcome.votePut(round.roundId, vote), outcome.proposalCount(round.roundId, config.winnersQuota)]);
  const current = (await awards.getProgrammeRound(round.programmeId, round.roundId))!;
  const next: RoundRecord = { ...current, stage: 'announcement', version: current.version + 1 };
  await commit(roundScope(round.roundId), 'round.stageMoved', { type: 'round', id: round.roundId }, next, [awards.roundUpdate(next, current.version)]);
}

/** A round of `programmeId` open for registration (seeded: opened a day ago). */
async function openRound(programmeId: string): Promise<RoundRecord> {
  return seedRound({ programmeId, when: 'open' });
}

describe('the platform operator', () => {
  it('creates a district programme and invites its first administrator, who is mailed a link naming the programme', async () => {
    const { programmeId, programme, email } = await onboardedProgramme();
    expect(programme).toMatchObject({ programmeId, level: 'district', timeZone: 'Asia/Shanghai', issuingBody: { 'zh-CN': '福州市鼓楼区人民政府' } });
    const [mail] = await mailTo(email);
    expect(mail!.subject).toContain(programme.name['zh-CN']);
    expect(mail!.text).toContain('评审委员会办公室管理员');
    const list = await api('GET', OPERATOR, { cookie: await signInOperator() });
    expect(list.status).toBe(200);
    const listed = list.body.programmes.find((p: { programmeId: string }) => p.programmeId === programmeId);
    expect(listed.admins).toEqual([expect.objectContaining({ email, name: '区办公室管理员', status: 'active' })]);
  });

  it('refuses an id that exists with 409 PROGRAMME_EXISTS and changes nothing', async () => {
    const { programmeId, programme } = await onboardedProgramme();
    const again = await api('POST', OPERATOR, { cookie: await signInOperator(), body: programmeBody(programmeId, { name: { 'zh-CN': '冒名奖项', en: 'Impostor' } }) });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PROGRAMME_EXISTS');
    expect(again.body.error.message.en).toContain(programmeId);
    const city = await api('POST', OPERATOR, { cookie: await signInOperator(), body: programmeBody('city') });
    expect(city.body.error.code).toBe('PROGRAMME_EXISTS');
    const list = await api('GET', OPERATOR, { cookie: await signInOperator() });
    expect(list.body.programmes.find((p: { programmeId: string }) => p.programmeId === programmeId).name).toEqual(programme.name);
  });

  it('refuses a malformed or reserved id, an unknown time zone and a recommendation to a programme that does not exist', async () => {
    const cookie = await signInOperator();
    for (const programmeId of ['Gulou District', 'platform', 'a', '-gulou', 'gulou--x']) {
      const res = await api('POST', OPERATOR, { cookie, body: programmeBody(programmeId) });
      expect(res.status, programmeId).toBe(400);
    }
    expect((await api('POST', OPERATOR, { cookie, body: programmeBody(freshId('tz'), { timeZone: 'Mars/Olympus' }) })).status).toBe(400);
    const unknown = await api('POST', OPERATOR, { cookie, body: programmeBody(freshId('rec'), { recommendsTo: 'nowhere-at-all' }) });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('PROGRAMME_UNKNOWN');
  });

  it("reads nothing of any programme: its applications, rounds, people, scores and chains answer 403", async () => {
    const cookie = await signInOperator();
    const admin = await signInAdmin();
    const roundId = await createRound();
    const applicant = await applicantOf('city');
    const registered = await api('POST', '/api/submission/applications', { cookie: applicant, body: registration(roundId) });
    expect(registered.status).toBe(201);
    const applicationId = registered.body.applicationId as string;
    expect((await api('GET', `/api/submission/applications/${applicationId}`, { cookie: admin })).status).toBe(200);
    for (const path of [
      '/api/submission/applications',
      `/api/submission/applications/${applicationId}`,
      '/api/submission/people',
      '/api/publication/rounds',
      `/api/publication/rounds/${roundId}`,
      `/api/scoring/rounds/${roundId}/reviews`,
      '/api/publication/audit',
      `/api/publication/audit/${encodeURIComponent(roundScope(roundId))}/entries`,
    ]) {
      const res = await api('GET', path, { cookie });
      expect(res.status, path).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('福州示范制造有限公司');
    }
    const invite = await api('POST', '/api/submission/people', { cookie, body: { email: uniqueEmail('x'), name: '某人', role: 'expert' } });
    expect(invite.status).toBe(403);
  });

  it('is a session of its own: the link names the platform, the session no programme', async () => {
    const session = await api('GET', '/api/submission/auth/session', { cookie: await signInOperator() });
    expect(session.body).toMatchObject({ role: 'operator', programmeId: 'platform' });
  });
});

describe("a programme's first administrator", () => {
  it('signs in and creates a round in the new programme, which only that programme sees', async () => {
    const { programmeId, admin } = await onboardedProgramme();
    const roundId = freshId(programmeId.slice(0, 20));
    const created = await api('POST', '/api/publication/rounds', {
      cookie: admin,
      body: { roundId, name: { 'zh-CN': '首届鼓楼区政府质量奖', en: 'First Gulou District Quality Award' }, config: { dates: roundDates('open', Date.now() + 3 * DAY), winnersQuota: 3 } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const mine = await api('GET', '/api/publication/rounds', { cookie: admin });
    expect(mine.body.rounds.map((r: { roundId: string }) => r.roundId)).toEqual([roundId]);
    const city = await api('GET', '/api/publication/rounds', { cookie: await signInAdmin() });
    expect(city.body.rounds.map((r: { roundId: string }) => r.roundId)).not.toContain(roundId);
    expect((await api('GET', `/api/publication/rounds/${roundId}`, { cookie: await signInAdmin() })).status).toBe(404);
  });

  it("gives a new round the programme's time zone unless its configuration names one", async () => {
    const { admin } = await onboardedProgramme({ timeZone: 'Asia/Urumqi' });
    const create = (roundId: string, config: Record<string, unknown>) =>
      api('POST', '/api/publication/rounds', { cookie: admin, body: { roundId, name: { 'zh-CN': '时区测试', en: 'Time zone test' }, config: { dates: roundDates('open', Date.now() + 3 * DAY), ...config } } });
    const plain = await create(freshId('tz-a'), {});
    expect(plain.status, JSON.stringify(plain.body)).toBe(201);
    expect(plain.body.config.timeZone).toBe('Asia/Urumqi');
    const named = await create(freshId('tz-b'), { timeZone: 'Asia/Shanghai' });
    expect(named.body.config.timeZone).toBe('Asia/Shanghai');
  });

  it("acting in another programme is answered 404: the city's rounds, applications and people", async () => {
    const { admin } = await onboardedProgramme();
    const roundId = await createRound();
    const applicant = await applicantOf('city');
    const registered = await api('POST', '/api/submission/applications', { cookie: applicant, body: registration(roundId) });
    const applicationId = registered.body.applicationId as string;
    const cityPeople = await api('GET', '/api/submission/people', { cookie: await signInAdmin() });
    const cityPerson = cityPeople.body.people.find((p: { role: string }) => p.role !== 'admin') ?? cityPeople.body.people[0];
    for (const [method, path, body] of [
      ['GET', `/api/publication/rounds/${roundId}`, undefined],
      ['GET', `/api/submission/applications/${applicationId}`, undefined],
      ['POST', `/api/submission/applications/${applicationId}/eligibility`, { decision: 'eligible', reason: '符合条件。' }],
      ['POST', `/api/submission/applications/${applicationId}/requests`, { text: '请补正。' }],
      ['POST', `/api/submission/people/${cityPerson.personId}/revoke`, undefined],
    ] as const) {
      const res = await api(method, path, { cookie: admin, ...(body ? { body } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('福州示范制造有限公司');
    }
    const list = await api('GET', '/api/submission/applications', { cookie: admin });
    expect(JSON.stringify(list.body)).not.toContain(applicationId);
  });
});

describe('the platform chain', () => {
  it("holds everything the operator did, and verifies", async () => {
    const { programmeId, adminId } = await onboardedProgramme();
    const rt = await stackRuntime();
    const entries = await linkedChain(rt.audit, PLATFORM_SCOPE);
    expect(entries.some((e) => e.action === 'programme.created' && e.target.id === programmeId && e.actor.role === 'operator')).toBe(true);
    expect(entries.some((e) => e.action === 'person.invited' && e.target.id === adminId && e.actor.role === 'operator')).toBe(true);
    expect(entries.some((e) => e.action === 'person.bootstrapped')).toBe(true);
    const result = await verifyChain(nodeSha256, PLATFORM_SCOPE, entries);
    expect(result.ok).toBe(true);
    // The command line checks it too (and the records it describes: the programme, in the awards table).
    const cli = await verify('--scope', PLATFORM_SCOPE);
    expect(cli.code, cli.lines.join('\n')).toBe(0);
    expect(cli.lines.some((l) => l.startsWith(`ok        ${PLATFORM_SCOPE}  `))).toBe(true);
    // No programme's office reads it.
    const read = await api('GET', `/api/publication/audit/${PLATFORM_SCOPE}/entries`, { cookie: await signInAdmin() });
    expect(read.status).toBe(404);
  });
});

describe('one person in two programmes', () => {
  it('gets one link per programme, each naming it, and each opens a session bound to that programme', async () => {
    const { programmeId, admin, programme } = await onboardedProgramme();
    const email = uniqueEmail('two-pools');
    expect((await api('POST', '/api/submission/people', { cookie: await signInAdmin(), body: { email, name: '两库专家', role: 'expert' } })).status).toBe(201);
    expect((await api('POST', '/api/submission/people', { cookie: admin, body: { email, name: '两库专家', role: 'expert' } })).status).toBe(201);
    const before = (await mailTo(email)).length;
    expect((await api('POST', '/api/submission/auth/links', { body: { email } })).status).toBe(202);
    const mails = (await mailTo(email)).slice(0, (await mailTo(email)).length - before);
    expect(mails).toHaveLength(2);
    const sessions = await Promise.all(
      mails.map(async (m) => {
        const token = m.links.find((l) => l.includes('#token='))!.split('#token=')[1]!;
        const res = await api('POST', '/api/submission/auth/session', { body: { token } });
        return { subject: m.subject, programmeId: res.body.programmeId as string, role: res.body.role as string };
      }),
    );
    expect(sessions.map((s) => s.programmeId).sort()).toEqual(['city', programmeId].sort());
    const district = sessions.find((s) => s.programmeId === programmeId)!;
    expect(district.subject).toContain(programme.name['zh-CN']);
    expect(sessions.every((s) => s.role === 'expert')).toBe(true);
  });
});

describe('cross-programme rules', () => {
  it("checks a winner's cooldown against the programme's own announced winners by credit code, whatever the applicant declares", async () => {
    const { programmeId } = await onboardedProgramme();
    const creditCode = validCreditCode();
    const won = await openRound(programmeId);
    const applicant = await applicantOf(programmeId);
    const first = await api('POST', '/api/submission/applications', { cookie: applicant, body: registration(won.roundId, { creditCode }) });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.selfCheck.eligible).toBe(true);
    await announceWinner(won, first.body.applicationId);

    const next = await openRound(programmeId);
    const again = await api('POST', '/api/submission/applications', { cookie: applicant, body: registration(next.roundId, { creditCode }) });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.declarations.roundsSinceLastWin).toBeUndefined();
    expect(again.body.selfCheck.eligible).toBe(false);
    expect(again.body.selfCheck.failures).toEqual([expect.objectContaining({ code: 'ELIGIBILITY_RECENT_WINNER', params: expect.objectContaining({ since: 1 }) })]);
    expect(again.body.recordedWin).toMatchObject({ roundId: won.roundId, roundsSince: 1 });

    // Another organisation of the same programme is not caught by it.
    const other = await api('POST', '/api/submission/applications', { cookie: await applicantOf(programmeId), body: registration(next.roundId) });
    expect(other.body.selfCheck.eligible).toBe(true);
    expect(other.body.recordedWin).toBeUndefined();
  });

  it("shows the city office, on the registration, that a district's winner is recommended to the city award", async () => {
    const { programmeId, programme } = await onboardedProgramme({ recommendsTo: 'city' });
    expect(programme.recommendsTo).toBe('city');
    const creditCode = validCreditCode();
    const districtRound = await openRound(programmeId);
    const inDistrict = await api('POST', '/api/submission/applications', { cookie: await applicantOf(programmeId), body: registration(districtRound.roundId, { creditCode }) });
    expect(inDistrict.status).toBe(201);
    await announceWinner(districtRound, inDistrict.body.applicationId);

    const cityRound = await createRound();
    const inCity = await api('POST', '/api/submission/applications', { cookie: await applicantOf('city'), body: registration(cityRound, { creditCode }) });
    expect(inCity.status, JSON.stringify(inCity.body)).toBe(201);
    const seen = await api('GET', `/api/submission/applications/${inCity.body.applicationId}`, { cookie: await signInAdmin() });
    expect(seen.status).toBe(200);
    expect(seen.body.recommendations).toEqual([
      { programmeId, programmeName: programme.name, roundId: districtRound.roundId, roundName: districtRound.name },
    ]);
    // The city's own cooldown is the city's: a district win does not block.
    expect(seen.body.selfCheck.eligible).toBe(true);
    const plain = await api('POST', '/api/submission/applications', { cookie: await applicantOf('city'), body: registration(cityRound) });
    expect(plain.body.recommendations).toBeUndefined();
  });
});
