import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableName } from '../../functions/lib/config';
import { REMARK_TEXT_MAX_CHARS } from '../../shared/api/remarks';
import { ROUTES, type RouteDefinition } from '../../shared/api/routes';
import { roundScope, verifyChain } from '../../shared/audit/chain';
import { nodeSha256 } from '../../functions/lib/audit/log';
import { signInApplicant, stackRuntime } from './applications-helpers';
import { api, linkedChain, signInAdmin, uniqueEmail } from './helpers';
import { seedDeliberatedRound, type DeliberatedRound } from './notice-helpers';
import { foreignAdmin, invitedPerson } from './reviews-helpers';
import { chainActions, moveTo, putReviewItems, seedOtherProgramme } from './rounds-helpers';
import { verify } from './verify-audit-helpers';
import { ApplicationsRepository } from '../../functions/lib/applications/repository';
import type { Session } from '../../functions/lib/http/router';
import type { OutcomeStore } from '../../functions/lib/outcome/store';
import { ReviewProgressReader } from '../../functions/lib/reviews/progress';
import { moveRoundStage } from '../../functions/publication/use-cases/rounds';
import { outcomeTables } from './notice-helpers';

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const remarksOf = (roundId: string) => `/api/publication/rounds/${encodeURIComponent(roundId)}/remarks`;
const answerOf = (roundId: string, remarkId: string) => `${remarksOf(roundId)}/${encodeURIComponent(remarkId)}/answer`;
const roundEntries = async (roundId: string) => linkedChain((await stackRuntime()).audit, roundScope(roundId));

/** Runs an action and expects exactly the given entries appended to the round's chain. */
async function appends<T>(roundId: string, actions: string[], run: () => Promise<T>): Promise<T> {
  const before = await chainActions(roundId);
  const result = await run();
  expect((await chainActions(roundId)).slice(before.length)).toEqual(actions);
  return result;
}

/** A request refused with `status` and `code` that writes nothing: no entry, no remark. */
async function refused(roundId: string, status: number, code: string, run: () => Promise<{ status: number; body: any }>) {
  const admin = await signInAdmin();
  const before = (await api('GET', remarksOf(roundId), { cookie: admin })).body.remarks;
  const res = await appends(roundId, [], run);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect((await api('GET', remarksOf(roundId), { cookie: admin })).body.remarks).toEqual(before);
  return res;
}

describe("supervisors' remarks: the supervisor's only write, answered by the office once, before the public notice", () => {
  // One round walked from deliberation into the public notice; each step relies on the ones before.
  let seeded: DeliberatedRound;
  let roundId: string;
  let admin: string;
  let supervisor: { cookie: string; personId: string; name: string };
  let otherSupervisor: { cookie: string };
  const cardId = () => `${seeded.proposed[0]}/materialReview/reviewer-submitted`;
  const draftCardId = () => `${seeded.proposed[0]}/materialReview/reviewer-drafting`;
  const consensusId = () => `${seeded.proposed[0]}/materialReview`;
  const ids: string[] = [];

  beforeAll(async () => {
    seeded = await seedDeliberatedRound(['proposed', 'proposed', 'belowThreshold']);
    roundId = seeded.round.roundId;
    const app = seeded.proposed[0]!;
    await putReviewItems(roundId, [
      { kind: 'assignment', applicationId: app, stage: 'materialReview', reviewerId: 'reviewer-submitted', status: 'submitted', leader: true },
      { kind: 'assignment', applicationId: app, stage: 'materialReview', reviewerId: 'reviewer-drafting', status: 'active' },
      { kind: 'consensus', applicationId: app, stage: 'materialReview', total: 61_250 },
    ]);
    admin = await signInAdmin();
    supervisor = await invitedPerson('supervisor', { name: '纪检监督员甲' });
    otherSupervisor = await invitedPerson('supervisor', { name: '律师监督员乙' });
  });

  it('records a remark on a submitted card: 201, one remark.recorded entry naming the remark, by the supervisor', async () => {
    const res = await appends(roundId, ['remark.recorded'], () =>
      api('POST', remarksOf(roundId), { cookie: supervisor.cookie, body: { target: { kind: 'card', id: cardId() }, text: '  第 4.2.2 项评分依据不足，请说明。 ' } }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ roundId, target: { kind: 'card', id: cardId() }, text: '第 4.2.2 项评分依据不足，请说明。', by: supervisor.personId, byName: '纪检监督员甲' });
    expect(res.body.answer).toBeUndefined();
    ids.push(res.body.remarkId);
    const entry = (await roundEntries(roundId)).at(-1)!;
    expect(entry).toMatchObject({
      action: 'remark.recorded',
      actor: { personId: supervisor.personId, role: 'supervisor' },
      target: { type: 'remark', id: res.body.remarkId },
      context: { applicationId: seeded.proposed[0], stage: 'deliberation' },
    });
    expect(entry.records?.map((r) => r.key)).toEqual([`OUTCOME#${roundId} REMARK#${res.body.remarkId}`]);
  });

  it('records remarks on a consensus, an assignment, a stage move and the round in general', async () => {
    const targets = [
      { kind: 'consensus', id: consensusId() },
      { kind: 'assignment', id: draftCardId() },
      { kind: 'stageMove', id: 'deliberation' },
      { kind: 'round', id: roundId },
    ];
    for (const target of targets) {
      const res = await appends(roundId, ['remark.recorded'], () => api('POST', remarksOf(roundId), { cookie: supervisor.cookie, body: { target, text: `关于${target.kind}的意见` } }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.target).toEqual(target);
      ids.push(res.body.remarkId);
    }
  });

  it('refuses bad text and unknown steps with a clear code, writing nothing', async () => {
    const post = (target: { kind: string; id: string }, text: string) => () => api('POST', remarksOf(roundId), { cookie: supervisor.cookie, body: { target, text } });
    const round = { kind: 'round', id: roundId };
    await refused(roundId, 400, 'REMARK_TEXT_EMPTY', post(round, ''));
    await refused(roundId, 400, 'REMARK_TEXT_EMPTY', post(round, ' \n\t '));
    const long = await refused(roundId, 400, 'REMARK_TEXT_TOO_LONG', post(round, '意'.repeat(REMARK_TEXT_MAX_CHARS + 1)));
    expect(long.body.error.message.en).toContain(String(REMARK_TEXT_MAX_CHARS));
    await refused(roundId, 400, 'REMARK_TEXT_CHARACTERS', post(round, '正常文字\u202e反向'));
    await refused(roundId, 400, 'REMARK_TEXT_CHARACTERS', post(round, '响铃\u0007'));
    await refused(roundId, 400, 'VALIDATION_FAILED', post({ kind: 'objection', id: 'x' }, '意见'));
    await refused(roundId, 400, 'VALIDATION_FAILED', post({ kind: 'card', id: '../etc' + ' x' }, '意见'));
    // A card still being scored is the author's alone: no remark on it before submission.
    await refused(roundId, 422, 'REMARK_CARD_NOT_SUBMITTED', post({ kind: 'card', id: draftCardId() }, '意见'));
    await refused(roundId, 422, 'REMARK_TARGET_UNKNOWN', post({ kind: 'card', id: `${seeded.proposed[1]}/materialReview/nobody` }, '意见'));
    await refused(roundId, 422, 'REMARK_TARGET_UNKNOWN', post({ kind: 'consensus', id: `${seeded.proposed[1]}/onSite` }, '意见'));
    await refused(roundId, 422, 'REMARK_TARGET_UNKNOWN', post({ kind: 'stageMove', id: 'announcement' }, '意见'));
    await refused(roundId, 422, 'REMARK_TARGET_UNKNOWN', post({ kind: 'stageMove', id: 'call' }, '意见'));
    await refused(roundId, 422, 'REMARK_TARGET_UNKNOWN', post({ kind: 'publication', id: 'notice/2026-01-01T00:00:00.000Z' }, '意见'));
    await refused(roundId, 422, 'REMARK_TARGET_UNKNOWN', post({ kind: 'round', id: `${roundId}-other` }, '意见'));
  });

  it('shows the remarks to the office and to every supervisor of the programme, oldest first, with how many are open', async () => {
    for (const cookie of [admin, otherSupervisor.cookie]) {
      const res = await api('GET', remarksOf(roundId), { cookie });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ roundId, roundStage: 'deliberation', open: ids.length });
      expect(res.body.remarks.map((r: { remarkId: string }) => r.remarkId)).toEqual(ids);
    }
  });

  it('refuses writes by everyone but a supervisor and reads by experts, deliberators and applicants (403), writing nothing', async () => {
    const expert = await invitedPerson('expert');
    const deliberator = await invitedPerson('deliberator');
    const applicant = await signInApplicant(uniqueEmail('remark-applicant'));
    const body = { target: { kind: 'round', id: roundId }, text: '意见' };
    for (const cookie of [admin, expert.cookie, deliberator.cookie, applicant]) {
      await refused(roundId, 403, 'FORBIDDEN', () => api('POST', remarksOf(roundId), { cookie, body }));
    }
    for (const cookie of [expert.cookie, deliberator.cookie, applicant]) {
      const res = await api('GET', remarksOf(roundId), { cookie });
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('第 4.2.2 项');
    }
    // Answering is the office's: a supervisor (the author too), an expert cannot.
    for (const cookie of [supervisor.cookie, expert.cookie]) await refused(roundId, 403, 'FORBIDDEN', () => api('POST', answerOf(roundId, ids[0]!), { cookie, body: { text: '答复' } }));
  });

  it("refuses a supervisor every other write route (403 FORBIDDEN), as the route table's access lists say", async () => {
    const app = seeded.proposed[0]!;
    const writes: [string, string, unknown][] = [
      ['POST', `/api/publication/rounds/${roundId}/stage`, { to: 'publicNotice', version: seeded.round.version }],
      ['POST', `/api/publication/rounds/${roundId}/votes`, { applicationId: app, for: 1, against: 0, abstain: 0 }],
      ['POST', `/api/publication/rounds/${roundId}/objections`, { applicationId: app, objectorName: '张', objectorContact: '1', statement: 's', evidence: 'e' }],
      ['POST', `/api/publication/rounds/${roundId}/publications`, { version: seeded.round.version }],
      ['PUT', `/api/publication/rounds/${roundId}`, { version: seeded.round.version }],
      ['POST', `/api/scoring/applications/${app}/assignments`, { reviewerId: 'x', stage: 'materialReview' }],
      ['POST', `/api/scoring/applications/${app}/reviews/materialReview/consensus`, {}],
      ['POST', '/api/submission/people', { email: uniqueEmail('x'), name: 'x', role: 'expert' }],
      ['POST', `/api/submission/applications/${app}/eligibility`, { decision: 'eligible' }],
    ];
    for (const [method, path, body] of writes) {
      const res = await appends(roundId, [], () => api(method as 'POST', path, { cookie: supervisor.cookie, body }));
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('the route table lets a supervisor write nothing but a remark (and end their own session); every other write answers them 403', async () => {
    const writes = (Object.entries(ROUTES) as [string, RouteDefinition][]).filter(([, r]) => r.method !== 'GET' && r.access !== 'public');
    expect(writes.filter(([, r]) => (r.access as readonly string[]).includes('supervisor')).map(([id]) => id).sort()).toEqual(['auth.signOut', 'remarks.record']);
    const params: Record<string, string> = { roundId, applicationId: seeded.proposed[0]!, stage: 'materialReview', reviewerId: 'reviewer-submitted', remarkId: ids[0]! };
    for (const [id, r] of writes.filter(([, r]) => !(r.access as readonly string[]).includes('supervisor'))) {
      const path = r.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));
      const res = await appends(roundId, [], () => api(r.method as 'POST', path, { cookie: supervisor.cookie, body: {} }));
      expect(res.status, `${id} ${r.method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it("answers 404 for another programme's round and to another programme's office", async () => {
    const other = await seedOtherProgramme();
    const res = await api('POST', remarksOf(other.roundId), { cookie: supervisor.cookie, body: { target: { kind: 'round', id: other.roundId }, text: '意见' } });
    expect(res.status).toBe(404);
    expect((await api('GET', remarksOf(other.roundId), { cookie: supervisor.cookie })).status).toBe(404);
    const foreign = await foreignAdmin();
    expect((await api('GET', remarksOf(roundId), { cookie: foreign })).status).toBe(404);
    await refused(roundId, 404, 'NOT_FOUND', () => api('POST', answerOf(roundId, ids[0]!), { cookie: foreign, body: { text: '答复' } }));
  });

  it('keeps the public notice closed while any remark is open, naming how many (422 REMARKS_OPEN)', async () => {
    const res = await appends(roundId, [], () => moveTo(roundId, 'publicNotice', seeded.round.version, admin));
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('REMARKS_OPEN');
    expect(res.body.error.message['zh-CN']).toContain(`${ids.length} 条监督意见未答复`);
    expect(res.body.error.message.en).toContain(`${ids.length} supervisor remarks are not answered yet`);
  });

  it('lets the office answer each remark once (remark.answered), then 409 REMARK_ANSWERED; bad text and unknown remarks write nothing', async () => {
    await refused(roundId, 400, 'REMARK_TEXT_EMPTY', () => api('POST', answerOf(roundId, ids[0]!), { cookie: admin, body: { text: '   ' } }));
    await refused(roundId, 400, 'REMARK_TEXT_CHARACTERS', () => api('POST', answerOf(roundId, ids[0]!), { cookie: admin, body: { text: '答复\u2066' } }));
    await refused(roundId, 404, 'NOT_FOUND', () => api('POST', answerOf(roundId, '01JZZZZZZZZZZZZZZZZZZZZZZZ'), { cookie: admin, body: { text: '答复' } }));
    const answered = await appends(roundId, ['remark.answered'], () => api('POST', answerOf(roundId, ids[0]!), { cookie: admin, body: { text: ' 已请评审组长补充说明。 ' } }));
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toMatchObject({ remarkId: ids[0], text: '第 4.2.2 项评分依据不足，请说明。', answer: { text: '已请评审组长补充说明。' } });
    expect((await roundEntries(roundId)).at(-1)).toMatchObject({ action: 'remark.answered', actor: { role: 'admin' }, target: { type: 'remark', id: ids[0] } });
    const again = await refused(roundId, 409, 'REMARK_ANSWERED', () => api('POST', answerOf(roundId, ids[0]!), { cookie: admin, body: { text: '改一下答复' } }));
    expect(again.body.error.message.en).toContain('cannot be changed');
    const list = await api('GET', remarksOf(roundId), { cookie: otherSupervisor.cookie });
    expect(list.body.open).toBe(ids.length - 1);
    expect(list.body.remarks[0].answer).toMatchObject({ text: '已请评审组长补充说明。' });
  });

  it('opens the public notice once every remark is answered; a remark can then be made on the notice publication and the move', async () => {
    const still = await moveTo(roundId, 'publicNotice', seeded.round.version, admin);
    expect(still.body.error.message.en).toContain(`${ids.length - 1} supervisor remarks`);
    for (const id of ids.slice(1)) expect((await api('POST', answerOf(roundId, id), { cookie: admin, body: { text: '已核实。' } })).status).toBe(200);
    const moved = await moveTo(roundId, 'publicNotice', seeded.round.version, admin);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.publication).toEqual({ kind: 'notice', published: true });
    const publications = (await api('GET', `/api/publication/rounds/${roundId}/publications`, { cookie: supervisor.cookie })).body.publications;
    for (const target of [
      { kind: 'publication', id: `notice/${publications[0].at}` },
      { kind: 'stageMove', id: 'publicNotice' },
    ]) {
      const res = await api('POST', remarksOf(roundId), { cookie: otherSupervisor.cookie, body: { target, text: '公示内容与表决结果一致。' } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });

  it('leaves a chain that verifies, its records matching their entries (verify-audit)', async () => {
    const entries = await roundEntries(roundId);
    expect((await verifyChain(nodeSha256, roundScope(roundId), entries)).ok).toBe(true);
    const actions = entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'remark.recorded')).toHaveLength(7);
    expect(actions.filter((a) => a === 'remark.answered')).toHaveLength(5);
    // The chain and every record (the remarks with their answers included) match; the independence check is left out:
    // the consensus seeded here has no cards behind it, which that check rightly names.
    const { lines } = await verify('--round', roundId);
    expect(lines.find((l) => l.includes(`  round:${roundId}  `)), lines.join('\n')).toMatch(/^ok\s/);
    expect(lines.find((l) => l.includes(`records round:${roundId}`)), lines.join('\n')).toMatch(/^ok\s.*records match the chain$/);
    expect(lines.filter((l) => l.startsWith('MISMATCH') && !l.includes('independence'))).toEqual([]);
  });

  it('names a remark whose answer was edited in the table (verify-audit)', async () => {
    const rt = await stackRuntime();
    const key = { pk: `OUTCOME#${roundId}`, sk: `REMARK#${ids[0]}` };
    await rt.clients.ddb.send(new UpdateCommand({ TableName: tableName(rt.config, 'awards'), Key: key, UpdateExpression: 'SET answer.#text = :t', ExpressionAttributeNames: { '#text': 'text' }, ExpressionAttributeValues: { ':t': '改过的答复' } }));
    const { code, lines } = await verify('--round', roundId);
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(new RegExp(`records round:${roundId}  awards OUTCOME#${roundId} REMARK#${ids[0]} \\(remark\\) differs from entry #\\d+`));
  });
});

describe('a remark recorded while the office opens the notice', () => {
  it('fails the move whose guard read the remarks before it landed (409 CONFLICT, nothing written), then REMARKS_OPEN', async () => {
    // Prepare: a round at deliberation, a remark recorded by a supervisor, and the move's reads as they were just before it
    // (no remark yet): the outcome store answers the round's records without the remark.
    const seeded = await seedDeliberatedRound(['proposed', 'belowThreshold']);
    const roundId = seeded.round.roundId;
    const supervisor = await invitedPerson('supervisor');
    const recorded = await api('POST', remarksOf(roundId), { cookie: supervisor.cookie, body: { target: { kind: 'round', id: roundId }, text: '请核对表决票数。' } });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const rt = await stackRuntime();
    const { awards, outcome } = await outcomeTables();
    const staleOutcome = Object.assign(Object.create(outcome) as OutcomeStore, {
      ofRound: async (id: string) => ({ ...(await outcome.ofRound(id)), remarks: [] }),
    });
    const deps = {
      audit: rt.audit,
      awards,
      outcome: staleOutcome,
      applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
      reviews: new ReviewProgressReader(rt.clients.ddb, tableName(rt.config, 'reviews')),
      config: rt.config,
      clients: rt.clients,
      logger: { error: () => undefined },
    };
    const session: Session = { sessionId: 'test', personId: 'office-test', role: 'admin', programmeId: 'city', email: 'office@merit.test', name: '办公室', expiresAt: '' };

    // Act
    const error = await appends(roundId, [], () => moveRoundStage(deps, session, roundId, { to: 'publicNotice', version: seeded.round.version }, new Date(), 'test-race').then(() => undefined, (e: unknown) => e));

    // Assess: refused by the move's own transaction, the round still at deliberation; the page's next try names the remark.
    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect((await awards.getProgrammeRound('city', roundId))?.stage).toBe('deliberation');
    const again = await moveTo(roundId, 'publicNotice', seeded.round.version);
    expect(again.body.error?.code).toBe('REMARKS_OPEN');
    // Answered: the counter is back to none open, and the notice opens.
    expect((await api('POST', answerOf(roundId, recorded.body.remarkId), { cookie: await signInAdmin(), body: { text: '已核对。' } })).status).toBe(200);
    expect((await moveTo(roundId, 'publicNotice', seeded.round.version)).status).toBe(200);
  });
});
