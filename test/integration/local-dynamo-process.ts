import { ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { startLocalDynamo } from '../../infra/local/dynamo';
import { createPlainTable, localDynamoClients } from './local-dynamo-helpers';

// The local DynamoDB (front + dynalite on disk) in a process of its own, for crash tests:
//   node --import tsx test/integration/local-dynamo-process.ts <data folder> <table>
// prints {"endpoint": …} once serving. With KILL_MID_APPLY=1 it kills itself (SIGKILL) after
// the first write of the first transaction that has more than one.
const [path, table] = process.argv.slice(2);
if (!path || !table) throw new Error('usage: local-dynamo-process.ts <data folder> <table>');
const killMidApply = process.env.KILL_MID_APPLY === '1';
const dynamo = await startLocalDynamo({
  path,
  ...(killMidApply ? { beforeApply: (applied: number) => void (applied === 1 && process.kill(process.pid, 'SIGKILL')) } : {}),
});
const { raw } = localDynamoClients(dynamo.endpoint);
await createPlainTable(raw, table).catch((error: unknown) => {
  if (!(error instanceof ResourceInUseException)) throw error;
});
raw.destroy();
process.stdout.write(`${JSON.stringify({ endpoint: dynamo.endpoint })}\n`);
process.on('SIGTERM', () => void dynamo.close().then(() => process.exit(0)));
