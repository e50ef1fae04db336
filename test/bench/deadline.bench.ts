/**
 * The write path at the deadline (issue 11): one in-memory local stack
 * (dynalite behind the local transaction front, s3rver, the gateway with the
 * three functions in this process), and each measurement against a baseline
 * measured on the same stack in the same run:
 * 1. saving scorecards through HTTP with 10, 50 and 200 concurrent experts in
 *    one round, against raw TransactWriteItems of the same items (the card,
 *    the assignment check, one extra item for the audit intent) sent by as
 *    many concurrent writers to the same local DynamoDB; BUSY share, false
 *    conflicts, and after the 200-writer run: the round's chain verifies and
 *    holds an entry for every acknowledged save;
 * 2. 541 concurrent registrations into one open round: all answered, stored
 *    once, one chain entry each; latency against the raw transaction;
 * 3. the linker's throughput against one sequential writer of conditional puts;
 * 4. verifying 10,000 chain entries against hashing their canonical JSON once;
 * 5. publishing a round of 170 applicants (the move to the public notice)
 *    against writing the same document to s3rver directly.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { monotonicFactory } from 'ulid';
import { canonicalJson, linkEntry, roundScope, verifyChain, type AuditEntry } from '../../shared/audit/chain';
import { SYSTEM_ACTOR } from '../../shared/audit/actions';
import { AuditLog, nodeSha256, type TransactItem } from '../../functions/lib/audit/log';
import { chainKey, intentKey, Linker, seqKey } from '../../functions/lib/audit/linker';
import type { AssignmentRecord } from '../../functions/lib/reviews/repository';
import { bucketName } from '../../functions/lib/config';
import { createRuntime, type Runtime } from '../../functions/lib/runtime';
import { startLocalStack } from '../../infra/local/stack';
import { measurement, median, percentile, type Measurement, type Suite } from './harness';
import {
  applicationRecord,
  call,
  cardRecord,
  draftItems,
  exchange,
  pool,
  registrationBody,
  seedDeliberatedRound,
  seedReviewTeams,
  seedRound,
  signedInApplicants,
  signedInPeople,
  stores,
} from './deadline-setup';

/** Issue 11: saving at the deadline costs at most 3× the raw transaction of its own items. */
const SAVE_BUDGET = 3;
const CONCURRENCY = [10, 50, 200] as const;
// MERIT_BENCH_WRITERS=50 runs only that many writers (while working on one).
const WRITERS = process.env.MERIT_BENCH_WRITERS ? CONCURRENCY.filter((n) => process.env.MERIT_BENCH_WRITERS!.split(',').includes(String(n))) : CONCURRENCY;
/** How long each writer saves, per concurrency (a few seconds; longer with more writers, so each saves often enough). */
// Long enough for a p99 of several hundred saves at 10 experts (the 2nd-worst of 200 swung the ratio by a third),
// in four turns each so the machine's changing load weighs on the baseline and the saves alike.
const SAVE_SECONDS: Record<(typeof CONCURRENCY)[number], number> = { 10: 8, 50: 8, 200: 10 };
const SLICES = 4;
/** Untimed saves and raw writes first, as a warm container has run its code paths (the first saves compile them). */
const WARM_UP_SECONDS = 1;
const TEAM_SIZE = 5;
const REGISTRATIONS = 541;
const LINKED_INTENTS = 5_000;
/**
 * The linker is a sequencer like the baseline's one writer, but each intent it links is two conditional writes (the
 * entry's put, the intent's delete): parity per write is 0.5×. The floor leaves a fifth of that for the local
 * transaction emulation (each condition evaluated on a shadow copy first) and the two reads per batch.
 */
const LINKER_FLOOR = 0.4;
const VERIFIED_ENTRIES = 10_000;
const VERIFY_BUDGET = 3;
const NOTICE_APPLICANTS = 170;
const NOTICE_CANDIDATES = 30;
const PUBLISHED_ROUNDS = 3;
/**
 * Generous: moving to the public notice reads the round's 170 applications, their reviews and the outcome, commits the
 * move, drains the chain, reads the outcome again, writes the document and commits its record — about a dozen calls to
 * the local DynamoDB, each several times the cost of one S3 put of a 1.4 KB document on s3rver.
 */
const PUBLISH_BUDGET = 150;

const log = (line: string) => console.log(`    · ${line}`);
const ratio = (value: number) => Number(value.toFixed(2));
const ms = (value: number) => `${value.toFixed(1)} ms`;
const sleep = (millis: number) => new Promise((r) => setTimeout(r, millis));
const nextIntentId = monotonicFactory();

/** An audit intent as AuditLog.commit writes it (the baseline's extra item: same table, same size). */
function intentItem(scope: string) {
  const intentId = nextIntentId();
  return {
    ...intentKey(scope, intentId),
    intentId,
    scope,
    at: new Date().toISOString(),
    actor: { personId: '01JBENCHBASELINE000000000', role: 'expert' },
    action: 'scorecard.saved',
    target: { type: 'scorecard', id: `${scope}/${intentId}` },
    context: { stage: 'materialReview' },
    stateDigest: 'f'.repeat(64),
    requestId: crypto.randomUUID(),
  };
}

/** A raw transaction: the change's items and one extra item, straight to the local DynamoDB. */
async function rawTransaction(ddb: DynamoDBDocumentClient, items: TransactItem[]): Promise<string> {
  try {
    await ddb.send(new TransactWriteCommand({ TransactItems: items }));
    return 'ok';
  } catch (error) {
    if (error instanceof TransactionCanceledException) return (error.CancellationReasons ?? []).map((r) => r.Code).join(',');
    throw error;
  }
}

interface SaveRun {
  readonly latencies: number[];
  readonly acked: Map<string, number>;
  busy: number;
  falseConflicts: number;
  other: Map<string, number>;
}

/** Every expert saves their own whole card, again and again, for `seconds`, through HTTP; each writer follows the version it was given. */
async function saveCards(baseUrl: string, experts: readonly { cookie: string; assignment: AssignmentRecord }[], versions: Map<string, number>, seconds: number, run: SaveRun) {
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    experts.map(async ({ cookie, assignment }, w) => {
      const card = `${assignment.applicationId}/materialReview/${assignment.reviewerId}`;
      const path = `/api/scoring/applications/${assignment.applicationId}/scorecards/materialReview/mine`;
      let save = w;
      while (performance.now() < until) {
        const version = versions.get(card) ?? 0;
        const res = await call(baseUrl, 'PUT', path, { cookie, body: { items: draftItems(++save), version } });
        run.latencies.push(res.ms);
        if (res.status === 200) {
          versions.set(card, res.body.version as number);
          run.acked.set(card, (run.acked.get(card) ?? 0) + 1);
        } else if (res.status === 503) {
          run.busy += 1;
        } else if (res.status === 409 && res.body?.error?.code === 'CONFLICT') {
          // The version sent is the one this writer was just given: nobody else writes this card.
          run.falseConflicts += 1;
          const read = await call(baseUrl, 'GET', path, { cookie });
          if (read.status === 200) versions.set(card, read.body.version as number);
        } else {
          const key = `${res.status} ${res.body?.error?.code ?? ''}`.trim();
          run.other.set(key, (run.other.get(key) ?? 0) + 1);
        }
      }
    }),
  );
}

/** The baseline writers: each its own card item, the assignment's condition check and an intent-sized extra item, in one raw transaction. */
async function rawCardWrites(rt: Runtime, assignments: readonly AssignmentRecord[], versions: Map<string, number>, seconds: number, latencies: number[]) {
  const { reviews, auditTables } = stores(rt);
  const scope = `bench:baseline-cards-${Date.now().toString(36)}`;
  let failed = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    assignments.map(async (assignment, w) => {
      let version = versions.get(assignment.reviewerId) ?? 0;
      let save = w;
      while (performance.now() < until) {
        const card = cardRecord(assignment, ++save, version + 1);
        const start = performance.now();
        const result = await rawTransaction(rt.clients.ddb, [
          reviews.cardPut(card, version),
          reviews.assignmentUnchanged(assignment),
          { Put: { TableName: auditTables.intents, Item: intentItem(scope), ConditionExpression: 'attribute_not_exists(pk)' } },
        ]);
        latencies.push(performance.now() - start);
        if (result === 'ok') versions.set(assignment.reviewerId, ++version);
        else {
          failed += 1;
          if (failed < 4) log(`raw transaction cancelled: ${result} (writer ${w}, version ${version})`);
        }
      }
    }),
  );
  return failed;
}

/** Baseline assignments of a round of their own (the raw writers' condition checks need them stored). */
async function baselineAssignments(rt: Runtime, like: readonly AssignmentRecord[]): Promise<AssignmentRecord[]> {
  const { reviews } = stores(rt);
  const roundId = `bench-baseline-${Date.now().toString(36)}`;
  const copies = like.map((a) => ({ ...a, roundId }));
  await pool(copies, 16, (a) => rt.clients.ddb.send(new PutCommand(reviews.assignmentPut(a).Put! as never)));
  return copies;
}

/** The linker in a process of its own (linker-process.ts), draining `scope` until stopped. */
async function linkerProcess(env: NodeJS.ProcessEnv, scope: string): Promise<{ stop: () => Promise<void> }> {
  const child = fork(fileURLToPath(new URL('./linker-process.ts', import.meta.url)), [scope], { env: { ...process.env, ...env }, execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the bench linker exited (${code}) before it was ready`)));
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

async function scorecardBenchmarks(rt: Runtime, baseUrl: string, env: NodeJS.ProcessEnv): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const most = Math.max(...WRITERS);
  log(`seeding ${most} experts in teams of ${TEAM_SIZE}, signed in through the exchange route`);
  const people = await signedInPeople(rt, baseUrl, 'expert', most, 'expert');
  const { round, assignments } = await seedReviewTeams(rt, people, TEAM_SIZE);
  const experts = people.map((p, i) => ({ cookie: p.cookie, assignment: assignments[i]! }));
  const baseline = await baselineAssignments(rt, assignments);
  const scope = roundScope(round.roundId);
  await rt.audit.caughtUp(scope);
  const versions = new Map<string, number>();
  const rawVersions = new Map<string, number>();
  const acked = new Map<string, number>();

  // As in AWS, no save links the chain in its own process: the linker runs in a process of its own (the stack runs
  // with MERIT_LOCAL_LINKER=off); it still loads the same dynalite, and the chain is checked after the runs.
  const linker = await linkerProcess(env, scope);
  const warmUp: SaveRun = { latencies: [], acked, busy: 0, falseConflicts: 0, other: new Map() };
  await rawCardWrites(rt, baseline.slice(0, Math.min(...WRITERS)), rawVersions, WARM_UP_SECONDS, []);
  await saveCards(baseUrl, experts.slice(0, Math.min(...WRITERS)), versions, WARM_UP_SECONDS, warmUp);
  await rt.audit.caughtUp(scope);
  const warmUpFailures = warmUp.busy + warmUp.falseConflicts + [...warmUp.other.values()].reduce((a, b) => a + b, 0);
  out.push(measurement('save scorecard, warm-up: failures (BUSY, false conflicts, other)', warmUpFailures, 'count', 0, { detail: `${warmUp.latencies.length} saves` }));

  for (const n of WRITERS) {
    const run: SaveRun = { latencies: [], acked, busy: 0, falseConflicts: 0, other: new Map() };
    const raw: number[] = [];
    let rawFailed = 0;
    // Baseline and saves take turns (twice each), so the shared machine's changing load weighs on both alike.
    for (let slice = 0; slice < SLICES; slice++) {
      rawFailed += await rawCardWrites(rt, baseline.slice(0, n), rawVersions, SAVE_SECONDS[n] / SLICES, raw);
      await saveCards(baseUrl, experts.slice(0, n), versions, SAVE_SECONDS[n] / SLICES, run);
      // The linker catches up before the baseline's next turn, so it does not pay for the saves' backlog.
      await rt.audit.caughtUp(scope);
    }
    const [p50, p99, r50, r99] = [percentile(run.latencies, 50), percentile(run.latencies, 99), percentile(raw, 50), percentile(raw, 99)];
    const requests = run.latencies.length;
    log(`${n} writers: ${requests} saves, ${raw.length} raw transactions (${rawFailed} cancelled), other answers: ${JSON.stringify(Object.fromEntries(run.other))}; saves p50/p90/p95/p99/max ${[50, 90, 95, 99, 100].map((q) => ms(percentile(run.latencies, q))).join(' / ')}, raw ${[50, 90, 95, 99, 100].map((q) => ms(percentile(raw, q))).join(' / ')}`);
    out.push(
      measurement(`save scorecard, ${n} experts: p50 vs raw transaction`, ratio(p50 / r50), '×', SAVE_BUDGET, { detail: `${ms(p50)} vs ${ms(r50)}, ${requests} saves` }),
      measurement(`save scorecard, ${n} experts: p99 vs raw transaction`, ratio(p99 / r99), '×', SAVE_BUDGET, { detail: `${ms(p99)} vs ${ms(r99)}` }),
      measurement(`save scorecard, ${n} experts: BUSY (503) share`, Number(((100 * run.busy) / requests).toFixed(2)), '%', 0, { detail: `${run.busy} of ${requests}` }),
      measurement(`save scorecard, ${n} experts: false conflicts (409)`, run.falseConflicts, 'count', 0),
      measurement(`save scorecard, ${n} experts: other failures`, [...run.other.values()].reduce((a, b) => a + b, 0), 'count', 0),
    );
  }

  await linker.stop();
  // After the 200-writer run: the round's chain verifies, and every acknowledged save has its entry.
  const head = await rt.audit.caughtUp(scope);
  const entries = await rt.audit.entries(scope);
  const verified = await verifyChain(nodeSha256, scope, entries);
  const onChain = new Map<string, number>();
  for (const e of entries) if (e.action === 'scorecard.saved') onChain.set(e.target.id, (onChain.get(e.target.id) ?? 0) + 1);
  let lost = 0;
  let ackedTotal = 0;
  for (const [card, count] of acked) {
    ackedTotal += count;
    lost += Math.max(0, count - (onChain.get(card) ?? 0));
  }
  const stored = await Promise.all(assignments.map((a) => stores(rt).reviews.card(a.roundId, a.applicationId, 'materialReview', a.reviewerId)));
  const versionMismatch = assignments.filter((a, i) => (stored[i]?.version ?? 0) !== (acked.get(`${a.applicationId}/materialReview/${a.reviewerId}`) ?? 0)).length;
  out.push(
    measurement('save scorecard: round chain verifies after the 200-writer run', verified.ok ? 1 : 0, 'ok', 1, { floor: true, detail: `${verified.entries} entries, head ${head?.seq ?? 0}` }),
    measurement('save scorecard: acknowledged saves missing from the chain', lost, 'count', 0, { detail: `${ackedTotal} acknowledged` }),
    measurement('save scorecard: cards whose version ≠ acknowledged saves', versionMismatch, 'count', 0),
  );
  return out;
}

async function registrationBenchmarks(rt: Runtime, baseUrl: string): Promise<Measurement[]> {
  const { applications, auditTables } = stores(rt);
  log(`signing in ${REGISTRATIONS} new applicants through self-registration links`);
  const cookies = await signedInApplicants(rt, baseUrl, REGISTRATIONS);
  const round = await seedRound(rt, 'registration', 'registration', 'open');
  const scope = roundScope(round.roundId);

  // Baseline: as many raw transactions of the same items (application, credit code, owner, intent), all at once.
  const baselineRound = `bench-baseline-reg-${Date.now().toString(36)}`;
  const rawLatencies = await Promise.all(
    Array.from({ length: REGISTRATIONS }, async (_, i) => {
      const app = { ...applicationRecord(baselineRound, 300_000 + i), status: 'registered' as const };
      const start = performance.now();
      await rawTransaction(rt.clients.ddb, [
        ...applications.registration(app),
        { Put: { TableName: auditTables.intents, Item: intentItem(`bench:${baselineRound}`), ConditionExpression: 'attribute_not_exists(pk)' } },
      ]);
      return performance.now() - start;
    }),
  );

  // Every applicant registers at once; the client retries a 503 after a short random backoff, as the site does.
  let retries = 0;
  const answers = await Promise.all(
    cookies.map(async (cookie, i) => {
      const start = performance.now();
      for (let attempt = 0; ; attempt++) {
        const res = await call(baseUrl, 'POST', '/api/submission/applications', { cookie, body: registrationBody(round.roundId, 400_000 + i) });
        if (res.status !== 503 || attempt >= 5) return { status: res.status, ms: performance.now() - start, id: res.body?.applicationId as string | undefined, code: res.body?.error?.code };
        retries += 1;
        await sleep(50 + Math.random() * 200);
      }
    }),
  );
  const acked = answers.filter((a) => a.status === 201 || a.status === 200);
  const failed = answers.filter((a) => a.status >= 500).length;
  const refused = answers.filter((a) => a.status >= 400 && a.status < 500);
  if (refused.length) log(`refused registrations: ${JSON.stringify(refused.slice(0, 3))}`);

  const stored = await applications.listRound(round.roundId);
  const byOwner = new Map<string, number>();
  for (const app of stored) byOwner.set(app.ownerPersonId, (byOwner.get(app.ownerPersonId) ?? 0) + 1);
  const duplicates = [...byOwner.values()].reduce((sum, c) => sum + c - 1, 0);
  const ackedIds = new Set(acked.map((a) => a.id));
  const storedIds = new Set(stored.map((a) => a.applicationId));
  const lostStored = [...ackedIds].filter((id) => !id || !storedIds.has(id)).length;

  await rt.audit.caughtUp(scope);
  const entries = await rt.audit.entries(scope);
  const verified = await verifyChain(nodeSha256, scope, entries);
  const entryCount = new Map<string, number>();
  for (const e of entries) if (e.action === 'application.registered') entryCount.set(e.target.id, (entryCount.get(e.target.id) ?? 0) + 1);
  const notOnce = stored.filter((a) => entryCount.get(a.applicationId) !== 1).length;

  const p50 = median(answers.map((a) => a.ms));
  const r50 = median(rawLatencies);
  log(`${acked.length} acknowledged, ${retries} client retries of 503, ${stored.length} stored, ${entryCount.size} registration entries`);
  return [
    measurement(`register, ${REGISTRATIONS} at once: answered without 5xx`, REGISTRATIONS - failed, 'count', REGISTRATIONS, { floor: true, detail: `${retries} retries of 503` }),
    measurement(`register, ${REGISTRATIONS} at once: stored / acknowledged`, ratio(stored.length / Math.max(1, acked.length)), '×', 1, { detail: `${stored.length} / ${acked.length}` }),
    measurement(`register, ${REGISTRATIONS} at once: acknowledged not stored`, lostStored, 'count', 0),
    measurement(`register, ${REGISTRATIONS} at once: stored twice for one applicant`, duplicates, 'count', 0),
    measurement(`register, ${REGISTRATIONS} at once: chain verifies, one entry per registration`, verified.ok && notOnce === 0 ? 1 : 0, 'ok', 1, { floor: true, detail: `${notOnce} without exactly one entry` }),
    // Reported: issue 11 budgets what registrations store (all once, the chain complete), not their latency.
    measurement(`register, ${REGISTRATIONS} at once: p50 vs raw transaction`, ratio(p50 / r50), '×', undefined, { detail: `${ms(p50)} vs ${ms(r50)}` }),
  ];
}

async function linkerBenchmarks(rt: Runtime): Promise<Measurement[]> {
  const { auditTables } = stores(rt);
  const scope = roundScope(`bench-linker-${Date.now().toString(36)}`);
  // Committed straight through the audit log, with no linking during (as in AWS, where the stream runs the linker later).
  const audit = new AuditLog(rt.clients.ddb, auditTables);
  log(`committing ${LINKED_INTENTS} intents`);
  const committed: string[] = [];
  await pool(Array.from({ length: LINKED_INTENTS }, (_, i) => i), 24, async (i) => {
    const intent = await audit.commit({ scope, actor: SYSTEM_ACTOR, action: 'scorecard.saved', target: { type: 'scorecard', id: `card-${i}` }, state: { i }, requestId: `bench-${i}`, now: new Date(), writes: [] });
    committed.push(intent.intentId);
  });
  const linker = new Linker(rt.clients.ddb, auditTables, { sha256: nodeSha256 });
  const start = performance.now();
  const head = await linker.drain(scope);
  const linkMs = performance.now() - start;
  const entries = await audit.entries(scope);
  const verified = await verifyChain(nodeSha256, scope, entries);

  // Baseline: one sequential writer of as many conditional puts of entry-sized items.
  const sample = entries[0]!;
  const base = chainKey(`bench:baseline-puts-${Date.now().toString(36)}`);
  const putStart = performance.now();
  for (let i = 1; i <= LINKED_INTENTS; i++) {
    await rt.clients.ddb.send(new PutCommand({ TableName: auditTables.entries, Item: { ...sample, pk: base, sk: seqKey(i), seq: i }, ConditionExpression: 'attribute_not_exists(pk)' }));
  }
  const putMs = performance.now() - putStart;
  const linkedPerSecond = (1000 * entries.length) / linkMs;
  const putsPerSecond = (1000 * LINKED_INTENTS) / putMs;
  return [
    measurement(`linker: ${LINKED_INTENTS} intents linked per second vs sequential conditional puts`, ratio(linkedPerSecond / putsPerSecond), '×', LINKER_FLOOR, {
      floor: true,
      detail: `${linkedPerSecond.toFixed(0)}/s vs ${putsPerSecond.toFixed(0)}/s`,
    }),
    measurement('linker: intents linked per minute', Math.round(linkedPerSecond * 60), '/min', undefined, { detail: `${LINKED_INTENTS} in ${ms(linkMs)}` }),
    measurement('linker: every committed intent linked once, chain verifies', head?.seq === committed.length && entries.length === committed.length && verified.ok ? 1 : 0, 'ok', 1, {
      floor: true,
      detail: `${entries.length} entries of ${committed.length} intents`,
    }),
  ];
}

async function verifyBenchmarks(): Promise<Measurement[]> {
  const scope = roundScope('bench-verify');
  const entries: AuditEntry[] = [];
  let previous: AuditEntry | undefined;
  const at = Date.now();
  for (let i = 0; i < VERIFIED_ENTRIES; i++) {
    previous = await linkEntry(
      nodeSha256,
      {
        scope,
        at: new Date(at + i).toISOString(),
        actor: { personId: `01JEXPERT${String(i % 200).padStart(17, '0')}`, role: 'expert' },
        action: 'scorecard.saved',
        target: { type: 'scorecard', id: `01JAPP${String(i % 40).padStart(20, '0')}/materialReview/01JEXPERT${String(i % 200).padStart(17, '0')}` },
        context: { applicationId: `01JAPP${String(i % 40).padStart(20, '0')}`, stage: 'materialReview' },
        stateDigest: (await nodeSha256(String(i))),
        requestId: crypto.randomUUID(),
      },
      previous,
    );
    entries.push(previous);
  }
  const time = async (fn: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      await fn();
      times.push(performance.now() - start);
    }
    return median(times.slice(2));
  };
  // Alternately, so the machine's load weighs on both alike.
  const verifyTimes: number[] = [];
  const hashTimes: number[] = [];
  let ok = true;
  for (let round = 0; round < 3; round++) {
    verifyTimes.push(await time(async () => (ok = (await verifyChain(nodeSha256, scope, entries)).ok && ok)));
    hashTimes.push(await time(async () => { for (const e of entries) await nodeSha256(canonicalJson(e)); }));
  }
  const v = median(verifyTimes);
  const h = median(hashTimes);
  return [
    measurement(`verify-audit: ${VERIFIED_ENTRIES.toLocaleString('en')} entries vs hashing their canonical JSON once`, ratio(v / h), '×', VERIFY_BUDGET, { detail: `${ms(v)} vs ${ms(h)}${ok ? '' : ', CHAIN DID NOT VERIFY'}` }),
    measurement('verify-audit: ms per 10k entries', Number(v.toFixed(1)), 'ms', undefined),
  ];
}

async function publishBenchmarks(rt: Runtime, baseUrl: string, adminCookie: string): Promise<Measurement[]> {
  const bucket = bucketName(rt.config, 'web');
  const moves: number[] = [];
  const puts: number[] = [];
  let published = 0;
  let bytes = 0;
  // One publication per round: a few rounds, so the median is not one sample of a busy machine.
  for (let r = 0; r < PUBLISHED_ROUNDS; r++) {
    const seedStart = performance.now();
    const round = await seedDeliberatedRound(rt, NOTICE_APPLICANTS, NOTICE_CANDIDATES);
    // The seed's own backlog is linked first: a round is published days after its last change, not right after 500 commits.
    const drainStart = performance.now();
    await rt.audit.caughtUp(roundScope(round.roundId));
    // The result letters of the stages before (eligibility, site visits, below the threshold …) went out when those
    // stages moved in a real round; the seed skips the moves, so they are sent here, untimed (the office's own route).
    const backlog = await call(baseUrl, 'POST', `/api/publication/rounds/${encodeURIComponent(round.roundId)}/letters`, { cookie: adminCookie, body: {} });
    if (backlog.status !== 200) log(`the earlier stages' letters: ${backlog.status} ${JSON.stringify(backlog.body)}`);
    await rt.audit.caughtUp(roundScope(round.roundId));
    log(`round ${r + 1}: ${NOTICE_APPLICANTS} applicants seeded at deliberation in ${((drainStart - seedStart) / 1000).toFixed(0)} s, its backlog linked and its earlier letters sent in ${ms(performance.now() - drainStart)}`);
    const moved = await call(baseUrl, 'POST', `/api/publication/rounds/${encodeURIComponent(round.roundId)}/stage`, { cookie: adminCookie, body: { to: 'publicNotice', version: round.version } });
    if (moved.status === 200 && moved.body?.publication?.published === true) published += 1;
    else log(`publishing failed: ${moved.status} ${JSON.stringify(moved.body)}`);
    moves.push(moved.ms);
    // Baseline: the same bytes written to the same bucket by a bare S3 client call (one untimed first).
    const document = await rt.clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: `results/${round.roundId}/notice.json` }));
    const body = Buffer.from(await document.Body!.transformToByteArray());
    bytes = body.length;
    for (let i = 0; i < 6; i++) {
      const start = performance.now();
      await rt.clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: `bench/baseline-${r}-${i}.json`, Body: body, ContentType: 'application/json; charset=utf-8' }));
      if (i > 0) puts.push(performance.now() - start);
    }
  }
  const move = median(moves);
  const put = median(puts);
  return [
    measurement(`publish a round of ${NOTICE_APPLICANTS} applicants vs writing its document to S3`, ratio(move / put), '×', PUBLISH_BUDGET, {
      detail: `median of ${PUBLISHED_ROUNDS}: ${ms(move)} vs ${ms(put)}, ${bytes} bytes`,
    }),
    measurement(`publish a round of ${NOTICE_APPLICANTS} applicants: published`, published, 'count', PUBLISHED_ROUNDS, { floor: true }),
  ];
}

/** Runs one part; a part that throws is one failed measurement, and the others still run. */
async function part(name: string, run: () => Promise<Measurement[]>): Promise<Measurement[]> {
  const start = performance.now();
  console.log(`  ${name}…`);
  try {
    const out = await run();
    log(`${name}: ${((performance.now() - start) / 1000).toFixed(0)} s`);
    return out;
  } catch (error) {
    console.error(`  ${name} failed: ${(error as Error).stack ?? error}`);
    return [measurement(`${name}: ran`, 0, 'ok', 1, { floor: true, detail: (error as Error).message })];
  }
}

export const suites: Suite[] = [
  {
    name: 'deadline',
    async measure() {
      const stack = await startLocalStack({
        port: 0,
        adminEmail: 'admin@bench.merit.local',
        seed: false,
        // The linker is not in the stack's process (linker-process.ts during the saves; the other parts drain themselves).
        env: { MERIT_LINK_LIMIT_PER_ADDRESS: '100000', MERIT_LINK_LIMIT_PER_CLIENT: '100000', MERIT_LOCAL_LINKER: 'off' },
      });
      const rt = await createRuntime('submission', stack.env);
      try {
        const adminCookie = await exchange(stack.url, (await stack.adminSignInLink()).split('#token=')[1]!);
        const parts: [string, () => Promise<Measurement[]>][] = [
          ['scorecards', () => scorecardBenchmarks(rt, stack.url, stack.env)],
          ['registrations', () => registrationBenchmarks(rt, stack.url)],
          ['linker', () => linkerBenchmarks(rt)],
          ['verify-audit', () => verifyBenchmarks()],
          ['publish', () => publishBenchmarks(rt, stack.url, adminCookie)],
        ];
        // MERIT_BENCH_PARTS=linker,publish runs only those parts (while working on one).
        const only = process.env.MERIT_BENCH_PARTS?.split(',');
        const out: Measurement[] = [];
        for (const [name, run] of parts) if (!only || only.includes(name)) out.push(...(await part(name, run)));
        return out;
      } finally {
        rt.clients.ddb.destroy();
        rt.clients.s3.destroy();
        await stack.stop();
      }
    },
  },
];
