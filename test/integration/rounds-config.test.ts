import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestState, roundScope } from '../../shared/audit/chain';
import type { RoundView } from '../../shared/api/rounds';
import type { RoundConfig } from '../../shared/round';
import { nodeSha256 } from '../../functions/lib/audit/log';
import { AwardsStore } from '../../functions/lib/awards/store';
import { tableName } from '../../functions/lib/config';
import { api, signInAdmin, uniqueEmail } from './helpers';
import { registeredApplicant, registration, signInApplicant, stackRuntime } from './applications-helpers';
import { foreignAdmin, invitedPerson, moveRoundTo } from './reviews-helpers';
import { chainActions, moveTo, seedOtherProgramme } from './rounds-helpers';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const ROUNDS = '/api/publication/rounds';
const roundPath = (roundId: string) => `${ROUNDS}/${encodeURIComponent(roundId)}`;

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

/** Stage dates with registration opening `opensInDays` from now (negative: already open); every later date well ahead. */
function dates(opensInDays: number, now = Date.now()): RoundConfig['dates'] {
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  return {
    registrationOpens: at(opensInDays),
    registrationCloses: at(30),
    submissionDeadline: at(40),
    materialReviewDeadline: at(70),
    onSiteDeadline: at(100),
    defenseDate: at(130),
  };
}

const freshId = (label: string) => `city-${label}-${Date.now().toString(36)}-${randomInt(1e6)}`;
const roundName = { 'zh-CN': '第二届市政府质量奖（2027年）', en: 'City Government Quality Award, second round (2027)' };

// Created rounds open a day ago unless a test needs otherwise: the public list puts the latest opening first, and other
// test files read the first round of `city` as the demo round open for registration (gateway.test.ts).
/** Creates a round through the API as the office (only dates and a quota given: the rest are defaults). */
async function createRound(options: { roundId?: string; opensInDays?: number; cookie?: string; config?: unknown } = {}) {
  const roundId = options.roundId ?? freshId('cfg');
  const res = await api('POST', ROUNDS, {
    cookie: options.cookie ?? (await signInAdmin()),
    body: { roundId, name: roundName, config: options.config ?? { dates: dates(options.opensInDays ?? -1), winnersQuota: 5 } },
  });
  return { roundId, res };
}

async function createdRound(opensInDays = -1): Promise<RoundView> {
  const { res } = await createRound({ opensInDays });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as RoundView;
}

const configure = async (roundId: string, body: { name?: unknown; config: unknown; version: number }, cookie?: string) =>
  api('PUT', roundPath(roundId), { cookie: cookie ?? (await signInAdmin()), body });

/** A public-site round, as GET /api/publication/programmes lists it. */
async function publicRound(roundId: string) {
  const res = await api('GET', '/api/publication/programmes');
  for (const p of res.body.programmes as { rounds: { roundId: string; stage: string; registrationOpens: string; submissionDeadline: string }[] }[]) {
    const round = p.rounds.find((r) => r.roundId === roundId);
    if (round) return round;
  }
  return undefined;
}

/** The round record as stored (any programme's). */
async function storedRound(roundId: string) {
  const rt = await stackRuntime();
  return new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards')).getRound(roundId);
}

/** Runs a call and checks that it wrote nothing: no entry on the round's chain, the round as it was. */
async function nothingWritten<T>(roundId: string, run: () => Promise<T>): Promise<T> {
  const actions = await chainActions(roundId);
  const before = await storedRound(roundId);
  const result = await run();
  expect(await chainActions(roundId)).toEqual(actions);
  expect(await storedRound(roundId)).toEqual(before);
  return result;
}

/** Checks that the newest entry of the round's chain is `action` with this context, and that it chains exactly `state`. */
async function newestEntry(roundId: string, action: string, context: Record<string, string>, state: unknown) {
  const rt = await stackRuntime();
  const entry = await rt.audit.caughtUp(roundScope(roundId));
  expect(entry).toMatchObject({ action, context, target: { type: 'round', id: roundId }, actor: { role: 'admin' } });
  expect(entry!.stateDigest).toBe(await digestState(nodeSha256, state));
}

describe('the office creates a round (the call)', () => {
  it('answers 201 with the round at the call, version 1, its configuration with every default filled, nothing locked', async () => {
    const { roundId, res } = await createRound();
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ roundId, programmeId: 'city', name: roundName, stage: 'call', version: 1, configurable: true, lockedFields: [] });
    expect(Date.parse(res.body.stageSince!)).toBeGreaterThan(Date.now() - 60_000);
    // Defaults filled: the shortlist follows the quota given (2 × 5), the weights and the checklist are the defaults.
    expect(res.body.config).toMatchObject({ winnersQuota: 5, siteVisitShortlistSize: 10, candidateThreshold: 500, weights: { material: 0.3, onSite: 0.5, defense: 0.2 } });
    expect(res.body.config.eligibility.length).toBeGreaterThan(0);
  });

  it('appends exactly one audited round.created entry, chaining the stored round', async () => {
    const round = await createdRound();
    expect(await chainActions(round.roundId)).toEqual(['round.created']);
    const { lockedFields: _l, configurable: _c, ...stored } = round;
    await newestEntry(round.roundId, 'round.created', { stage: 'call' }, {
      ...stored,
      registrationOpens: round.config.dates.registrationOpens,
      submissionDeadline: round.config.dates.submissionDeadline,
    });
  });

  it('lists the new round in rounds.list and rounds.get, and on the public programmes list with its mirrored dates', async () => {
    const round = await createdRound();
    const cookie = await signInAdmin();
    const listed = await api('GET', ROUNDS, { cookie });
    expect(listed.status).toBe(200);
    expect((listed.body.rounds as RoundView[]).find((r) => r.roundId === round.roundId)).toEqual(round);
    expect((await api('GET', roundPath(round.roundId), { cookie })).body).toEqual(round);
    expect(await publicRound(round.roundId)).toEqual({
      roundId: round.roundId,
      name: roundName,
      stage: 'call',
      registrationOpens: round.config.dates.registrationOpens,
      submissionDeadline: round.config.dates.submissionDeadline,
    });
  });

  it('refuses an invalid configuration with 422 CONFIG_INVALID listing every issue in both languages, and writes nothing', async () => {
    const bad = {
      dates: { ...dates(10), submissionDeadline: dates(10).registrationOpens },
      weights: { material: 0.3, onSite: 0.3, defense: 0.3 },
      winnersQuota: 0,
      colour: 'blue',
    };
    const { roundId, res } = await createRound({ config: bad });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('CONFIG_INVALID');
    const issues = res.body.error.details.issues as { path: string; code: string; message: { 'zh-CN': string; en: string } }[];
    expect(issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['dates.submissionDeadline', 'CONFIG_DATES_OUT_OF_ORDER'],
        ['weights', 'CONFIG_WEIGHTS_SUM'],
        ['winnersQuota', 'CONFIG_TOO_SMALL'],
        ['colour', 'CONFIG_UNKNOWN_KEY'],
      ]),
    );
    for (const issue of issues) {
      expect(issue.message['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(issue.message.en).toMatch(/[a-z]/);
    }
    expect(res.body.error.message.en).toContain(String(issues.length));
    expect(res.body.error.message['zh-CN']).toContain(String(issues.length));
    expect(await chainActions(roundId)).toEqual([]);
    expect((await api('GET', roundPath(roundId), { cookie: await signInAdmin() })).status).toBe(404);
  });

  it('refuses an id already used with 409 ROUND_EXISTS, by this programme or by another, and writes nothing', async () => {
    const round = await createdRound();
    const again = await nothingWritten(round.roundId, async () => (await createRound({ roundId: round.roundId })).res);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ROUND_EXISTS', details: { roundId: round.roundId } });
    expect(again.body.error.message.en).toContain(round.roundId);

    const elsewhere = await seedOtherProgramme();
    const taken = await nothingWritten(elsewhere.roundId, async () => (await createRound({ roundId: elsewhere.roundId })).res);
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('ROUND_EXISTS');
    expect(await api('GET', roundPath(elsewhere.roundId), { cookie: await signInAdmin() })).toMatchObject({ status: 404 });
  });

  it('refuses a malformed round id with 400', async () => {
    for (const roundId of ['City 2027', 'ab', '-city', 'city_2027']) {
      const { res } = await createRound({ roundId });
      expect(res.status, roundId).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(await chainActions(roundId)).toEqual([]);
    }
  });
});

describe('who may read and change rounds', () => {
  let round: RoundView;
  let expert: string;
  let supervisor: string;
  let foreign: string;

  beforeAll(async () => {
    round = await createdRound();
    expert = (await invitedPerson('expert')).cookie;
    supervisor = (await invitedPerson('supervisor')).cookie;
    foreign = await foreignAdmin();
  });

  it('refuses anyone but the office and supervisors with 403 (an expert)', async () => {
    expect((await api('GET', ROUNDS, { cookie: expert })).status).toBe(403);
    expect((await api('GET', roundPath(round.roundId), { cookie: expert })).status).toBe(403);
    expect((await createRound({ cookie: expert })).res.status).toBe(403);
    const changed = await nothingWritten(round.roundId, () => configure(round.roundId, { config: round.config, name: { 'zh-CN': '改', en: 'Changed' }, version: 1 }, expert));
    expect(changed.status).toBe(403);
  });

  it('lets a supervisor of the programme read every round but neither create nor configure one', async () => {
    const listed = await api('GET', ROUNDS, { cookie: supervisor });
    expect(listed.status).toBe(200);
    expect((listed.body.rounds as RoundView[]).map((r) => r.roundId)).toContain(round.roundId);
    expect((await api('GET', roundPath(round.roundId), { cookie: supervisor })).body).toEqual(round);

    const { roundId, res } = await createRound({ cookie: supervisor });
    expect(res.status).toBe(403);
    expect(await chainActions(roundId)).toEqual([]);
    const changed = await nothingWritten(round.roundId, () => configure(round.roundId, { config: { ...round.config, winnersQuota: 7 }, version: 1 }, supervisor));
    expect(changed.status).toBe(403);
  });

  it("answers 404 to the office of another programme, for reading and changing alike, and leaves the round out of its list", async () => {
    expect((await api('GET', roundPath(round.roundId), { cookie: foreign })).status).toBe(404);
    const changed = await nothingWritten(round.roundId, () => configure(round.roundId, { config: { ...round.config, winnersQuota: 7 }, version: 1 }, foreign));
    expect(changed.status).toBe(404);
    const listed = await api('GET', ROUNDS, { cookie: foreign });
    expect(listed.status).toBe(200);
    expect((listed.body.rounds as RoundView[]).map((r) => r.roundId)).not.toContain(round.roundId);
  });
});

describe('the office configures a round at the call', () => {
  it('changes anything, dates in the past included, with one audited round.configured entry; the public list follows the dates', async () => {
    const round = await createdRound();
    const config = { ...round.config, dates: dates(-2), winnersQuota: 4, siteVisitShortlistSize: 8, weights: { material: 0.25, onSite: 0.5, defense: 0.25 }, publicNoticeDays: 10 };
    const name = { 'zh-CN': '第二届（改名）', en: 'Second round (renamed)' };
    const res = await configure(round.roundId, { name, config, version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ name, stage: 'call', version: 2, config, lockedFields: [], configurable: true });
    expect(await chainActions(round.roundId)).toEqual(['round.created', 'round.configured']);
    await newestEntry(round.roundId, 'round.configured', { stage: 'call' }, { name, config: res.body.config, version: 2 });
    expect(await publicRound(round.roundId)).toMatchObject({ name, registrationOpens: config.dates.registrationOpens, submissionDeadline: config.dates.submissionDeadline });
  });

  it('keeps the name when none is sent, and fills defaults of a configuration given in part', async () => {
    const round = await createdRound();
    const res = await configure(round.roundId, { config: { dates: round.config.dates, winnersQuota: 3 }, version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ name: roundName, version: 2, config: { winnersQuota: 3, siteVisitShortlistSize: 6 } });
  });

  it('refuses an invalid configuration with 422 CONFIG_INVALID and writes nothing', async () => {
    const round = await createdRound();
    const res = await nothingWritten(round.roundId, () => configure(round.roundId, { config: { ...round.config, weights: { material: 1, onSite: 1, defense: 1 } }, version: 1 }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CONFIG_INVALID');
    expect(res.body.error.details.issues.map((i: { code: string }) => i.code)).toContain('CONFIG_WEIGHTS_SUM');
  });

  it('refuses a stale version with 409 CONFLICT and writes nothing', async () => {
    const round = await createdRound();
    expect((await configure(round.roundId, { config: { ...round.config, winnersQuota: 4, siteVisitShortlistSize: 8 }, version: 1 })).status).toBe(200);
    const stale = await nothingWritten(round.roundId, () => configure(round.roundId, { config: { ...round.config, winnersQuota: 9, siteVisitShortlistSize: 18 }, version: 1 }));
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2, yourVersion: 1 } });
  });

  it('writes nothing when neither name nor configuration changes (also when defaults are left out), and answers the round as it is', async () => {
    const round = await createdRound();
    const same = await nothingWritten(round.roundId, () => configure(round.roundId, { name: roundName, config: round.config, version: 1 }));
    expect(same.status).toBe(200);
    expect(same.body).toEqual(round);
    const partial = await nothingWritten(round.roundId, () => configure(round.roundId, { config: { dates: round.config.dates, winnersQuota: 5 }, version: 1 }));
    expect(partial.body).toEqual(round);
  });

  it('answers 404 for a round that does not exist', async () => {
    expect((await configure(freshId('missing'), { config: { dates: dates(10) }, version: 1 })).status).toBe(404);
  });
});

describe('the office configures a round once registration has opened', () => {
  let round: RoundView;
  let version: number;

  beforeAll(async () => {
    round = await createdRound(-1);
    const moved = await moveTo(round.roundId, 'registration', 1);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    version = moved.body.version;
    round = (await api('GET', roundPath(round.roundId), { cookie: await signInAdmin() })).body;
  });

  it('shows every field but the dates as locked, and the dates that have passed', () => {
    expect(round).toMatchObject({ stage: 'registration', configurable: true });
    expect(round.lockedFields).toEqual(expect.arrayContaining(['winnersQuota', 'weights', 'eligibility', 'candidateThreshold', 'dates.registrationOpens']));
    expect(round.lockedFields).not.toContain('dates');
    expect(round.lockedFields).not.toContain('dates.submissionDeadline');
  });

  it('moves dates still ahead to other dates ahead, and renames, with one audited entry', async () => {
    const config = { ...round.config, dates: { ...round.config.dates, registrationCloses: new Date(Date.now() + 35 * DAY).toISOString(), submissionDeadline: new Date(Date.now() + 45 * DAY).toISOString() } };
    const name = { 'zh-CN': '第二届（延期）', en: 'Second round (extended)' };
    const before = await chainActions(round.roundId);
    const res = await configure(round.roundId, { name, config, version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ name, stage: 'registration', config, version: version + 1 });
    expect((await chainActions(round.roundId)).slice(before.length)).toEqual(['round.configured']);
    await newestEntry(round.roundId, 'round.configured', { stage: 'registration' }, { name, config, version: version + 1 });
    expect(await publicRound(round.roundId)).toMatchObject({ submissionDeadline: config.dates.submissionDeadline });
    round = res.body;
    version = res.body.version;
  });

  it('refuses a new quota with 422 CONFIG_LOCKED naming the field, and writes nothing', async () => {
    const res = await nothingWritten(round.roundId, () => configure(round.roundId, { config: { ...round.config, winnersQuota: 8, siteVisitShortlistSize: 16 }, version }));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'CONFIG_LOCKED', details: { fields: ['winnersQuota', 'siteVisitShortlistSize'] } });
    expect(res.body.error.message.en).toContain('winnersQuota, siteVisitShortlistSize');
    expect(res.body.error.message['zh-CN']).toContain('winnersQuota');
  });

  it('refuses moving a date that has passed with 422 CONFIG_LOCKED naming dates.<field>', async () => {
    const opens = new Date(Date.parse(round.config.dates.registrationOpens) - HOUR).toISOString();
    const res = await nothingWritten(round.roundId, () => configure(round.roundId, { config: { ...round.config, dates: { ...round.config.dates, registrationOpens: opens } }, version }));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'CONFIG_LOCKED', details: { fields: ['dates.registrationOpens'] } });
  });

  it('refuses moving a date still ahead into the past with 422 CONFIG_LOCKED', async () => {
    const closes = new Date(Date.now() - HOUR).toISOString();
    const res = await nothingWritten(round.roundId, () => configure(round.roundId, { config: { ...round.config, dates: { ...round.config.dates, registrationCloses: closes } }, version }));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'CONFIG_LOCKED', details: { fields: ['dates.registrationCloses'] } });
  });

  it('lists every locked field of one change together', async () => {
    const config = { ...round.config, candidateThreshold: 400, dates: { ...round.config.dates, registrationOpens: new Date(Date.now() - 2 * DAY).toISOString() } };
    const res = await nothingWritten(round.roundId, () => configure(round.roundId, { config, version }));
    expect(res.body.error).toMatchObject({ code: 'CONFIG_LOCKED', details: { fields: ['candidateThreshold', 'dates.registrationOpens'] } });
  });

  it('refuses any change at the announcement with 422 STAGE_CLOSED, and shows everything locked', async () => {
    await moveRoundTo(round.roundId, 'announcement');
    const closed = (await api('GET', roundPath(round.roundId), { cookie: await signInAdmin() })).body as RoundView;
    expect(closed).toMatchObject({ stage: 'announcement', configurable: false });
    expect(closed.lockedFields).toEqual(expect.arrayContaining(['dates', 'winnersQuota', 'eligibility']));
    const res = await nothingWritten(round.roundId, () => configure(round.roundId, { name: { 'zh-CN': '改名', en: 'Renamed' }, config: closed.config, version: closed.version }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('STAGE_CLOSED');
  });
});

describe('a created round opens for registration', () => {
  it('moves to registration only once its opening date has passed, then takes registrations', async () => {
    const round = await createdRound(1);
    const early = await nothingWritten(round.roundId, () => moveTo(round.roundId, 'registration', 1));
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('REGISTRATION_NOT_OPEN');

    // At the call the office may still bring the opening forward, to a moment already past.
    const opened = await configure(round.roundId, { config: { ...round.config, dates: { ...round.config.dates, registrationOpens: new Date(Date.now() - DAY).toISOString() } }, version: 1 });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    // Its window is open now, but the round is still at the call (its rules may yet change): no registration.
    const cookie = await signInApplicant(uniqueEmail('rounds-config-early'));
    const refused = await nothingWritten(round.roundId, () => api('POST', '/api/submission/applications', { cookie, body: registration(round.roundId) }));
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.error.code).toBe('REGISTRATION_CLOSED');
    const moved = await moveTo(round.roundId, 'registration', 2);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ stage: 'registration', version: 3 });

    const { application } = await registeredApplicant(round.roundId, uniqueEmail('rounds-config'));
    expect(application).toMatchObject({ roundId: round.roundId, status: 'registered' });
    expect(await chainActions(round.roundId)).toEqual(['round.created', 'round.configured', 'round.stageMoved', 'application.registered']);
  });
});
