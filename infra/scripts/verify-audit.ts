import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { decodeTime } from 'ulid';
import type { ChainHead } from '../../shared/api/outcome';
import { roundScope, verifyChain, type AuditEntry } from '../../shared/audit/chain';
import { checkHead, parseChainExport } from '../../shared/audit/head';
import { AuditLog, nodeSha256 } from '../../functions/lib/audit/log';
import { startLocalDynamo, type LocalDynamo } from '../local/dynamo';
import { localTableName } from '../local/bootstrap';
import { describeFinding, type ChainRecords } from '../../shared/audit/records';
import { verifyRecords } from './audit-records';
import { roundIndependence } from './audit-independence';
import type { TeamIndependence } from '../../shared/audit/independence';
import type { StoredRecord } from '../../shared/audit/records';
import { archivedScopes, checkArchive, connectArchive, type ArchiveConnection } from './audit-archive';

// `npm run verify-audit -- [--round <id> [--published <file-or-url>]… | --scope <scope> | --export <file.jsonl>] [--archive | --archive-bucket <name>] [--fill-archive]
//                          [--table <name> [--region <r>] | --endpoint <url> [--s3-endpoint <url>]] [--data <dir>]`
// Recomputes every audit chain (or one) and names the first entry that does not match; with --published, also
// checks that a published notice or announcement carries a head that is really in the round's chain; with
// --archive, also compares every entry with its copy in the Object Lock archive (a chain rewritten with fresh
// hashes, or cut short, still verifies on its own — the archive is what shows it).
const { values } = parseArgs({
  options: {
    round: { type: 'string' },
    scope: { type: 'string' },
    table: { type: 'string' },
    'intents-table': { type: 'string' },
    'awards-table': { type: 'string' },
    'applications-table': { type: 'string' },
    'reviews-table': { type: 'string' },
    region: { type: 'string' },
    endpoint: { type: 'string' },
    published: { type: 'string', multiple: true },
    export: { type: 'string' },
    archive: { type: 'boolean' },
    'archive-bucket': { type: 'string' },
    'fill-archive': { type: 'boolean' },
    's3-endpoint': { type: 'string' },
    data: { type: 'string', default: process.env.MERIT_DATA_DIR ?? '.data' },
    help: { type: 'boolean', short: 'h' },
  },
});

/** The CLI's words for what the independence check found (the workspace words them from the catalogue). */
const INDEPENDENCE_WORDS = {
  cardDiffers: 'the submitted card differs from what its submission committed',
  changedAfterCommit: 'the card changed after its submission was committed',
  cardUncommitted: 'the card is stored as submitted, but no submission is in the chain',
  consensusDiffers: 'the consensus differs from what its entry committed',
  consensusNamesNoCards: 'the consensus does not name the cards it was based on',
  consensusBeforeCard: 'the consensus names a card not committed before it (or with another hash)',
  readBeforeOwnSubmission: "read a teammate's card before their own card was committed",
} as const;

/** An intent waiting longer than this means the linker is not running (its stream is stuck, or it keeps failing). */
const BEHIND_AFTER_MINUTES = 5;

if (values.help) {
  console.log(`Verify the audit chains.
  npm run verify-audit                          every chain of the local system (.data/)
  npm run verify-audit -- --round <roundId>     one round's chain
  npm run verify-audit -- --scope programme:city
  npm run verify-audit -- --table <AuditTableName> --intents-table <AuditIntentsTableName> [--region cn-north-1]
      in AWS, with your AWS credentials (without --intents-table, changes not linked yet are not reported)
  npm run verify-audit -- --round <roundId> --published <file-or-url>
      also checks a published document (/results/<roundId>/notice.json or announcement.json, a saved copy or its
      https:// address): its chain head must name the round's chain, the chain must verify up to it, and the
      entry at its sequence must exist with exactly its hash; repeat --published for several documents. A document that does not match counts
      as a mismatch.
  npm run verify-audit -- --export <audit-round-….jsonl> [--published <file-or-url>]…
      a chain exported from the supervisors' workspace (JSON lines), checked on its own — no access to the system
      needed: anyone holding the export can check a published notice or announcement against it.
  npm run verify-audit -- --archive             also compare every entry with its archived copy (locally: .data/s3)
  npm run verify-audit -- --table <AuditTableName> --archive-bucket <AuditArchiveBucketName> [--region …]
      the same in AWS: every version of every archived object must equal the entry in the table; an entry the
      table has and the archive lacks, one that differs, or one archived but gone from the table (a chain cut
      short, or deleted whole) is named, and the chain counts as a mismatch. An entry written seconds ago may
      not have reached the archive yet: run it again before concluding.
  npm run verify-audit -- --fill-archive [--archive-bucket …]
      first copies entries the archive lacks (after an archive failure, alarm AuditArchiveFailed), only for a
      chain that verifies and that the archive does not contradict, each entry vouched for by its archived
      successor's prevHash; then compares.
Every stored record of the award (applications, receipts, decisions, assignments, declarations, cards, consensus,
panel scores, evaluation, opinions, votes, objections, publications, rounds) is compared with the latest entry that
wrote it: one line per chain, "ok … N records match" or "MISMATCH … <record> differs from entry #n" (or was added or
deleted outside the API). In AWS this needs --awards-table, --applications-table and --reviews-table.
Per round, independence: every submitted card is what its submission committed and did not change after, every
consensus came after the commits of the cards it names, nobody read a teammate's card before their own card was
committed: "ok … independence …" or one MISMATCH line per finding.
Changes committed but not linked into their chain yet (audit intents) are reported per chain: "pending" while
the linker catches up, "BEHIND" (a mismatch) when one has waited over ${BEHIND_AFTER_MINUTES} minutes.
The last line reads "verified: R rounds, E entries, M mismatches"; the exit code is 1 when M > 0.`);
  process.exit(0);
}

if (values.published?.length && (!(values.round || values.export) || values.scope)) {
  console.error('--published needs --round <roundId> (or --export <file>): a published document is checked against that round\'s chain.');
  process.exit(2);
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Where the audit tables are: AWS (--table), an explicit endpoint, the running `npm start`, or the data folder itself. */
type RecordTables = { awards: string; applications: string; reviews: string };

/** The award's own tables, whose records the chains describe: given (AWS), or the local stack's. */
function recordTables(aws: boolean): RecordTables | undefined {
  const given = { awards: values['awards-table'], applications: values['applications-table'], reviews: values['reviews-table'] };
  if (given.awards && given.applications && given.reviews) return given as RecordTables;
  if (aws) return undefined;
  return { awards: given.awards ?? localTableName('awards'), applications: given.applications ?? localTableName('applications'), reviews: given.reviews ?? localTableName('reviews') };
}

async function connect(): Promise<{ ddb: DynamoDBDocumentClient; table: string; intentsTable?: string; aws?: true; local?: LocalDynamo; runningS3?: string }> {
  const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  if (values.table && !values.endpoint) {
    return {
      ddb: DynamoDBDocumentClient.from(new DynamoDBClient(values.region ? { region: values.region } : {})),
      table: values.table,
      ...(values['intents-table'] ? { intentsTable: values['intents-table'] } : {}),
      aws: true,
    };
  }
  const table = values.table ?? localTableName('audit');
  const intentsTable = values['intents-table'] ?? localTableName('auditIntents');
  if (values.endpoint) {
    return { ddb: DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: values.endpoint, region: 'us-east-1', credentials: localCredentials })), table, intentsTable };
  }
  const dataDir = resolve(values.data);
  const running = join(dataDir, 'endpoints.json');
  if (existsSync(running)) {
    const { dynamoEndpoint, s3Endpoint } = JSON.parse(readFileSync(running, 'utf8')) as { dynamoEndpoint: string; s3Endpoint?: string };
    const reachable = await fetch(dynamoEndpoint, { method: 'POST' }).then(() => true, () => false);
    if (reachable) {
      return {
        ddb: DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'us-east-1', credentials: localCredentials })),
        table,
        intentsTable,
        ...(s3Endpoint ? { runningS3: s3Endpoint } : {}),
      };
    }
  }
  if (!existsSync(join(dataDir, 'dynamodb'))) {
    console.error(`No local data under ${dataDir}/ (run npm start first), and no --table for AWS.`);
    process.exit(2);
  }
  const local = await startLocalDynamo({ path: join(dataDir, 'dynamodb') });
  return { ddb: DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: local.endpoint, region: 'us-east-1', credentials: localCredentials })), table, intentsTable, local };
}

/** Changes committed but not linked yet, per chain: how many, and when the oldest was committed (its ULID's time). */
async function pendingIntents(ddb: DynamoDBDocumentClient, table: string, only: string | undefined): Promise<Map<string, { count: number; oldest: number }>> {
  const pending = new Map<string, { count: number; oldest: number }>();
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    for (const item of out.Items ?? []) {
      const scope = String(item.scope);
      if (only && scope !== only) continue;
      const committed = decodeTime(String(item.intentId));
      const seen = pending.get(scope);
      pending.set(scope, { count: (seen?.count ?? 0) + 1, oldest: Math.min(seen?.oldest ?? committed, committed) });
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return pending;
}

/** Every entry of the table grouped by chain (a full scan: this is an operator's tool, not a request path). */
async function allChains(ddb: DynamoDBDocumentClient, table: string): Promise<Map<string, AuditEntry[]>> {
  const chains = new Map<string, AuditEntry[]>();
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    for (const item of out.Items ?? []) {
      const scope = String(item.pk).replace(/^CHAIN#/, '');
      const { pk: _pk, sk: _sk, ...entry } = item;
      chains.set(scope, [...(chains.get(scope) ?? []), entry as unknown as AuditEntry]);
    }
    start = out.LastEvaluatedKey;
  } while (start);
  for (const entries of chains.values()) entries.sort((a, b) => a.seq - b.seq);
  return chains;
}

/** The published document at a local path or an http(s) address (fetched as is: nothing is cached or rewritten). */
async function readPublished(source: string): Promise<unknown> {
  if (/^https?:\/\//i.test(source)) {
    const res = await fetch(source, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return JSON.parse(await res.text());
  }
  return JSON.parse(readFileSync(source, 'utf8'));
}

function isChainHead(value: unknown): value is ChainHead {
  const head = value as Partial<ChainHead> | null | undefined;
  return typeof head?.scope === 'string' && typeof head.sequence === 'number' && Number.isInteger(head.sequence) && typeof head.hash === 'string';
}

// A published document proves nothing unless the head it carries is in the round's chain: same chain, the chain
// verifying up to it, the entry at its sequence present with exactly its hash (shared/audit/head.ts, as the site
// checks it). One line: what matches, or what does not.
async function checkPublishedHead(doc: unknown, scope: string, chain: readonly AuditEntry[]): Promise<{ ok: boolean; line: string }> {
  const head = (doc as { chainHead?: unknown } | null)?.chainHead;
  if (!isChainHead(head)) return { ok: false, line: 'no chain head (chainHead {scope, sequence, hash}) in the document' };
  const at = `${head.scope} #${head.sequence}`;
  if (head.scope !== scope) return { ok: false, line: `wrong chain: the head names ${head.scope}, not ${scope}` };
  const check = await checkHead(head, chain, nodeSha256);
  switch (check.result) {
    case 'ok':
      return { ok: true, line: `${at} ${head.hash} matches the chain` };
    case 'missing': {
      const last = chain.at(-1)?.seq;
      return { ok: false, line: `missing entry: ${at} is not in the chain (${last === undefined ? 'it is empty' : `it ends at #${last}`})` };
    }
    case 'mismatch':
      return { ok: false, line: `different hash: ${at} is ${check.found} in the chain, the document says ${head.hash}` };
    case 'broken':
      return { ok: false, line: `the chain does not verify up to ${at}: first bad entry #${check.seq} (${check.reason})` };
  }
}

/** A chain exported as JSON lines (the supervisors' workspace's Export): verified without any access to the system. */
function exportedChain(path: string): { scope: string; entries: AuditEntry[] } {
  const parsed = parseChainExport(readFileSync(path, 'utf8'));
  if (!parsed.ok) {
    console.error(`${path}: line ${parsed.line} is not an audit entry (an export holds one JSON entry per line).`);
    process.exit(2);
  }
  const scope = values.scope ?? (values.round ? roundScope(values.round) : parsed.entries[0]?.scope);
  if (!scope) {
    console.error(`${path} holds no entries.`);
    process.exit(2);
  }
  return { scope, entries: parsed.entries };
}

const withArchive = Boolean(values.archive || values['archive-bucket'] || values['fill-archive']);
if (values.export && withArchive) {
  console.error('--export checks a file on its own; --archive compares the table with the archive. Use one or the other.');
  process.exit(2);
}
const exported = values.export ? exportedChain(values.export) : undefined;
const connection = exported ? undefined : await connect();
let archive: ArchiveConnection | undefined;
try {
  if (withArchive && connection) {
    archive = await connectArchive({
      aws: connection.aws ?? false,
      bucket: values['archive-bucket'],
      region: values.region,
      s3Endpoint: values['s3-endpoint'],
      runningS3Endpoint: connection.runningS3,
      dataDir: resolve(values.data),
    }).catch((error: Error) => {
      console.error(error.message);
      process.exit(2);
    });
  }
  const only = exported?.scope ?? values.scope ?? (values.round ? roundScope(values.round) : undefined);
  const chains = exported
    ? new Map([[exported.scope, exported.entries]])
    : only
      ? new Map([[only, await new AuditLog(connection!.ddb, { entries: connection!.table, intents: connection!.intentsTable ?? '' }).entries(only)]])
      : await allChains(connection!.ddb, connection!.table);
  const pending = connection?.intentsTable ? await pendingIntents(connection.ddb, connection.intentsTable, only) : new Map<string, { count: number; oldest: number }>();
  // A chain whose every change is still waiting to be linked has no entry yet: it is reported too.
  for (const scope of pending.keys()) if (!chains.has(scope)) chains.set(scope, []);
  // A chain deleted from the table whole is still in the archive: compare it too (with no entries).
  if (archive && !only) for (const scope of await archivedScopes(archive)) if (!chains.has(scope)) chains.set(scope, []);
  const tablesOfRecords = connection ? recordTables(connection.aws ?? false) : undefined;
  const records = new Map<string, ChainRecords>();
  let stored: StoredRecord[] | undefined;
  if (connection && tablesOfRecords) {
    const sources = {
      ddb: connection.ddb,
      entries: async () =>
        only ? new Map([[only, await new AuditLog(connection.ddb, { entries: connection.table, intents: connection.intentsTable ?? '' }).entries(only)]]) : allChains(connection.ddb, connection.table),
      ...(connection.intentsTable ? { intentsTable: connection.intentsTable } : {}),
      tables: tablesOfRecords,
    };
    const checked = await verifyRecords(sources, [...chains.keys()], only);
    for (const r of checked.chains) records.set(r.scope, r);
    stored = checked.stored;
  }
  // Independence per round, from its chain and its stored cards and consensus: one line per chain with teams.
  const independenceAgrees = async (scope: string, chain: readonly AuditEntry[]): Promise<boolean> => {
    if (!stored || !scope.startsWith('round:')) return true;
    const teams = await roundIndependence(scope.slice('round:'.length), chain, stored);
    if (teams.length === 0) return true;
    const bad = teams.flatMap((t) => t.findings.map((f) => ({ t, f })));
    if (bad.length === 0) {
      const sum = (pick: (t: TeamIndependence) => number) => teams.reduce((n, t) => n + pick(t), 0);
      console.log(
        `ok        independence ${scope}  ${teams.length} teams: ${sum((t) => t.cards)} cards as committed, ${sum((t) => t.reads)} reads after the reader's own card, ${sum((t) => (t.consensus ? 1 : 0))} consensus after the cards they name`,
      );
      return true;
    }
    for (const [i, { t, f }] of bad.entries()) {
      const who = f.reviewerId ? ` ${f.reviewerId}` : '';
      const at = f.seq !== undefined ? ` (entry #${f.seq})` : '';
      console.log(`${i === 0 ? 'MISMATCH ' : '         '} independence ${scope}  ${t.applicationId}/${t.stage}${who}: ${INDEPENDENCE_WORDS[f.problem]}${at}`);
    }
    return false;
  };
  // One line per chain for its records; a chain with a record that does not match counts among the M.
  const recordsAgree = (scope: string): boolean => {
    const r = records.get(scope);
    if (!r) return true;
    if (r.findings.length === 0) {
      console.log(`ok        records ${scope}  ${r.matched} ${r.matched === 1 ? 'record matches' : 'records match'} the chain`);
      return true;
    }
    const [first, ...more] = r.findings;
    console.log(`MISMATCH  records ${scope}  ${describeFinding(first!)}${more.length ? ` (and ${more.length} more)` : ''}`);
    for (const f of more) console.log(`          records ${scope}  ${describeFinding(f)}`);
    return false;
  };
  let entries = 0;
  let mismatches = 0;
  for (const [scope, chain] of [...chains].sort(([a], [b]) => a.localeCompare(b))) {
    const result = await verifyChain(nodeSha256, scope, chain);
    entries += chain.length;
    if (result.ok) {
      console.log(`ok        ${scope}  ${chain.length} entries  head ${result.head ?? '(empty)'}`);
    } else {
      const m = result.firstMismatch!;
      console.log(`MISMATCH  ${scope}  first bad entry: #${m.seq} (${m.reason}: expected ${m.expected}, found ${m.found})`);
    }
    const archiveAgrees = archive
      ? await checkArchive(archive, scope, chain, { fill: Boolean(values['fill-archive']), chainVerified: result.ok, log: (line) => console.log(line) })
      : true;
    const waiting = pending.get(scope);
    let behind = false;
    if (waiting) {
      const minutes = Math.floor((Date.now() - waiting.oldest) / 60_000);
      behind = minutes >= BEHIND_AFTER_MINUTES;
      const changes = `${waiting.count} ${waiting.count === 1 ? 'change' : 'changes'} not linked into the chain yet`;
      console.log(
        behind
          ? `BEHIND    ${scope}  ${changes}, the oldest for ${minutes} minutes: the linker is not keeping up (see the publication function's log)`
          : `pending   ${scope}  ${changes} (the linker is catching up; run again to see them verified)`,
      );
    }
    const recordsOk = recordsAgree(scope);
    const independent = await independenceAgrees(scope, chain);
    if (!result.ok || !archiveAgrees || behind || !recordsOk || !independent) mismatches++;
  }
  // Records of no chain on the table (a round whose chain is gone, an item no round owns) are named too.
  for (const scope of [...records.keys()].filter((s) => !chains.has(s))) if (!recordsAgree(scope)) mismatches++;
  if (only && chains.get(only)?.length === 0) console.log(`(no entries in ${only})`);
  for (const source of values.published ?? []) {
    const scope = only!;
    let result: { ok: boolean; line: string };
    try {
      result = await checkPublishedHead(await readPublished(source), scope, chains.get(scope) ?? []);
    } catch (error) {
      result = { ok: false, line: `cannot read it (${(error as Error).message})` };
    }
    if (!result.ok) mismatches++;
    console.log(`${result.ok ? 'ok       ' : 'MISMATCH '} published ${source}: ${result.line}`);
  }
  console.log(`verified: ${chains.size} rounds, ${entries} entries, ${mismatches} mismatches`);
  process.exitCode = mismatches > 0 ? 1 : 0;
} finally {
  connection?.ddb.destroy();
  await archive?.close();
  await connection?.local?.close();
}
