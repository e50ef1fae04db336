/**
 * The deadline bench's linker, in a process of its own (`node --import tsx test/bench/linker-process.ts <scope>`,
 * the stack's environment in its own): it links the chain's intents as they arrive, as the intents table's stream
 * runs the linker in AWS in an invocation of its own, so the saves measured share the stack's process with no
 * linker (MERIT_LOCAL_LINKER=off) and pay for linking only where AWS does: in DynamoDB's (here dynalite's) load.
 * It drains whenever intents wait, polls every 10 ms when none do, and exits when its parent goes.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { intentKey } from '../../functions/lib/audit/linker';
import { createRuntime } from '../../functions/lib/runtime';

const scope = process.argv[2];
if (!scope) throw new Error('usage: linker-process.ts <scope>');
const rt = await createRuntime('publication', process.env);
const waiting = async () => {
  const out = await rt.clients.ddb.send(
    new QueryCommand({ TableName: rt.audit.tables.intents, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': intentKey(scope, '').pk }, Limit: 1, Select: 'COUNT' }),
  );
  return (out.Count ?? 0) > 0;
};
process.on('disconnect', () => process.exit(0));
process.send?.('ready');
for (;;) {
  if (await waiting()) await rt.audit.linker.drain(scope).catch((error: unknown) => console.error('bench linker: drain failed, trying again', error));
  else await new Promise((resolve) => setTimeout(resolve, 10));
}
