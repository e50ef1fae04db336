import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { ulid } from 'ulid';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { SYSTEM_ACTOR } from '../../shared/audit/actions';
import { PLATFORM_SCOPE, programmeScope, roundScope } from '../../shared/audit/chain';
import { GBT19580_2012 } from '../../shared/criteria';
import type { Role } from '../../shared/api/roles';
import { AwardsStore } from '../../functions/lib/awards/store';
import { tableName } from '../../functions/lib/config';
import { IdentityStore, type PersonRecord } from '../../functions/lib/identity/store';
import { signSessionToken } from '../../functions/lib/identity/tokens';
import { ensureFirstAdmin, ensureOperator, openSession } from '../../functions/submission/use-cases/sign-in';
import { PDF, registeredApplicant, stackRuntime, upload } from '../integration/applications-helpers';
import { uniqueEmail } from '../integration/helpers';
import { createReviewRound, moveRoundTo } from '../integration/reviews-helpers';
import { call } from './http';

const signInDeps = async () => {
  const rt = await stackRuntime();
  return { ...rt, awards: new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards')) };
};

/** A session cookie (name=value) for a stored person, opened as the sign-in link exchange opens it (no mail: link requests are rate limited per address). */
export async function sessionOf(person: PersonRecord): Promise<string> {
  const now = new Date();
  const { cookie } = await openSession(await signInDeps(), person, ulid(), new Date(now.getTime() + 3600_000), now);
  return cookie.split(';')[0]!;
}

/** The configured first administrator of `city`, signed in. */
export async function adminSession(): Promise<string> {
  const admin = await ensureFirstAdmin(await signInDeps(), new Date());
  if (!admin) throw new Error('no first administrator');
  return sessionOf(admin);
}

/** The configured platform operator, signed in (issue #14). */
export async function operatorSession(): Promise<string> {
  const operator = await ensureOperator(await signInDeps(), new Date());
  if (!operator) throw new Error('no platform operator');
  return sessionOf(operator);
}

/** A district programme created through the operator's route, and its first administrator invited through it and signed in. */
export async function onboardedProgramme(operator: string, tag: string): Promise<{ programmeId: string; admin: PersonRecord; cookie: string }> {
  const programmeId = `district-${tag}`;
  const created = await call('POST', '/api/submission/operator/programmes', {
    cookie: operator,
    body: { programmeId, name: { 'zh-CN': `外区质量奖${tag}`, en: `District award ${tag}` }, level: 'district', issuingBody: { 'zh-CN': '外区人民政府', en: 'District government' } },
  });
  ok(created, 201);
  const invited = await call('POST', `/api/submission/operator/programmes/${programmeId}/admins`, { cookie: operator, body: { email: uniqueEmail('district-admin'), name: `外区办公室${tag}` } });
  ok(invited, 201);
  const rt = await stackRuntime();
  const admin = (await rt.identity.getPerson(invited.json.person.personId as string))!;
  return { programmeId, admin, cookie: await sessionOf(admin) };
}

/** Stores a person straight in the identity table (audited as the seed does), e.g. another programme's administrator. */
export async function storedPerson(role: Role, programmeId = 'city', name = `${role}-${randomInt(1e6)}`, options: { audited?: boolean } = {}): Promise<PersonRecord> {
  const rt = await stackRuntime();
  const identity = new IdentityStore(rt.clients.ddb, tableName(rt.config, 'identity'));
  const now = new Date();
  const person: PersonRecord = { personId: ulid(), email: uniqueEmail(role), name, role, programmeId, status: 'active', createdAt: now.toISOString(), version: 1 } as PersonRecord;
  // The loads' hundreds of people are test data, not what they measure: written without an audit entry.
  if (options.audited === false) {
    await rt.clients.ddb.send(new TransactWriteCommand({ TransactItems: rt.identity.personPuts(person) }));
    return person;
  }
  await rt.audit.commit({
    scope: programmeScope(programmeId),
    actor: SYSTEM_ACTOR,
    action: 'person.bootstrapped',
    target: { type: 'person', id: person.personId },
    state: person,
    requestId: 'hardening',
    now,
    writes: rt.identity.personPuts(person),
  });
  return person;
}

/** The same session's cookie, signed as if it had been opened long ago: its token has expired. */
export async function expiredCopy(cookie: string): Promise<string> {
  const rt = await stackRuntime();
  const [name, token] = cookie.split('=') as [string, string];
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string; jti: string; role: Role; prg: string };
  const longAgo = new Date(Date.now() - 40 * 24 * 3600_000);
  const signed = await signSessionToken(rt.key, { sessionId: claims.jti, personId: claims.sub, role: claims.role, programmeId: claims.prg }, longAgo);
  return `${name}=${signed.token}`;
}

/** Ok or throw with the answer: a step of building the world must work. */
function ok(reply: { status: number; text: string }, ...statuses: number[]) {
  expect(statuses.length ? statuses : [200, 201, 202, 204], reply.text).toContain(reply.status);
}

/** Invites a person through the office's route and signs them in with the mailed token (no link request needed). */
export async function invited(admin: string, role: 'expert' | 'deliberator' | 'supervisor' | 'admin', name: string) {
  const email = uniqueEmail(role);
  const res = await call('POST', '/api/submission/people', { cookie: admin, body: { email, name, role } });
  ok(res, 201);
  const rt = await stackRuntime();
  const person = await rt.identity.getPerson(res.json.person.personId as string);
  return { personId: person!.personId, name, email, cookie: await sessionOf(person!) };
}

/** Every identity of the matrix (issue #16): who they are and their cookie. */
export interface Identity {
  readonly name: string;
  /** The role the session carries (none: anonymous). */
  readonly role?: Role;
  readonly cookie?: string;
  /** Another programme, a revoked person, an expired session: refused whatever the route says, or scoped to elsewhere. */
  readonly standing: 'ok' | 'revoked' | 'expired' | 'foreign';
  /** Their relation to the owner's application (`A`). */
  readonly relation: 'owner' | 'otherApplicant' | 'office' | 'expertOn' | 'expertOff' | 'expertConflicted' | 'expertUndeclared' | 'none';
}

/** A round in material review with one application (A) under review, and everyone around it. */
export interface World {
  readonly roundId: string;
  readonly foreignProgrammeId: string;
  readonly admin: string;
  readonly owner: { cookie: string; applicationId: string; documentId: string; requestId: string };
  readonly otherApplicant: { cookie: string; applicationId: string };
  readonly expertOn: { personId: string; cookie: string };
  readonly expertUndeclared: { personId: string; cookie: string };
  readonly spare: { personId: string };
  readonly identities: readonly Identity[];
  /** Texts only A's owner, its office and its declared experts may read. */
  readonly secrets: { readonly name: string; readonly creditCode: string; readonly profile: string; readonly request: string; readonly card: string };
  /** Path parameter values that name this world's records. */
  readonly params: Readonly<Record<string, string>>;
  /** The audit scopes a write to this world lands in. */
  readonly scopes: readonly string[];
}

/** Builds a world through the API (the office's and applicants' own routes), seeding only what has no route. */
export async function buildWorld(): Promise<World> {
  const tag = `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;
  const admin = await adminSession();
  const roundId = await createReviewRound({ teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 1 } });
  const secrets = {
    name: `保密机密制造有限公司${tag}`,
    creditCode: '',
    profile: `PROFILE-SECRET-${tag}`,
    request: `REQUEST-SECRET-${tag}`,
    card: `CARD-SECRET-${tag}`,
  };

  // A: registered, complete, submitted, eligible, with an office request and a document.
  const a = await registeredApplicant(roundId, uniqueEmail('owner'), { name: secrets.name });
  secrets.creditCode = a.application.organisation.creditCode as string;
  for (const section of ['profile', ...GBT19580_2012.items.map((i) => i.id)]) {
    ok(await call('PUT', `/api/submission/applications/${a.applicationId}/package/${section}`, { cookie: a.cookie, body: { text: `${secrets.profile} ${section}`, version: 0 } }), 200);
  }
  const doc = await upload(a.cookie, a.applicationId, PDF, { category: 'businessLicence' });
  await upload(a.cookie, a.applicationId, Buffer.concat([PDF, Buffer.from('% report\n')]), { category: 'selfAssessmentReport', fileName: '自评报告.pdf' });
  ok(await call('POST', `/api/submission/applications/${a.applicationId}/submit`, { cookie: a.cookie, body: {} }), 200, 201);
  ok(await call('POST', `/api/submission/applications/${a.applicationId}/eligibility`, { cookie: admin, body: { decision: 'eligible', reason: '符合申报条件。' } }), 200);
  const request = await call('POST', `/api/submission/applications/${a.applicationId}/requests`, { cookie: admin, body: { text: `${secrets.request} 请说明。` } });
  ok(request, 201);

  // Another applicant of the same round.
  const b = await registeredApplicant(roundId, uniqueEmail('other'), { name: `另一家公司${tag}` });

  await moveRoundTo(roundId, 'materialReview');
  const [expertOn, expertConflicted, expertUndeclared, expertOff, deliberator, supervisor, toRevoke, spare] = await Promise.all([
    invited(admin, 'expert', `专家甲${tag}`),
    invited(admin, 'expert', `专家乙${tag}`),
    invited(admin, 'expert', `专家丙${tag}`),
    invited(admin, 'expert', `专家丁${tag}`),
    invited(admin, 'deliberator', `审议员${tag}`),
    invited(admin, 'supervisor', `监督员${tag}`),
    invited(admin, 'expert', `被撤销${tag}`),
    invited(admin, 'expert', `备用${tag}`),
  ]);
  for (const [index, expert] of [expertOn, expertConflicted, expertUndeclared].entries()) {
    ok(await call('POST', `/api/scoring/applications/${a.applicationId}/assignments`, { cookie: admin, body: { stage: 'materialReview', reviewerId: expert.personId, leader: index === 0 } }), 201);
  }
  ok(await call('POST', `/api/scoring/applications/${a.applicationId}/declaration`, { cookie: expertOn.cookie, body: { relations: [], confidentialitySigned: true, impartialitySigned: true } }), 201);
  ok(await call('POST', `/api/scoring/applications/${a.applicationId}/declaration`, {
    cookie: expertConflicted.cookie,
    body: { relations: [{ kind: 'consulting', note: '曾提供咨询' }], confidentialitySigned: true, impartialitySigned: true },
  }), 201);
  const items = Object.fromEntries(GBT19580_2012.items.map((i) => [i.id, { percent: 60, strengths: `${secrets.card} ${i.id}`, opportunities: '改进' }]));
  const saved = await call('PUT', `/api/scoring/applications/${a.applicationId}/scorecards/materialReview/mine`, { cookie: expertOn.cookie, body: { items, version: 0 } });
  ok(saved, 200);
  ok(await call('POST', `/api/scoring/applications/${a.applicationId}/scorecards/materialReview/mine/submit`, { cookie: expertOn.cookie, body: { version: saved.json.version } }), 200);
  ok(await call('POST', `/api/submission/people/${toRevoke.personId}/revoke`, { cookie: admin }), 200);

  const foreign = await storedPerson('admin', `elsewhere-${tag}`, '外区管理员');
  // Issue #14: a programme onboarded through the operator's routes, and the operator itself.
  const operator = await operatorSession();
  const district = await onboardedProgramme(operator, tag);
  const identities: Identity[] = [
    { name: 'anonymous', standing: 'ok', relation: 'none' },
    { name: 'owner applicant', role: 'applicant', cookie: a.cookie, standing: 'ok', relation: 'owner' },
    { name: 'another applicant', role: 'applicant', cookie: b.cookie, standing: 'ok', relation: 'otherApplicant' },
    { name: 'expert on the team', role: 'expert', cookie: expertOn.cookie, standing: 'ok', relation: 'expertOn' },
    { name: 'expert off the team', role: 'expert', cookie: expertOff.cookie, standing: 'ok', relation: 'expertOff' },
    { name: 'conflicted expert', role: 'expert', cookie: expertConflicted.cookie, standing: 'ok', relation: 'expertConflicted' },
    { name: 'undeclared expert', role: 'expert', cookie: expertUndeclared.cookie, standing: 'ok', relation: 'expertUndeclared' },
    { name: 'deliberator', role: 'deliberator', cookie: deliberator.cookie, standing: 'ok', relation: 'none' },
    { name: 'supervisor', role: 'supervisor', cookie: supervisor.cookie, standing: 'ok', relation: 'office' },
    { name: 'administrator', role: 'admin', cookie: admin, standing: 'ok', relation: 'office' },
    { name: "another programme's administrator", role: 'admin', cookie: await sessionOf(foreign), standing: 'foreign', relation: 'none' },
    { name: "an operator-created programme's administrator", role: 'admin', cookie: district.cookie, standing: 'foreign', relation: 'none' },
    { name: 'platform operator', role: 'operator', cookie: operator, standing: 'ok', relation: 'none' },
    { name: 'revoked expert', role: 'expert', cookie: toRevoke.cookie, standing: 'revoked', relation: 'none' },
    { name: 'expired session (owner)', role: 'applicant', cookie: await expiredCopy(a.cookie), standing: 'expired', relation: 'none' },
  ];
  return {
    roundId,
    foreignProgrammeId: foreign.programmeId,
    admin,
    owner: { cookie: a.cookie, applicationId: a.applicationId, documentId: doc.documentId as string, requestId: request.json.requestId as string },
    otherApplicant: { cookie: b.cookie, applicationId: b.applicationId },
    expertOn,
    expertUndeclared,
    spare,
    identities,
    secrets,
    params: {
      roundId,
      applicationId: a.applicationId,
      documentId: doc.documentId as string,
      requestId: request.json.requestId as string,
      personId: spare.personId,
      reviewerId: expertOn.personId,
      stage: 'materialReview',
      section: 'profile',
      scope: roundScope(roundId),
      objectionId: ulid(),
      programmeId: district.programmeId,
    },
    scopes: [roundScope(roundId), programmeScope('city'), programmeScope(foreign.programmeId), programmeScope(district.programmeId), PLATFORM_SCOPE],
  };
}

/** The heads of a world's audit chains (every state change appends to one): equal before and after means nothing was written. */
export async function heads(world: Pick<World, 'scopes'>): Promise<string> {
  const rt = await stackRuntime();
  const all = await Promise.all(world.scopes.map(async (s) => `${s}@${(await rt.audit.caughtUp(s))?.seq ?? 0}`));
  return all.join(' ');
}
