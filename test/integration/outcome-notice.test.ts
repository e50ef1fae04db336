import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestState, roundScope, verifyChain, type AuditEntry } from '../../shared/audit/chain';
import { formatFinalScore } from '../../shared/scoring';
import { nodeSha256 } from '../../functions/lib/audit/log';
import { ApplicationsRepository } from '../../functions/lib/applications/repository';
import { tableName } from '../../functions/lib/config';
import type { Session } from '../../functions/lib/http/router';
import { ReviewProgressReader } from '../../functions/lib/reviews/progress';
import { fileObjection } from '../../functions/publication/use-cases/objections';
import { moveRoundStage } from '../../functions/publication/use-cases/rounds';
import { stackRuntime } from './applications-helpers';
import { api, linkedChain, signInAdmin } from './helpers';
import { endNoticePeriod, exportChain, fetchResult, objectionBody, outcomeTables, seedDeliberatedRound, type DeliberatedRound } from './notice-helpers';
import { foreignAdmin, invitedPerson } from './reviews-helpers';
import { chainActions, moveTo } from './rounds-helpers';

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const base = (roundId: string) => `/api/publication/rounds/${encodeURIComponent(roundId)}`;

/** Runs an action and expects exactly the given entries appended to the round's chain. */
async function appends<T>(roundId: string, actions: string[], run: () => Promise<T>): Promise<T> {
  const before = await chainActions(roundId);
  const result = await run();
  expect((await chainActions(roundId)).slice(before.length)).toEqual(actions);
  expect((await chainActions(roundId)).length).toBe(before.length + actions.length);
  return result;
}

/** A request that must be refused with `status` (and `code`) and change nothing: no entry, same round version. */
async function refused(roundId: string, status: number, code: string | undefined, run: () => Promise<{ status: number; body: any }>) {
  const { awards } = await outcomeTables();
  const round = await awards.getRound(roundId);
  const res = await appends(roundId, [], run);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  if (code) expect(res.body.error.code).toBe(code);
  if (round) expect((await awards.getProgrammeRound(round.programmeId, roundId))?.version).toBe(round.version);
  return res;
}

const roundEntries = async (roundId: string) => linkedChain((await stackRuntime()).audit, roundScope(roundId));

/**
 * A published document at `kind`: fetched from the public site, its head is an
 * entry of the chain with that hash, the `publication.published` entry follows
 * it, and the record's SHA-256 is that of the bytes served.
 */
async function expectPublished(roundId: string, kind: 'notice' | 'announcement', headAction: string) {
  const doc = await fetchResult(`/results/${roundId}/${kind}.json`);
  expect(doc.status).toBe(200);
  expect(doc.contentType).toContain('application/json');
  const entries = await roundEntries(roundId);
  const head = entries.find((e) => e.seq === doc.json.chainHead.sequence)!;
  expect(doc.json.chainHead).toEqual({ scope: roundScope(roundId), sequence: head.seq, hash: head.hash });
  expect(head.action).toBe(headAction);
  const published = entries.find((e) => e.seq === head.seq + 1)!;
  expect(published).toMatchObject({ action: 'publication.published', target: { type: 'round', id: roundId } });
  const list = await api('GET', `${base(roundId)}/publications`, { cookie: await signInAdmin() });
  const record = list.body.publications.at(-1);
  expect(record).toMatchObject({ kind, path: `/results/${roundId}/${kind}.json`, chainHead: doc.json.chainHead });
  expect(record.sha256).toBe(sha256(doc.bytes));
  return { doc: doc.json, bytes: doc.bytes, head, published, record };
}

/** What the public may read of the seeded standings, in published order: place in the list, organisation, final score. */
const expectedEntries = (seeded: DeliberatedRound, ids: readonly string[]) =>
  ids.map((id, i) => {
    const s = seeded.standings.find((x) => x.applicationId === id)!;
    return { rank: i + 1, organisation: s.organisation, finalScore: formatFinalScore(s.final) };
  });

describe('the public notice, its objections and the announcement, each published with the chain head', () => {
  // One round walked from deliberation to the announcement; each step relies on the ones before.
  let seeded: DeliberatedRound;
  let roundId: string;
  let version: number;
  let admin: string;
  let supervisor: string;
  let against: { upheld?: string; dismissed?: string } = {};

  beforeAll(async () => {
    seeded = await seedDeliberatedRound();
    roundId = seeded.round.roundId;
    version = seeded.round.version;
    admin = await signInAdmin();
    supervisor = (await invitedPerson('supervisor')).cookie;
  });

  it('has nothing to publish and takes no objection before the public notice (422 NOTHING_TO_PUBLISH, STAGE_CLOSED)', async () => {
    await refused(roundId, 422, 'NOTHING_TO_PUBLISH', () => api('POST', `${base(roundId)}/publications`, { cookie: admin, body: { version } }));
    await refused(roundId, 422, 'STAGE_CLOSED', () => api('POST', `${base(roundId)}/objections`, { cookie: admin, body: objectionBody(seeded.proposed[0]!) }));
    expect((await fetchResult(`/results/${roundId}/notice.json`)).status).toBe(404);
  });

  it('opens the public notice and publishes it: exactly the proposed winners, the period, the move entry as head', async () => {
    const res = await appends(roundId, ['round.stageMoved', 'publication.published'], () => moveTo(roundId, 'publicNotice', version, admin));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ stage: 'publicNotice', version: version + 1, publication: { kind: 'notice', published: true } });
    version = res.body.version;

    const { doc, bytes, head } = await expectPublished(roundId, 'notice', 'round.stageMoved');
    const round = (await api('GET', base(roundId), { cookie: admin })).body;
    // The move's entry is the domain's 'round.noticeOpened' too: its state carries the notice's dates.
    const moved = { roundId, stage: 'publicNotice', stageSince: round.stageSince, noticeOpenedAt: round.noticeOpenedAt, noticeEndsAt: round.noticeEndsAt, from: 'deliberation', version };
    expect(head.stateDigest).toBe(await digestState(nodeSha256, moved));
    expect(doc).toMatchObject({ kind: 'notice', programmeId: 'city', roundId, publishedAt: res.body.stageSince });
    expect(doc.programmeName['zh-CN']).toBeTruthy();
    expect(doc.notice).toEqual({ openedAt: round.noticeOpenedAt, endsAt: round.noticeEndsAt, days: seeded.config.publicNoticeDays });
    expect(Date.parse(doc.notice.endsAt) - Date.parse(doc.notice.openedAt)).toBe(seeded.config.publicNoticeDays * 24 * 60 * 60 * 1000);
    // Proposed winners only (not the one voted down, nor the one a department objected to), placed 1, 2, 3 in the list.
    expect(doc.entries).toEqual(expectedEntries(seeded, seeded.proposed));
    expect(doc.entries.map((e: { finalScore: string }) => e.finalScore)).toEqual(['812.35', '790.23', '746.01']);
    // Nothing about people: no actor, no stage scores.
    const text = bytes.toString('utf8');
    for (const word of ['personId', 'byName', '"by"', 'system', 'material', 'onSite', 'defense', 'results', '评审委员会办公室']) expect(text).not.toContain(word);
  });

  it('lets a supervisor read the publications and the chain export, and refuses their writes with 403', async () => {
    const list = await api('GET', `${base(roundId)}/publications`, { cookie: supervisor });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ roundId, roundStage: 'publicNotice' });
    expect(list.body.publications.map((p: { kind: string }) => p.kind)).toEqual(['notice']);
    const exported = await exportChain(roundId, supervisor);
    expect(exported).toEqual(await roundEntries(roundId));
    await refused(roundId, 403, 'FORBIDDEN', () => api('POST', `${base(roundId)}/publications`, { cookie: supervisor, body: { version } }));
    await refused(roundId, 403, 'FORBIDDEN', () => api('POST', `${base(roundId)}/objections`, { cookie: supervisor, body: objectionBody(seeded.proposed[0]!) }));
  });

  it('records a written, real-name objection with evidence against a proposed winner (one objection.filed entry, by application)', async () => {
    const target = seeded.proposed[0]!;
    const res = await appends(roundId, ['objection.filed'], () => api('POST', `${base(roundId)}/objections`, { cookie: admin, body: objectionBody(target) }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ roundId, applicationId: target, objectorName: '张实名', organisation: seeded.standings[0]!.organisation });
    expect(res.body.objectionId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(res.body.resolution).toBeUndefined();
    const entry = (await roundEntries(roundId)).at(-1)!;
    expect(entry).toMatchObject({ action: 'objection.filed', target: { type: 'objection', id: res.body.objectionId }, context: { applicationId: target } });
    against.upheld = res.body.objectionId;
  });

  it('refuses an objection against an organisation that is not a proposed winner with 422 NOT_PROPOSED, and a malformed one with 400', async () => {
    const votedDown = seeded.standings.find((s) => s.fate === 'notProposed')!.applicationId;
    const objected = seeded.standings.find((s) => s.fate === 'objected')!.applicationId;
    for (const id of [votedDown, objected, 'no-such-application']) {
      await refused(roundId, 422, 'NOT_PROPOSED', () => api('POST', `${base(roundId)}/objections`, { cookie: admin, body: objectionBody(id) }));
    }
    const { evidence: _e, ...withoutEvidence } = objectionBody(seeded.proposed[1]!);
    await refused(roundId, 400, 'VALIDATION_FAILED', () => api('POST', `${base(roundId)}/objections`, { cookie: admin, body: withoutEvidence }));
    await refused(roundId, 400, 'VALIDATION_FAILED', () => api('POST', `${base(roundId)}/objections`, { cookie: admin, body: { ...objectionBody(seeded.proposed[1]!), objectorName: '   ' } }));
  });

  it('refuses the announcement with 422 NOTICE_PERIOD_NOT_OVER while the notice runs', async () => {
    const res = await refused(roundId, 422, 'NOTICE_PERIOD_NOT_OVER', () => moveTo(roundId, 'announcement', version, admin));
    expect(res.body.error.details).toHaveProperty('endsAt');
    // People read the end in Beijing time, as they write it (2026年12月5日 18:00 / 5 Dec 2026, 18:00), never as ISO UTC.
    const endsAt = new Date(res.body.error.details.endsAt);
    const beijing = new Date(endsAt.getTime() + 8 * 3600_000);
    const [y, m, d, hh, mm] = [beijing.getUTCFullYear(), beijing.getUTCMonth() + 1, beijing.getUTCDate(), beijing.getUTCHours(), beijing.getUTCMinutes()];
    const two = (n: number) => String(n).padStart(2, '0');
    expect(res.body.error.message['zh-CN']).toBe(`公示期尚未结束（${y}年${m}月${d}日 ${two(hh)}:${two(mm)} 结束）。`);
    expect(res.body.error.message.en).toContain(`(ends ${d} ${endsAt.toLocaleString('en-GB', { month: 'short', timeZone: 'Asia/Shanghai' })} ${y}, ${two(hh)}:${two(mm)})`);
    expect(JSON.stringify(res.body.error.message)).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });

  it('resolves an objection once (objection.resolved), then 409 OBJECTION_RESOLVED; an unknown one is 404', async () => {
    const second = await appends(roundId, ['objection.filed'], () => api('POST', `${base(roundId)}/objections`, { cookie: admin, body: objectionBody(seeded.proposed[1]!, '李实名') }));
    expect(second.status).toBe(201);
    against.dismissed = second.body.objectionId;

    const upheld = await appends(roundId, ['objection.resolved'], () =>
      api('POST', `${base(roundId)}/objections/${against.upheld}/resolution`, { cookie: admin, body: { upheld: true, reason: '经核实，异议属实。' } }),
    );
    expect(upheld.status, JSON.stringify(upheld.body)).toBe(200);
    expect(upheld.body.resolution).toMatchObject({ upheld: true, reason: '经核实，异议属实。' });
    expect((await roundEntries(roundId)).at(-1)).toMatchObject({ target: { type: 'objection', id: against.upheld }, context: { applicationId: seeded.proposed[0] } });

    await refused(roundId, 409, 'OBJECTION_RESOLVED', () =>
      api('POST', `${base(roundId)}/objections/${against.upheld}/resolution`, { cookie: admin, body: { upheld: false, reason: '改变主意。' } }),
    );
    await refused(roundId, 404, 'NOT_FOUND', () => api('POST', `${base(roundId)}/objections/01ARZ3NDEKTSV4RRFFQ69G5FAV/resolution`, { cookie: admin, body: { upheld: false, reason: '无此异议。' } }));
    await refused(roundId, 400, 'VALIDATION_FAILED', () => api('POST', `${base(roundId)}/objections/${against.dismissed}/resolution`, { cookie: admin, body: { upheld: false, reason: '' } }));
  });

  it('shows the office and supervisors the period, the proposed winners (one not awarded) and every objection', async () => {
    const res = await api('GET', `${base(roundId)}/objections`, { cookie: supervisor });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ roundId, roundStage: 'publicNotice', roundVersion: version });
    expect(res.body.notice.endsAt).toBeTruthy();
    expect(res.body.proposed.map((p: { applicationId: string; notAwarded: boolean }) => [p.applicationId, p.notAwarded])).toEqual(
      seeded.proposed.map((id, i) => [id, i === 0]),
    );
    expect(res.body.objections.map((o: { objectionId: string; resolution?: { upheld: boolean } }) => [o.objectionId, o.resolution?.upheld])).toEqual([
      [against.upheld, true],
      [against.dismissed, undefined],
    ]);
  });

  it('refuses an objection after the period with 422 NOTICE_PERIOD_OVER, and the announcement with 422 OBJECTIONS_OPEN while one is open', async () => {
    // Time passing (tests only): the notice period is moved into the past straight in the table.
    await endNoticePeriod(roundId);
    await refused(roundId, 422, 'NOTICE_PERIOD_OVER', () => api('POST', `${base(roundId)}/objections`, { cookie: admin, body: objectionBody(seeded.proposed[2]!) }));
    const res = await refused(roundId, 422, 'OBJECTIONS_OPEN', () => moveTo(roundId, 'announcement', version, admin));
    expect(res.body.error.details).toEqual({ count: 1 });
  });

  it('announces once the last objection is resolved (after the period): the winners without the upheld one, the move entry as head', async () => {
    const dismissed = await appends(roundId, ['objection.resolved'], () =>
      api('POST', `${base(roundId)}/objections/${against.dismissed}/resolution`, { cookie: admin, body: { upheld: false, reason: '异议缺乏依据。' } }),
    );
    expect(dismissed.status).toBe(200);

    const res = await appends(roundId, ['round.stageMoved', 'publication.published'], () => moveTo(roundId, 'announcement', version, admin));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ stage: 'announcement', publication: { kind: 'announcement', published: true } });
    version = res.body.version;

    const { doc, bytes, head } = await expectPublished(roundId, 'announcement', 'round.stageMoved');
    expect(head.context?.stage).toBe('announcement');
    expect(doc.kind).toBe('announcement');
    expect(doc.entries).toEqual(expectedEntries(seeded, seeded.proposed.slice(1)));
    const text = bytes.toString('utf8');
    for (const word of ['张实名', '李实名', '138-0000-0000', 'example.org', '异议', 'objection']) expect(text).not.toContain(word);
    // The notice stays as it was published.
    expect((await fetchResult(`/results/${roundId}/notice.json`)).json.entries).toHaveLength(3);
  });

  it('takes no objection and no resolution after the announcement', async () => {
    await refused(roundId, 422, 'STAGE_CLOSED', () => api('POST', `${base(roundId)}/objections`, { cookie: admin, body: objectionBody(seeded.proposed[1]!) }));
    await refused(roundId, 409, 'OBJECTION_RESOLVED', () =>
      api('POST', `${base(roundId)}/objections/${against.dismissed}/resolution`, { cookie: admin, body: { upheld: true, reason: '再议。' } }),
    );
  });

  it('publishes the announcement again with the current head (stale version: 409), one publication.published entry', async () => {
    await refused(roundId, 409, 'CONFLICT', () => api('POST', `${base(roundId)}/publications`, { cookie: admin, body: { version: version - 1 } }));
    const headBefore = (await roundEntries(roundId)).at(-1)!;
    const res = await appends(roundId, ['publication.published'], () => api('POST', `${base(roundId)}/publications`, { cookie: admin, body: { version } }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.publications.map((p: { kind: string }) => p.kind)).toEqual(['notice', 'announcement', 'announcement']);
    const { head, doc } = await expectPublished(roundId, 'announcement', 'publication.published');
    expect(head.seq).toBe(headBefore.seq);
    expect(doc.entries).toEqual(expectedEntries(seeded, seeded.proposed.slice(1)));
  });

  it("answers another programme's administrator 404 for every route of the round, and writes nothing", async () => {
    const foreign = await foreignAdmin();
    const anyObjection = against.dismissed!;
    for (const [method, path, body] of [
      ['GET', `${base(roundId)}/objections`, undefined],
      ['GET', `${base(roundId)}/publications`, undefined],
      ['POST', `${base(roundId)}/objections`, objectionBody(seeded.proposed[1]!)],
      ['POST', `${base(roundId)}/objections/${anyObjection}/resolution`, { upheld: true, reason: '越权。' }],
      ['POST', `${base(roundId)}/publications`, { version }],
    ] as const) {
      await refused(roundId, 404, 'NOT_FOUND', () => api(method, path, { cookie: foreign, ...(body ? { body } : {}) }));
    }
  });

  it('left a chain that verifies, exported over the API', async () => {
    const entries: AuditEntry[] = await exportChain(roundId, supervisor);
    expect((await verifyChain(nodeSha256, roundScope(roundId), entries)).ok).toBe(true);
    expect(entries.filter((e) => e.action === 'publication.published')).toHaveLength(3);
  });
});

describe('a publication that fails after the stage move', () => {
  let roundId: string;

  it('leaves the move standing, says so in the answer, and the office publishes the notice again with the move as head', async () => {
    // Prepare: the publication function's deps with a web bucket that refuses every write (a fault, not a mock of the logic).
    const seeded = await seedDeliberatedRound(['proposed', 'proposed']);
    roundId = seeded.round.roundId;
    const rt = await stackRuntime();
    const { awards, outcome } = await outcomeTables();
    const errors: unknown[] = [];
    const deps = {
      audit: rt.audit,
      awards,
      outcome,
      applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
      reviews: new ReviewProgressReader(rt.clients.ddb, tableName(rt.config, 'reviews')),
      config: rt.config,
      clients: { s3: { send: async () => Promise.reject(new Error('S3 is down')) } as unknown as typeof rt.clients.s3 },
      logger: { error: (...args: unknown[]) => void errors.push(args) },
    };
    const session: Session = { sessionId: 'test', personId: 'office-test', role: 'admin', programmeId: 'city', email: 'office@merit.test', name: '办公室', expiresAt: '' };

    // Act
    const answer = await appends(roundId, ['round.stageMoved'], () => moveRoundStage(deps, session, roundId, { to: 'publicNotice', version: 1 }, new Date(), 'test-fault'));

    // Assess: moved, not published, logged; nothing recorded and nothing on the site.
    expect(answer).toMatchObject({ stage: 'publicNotice', version: 2, publication: { kind: 'notice', published: false } });
    expect(errors).toHaveLength(1);
    expect((await outcome.ofRound(roundId)).publications).toEqual([]);
    expect((await fetchResult(`/results/${roundId}/notice.json`)).status).toBe(404);

    const admin = await signInAdmin();
    const again = await appends(roundId, ['publication.published'], () => api('POST', `${base(roundId)}/publications`, { cookie: admin, body: { version: 2 } }));
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const { doc } = await expectPublished(roundId, 'notice', 'round.stageMoved');
    expect(doc.entries).toEqual(expectedEntries(seeded, seeded.proposed));
  });

  it('lets no objection land once the round moved on after the office read it: the fresh read answers 422 STAGE_CLOSED', async () => {
    // Prepare: the office's page read the round while the notice was open; then the period ended and the round was announced.
    const { awards, outcome } = await outcomeTables();
    const stale = (await awards.getProgrammeRound('city', roundId))!;
    const ended = await endNoticePeriod(roundId);
    const announced = await moveTo(roundId, 'announcement', ended.version);
    expect(announced.status, JSON.stringify(announced.body)).toBe(200);
    const proposed = (await outcome.ofRound(roundId)).votes[0]!.applicationId;
    // The first read returns the stale round (as if the move landed between the read and the write).
    let reads = 0;
    const racingAwards = Object.assign(Object.create(awards) as typeof awards, {
      getProgrammeRound: async (programmeId: string, id: string) => (reads++ === 0 ? stale : awards.getProgrammeRound(programmeId, id)),
    });
    const rt = await stackRuntime();
    const session: Session = { sessionId: 'test', personId: 'office-test', role: 'admin', programmeId: 'city', email: 'office@merit.test', name: '办公室', expiresAt: '' };

    // Act
    const error = await appends(roundId, [], () =>
      fileObjection({ audit: rt.audit, awards: racingAwards, outcome }, session, roundId, objectionBody(proposed), new Date(), 'test-race').then(
        () => undefined,
        (e: unknown) => e,
      ),
    );

    // Assess: refused, no entry, no objection.
    expect(error).toMatchObject({ code: 'STAGE_CLOSED', status: 422 });
    expect(reads).toBe(2);
    expect((await outcome.ofRound(roundId)).objections).toEqual([]);
  });
});
