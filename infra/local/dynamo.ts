import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

/**
 * dynalite implements neither TransactWriteItems nor TransactGetItems. This
 * front emulates them so the same transactional code runs locally: every
 * write passes one lock; a transaction records the before-image of each item,
 * applies its operations one by one with their own conditions (dynalite
 * evaluates them), and on the first failed condition puts every touched item
 * back and answers TransactionCanceledException with cancellation reasons.
 * Unlike DynamoDB, a concurrent reader may glimpse a half-applied
 * transaction for a moment; writers never can.
 */
export interface LocalDynamo {
  readonly endpoint: string;
  close(): Promise<void>;
}

type Item = Record<string, AttributeValue>;
interface TxOp {
  Put?: { TableName: string; Item: Item; ConditionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Item };
  Update?: { TableName: string; Key: Item; UpdateExpression: string; ConditionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Item };
  Delete?: { TableName: string; Key: Item; ConditionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Item };
  ConditionCheck?: { TableName: string; Key: Item; ConditionExpression: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Item };
}

const WRITE_TARGETS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);

/** A FIFO lock: one writer at a time. */
function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': String(Date.now()) });
  res.end(text);
}

const errorBody = (type: string, message: string, extra: object = {}) => ({
  __type: `com.amazonaws.dynamodb.v20120810#${type}`,
  message,
  Message: message,
  ...extra,
});

/** Starts dynalite (LevelDB under `path`, or in memory) behind the transaction front. */
export async function startLocalDynamo(options: { path?: string } = {}): Promise<LocalDynamo> {
  const inner = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(options.path ? { path: options.path } : {}) });
  const innerPort = await listen(inner);
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${innerPort}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const keySchemas = new Map<string, string[]>();
  const keyOf = async (table: string, item: Item): Promise<Item> => {
    let names = keySchemas.get(table);
    if (!names) {
      const out = await client.send(new DescribeTableCommand({ TableName: table }));
      names = (out.Table?.KeySchema ?? []).map((k) => k.AttributeName!);
      keySchemas.set(table, names);
    }
    return Object.fromEntries(names.map((n) => [n, item[n]!]));
  };
  const lock = createLock();

  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> =>
    new Promise((resolve, reject) => {
      const out = request(
        { host: '127.0.0.1', port: innerPort, method: req.method, path: req.url, headers: req.headers },
        (innerRes) => {
          res.writeHead(innerRes.statusCode ?? 500, innerRes.headers);
          innerRes.pipe(res);
          innerRes.on('end', resolve);
          innerRes.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  async function transactWrite(input: { TransactItems?: TxOp[] }): Promise<[number, unknown]> {
    const ops = input.TransactItems ?? [];
    if (ops.length === 0 || ops.length > 100) return [400, errorBody('ValidationException', 'TransactItems must have 1 to 100 items')];
    const targets = await Promise.all(
      ops.map(async (op) => {
        const spec = op.Put ?? op.Update ?? op.Delete ?? op.ConditionCheck;
        if (!spec) throw new Error('empty transaction item');
        const key = op.Put ? await keyOf(op.Put.TableName, op.Put.Item) : (spec as { Key: Item }).Key;
        return { table: spec.TableName, key, id: `${spec.TableName}|${JSON.stringify(key)}` };
      }),
    );
    if (new Set(targets.map((t) => t.id)).size !== targets.length) {
      return [400, errorBody('ValidationException', 'Transaction request cannot include multiple operations on one item')];
    }
    const before = await Promise.all(
      targets.map(async (t) => (await client.send(new GetItemCommand({ TableName: t.table, Key: t.key, ConsistentRead: true }))).Item),
    );
    const restore = async (indexes: number[]) => {
      for (const i of indexes.reverse()) {
        const t = targets[i]!;
        const image = before[i];
        if (image) await client.send(new PutItemCommand({ TableName: t.table, Item: image }));
        else await client.send(new DeleteItemCommand({ TableName: t.table, Key: t.key }));
      }
    };
    const reasons = ops.map(() => ({ Code: 'None' as string, Message: undefined as string | undefined }));
    const applied: number[] = [];
    try {
      for (let i = 0; i < ops.length; i++) {
        const op = ops[i]!;
        try {
          if (op.Put) await client.send(new PutItemCommand(op.Put));
          else if (op.Update) await client.send(new UpdateItemCommand(op.Update));
          else if (op.Delete) await client.send(new DeleteItemCommand(op.Delete));
          else if (op.ConditionCheck) {
            const c = op.ConditionCheck;
            // Evaluate the condition with a throw-away attribute; the item is put back below.
            await client.send(
              new UpdateItemCommand({
                TableName: c.TableName,
                Key: c.Key,
                ConditionExpression: c.ConditionExpression,
                UpdateExpression: 'SET #txprobe = :txprobe',
                ExpressionAttributeNames: { ...c.ExpressionAttributeNames, '#txprobe': '__txprobe' },
                ExpressionAttributeValues: { ...c.ExpressionAttributeValues, ':txprobe': { BOOL: true } },
              }),
            );
          }
          applied.push(i);
        } catch (error) {
          if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
          reasons[i] = { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' };
          await restore(applied);
          const codes = reasons.map((r) => r.Code).join(', ');
          return [400, errorBody('TransactionCanceledException', `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes}]`, {
            CancellationReasons: reasons.map((r) => (r.Message ? r : { Code: r.Code })),
          })];
        }
      }
    } catch (error) {
      await restore(applied);
      const e = error as Error & { $metadata?: { httpStatusCode?: number } };
      return [e.$metadata?.httpStatusCode ?? 500, errorBody(e.name, e.message)];
    }
    await restore(ops.map((op, i) => (op.ConditionCheck ? i : -1)).filter((i) => i >= 0));
    return [200, {}];
  }

  async function transactGet(input: { TransactItems?: { Get: { TableName: string; Key: Item; ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string> } }[] }): Promise<[number, unknown]> {
    const responses = [];
    for (const { Get } of input.TransactItems ?? []) {
      const out = await client.send(new GetItemCommand({ ...Get, ConsistentRead: true }));
      responses.push(out.Item ? { Item: out.Item } : {});
    }
    return [200, { Responses: responses }];
  }

  const front = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const target = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      try {
        if (target === 'TransactWriteItems') {
          const [status, out] = await lock(() => transactWrite(JSON.parse(body.toString('utf8'))));
          reply(res, status, out);
        } else if (target === 'TransactGetItems') {
          const [status, out] = await transactGet(JSON.parse(body.toString('utf8')));
          reply(res, status, out);
        } else if (WRITE_TARGETS.has(target)) {
          await lock(() => forward(req, body, res));
        } else {
          await forward(req, body, res);
        }
      } catch (error) {
        if (!res.headersSent) reply(res, 500, errorBody('InternalServerError', (error as Error).message));
        else res.destroy();
      }
    })();
  });
  const port = await listen(front);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      client.destroy();
      const frontClosed = new Promise<void>((r) => front.close(() => r()));
      front.closeAllConnections();
      await frontClosed;
      const innerClosed = new Promise<void>((r) => inner.close(() => r()));
      inner.closeAllConnections();
      await innerClosed;
    },
  };
}
