import { randomInt } from 'node:crypto';
import { expect, inject } from 'vitest';
import type { ReviewStage } from '../../shared/api/reviews';
import { SYSTEM_ACTOR } from '../../shared/audit/actions';
import { programmeScope, roundScope, type AuditEntry } from '../../shared/audit/chain';
import { GBT19580_2012 } from '../../shared/criteria';
import { defaultRoundConfig, type RoundConfig } from '../../shared/round';
import type { RoundStage } from '../../shared/stages/round';
import { AwardsStore } from '../../functions/lib/awards/store';
import { tableName } from '../../functions/lib/config';
import { IdentityStore } from '../../functions/lib/identity/store';
import { ReviewsRepository } from '../../functions/lib/reviews/repository';
import { api, cookieFrom, latestToken, signIn, signInAdmin, uniqueEmail } from './helpers';
import { fillPackage, PDF, registeredApplicant, stackRuntime, upload } from './applications-helpers';

const DAY = 24 * 60 * 60 * 1000;

/** The reviews table as the scoring function sees it (for seeding and reading back in tests). */
export async function reviewsTable(): Promise<ReviewsRepository> {
  const rt = await stackRuntime();
  return new ReviewsRepository(rt.clients.ddb, inject('stackEnv').TABLE_REVIEWS!);
}

/** Creates a round of the `city` programme straight in the awards table (audited), with configuration overrides. */
export async function createReviewRound(overrides: Partial<Pick<RoundConfig, 'teams' | 'winnersQuota' | 'siteVisitShortlistSize' | 'divergenceThreshold' | 'reliabilityFlagOffset' | 'draw'>> = {}): Promise<string> {
  const rt = await stackRuntime();
  const awards = new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards'));
  const now = Date.now();
  const deadline = now + 30 * DAY;
  const config = {
    ...defaultRoundConfig({
      registrationOpens: new Date(now - DAY).toISOString(),
      registrationCloses: new Date(deadline).toISOString(),
      submissionDeadline: new Date(deadline).toISOString(),
      materialReviewDeadline: new Date(deadline + 30 * DAY).toISOString(),
      onSiteDeadline: new Date(deadline + 60 * DAY).toISOString(),
      defenseDate: new Date(deadline + 90 * DAY).toISOString(),
    }),
    ...overrides,
  };
  const roundId = `city-review-${now.toString(36)}-${randomInt(1e6)}`;
  const round = {
    programmeId: 'city',
    roundId,
    name: { 'zh-CN': '评审测试轮次', en: 'Review test round' },
    stage: 'registration',
    registrationOpens: config.dates.registrationOpens,
    submissionDeadline: config.dates.submissionDeadline,
    config,
    createdAt: new Date(now).toISOString(),
    version: 1,
  };
  await rt.audit.commit({
    scope: roundScope(roundId),
    actor: SYSTEM_ACTOR,
    action: 'round.created',
    target: { type: 'round', id: roundId },
    state: round,
    requestId: 'test',
    now: new Date(now),
    writes: [awards.roundPut(round)],
  });
  return roundId;
}

/**
 * Moves a round to a stage by an audited direct write ('round.stageMoved'),
 * standing in for the office's stage-move route (built elsewhere).
 */
export async function moveRoundTo(roundId: string, stage: RoundStage): Promise<void> {
  const rt = await stackRuntime();
  const awards = new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards'));
  const round = await awards.getRound(roundId);
  if (!round) throw new Error(`no round ${roundId}`);
  const now = new Date();
  await rt.audit.commit({
    scope: roundScope(roundId),
    actor: SYSTEM_ACTOR,
    action: 'round.stageMoved',
    target: { type: 'round', id: roundId },
    state: { roundId, from: round.stage, to: stage },
    requestId: 'test',
    now,
    writes: [
      {
        Update: {
          TableName: awards.table,
          Key: { pk: `PROGRAMME#${round.programmeId}`, sk: `ROUND#${roundId}` },
          UpdateExpression: 'SET #s = :s, stageSince = :at, version = version + :one',
          ConditionExpression: 'version = :v',
          ExpressionAttributeNames: { '#s': 'stage' },
          ExpressionAttributeValues: { ':s': stage, ':at': now.toISOString(), ':one': 1, ':v': round.version },
        },
      },
    ],
  });
}

/** A registered applicant with a complete, submitted package (not yet decided). */
export async function submittedApplication(roundId: string, name: string) {
  const applicant = await registeredApplicant(roundId, uniqueEmail('applicant'), { name });
  await fillPackage(applicant.cookie, applicant.applicationId);
  await upload(applicant.cookie, applicant.applicationId, PDF, { category: 'businessLicence' });
  await upload(applicant.cookie, applicant.applicationId, Buffer.concat([PDF, Buffer.from('% report\n')]), {
    category: 'selfAssessmentReport',
    fileName: '自评报告.pdf',
  });
  const submitted = await api('POST', `/api/submission/applications/${applicant.applicationId}/submit`, { cookie: applicant.cookie, body: {} });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  return { ...applicant, name };
}

/** A submitted application the office found eligible. */
export async function eligibleApplication(roundId: string, name: string) {
  const applicant = await submittedApplication(roundId, name);
  const decided = await api('POST', `/api/submission/applications/${applicant.applicationId}/eligibility`, {
    cookie: await signInAdmin(),
    body: { decision: 'eligible', reason: '符合申报条件。' },
  });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  return applicant;
}

/** A person the office invited, signed in through the invitation link. */
export async function invitedPerson(role: 'expert' | 'deliberator' | 'supervisor' | 'admin', options: { name?: string; organisation?: string } = {}) {
  const email = uniqueEmail(role);
  const invited = await api('POST', '/api/submission/people', {
    cookie: await signInAdmin(),
    body: { email, name: options.name ?? `${role}-${email.split('.')[1]}`, role, ...(options.organisation ? { organisation: options.organisation } : {}) },
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const exchanged = await api('POST', '/api/submission/auth/session', { body: { token: await latestToken(email) } });
  expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
  return { email, personId: invited.body.person.personId as string, name: invited.body.person.name as string, cookie: cookieFrom(exchanged.headers) };
}

/** An administrator of another programme (seeded like the first administrator, audited), signed in by mail. */
export async function foreignAdmin(): Promise<string> {
  const rt = await stackRuntime();
  const identity = new IdentityStore(rt.clients.ddb, tableName(rt.config, 'identity'));
  const programmeId = `elsewhere-${randomInt(1e9)}`;
  const email = uniqueEmail('foreign-admin');
  const now = new Date();
  const person = { personId: `01J${String(randomInt(1e9)).padStart(23, '0')}`, email, name: '外区管理员', role: 'admin' as const, programmeId, status: 'active' as const, createdAt: now.toISOString(), version: 1 };
  await rt.audit.commit({
    scope: programmeScope(programmeId),
    actor: SYSTEM_ACTOR,
    action: 'person.bootstrapped',
    target: { type: 'person', id: person.personId },
    state: person,
    requestId: 'test',
    now,
    writes: identity.personPuts(person),
  });
  return signIn(email);
}

/** Every item of the criteria at one percentage (or per item), with texts. */
export function fullCard(percent: number | ((itemId: string) => number)) {
  return Object.fromEntries(
    GBT19580_2012.items.map((i) => [i.id, { percent: typeof percent === 'number' ? percent : percent(i.id), strengths: `${i.id} 优势`, opportunities: `${i.id} 改进机会` }]),
  );
}

/** A consensus body: every item at one percentage (or per item), each with a rationale. */
export function consensusItems(percent: number | ((itemId: string) => number), rationale = '组内合议一致。') {
  return Object.fromEntries(GBT19580_2012.items.map((i) => [i.id, { percent: typeof percent === 'number' ? percent : percent(i.id), rationale }]));
}

/** The round's audit entries after a sequence number. */
export async function entriesAfter(roundId: string, seq: number): Promise<AuditEntry[]> {
  const rt = await stackRuntime();
  await rt.audit.caughtUp(roundScope(roundId));
  return rt.audit.entries(roundScope(roundId), seq);
}

/** The sequence number of the round chain's newest entry. */
export async function headSeq(roundId: string): Promise<number> {
  const rt = await stackRuntime();
  return (await rt.audit.caughtUp(roundScope(roundId)))?.seq ?? 0;
}

/** Runs a stage move and expects one 'round.stageMoved' entry, then only the result letters it sends (letters the round still owed). */
export async function oneMove<T>(roundId: string, run: () => Promise<T>): Promise<T> {
  const before = await headSeq(roundId);
  const result = await run();
  const actions = (await entriesAfter(roundId, before)).map((e) => e.action);
  expect(actions[0]).toBe('round.stageMoved');
  expect(actions.slice(1).every((a) => a === 'letter.sent')).toBe(true);
  return result;
}

/** Runs a call and checks that it appended exactly one entry to the round's chain, with this action (and target id). */
export async function oneEntry<T>(roundId: string, action: string, run: () => Promise<T>, targetId?: string): Promise<T> {
  const before = await headSeq(roundId);
  const result = await run();
  const entries = await entriesAfter(roundId, before);
  expect(entries.map((e) => e.action)).toEqual([action]);
  if (targetId) expect(entries[0]!.target.id).toBe(targetId);
  return result;
}

/** Runs a call and checks that it wrote nothing to the round's chain. */
export async function nothingWritten<T>(roundId: string, run: () => Promise<T>): Promise<T> {
  const before = await headSeq(roundId);
  const result = await run();
  expect(await entriesAfter(roundId, before)).toEqual([]);
  return result;
}

/** API paths of the scoring function. */
export const paths = {
  assign: (applicationId: string) => `/api/scoring/applications/${applicationId}/assignments`,
  declare: (applicationId: string) => `/api/scoring/applications/${applicationId}/declaration`,
  recuse: (applicationId: string, stage: ReviewStage, reviewerId: string) => `/api/scoring/applications/${applicationId}/assignments/${stage}/${reviewerId}/recusal`,
  material: (applicationId: string) => `/api/scoring/applications/${applicationId}/material`,
  download: (applicationId: string, documentId: string) => `/api/scoring/applications/${applicationId}/documents/${documentId}/download`,
  card: (applicationId: string, stage: ReviewStage = 'materialReview') => `/api/scoring/applications/${applicationId}/scorecards/${stage}/mine`,
  submit: (applicationId: string, stage: ReviewStage = 'materialReview') => `/api/scoring/applications/${applicationId}/scorecards/${stage}/mine/submit`,
  team: (applicationId: string, stage: ReviewStage = 'materialReview') => `/api/scoring/applications/${applicationId}/reviews/${stage}`,
  consensus: (applicationId: string, stage: ReviewStage = 'materialReview') => `/api/scoring/applications/${applicationId}/reviews/${stage}/consensus`,
  round: (roundId: string) => `/api/scoring/rounds/${roundId}/reviews`,
  shortlist: (roundId: string) => `/api/scoring/rounds/${roundId}/shortlist`,
  mine: '/api/scoring/assignments/mine',
  panel: (roundId: string) => `/api/scoring/rounds/${roundId}/panel`,
  defense: (roundId: string) => `/api/scoring/rounds/${roundId}/defense`,
  defenseMine: '/api/scoring/defense/mine',
  defenseDeclare: (applicationId: string) => `/api/scoring/applications/${applicationId}/defense/declaration`,
  defenseScore: (applicationId: string) => `/api/scoring/applications/${applicationId}/defense/mine`,
  defenseSubmit: (applicationId: string) => `/api/scoring/applications/${applicationId}/defense/mine/submit`,
};

/** A clear declaration with both signatures. */
export const clearDeclaration = { relations: [], confidentialitySigned: true, impartialitySigned: true };

/** Declares clear (unless done before), saves a full card at `percent` and submits it, for one assigned expert. */
export async function scoreAndSubmit(applicationId: string, expert: { cookie: string }, percent: number | ((itemId: string) => number), stage: ReviewStage = 'materialReview') {
  const declared = await api('POST', paths.declare(applicationId), { cookie: expert.cookie, body: clearDeclaration });
  expect([201, 409], JSON.stringify(declared.body)).toContain(declared.status);
  const saved = await api('PUT', paths.card(applicationId, stage), { cookie: expert.cookie, body: { items: fullCard(percent), version: 0 } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const submitted = await api('POST', paths.submit(applicationId, stage), { cookie: expert.cookie, body: { version: saved.body.version } });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body;
}

/** The office assigns experts to an application's stage; the first is the leader. */
export async function assignTeam(applicationId: string, experts: readonly { personId: string }[], stage: ReviewStage = 'materialReview') {
  const admin = await signInAdmin();
  for (const [index, expert] of experts.entries()) {
    const res = await api('POST', paths.assign(applicationId), { cookie: admin, body: { stage, reviewerId: expert.personId, leader: index === 0 } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}

/**
 * Takes one eligible application of a round (teams of two) through the material review, the shortlist and the
 * site visit with the two experts given (the first leads), and moves the round to the defense, its panel empty.
 */
export async function throughToDefense(roundId: string, applicationId: string, experts: readonly [{ personId: string; cookie: string }, { personId: string; cookie: string }]) {
  const admin = await signInAdmin();
  await moveRoundTo(roundId, 'materialReview');
  await assignTeam(applicationId, experts);
  for (const expert of experts) await scoreAndSubmit(applicationId, expert, 80);
  const material = await api('POST', paths.consensus(applicationId), { cookie: experts[0].cookie, body: { items: consensusItems(80) } });
  expect(material.status, JSON.stringify(material.body)).toBe(201);
  const shortlist = await api('POST', paths.shortlist(roundId), { cookie: admin });
  expect(shortlist.status, JSON.stringify(shortlist.body)).toBe(200);
  await moveRoundTo(roundId, 'onSite');
  await assignTeam(applicationId, experts, 'onSite');
  for (const expert of experts) await scoreAndSubmit(applicationId, expert, 75, 'onSite');
  const onSite = await api('POST', paths.consensus(applicationId, 'onSite'), { cookie: experts[0].cookie, body: { items: consensusItems(75) } });
  expect(onSite.status, JSON.stringify(onSite.body)).toBe(201);
  await moveRoundTo(roundId, 'defense');
}
