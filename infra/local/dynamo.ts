import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { LockTable, type LockMode } from './lock-table';
import { TxJournal, type JournalWrite } from './tx-journal';
import type { DiskFaults } from './disk-faults';
import { guardLevelWrites } from './level-faults';

/**
 * dynalite implements neither TransactWriteItems nor TransactGetItems. This
 * front emulates them with DynamoDB's guarantees:
 * - isolated: a transaction locks its items (and marks their partitions and
 *   tables, see lock-table.ts); every write, every read of those items, and
 *   every query or scan over them waits until the whole transaction is
 *   applied, so nobody sees half of one. Unrelated items, partitions and
 *   tables proceed in parallel.
 * - conditions against committed state: each operation runs first on a copy
 *   of the item's committed state in a private shadow table (dynalite itself
 *   evaluates the condition and computes an update's result); nothing is
 *   written to the real tables unless every condition holds, and no reader can
 *   see the shadow tables.
 * - atomic across a crash: with a data folder, the after-images are written
 *   to a journal (tx-journal.ts) before the first is applied; a start replays
 *   what a crash left there before serving.
 * A failed condition answers TransactionCanceledException with a reason per
 * item (with the item when ReturnValuesOnConditionCheckFailure is ALL_OLD).
 */
export interface LocalDynamo {
  readonly endpoint: string;
  close(): Promise<void>;
}

/** How the local DynamoDB runs. */
export interface LocalDynamoOptions {
  /** LevelDB folder; everything in memory without it. */
  readonly path?: string;
  /** Journal folder of committed transactions (default `<path>-journal`); only with `path`. */
  readonly journalDir?: string;
  /**
   * Fault injection for tests: called before each write of a committed
   * transaction is applied (writes are applied one by one) with how many are
   * applied already; it may stall, or kill the process to simulate a crash.
   */
  readonly beforeApply?: (applied: number, writes: readonly JournalWrite[]) => void | Promise<void>;
  /** Injected disk faults (tests of a full disk): LevelDB writes fail as on a full disk. */
  readonly faults?: DiskFaults;
}

type Item = Record<string, AttributeValue>;
type Names = Record<string, string>;
interface OpSpec {
  TableName: string;
  Item?: Item;
  Key?: Item;
  UpdateExpression?: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Names;
  ExpressionAttributeValues?: Item;
  ReturnValuesOnConditionCheckFailure?: string;
}
type OpKind = 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
type TxOp = Partial<Record<OpKind, OpSpec>>;
interface TableInfo {
  readonly hash: string;
  readonly range?: string;
  readonly description: Record<string, unknown>;
}
interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

const API = 'DynamoDB_20120810';
const SHADOW_PREFIX = 'merit-front-shadow.';
const isShadow = (table: string) => table.startsWith(SHADOW_PREFIX);
const TX_KINDS: readonly OpKind[] = ['Put', 'Update', 'Delete', 'ConditionCheck'];

/** An error answered to the client as DynamoDB would. */
class DynamoError extends Error {
  constructor(readonly answer: Answer) {
    super(String(answer.body.message ?? answer.body.Message ?? answer.body.__type));
  }
}

const errorBody = (type: string, message: string, extra: object = {}) => ({
  __type: `com.amazonaws.dynamodb.v20120810#${type}`,
  message,
  Message: message,
  ...extra,
});
const validation = (message: string) => new DynamoError({ status: 400, body: errorBody('ValidationException', message) });
const errorName = (answer: Answer) => String(answer.body.__type ?? '').split('#').pop() ?? '';

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

function reply(res: ServerResponse, { status, body }: Answer): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': String(Date.now()) });
  res.end(text);
}

/** One key attribute as part of a lock id (numbers compare by value). */
function keyPart(value: AttributeValue | undefined): string {
  if (!value) return '';
  if ('N' in value && value.N !== undefined) {
    const n = Number(value.N);
    return `N${Number.isFinite(n) && value.N.replace(/[^0-9]/g, '').replace(/^0+/, '').length <= 15 ? String(n) : value.N}`;
  }
  if ('S' in value && value.S !== undefined) return `S${value.S}`;
  if ('B' in value && value.B !== undefined) return `B${String(value.B)}`;
  return JSON.stringify(value);
}

/** The partition value a query's key condition fixes (`pk = :v`), if any. */
function queryPartition(input: Record<string, any>, hash: string): AttributeValue | undefined {
  const legacy = input.KeyConditions?.[hash]?.AttributeValueList?.[0];
  if (legacy) return legacy as AttributeValue;
  const expression = input.KeyConditionExpression;
  if (typeof expression !== 'string') return undefined;
  const names: Names = input.ExpressionAttributeNames ?? {};
  const values: Item = input.ExpressionAttributeValues ?? {};
  const name = (token: string) => (token.startsWith('#') ? names[token] : token);
  for (const term of expression.split(/\s+AND\s+/i)) {
    const m = /^[\s(]*([#:]?[\w.-]+)\s*=\s*([#:]?[\w.-]+)[\s)]*$/.exec(term);
    if (!m) continue;
    const [left, right] = [m[1]!, m[2]!];
    if (right.startsWith(':') && name(left) === hash) return values[right];
    if (left.startsWith(':') && name(right) === hash) return values[left];
  }
  return undefined;
}

/** Starts dynalite (LevelDB under `path`, or in memory) behind the transaction front. */
export async function startLocalDynamo(options: LocalDynamoOptions = {}): Promise<LocalDynamo> {
  // A failing LevelDB write is answered as DynamoDB's 500, not thrown from a callback (which ended the process).
  guardLevelWrites(options.faults);
  const inner = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(options.path ? { path: options.path } : {}) });
  const innerPort = await listen(inner);
  const agent = new Agent({ keepAlive: true });

  /** One call to dynalite (which wants a signature-shaped header but checks none). */
  const call = (target: string, input: unknown): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const text = JSON.stringify(input);
      const out = request(
        {
          host: '127.0.0.1',
          port: innerPort,
          method: 'POST',
          path: '/',
          agent,
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'content-length': Buffer.byteLength(text),
            'x-amz-target': `${API}.${target}`,
            'x-amz-date': '20200101T000000Z',
            authorization: 'AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: res.statusCode ?? 500, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
            } catch {
              resolve({ status: res.statusCode ?? 500, body: errorBody('InternalServerError', raw) });
            }
          });
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(text);
    });
  /** A call that must succeed. */
  const must = async (target: string, input: unknown): Promise<Record<string, unknown>> => {
    const answer = await call(target, input);
    if (answer.status !== 200) throw new DynamoError(answer);
    return answer.body;
  };

  const tables = new Map<string, Promise<TableInfo>>();
  const tableInfo = (table: string): Promise<TableInfo> => {
    let info = tables.get(table);
    if (!info) {
      info = must('DescribeTable', { TableName: table }).then((out) => {
        const description = out.Table as Record<string, any>;
        const schema = description.KeySchema as { AttributeName: string; KeyType: string }[];
        const range = schema.find((k) => k.KeyType === 'RANGE')?.AttributeName;
        return { hash: schema.find((k) => k.KeyType === 'HASH')!.AttributeName, ...(range ? { range } : {}), description };
      });
      info.catch(() => tables.delete(table));
      tables.set(table, info);
    }
    return info;
  };
  const keyOf = (info: TableInfo, item: Item): Item => ({
    [info.hash]: item[info.hash]!,
    ...(info.range ? { [info.range]: item[info.range]! } : {}),
  });
  const ids = {
    table: (table: string) => JSON.stringify(['T', table]),
    partition: (table: string, hash: AttributeValue | undefined) => JSON.stringify(['P', table, keyPart(hash)]),
    item: (table: string, info: TableInfo, key: Item) =>
      JSON.stringify(['I', table, keyPart(key[info.hash]), info.range ? keyPart(key[info.range]) : '']),
  };
  const locks = new LockTable();
  /** Locks a writer of these items takes: the items X, their partitions and tables IX. */
  const writeLocks = (items: { table: string; info: TableInfo; key: Item }[], marks: boolean): [string, LockMode][] =>
    items.flatMap(({ table, info, key }): [string, LockMode][] => [
      [ids.item(table, info, key), 'X'],
      ...(marks ? ([[ids.partition(table, key[info.hash]), 'IX'], [ids.table(table), 'IX']] as [string, LockMode][]) : []),
    ]);
  const readLocks = (items: { table: string; info: TableInfo; key: Item }[]): [string, LockMode][] =>
    items.map(({ table, info, key }) => [ids.item(table, info, key), 'S']);
  const withLocks = async <T>(requests: [string, LockMode][], work: () => Promise<T>): Promise<T> => {
    const release = await locks.acquire(requests);
    try {
      return await work();
    } finally {
      release();
    }
  };

  // Shadow tables: same keys and indexes as the real one, seen only by this front.
  const shadows = new Map<string, Promise<string>>();
  const waitForTable = async (name: string, gone: boolean) => {
    for (;;) {
      const answer = await call('DescribeTable', { TableName: name });
      if (gone ? errorName(answer) === 'ResourceNotFoundException' : (answer.body.Table as { TableStatus?: string } | undefined)?.TableStatus === 'ACTIVE') return;
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const shadowOf = (table: string): Promise<string> => {
    let shadow = shadows.get(table);
    if (!shadow) {
      shadow = (async () => {
        const name = `${SHADOW_PREFIX}${table}`;
        const t = (await tableInfo(table)).description as Record<string, any>;
        const index = (i: Record<string, any>) => ({ IndexName: i.IndexName, KeySchema: i.KeySchema, Projection: i.Projection });
        const created = await call('CreateTable', {
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: t.AttributeDefinitions,
          KeySchema: t.KeySchema,
          ...(t.GlobalSecondaryIndexes?.length ? { GlobalSecondaryIndexes: t.GlobalSecondaryIndexes.map(index) } : {}),
          ...(t.LocalSecondaryIndexes?.length ? { LocalSecondaryIndexes: t.LocalSecondaryIndexes.map(index) } : {}),
        });
        if (created.status !== 200 && errorName(created) !== 'ResourceInUseException') throw new DynamoError(created);
        await waitForTable(name, false);
        return name;
      })();
      shadow.catch(() => shadows.delete(table));
      shadows.set(table, shadow);
    }
    return shadow;
  };
  const dropShadow = async (table: string) => {
    shadows.delete(table);
    const answer = await call('DeleteTable', { TableName: `${SHADOW_PREFIX}${table}` });
    if (answer.status === 200) await waitForTable(`${SHADOW_PREFIX}${table}`, true);
  };
  const forgetTable = async (table: string) => {
    tables.delete(table);
    await dropShadow(table);
  };

  /** Writes of a committed transaction, applied one by one (each is idempotent). */
  const apply = async (writes: readonly JournalWrite[]) => {
    for (let i = 0; i < writes.length; i++) {
      await options.beforeApply?.(i, writes);
      const w = writes[i]!;
      for (let attempt = 1; ; attempt++) {
        const answer = w.Item
          ? await call('PutItem', { TableName: w.TableName, Item: w.Item })
          : await call('DeleteItem', { TableName: w.TableName, Key: w.Key });
        if (answer.status === 200) break;
        if (attempt === 3) throw new DynamoError(answer);
      }
    }
  };

  // Before serving: finish what a crash interrupted, and drop the shadows' leftovers.
  const journal = options.path ? await TxJournal.open(options.journalDir ?? `${options.path}-journal`) : undefined;
  if (journal) {
    const replayed = await journal.replay(apply);
    if (replayed > 0) console.log(`local DynamoDB: completed ${replayed} transaction(s) interrupted by the last stop`);
  }
  for (let start: string | undefined; ; ) {
    const out = await must('ListTables', start ? { ExclusiveStartTableName: start } : {});
    for (const name of (out.TableNames as string[]).filter(isShadow)) await dropShadow(name.slice(SHADOW_PREFIX.length));
    start = out.LastEvaluatedTableName as string | undefined;
    if (!start) break;
  }

  /** Runs one operation of a transaction on the shadow copy of its item's committed state. */
  async function evaluate(kind: OpKind, spec: OpSpec, key: Item, before: Item | undefined): Promise<{ failed: boolean; after?: Item }> {
    const shadow = await shadowOf(spec.TableName);
    const { ReturnValuesOnConditionCheckFailure: _rv, ...rest } = spec;
    const op = { ...rest, TableName: shadow };
    const dependsOnState = kind === 'Update' || kind === 'ConditionCheck' || spec.ConditionExpression !== undefined;
    if (dependsOnState) {
      if (before) await must('PutItem', { TableName: shadow, Item: before });
      else await must('DeleteItem', { TableName: shadow, Key: key });
    }
    const answer =
      kind === 'Put'
        ? await call('PutItem', op)
        : kind === 'Update'
          ? await call('UpdateItem', { ...op, ReturnValues: 'ALL_NEW' })
          : // A ConditionCheck's condition is evaluated by a conditional delete of the shadow copy.
            await call('DeleteItem', { TableName: shadow, Key: spec.Key, ConditionExpression: spec.ConditionExpression, ExpressionAttributeNames: spec.ExpressionAttributeNames, ExpressionAttributeValues: spec.ExpressionAttributeValues });
    if (answer.status !== 200) {
      if (errorName(answer) === 'ConditionalCheckFailedException') return { failed: true };
      throw new DynamoError(answer);
    }
    if (kind === 'Put') return { failed: false, after: spec.Item! };
    if (kind === 'Update') return { failed: false, after: answer.body.Attributes as Item };
    return { failed: false };
  }

  async function transactWrite(input: { TransactItems?: TxOp[] }): Promise<Answer> {
    const ops = input.TransactItems ?? [];
    if (!Array.isArray(ops) || ops.length === 0 || ops.length > 100) throw validation('TransactItems must have 1 to 100 items');
    const targets = await Promise.all(
      ops.map(async (op) => {
        const kinds = TX_KINDS.filter((k) => op[k]);
        if (kinds.length !== 1) throw validation('Each TransactItem must have exactly one of Put, Update, Delete or ConditionCheck');
        const kind = kinds[0]!;
        const spec = op[kind]!;
        if (isShadow(spec.TableName)) throw validation('Requested resource not found');
        const info = await tableInfo(spec.TableName);
        const key = kind === 'Put' ? keyOf(info, spec.Item ?? {}) : (spec.Key ?? {});
        return { kind, spec, info, key, table: spec.TableName, id: ids.item(spec.TableName, info, key) };
      }),
    );
    if (new Set(targets.map((t) => t.id)).size !== targets.length) {
      throw validation('Transaction request cannot include multiple operations on one item');
    }
    return withLocks(writeLocks(targets, true), async () => {
      const before = await Promise.all(
        targets.map(async (t) => (await must('GetItem', { TableName: t.table, Key: t.key, ConsistentRead: true })).Item as Item | undefined),
      );
      let outcomes: { failed: boolean; after?: Item }[];
      try {
        outcomes = await Promise.all(targets.map((t, i) => evaluate(t.kind, t.spec, t.key, before[i])));
      } finally {
        await Promise.all(targets.map(async (t) => call('DeleteItem', { TableName: await shadowOf(t.table), Key: t.key }).catch(() => undefined)));
      }
      if (outcomes.some((o) => o.failed)) {
        const reasons = outcomes.map((o, i) => {
          if (!o.failed) return { Code: 'None' };
          const item = targets[i]!.spec.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' ? before[i] : undefined;
          return { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', ...(item ? { Item: item } : {}) };
        });
        const codes = reasons.map((r) => r.Code).join(', ');
        return {
          status: 400,
          body: errorBody('TransactionCanceledException', `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes}]`, { CancellationReasons: reasons }),
        };
      }
      // Committed: every condition held against the committed state, which the locks keep as it was.
      const writes: JournalWrite[] = targets.flatMap((t, i): JournalWrite[] => {
        if (t.kind === 'ConditionCheck') return [];
        const after = outcomes[i]!.after;
        return [{ TableName: t.table, Key: t.key, ...(t.kind === 'Delete' ? {} : { Item: after! }) }];
      });
      const entry = journal && writes.length > 0 ? await journal.record(writes) : undefined;
      try {
        await apply(writes);
      } catch (error) {
        // The journal keeps the transaction: the next start completes it.
        console.error('local DynamoDB: a committed transaction could not be applied; it completes on the next start', error);
        throw error;
      }
      if (entry) await journal!.done(entry);
      return { status: 200, body: {} };
    });
  }

  async function transactGet(input: { TransactItems?: { Get?: OpSpec & { ProjectionExpression?: string } }[] }): Promise<Answer> {
    const gets = input.TransactItems ?? [];
    if (!Array.isArray(gets) || gets.length === 0 || gets.length > 100) throw validation('TransactItems must have 1 to 100 items');
    const targets = await Promise.all(
      gets.map(async ({ Get }) => {
        if (!Get?.Key || isShadow(Get.TableName)) throw validation('Each TransactItem must be a Get with a Key');
        return { table: Get.TableName, info: await tableInfo(Get.TableName), key: Get.Key, get: Get };
      }),
    );
    return withLocks(readLocks(targets), async () => {
      const responses = await Promise.all(
        targets.map(async (t) => {
          const out = await must('GetItem', { ...t.get, ConsistentRead: true });
          return out.Item ? { Item: out.Item } : {};
        }),
      );
      return { status: 200, body: { Responses: responses } };
    });
  }

  /** The locks a request other than a transaction needs, by operation. */
  async function locksFor(target: string, input: Record<string, any>): Promise<[string, LockMode][]> {
    const table = input.TableName as string | undefined;
    switch (target) {
      case 'GetItem':
      case 'PutItem':
      case 'UpdateItem':
      case 'DeleteItem': {
        const info = await tableInfo(table!);
        const key = target === 'PutItem' ? keyOf(info, input.Item ?? {}) : (input.Key ?? {});
        return target === 'GetItem' ? readLocks([{ table: table!, info, key }]) : writeLocks([{ table: table!, info, key }], false);
      }
      case 'BatchGetItem':
      case 'BatchWriteItem': {
        const items: { table: string; info: TableInfo; key: Item }[] = [];
        for (const [name, entry] of Object.entries((input.RequestItems ?? {}) as Record<string, any>)) {
          const info = await tableInfo(name);
          if (target === 'BatchGetItem') for (const key of entry.Keys ?? []) items.push({ table: name, info, key });
          else for (const w of entry as any[]) items.push({ table: name, info, key: w.PutRequest ? keyOf(info, w.PutRequest.Item ?? {}) : (w.DeleteRequest?.Key ?? {}) });
        }
        return target === 'BatchGetItem' ? readLocks(items) : writeLocks(items, false);
      }
      case 'Query': {
        const info = await tableInfo(table!);
        const partition = input.IndexName ? undefined : queryPartition(input, info.hash);
        return [partition ? [ids.partition(table!, partition), 'S'] : [ids.table(table!), 'S']];
      }
      case 'Scan':
        return [[ids.table(table!), 'S']];
      default:
        return [];
    }
  }

  /** Passes a request to dynalite as it came; resolves to the status once the answer is sent. */
  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<number> =>
    new Promise((resolve, reject) => {
      const out = request(
        { host: '127.0.0.1', port: innerPort, method: req.method, path: req.url, headers: req.headers, agent },
        (innerRes) => {
          res.writeHead(innerRes.statusCode ?? 500, innerRes.headers);
          innerRes.pipe(res);
          innerRes.on('end', () => resolve(innerRes.statusCode ?? 500));
          innerRes.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    let input: Record<string, any> = {};
    try {
      input = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, any>) : {};
    } catch {
      return void (await forward(req, body, res)); // dynalite answers the malformed request
    }
    if (target === 'TransactWriteItems') return reply(res, await transactWrite(input));
    if (target === 'TransactGetItems') return reply(res, await transactGet(input));
    if (target === 'ListTables') {
      const answer = await call('ListTables', input);
      if (Array.isArray(answer.body.TableNames)) answer.body.TableNames = (answer.body.TableNames as string[]).filter((n) => !isShadow(n));
      return reply(res, answer);
    }
    if (typeof input.TableName === 'string' && isShadow(input.TableName)) {
      return reply(res, { status: 400, body: errorBody('ResourceNotFoundException', 'Requested resource not found') });
    }
    if (target === 'CreateTable' || target === 'DeleteTable' || target === 'UpdateTable') {
      if ((await forward(req, body, res)) === 200) await forgetTable(String(input.TableName));
      return;
    }
    let requests: [string, LockMode][];
    try {
      requests = await locksFor(target, input);
    } catch (error) {
      if (error instanceof DynamoError && errorName(error.answer) === 'ResourceNotFoundException') return void (await forward(req, body, res));
      throw error;
    }
    await withLocks(requests, () => forward(req, body, res));
  }

  const inflight = new Set<Promise<void>>();
  const front = createServer((req, res) => {
    const work = handle(req, res)
      .catch((error: unknown) => {
        if (res.headersSent) return void res.destroy();
        if (error instanceof DynamoError) return reply(res, error.answer);
        reply(res, { status: 500, body: errorBody('InternalServerError', (error as Error).message) });
      })
      .finally(() => inflight.delete(work));
    inflight.add(work);
  });
  const port = await listen(front);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      const frontClosed = new Promise<void>((r) => front.close(() => r()));
      front.closeAllConnections();
      await frontClosed;
      // A transaction already committed finishes before the store closes.
      await Promise.allSettled([...inflight]);
      agent.destroy();
      const innerClosed = new Promise<void>((r) => inner.close(() => r()));
      inner.closeAllConnections();
      await innerClosed;
    },
  };
}
