import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { roundScope, verifyChain, type AuditEntry } from '../../shared/audit/chain';
import { replayDraws, type StoredDraw } from '../../shared/draw/draw';
import { nodeSha256 } from '../../functions/lib/audit/log';
import { chainKey } from '../../functions/lib/audit/linker';
import { queryAll } from '../../functions/lib/dynamo';
import { startLocalDynamo, type LocalDynamo } from '../local/dynamo';
import { localTableName } from '../local/bootstrap';

// `npm run replay-draw -- --round <id> [--table <AuditTableName> --reviews-table <ReviewsTableName> [--region r] | --endpoint <url>] [--data <dir>]`
// Recomputes every random draw of a round from its audit chain (shared/draw: the same code as the supervisors'
// replay button) and says, per draw, whether the stored team is the one the committed inputs and seed give.
const { values } = parseArgs({
  options: {
    round: { type: 'string' },
    table: { type: 'string' },
    'reviews-table': { type: 'string' },
    region: { type: 'string' },
    endpoint: { type: 'string' },
    data: { type: 'string', default: process.env.MERIT_DATA_DIR ?? '.data' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help || !values.round) {
  console.log(`Replay the random draws of a round from its audit chain.
  npm run replay-draw -- --round <roundId>      locally (the running npm start, or .data/)
  npm run replay-draw -- --round <roundId> --table <AuditTableName> --reviews-table <ReviewsTableName> [--region cn-north-1]
      in AWS, with your AWS credentials
For each draw: its stored inputs must be what its draw.committed entry committed, the team recomputed from them and
the seed (that entry's hash and the supervisor's value) must be what draw.drawn committed and what is stored, and each
replacement the next in the seeded order. The chain itself is verified first.
The last line reads "replayed: D draws, M mismatches"; the exit code is 1 when M > 0.`);
  process.exit(values.help ? 0 : 2);
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function connect(): Promise<{ ddb: DynamoDBDocumentClient; audit: string; reviews: string; local?: LocalDynamo }> {
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const audit = values.table ?? localTableName('audit');
  const reviews = values['reviews-table'] ?? localTableName('reviews');
  if (values.table && !values.endpoint) return { ddb: DynamoDBDocumentClient.from(new DynamoDBClient(values.region ? { region: values.region } : {})), audit, reviews };
  if (values.endpoint) return { ddb: DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: values.endpoint, region: 'us-east-1', credentials })), audit, reviews };
  const dataDir = resolve(values.data);
  const running = join(dataDir, 'endpoints.json');
  if (existsSync(running)) {
    const { dynamoEndpoint } = JSON.parse(readFileSync(running, 'utf8')) as { dynamoEndpoint: string };
    if (await fetch(dynamoEndpoint, { method: 'POST' }).then(() => true, () => false)) {
      return { ddb: DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'us-east-1', credentials })), audit, reviews };
    }
  }
  if (!existsSync(join(dataDir, 'dynamodb'))) {
    console.error(`No local data under ${dataDir}/ (run npm start first), and no --table for AWS.`);
    process.exit(2);
  }
  const local = await startLocalDynamo({ path: join(dataDir, 'dynamodb') });
  return { ddb: DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: local.endpoint, region: 'us-east-1', credentials })), audit, reviews, local };
}

const { ddb, audit, reviews, local } = await connect();
const roundId = values.round;
const scope = roundScope(roundId);
try {
  const entries = (await queryAll(ddb, { TableName: audit, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': chainKey(scope) }, ConsistentRead: true })).map(
    ({ pk: _pk, sk: _sk, ...e }) => e as unknown as AuditEntry,
  );
  const draws = (
    await queryAll(ddb, { TableName: reviews, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :d)', ExpressionAttributeValues: { ':pk': `ROUND#${roundId}`, ':d': 'DRAW#' }, ConsistentRead: true })
  ).map((i) => ({ inputs: i.inputs, ...(i.result ? { result: i.result } : {}), replacements: i.replacements ?? [] }) as StoredDraw);
  let mismatches = 0;
  const chain = await verifyChain(nodeSha256, scope, entries);
  if (!chain.ok) {
    mismatches++;
    console.log(`MISMATCH  chain ${scope}  first bad entry: #${chain.firstMismatch!.seq} (${chain.firstMismatch!.reason}) — run npm run verify-audit`);
  }
  const replays = await replayDraws(nodeSha256, draws.sort((a, b) => (a.inputs.drawId < b.inputs.drawId ? -1 : 1)), entries);
  for (const r of replays) {
    const what = `${r.applicationId} ${r.stage}  draw ${r.drawId}`;
    if (r.pending) console.log(`pending   ${what}  inputs committed, no result yet`);
    else if (r.ok) console.log(`ok        ${what}  team ${r.members.join(', ')}`);
    else {
      mismatches++;
      console.log(`MISMATCH  ${what}  ${r.problems.join(', ')}`);
    }
  }
  console.log(`replayed: ${replays.length} draws, ${mismatches} mismatches`);
  process.exitCode = mismatches > 0 ? 1 : 0;
} finally {
  ddb.destroy();
  await local?.close();
}
