import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundScope, type AuditEntry } from '../../shared/audit/chain';
import { recordKeyOf } from '../../shared/audit/records';
import { tableName } from '../../functions/lib/config';
import { finalRoundId, seedFinalRound } from '../../infra/local/seed-final';
import { seedReviewRound } from '../../infra/local/seed-review';
import { scanAll } from '../../infra/scripts/audit-records';
import { stackRuntime } from './applications-helpers';
import { api, linkedChain } from './helpers';
import { seedDeliberatedRound } from './notice-helpers';
import { verify } from './verify-audit-helpers';

// Issue 15 part 1: verify-audit compares every stored record with the latest entry that wrote it, so a record edited,
// added or deleted straight in DynamoDB (not through the API) is named, with its entry.

const year = new Date().getUTCFullYear();
let programmeId: string;
let finalRound: string;

beforeAll(async () => {
  // A programme of its own, seeded as the demo is (a round in material review, one at comprehensive evaluation), so
  // the tampering below touches no other test's data.
  const rt = await stackRuntime();
  programmeId = `fair${Date.now().toString(36)}`;
  const now = new Date();
  // Its people get their own mail domain: the demo's addresses keep one membership each (seed-review signs them in).
  const mailDomain = `${programmeId}.demo.test`;
  const people = await seedReviewRound(rt, programmeId, now, mailDomain);
  await seedFinalRound(rt, programmeId, now, people, mailDomain);
  finalRound = finalRoundId(programmeId, year);
}, 240_000);

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
});

/** The latest entry of the round's chain that wrote the record. */
async function latestEntryOf(roundId: string, table: string, key: string): Promise<AuditEntry> {
  const rt = await stackRuntime();
  const chain = await linkedChain(rt.audit, roundScope(roundId));
  const entry = chain.filter((e) => e.records?.some((r) => r.table === table && r.key === key)).at(-1);
  if (!entry) throw new Error(`no entry wrote ${table} ${key}`);
  return entry;
}

async function item(table: 'reviews' | 'awards', pk: string, sk: string): Promise<Record<string, unknown>> {
  const rt = await stackRuntime();
  const out = await rt.clients.ddb.send(new GetCommand({ TableName: tableName(rt.config, table), Key: { pk, sk }, ConsistentRead: true }));
  if (!out.Item) throw new Error(`no ${table} item ${pk} ${sk}`);
  return out.Item;
}

describe('verify-audit: stored records against the chain', () => {
  it('finds every record of the demo final round (seeded on first start) matching its latest entry', async () => {
    const city = (await api('GET', '/api/publication/programmes')).body.programmes.find((p: { programmeId: string }) => p.programmeId === 'city');
    const demo = city.rounds.find((r: { roundId: string }) => /^city-\d{4}-final$/.test(r.roundId)).roundId as string;
    const { code, lines } = await verify('--round', demo);
    const line = lines.find((l) => l.includes(`records round:${demo}`));
    expect(line, lines.join('\n')).toMatch(new RegExp(`^ok        records round:${demo}  \\d+ records match the chain$`));
    // Cards, consensus, assignments, declarations, panel scores, applications …: hundreds of records.
    expect(Number(/ (\d+) records/.exec(line!)![1])).toBeGreaterThan(300);
    // Independence: every team's cards as committed, the leaders' reads after their own card, each consensus after the cards it names.
    expect(lines.find((l) => l.includes(`independence round:${demo}`))).toMatch(
      new RegExp(`^ok        independence round:${demo}  (\\d+) teams: (\\d+) cards as committed, (\\d+) reads after the reader's own card, \\d+ consensus after the cards they name$`),
    );
    expect(code).toBe(0);
  });

  it('names a consensus, a submitted card and a panel score edited in the table, each with its entry, and exits 1', async () => {
    // Prepare: the round verifies; then three records are edited straight in DynamoDB
    const rt = await stackRuntime();
    const reviews = tableName(rt.config, 'reviews');
    const before = await verify('--round', finalRound);
    expect(before.code, before.lines.join('\n')).toBe(0);
    const pk = `ROUND#${finalRound}`;
    const items = (await scanAll(rt.clients.ddb, reviews)).filter((i) => i.pk === pk);
    const consensus = items.find((i) => i.kind === 'consensus')!;
    const card = items.find((i) => i.kind === 'scorecard' && i.status === 'submitted')!;
    const defense = items.find((i) => i.kind === 'defenseScore')!;
    const edits = [consensus, card, defense];
    for (const target of edits) {
      await rt.clients.ddb.send(
        new UpdateCommand({ TableName: reviews, Key: { pk: target.pk, sk: target.sk }, UpdateExpression: 'SET #t = :v', ExpressionAttributeNames: { '#t': 'updatedAt' }, ExpressionAttributeValues: { ':v': '2020-01-01T00:00:00.000Z' } }),
      );
    }
    // Act
    const { code, lines } = await verify('--round', finalRound);
    // Assess: each named with the latest entry that wrote it; the chain counts once among the M
    const text = lines.join('\n');
    expect(code).toBe(1);
    for (const target of edits) {
      const entry = await latestEntryOf(finalRound, 'reviews', recordKeyOf(target));
      expect(text).toContain(`records round:${finalRound}  reviews ${recordKeyOf(target)} (${String(target.kind)}) differs from entry #${entry.seq}`);
    }
    expect(lines.find((l) => l.startsWith('MISMATCH  records'))).toContain('(and 2 more)');
    // The card changed after its commit, and the consensus no longer matches its entry: the independence check names both.
    expect(text).toContain(`independence round:${finalRound}  ${String(card.applicationId)}/${String(card.stage)} ${String(card.reviewerId)}: the submitted card differs from what its submission committed`);
    expect(text).toContain(`independence round:${finalRound}  ${String(consensus.applicationId)}/${String(consensus.stage)}: the consensus differs from what its entry committed`);
    expect(lines.at(-1)).toMatch(/^verified: 1 rounds, \d+ entries, 1 mismatches$/);
  });

  it('names a vote and an evaluation edited, a vote added and an opinion deleted in the table', async () => {
    // Prepare: a round at deliberation, with its evaluation, opinions and votes, verifying
    const rt = await stackRuntime();
    const awards = tableName(rt.config, 'awards');
    const { round, standings } = await seedDeliberatedRound(['proposed', 'proposed', 'notProposed', 'belowThreshold']);
    const before = await verify('--round', round.roundId);
    expect(before.code, before.lines.join('\n')).toBe(0);
    const pk = `OUTCOME#${round.roundId}`;
    const [first, second, third] = standings;
    const vote = await item('awards', pk, `VOTE#${first!.applicationId}`);
    const evaluation = await item('awards', pk, 'EVALUATION');
    const deleted = (await scanAll(rt.clients.ddb, awards)).find((i) => i.pk === pk && String(i.sk).startsWith(`OPINION#${second!.applicationId}#`))!;
    // Act: a vote turned, the evaluation's settings changed, a vote that was never cast added, an opinion removed
    await rt.clients.ddb.send(new UpdateCommand({ TableName: awards, Key: { pk, sk: vote.sk }, UpdateExpression: 'SET proposed = :f, #for = :n', ExpressionAttributeNames: { '#for': 'for' }, ExpressionAttributeValues: { ':f': false, ':n': 1 } }));
    await rt.clients.ddb.send(new UpdateCommand({ TableName: awards, Key: { pk, sk: 'EVALUATION' }, UpdateExpression: 'SET byName = :n', ExpressionAttributeValues: { ':n': '某人' } }));
    const added = { pk, sk: `VOTE#${third!.applicationId}-x`, kind: 'vote', roundId: round.roundId, applicationId: `${third!.applicationId}-x`, for: 20, against: 0, abstain: 1, proposed: true, at: new Date().toISOString(), by: 'system', byName: '评审委员会办公室' };
    await rt.clients.ddb.send(new PutCommand({ TableName: awards, Item: added }));
    await rt.clients.ddb.send(new DeleteCommand({ TableName: awards, Key: { pk, sk: deleted.sk } }));
    const { code, lines } = await verify('--round', round.roundId);
    // Assess
    const text = lines.join('\n');
    expect(code).toBe(1);
    const scope = `records round:${round.roundId}`;
    expect(text).toContain(`${scope}  awards ${recordKeyOf(vote)} (vote) differs from entry #${(await latestEntryOf(round.roundId, 'awards', recordKeyOf(vote))).seq}`);
    expect(text).toContain(`${scope}  awards ${recordKeyOf(evaluation)} (evaluation) differs from entry #${(await latestEntryOf(round.roundId, 'awards', recordKeyOf(evaluation))).seq}`);
    expect(text).toContain(`${scope}  awards ${recordKeyOf(added)} (vote) is written by no entry (added outside the API)`);
    expect(text).toContain(`${scope}  awards ${recordKeyOf(deleted)} is gone, though entry #${(await latestEntryOf(round.roundId, 'awards', recordKeyOf(deleted))).seq} wrote it (deleted outside the API)`);
    expect(lines.at(-1)).toMatch(/^verified: 1 rounds, \d+ entries, 1 mismatches$/);
  });

  it('names a changed record once more when it is put back as it was, and matches again', async () => {
    // A record restored byte for byte matches again: what is compared is the content, not a write time.
    const rt = await stackRuntime();
    const { round, standings } = await seedDeliberatedRound(['proposed', 'belowThreshold']);
    const awards = tableName(rt.config, 'awards');
    const pk = `OUTCOME#${round.roundId}`;
    const vote = await item('awards', pk, `VOTE#${standings[0]!.applicationId}`);
    await rt.clients.ddb.send(new UpdateCommand({ TableName: awards, Key: { pk, sk: vote.sk }, UpdateExpression: 'SET abstain = :n', ExpressionAttributeValues: { ':n': 0 } }));
    expect((await verify('--round', round.roundId)).code).toBe(1);
    await rt.clients.ddb.send(new PutCommand({ TableName: awards, Item: vote }));
    const { code, lines } = await verify('--round', round.roundId);
    expect(code, lines.join('\n')).toBe(0);
  });
});
