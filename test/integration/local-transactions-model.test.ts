import { ListTablesCommand, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, ScanCommand, TransactGetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../infra/local/dynamo';
import { createPlainTable, localDynamoClients } from './local-dynamo-helpers';

// The local transaction front (infra/local/dynamo.ts) against a model: random transactions fired at
// once must leave what some serial execution leaves, and no concurrent reader may see half of one.

const TableName = 'model';
const KEYS = ['a', 'b', 'c', 'd'] as const;
type Key = (typeof KEYS)[number];
type Condition = { kind: 'exists' } | { kind: 'notExists' } | { kind: 'eq'; x: number } | { kind: 'lt'; x: number } | { kind: 'ne'; x: number };
type Op = { key: Key; type: 'put' | 'update' | 'delete' | 'check'; v: number; cond: Condition | null };
type State = { v: number; tok: string } | undefined;

const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.constant({ kind: 'exists' as const }),
  fc.constant({ kind: 'notExists' as const }),
  fc.record({ kind: fc.constant('eq' as const), x: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('lt' as const), x: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant('ne' as const), x: fc.integer({ min: 0, max: 4 }) }),
);
const opArb: fc.Arbitrary<Op> = fc
  .record({
    key: fc.constantFrom(...KEYS),
    type: fc.constantFrom('put' as const, 'update' as const, 'delete' as const, 'check' as const),
    v: fc.integer({ min: 0, max: 3 }),
    cond: fc.option(conditionArb, { nil: null }),
    checkCond: conditionArb,
  })
  .map(({ checkCond, ...op }) => (op.type === 'check' ? { ...op, cond: op.cond ?? checkCond } : op));
const txsArb = fc.array(fc.uniqueArray(opArb, { selector: (o) => o.key, minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 12 });

const holds = (cond: Condition | null, s: State): boolean => {
  if (!cond) return true;
  switch (cond.kind) {
    case 'exists': return s !== undefined;
    case 'notExists': return s === undefined;
    case 'eq': return s !== undefined && s.v === cond.x;
    case 'lt': return s !== undefined && s.v < cond.x;
    case 'ne': return s === undefined || s.v !== cond.x;
  }
};
const after = (op: Op, s: State, tok: string): State => {
  switch (op.type) {
    case 'put': return { v: op.v, tok };
    case 'update': return { v: (s?.v ?? 0) + op.v, tok };
    case 'delete': return undefined;
    case 'check': return s;
  }
};
const conditionOf = (cond: Condition | null): { ConditionExpression?: string; ExpressionAttributeValues?: Record<string, number> } => {
  if (!cond) return {};
  const expression = { exists: 'attribute_exists(pk)', notExists: 'attribute_not_exists(pk)', eq: 'v = :x', lt: 'v < :x', ne: 'v <> :x' }[cond.kind];
  return { ConditionExpression: expression, ...('x' in cond ? { ExpressionAttributeValues: { ':x': cond.x } } : {}) };
};

/** The transaction: the ops, then an append of its id to the journal item of every key it touches (so each key's journal orders every transaction on it). */
function request(pk: string, tok: string, ops: Op[]): TransactWriteCommandInput {
  const items: NonNullable<TransactWriteCommandInput['TransactItems']> = ops.map((op) => {
    const Key = { pk, sk: `i:${op.key}` };
    const c = conditionOf(op.cond);
    if (op.type === 'put') return { Put: { TableName, Item: { ...Key, v: op.v, tok }, ...c } };
    if (op.type === 'delete') return { Delete: { TableName, Key, ...c } };
    if (op.type === 'check') return { ConditionCheck: { TableName, Key, ...c, ConditionExpression: c.ConditionExpression! } };
    return {
      Update: {
        TableName,
        Key,
        UpdateExpression: 'SET v = if_not_exists(v, :zero) + :d, tok = :t',
        ConditionExpression: c.ConditionExpression,
        ExpressionAttributeValues: { ...c.ExpressionAttributeValues, ':zero': 0, ':d': op.v, ':t': tok },
      },
    };
  });
  for (const op of ops) {
    items.push({
      Update: {
        TableName,
        Key: { pk, sk: `j:${op.key}` },
        UpdateExpression: 'SET h = list_append(if_not_exists(h, :nil), :e)',
        ExpressionAttributeValues: { ':nil': [], ':e': [tok] },
      },
    });
  }
  return { TransactItems: items };
}

type Snapshot = Map<string, Record<string, unknown>>;
const journalOf = (snapshot: Snapshot, key: Key) => (snapshot.get(`j:${key}`)?.h as string[] | undefined) ?? [];
const stateOf = (snapshot: Snapshot, key: Key) => snapshot.get(`i:${key}`);

let dynamo: LocalDynamo;
let clients: ReturnType<typeof localDynamoClients>;
let run = 0;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  clients = localDynamoClients(dynamo.endpoint);
  await createPlainTable(clients.raw, TableName);
});
afterAll(async () => {
  clients?.raw.destroy();
  await dynamo?.close();
});

describe('local DynamoDB transactions against a serial model', () => {
  it('leaves what a serial execution of the committed transactions leaves, and readers never see half of one', async () => {
    const { ddb } = clients;
    await fc.assert(
      fc.asyncProperty(txsArb, async (generated) => {
        const pk = `RUN#${++run}`;
        // Prepare: half the keys exist beforehand, written by one more transaction (the last, `init`).
        const txs = [...generated, KEYS.filter((_, i) => (run + i) % 2 === 0).map((key): Op => ({ key, type: 'put', v: 1, cond: null }))];
        const init = generated.length;
        const tokens = txs.map((_, i) => `${pk}/${i}`);
        await ddb.send(new TransactWriteCommand(request(pk, tokens[init]!, txs[init]!)));

        // Act: every transaction at once, with two readers (a transactional get and a query) watching.
        const snapshots: Snapshot[] = [];
        let writing = true;
        const transactGet = async () => {
          const out = await ddb.send(new TransactGetCommand({ TransactItems: KEYS.flatMap((k) => [`i:${k}`, `j:${k}`]).map((sk) => ({ Get: { TableName, Key: { pk, sk } } })) }));
          return new Map((out.Responses ?? []).flatMap((r) => (r.Item ? [[r.Item.sk as string, r.Item] as const] : [])));
        };
        const query = async () => {
          const out = await ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true }));
          return new Map((out.Items ?? []).map((item) => [item.sk as string, item] as const));
        };
        const reader = async (read: () => Promise<Snapshot>) => {
          while (writing) snapshots.push(await read());
        };
        const readers = [reader(transactGet), reader(query)];
        const results = await Promise.all(
          txs.slice(0, init).map(async (ops, i) => {
            try {
              await ddb.send(new TransactWriteCommand(request(pk, tokens[i]!, ops)));
              return { committed: true as const };
            } catch (error) {
              if (!(error instanceof TransactionCanceledException)) throw error;
              return { committed: false as const, codes: (error.CancellationReasons ?? []).map((r) => r.Code) };
            }
          }),
        );
        writing = false;
        await Promise.all(readers);
        const final = await query();

        // Assess: each key's journal lists exactly the committed transactions that touched it.
        const txOf = new Map(tokens.map((t, i) => [t, i]));
        const committed = new Set([init, ...results.flatMap((r, i) => (r.committed ? [i] : []))]);
        for (const key of KEYS) {
          const journal = journalOf(final, key).map((t) => txOf.get(t)!);
          expect(new Set(journal).size).toBe(journal.length);
          const expected = [...committed].filter((i) => txs[i]!.some((op) => op.key === key)).sort();
          expect([...journal].sort()).toEqual(expected);
        }
        // The journals' orders admit one serial order (no cycle); replaying it in the model gives the stored state.
        const edges = new Map<number, Set<number>>([...committed].map((i) => [i, new Set<number>()]));
        const indegree = new Map<number, number>([...committed].map((i) => [i, 0]));
        for (const key of KEYS) {
          const journal = journalOf(final, key).map((t) => txOf.get(t)!);
          for (let j = 1; j < journal.length; j++) {
            if (edges.get(journal[j - 1]!)!.has(journal[j]!)) continue;
            edges.get(journal[j - 1]!)!.add(journal[j]!);
            indegree.set(journal[j]!, indegree.get(journal[j]!)! + 1);
          }
        }
        const serial: number[] = [];
        const ready = [...committed].filter((i) => indegree.get(i) === 0);
        while (ready.length) {
          const i = ready.pop()!;
          serial.push(i);
          for (const next of edges.get(i)!) {
            indegree.set(next, indegree.get(next)! - 1);
            if (indegree.get(next) === 0) ready.push(next);
          }
        }
        expect(serial.length, 'the per-key orders form a cycle: no serial order explains them').toBe(committed.size);
        const model = new Map<Key, State>();
        for (const i of serial) {
          for (const op of txs[i]!) expect(holds(op.cond, model.get(op.key)), `committed transaction ${i} had a false condition in the serial order`).toBe(true);
          for (const op of txs[i]!) model.set(op.key, after(op, model.get(op.key), tokens[i]!));
        }
        for (const key of KEYS) {
          const s = model.get(key);
          expect(stateOf(final, key)).toEqual(s ? { pk, sk: `i:${key}`, v: s.v, tok: s.tok } : undefined);
        }
        // A cancelled transaction wrote nothing, and names a condition that was false in some committed state of its item.
        const histories = new Map<Key, State[]>(
          KEYS.map((key) => {
            const states: State[] = [undefined];
            for (const t of journalOf(final, key)) {
              const op = txs[txOf.get(t)!]!.find((o) => o.key === key)!;
              states.push(after(op, states.at(-1), t));
            }
            return [key, states];
          }),
        );
        results.forEach((r, i) => {
          if (r.committed) return;
          const ops = txs[i]!;
          expect(r.codes).toHaveLength(ops.length * 2);
          expect(r.codes.slice(ops.length).every((c) => c === 'None')).toBe(true);
          expect(r.codes).toContain('ConditionalCheckFailed');
          ops.forEach((op, j) => {
            if (r.codes[j] === 'ConditionalCheckFailed') expect(histories.get(op.key)!.some((s) => !holds(op.cond, s))).toBe(true);
          });
        });
        // Every snapshot a reader took is a prefix of the history in which each transaction is wholly there or wholly absent.
        for (const snapshot of snapshots) {
          const seen = new Set(KEYS.flatMap((key) => journalOf(snapshot, key)));
          for (const t of seen) {
            for (const op of txs[txOf.get(t)!]!) expect(journalOf(snapshot, op.key), `a reader saw half of transaction ${t}`).toContain(t);
          }
          for (const key of KEYS) {
            const journal = journalOf(snapshot, key);
            expect(journalOf(final, key).slice(0, journal.length)).toEqual(journal);
            const s = histories.get(key)![journal.length];
            expect(stateOf(snapshot, key), `a reader saw ${key} out of step with its journal`).toEqual(s ? { pk, sk: `i:${key}`, v: s.v, tok: s.tok } : undefined);
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('local DynamoDB transaction isolation', () => {
  it('holds readers and writers of a half-applied transaction until it is whole, while other partitions go on', async () => {
    // Prepare: a front that stalls any transaction on partition STALL after its first write is applied.
    let stalled!: () => void;
    const reachedStall = new Promise<void>((r) => (stalled = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const front = await startLocalDynamo({
      beforeApply: async (applied, writes) => {
        if (applied === 1 && (writes[0]!.Key.pk as { S?: string }).S === 'STALL') {
          stalled();
          await released;
        }
      },
    });
    const { raw, ddb } = localDynamoClients(front.endpoint);
    try {
      await createPlainTable(raw, 'iso');
      const TableName = 'iso';
      await ddb.send(new PutCommand({ TableName, Item: { pk: 'STALL', sk: 'b', tok: 'old', gsi1pk: 'G', gsi1sk: 'b' } }));

      // Act: a transaction on STALL writes a then b, and stops between the two.
      const tx = ddb.send(new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: { pk: 'STALL', sk: 'a', tok: 'new', gsi1pk: 'G', gsi1sk: 'a' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Update: { TableName, Key: { pk: 'STALL', sk: 'b' }, UpdateExpression: 'SET tok = :t', ConditionExpression: 'tok = :old', ExpressionAttributeValues: { ':t': 'new', ':old': 'old' } } },
        ],
      }));
      await reachedStall;
      const done = new Set<string>();
      const watch = <T>(name: string, p: Promise<T>) => p.finally(() => done.add(name));
      const reads = {
        get: watch('get', ddb.send(new GetCommand({ TableName, Key: { pk: 'STALL', sk: 'a' }, ConsistentRead: true }))),
        query: watch('query', ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'STALL' }, ConsistentRead: true }))),
        transactGet: watch('transactGet', ddb.send(new TransactGetCommand({ TransactItems: ['a', 'b'].map((sk) => ({ Get: { TableName, Key: { pk: 'STALL', sk } } })) }))),
      };
      const write = watch('write', ddb.send(new PutCommand({ TableName, Item: { pk: 'STALL', sk: 'b', tok: 'later', gsi1pk: 'G', gsi1sk: 'b' }, ConditionExpression: 'tok = :n', ExpressionAttributeValues: { ':n': 'new' } })));
      // Another partition: its transaction, reads and query complete while STALL is held.
      await ddb.send(new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: { pk: 'FREE', sk: 'x', tok: 'free' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { ConditionCheck: { TableName, Key: { pk: 'FREE', sk: 'y' }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }));
      expect((await ddb.send(new GetCommand({ TableName, Key: { pk: 'FREE', sk: 'x' }, ConsistentRead: true }))).Item).toMatchObject({ tok: 'free' });
      expect((await ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'FREE' } }))).Items).toHaveLength(1);

      // A scan and an index query wait for the transactions in flight on their table (and, first come first served, hold back later writers of it).
      const tableReads = {
        index: watch('index', ddb.send(new QueryCommand({ TableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :g', ExpressionAttributeValues: { ':g': 'G' } }))),
        scan: watch('scan', ddb.send(new ScanCommand({ TableName, ConsistentRead: true }))),
      };
      await ddb.send(new GetCommand({ TableName, Key: { pk: 'FREE', sk: 'x' }, ConsistentRead: true }));

      // Assess: nothing that touches the stalled items has answered; once released, all see the whole transaction.
      expect([...done]).toEqual([]);
      release();
      await tx;
      // (b may already carry the single write queued behind the transaction, never the state before it.)
      const whole = ['new', expect.stringMatching(/^(new|later)$/)];
      expect((await reads.get).Item).toMatchObject({ tok: 'new' });
      expect((await reads.query).Items?.map((i) => i.tok)).toEqual(whole);
      expect((await tableReads.index).Items?.map((i) => i.tok)).toEqual(whole);
      expect((await tableReads.scan).Items?.filter((i) => i.pk === 'STALL').map((i) => i.tok)).toEqual(whole);
      expect((await reads.transactGet).Responses?.map((r) => r.Item?.tok)).toEqual(whole);
      await write; // its condition was checked against the committed transaction
      expect((await ddb.send(new GetCommand({ TableName, Key: { pk: 'STALL', sk: 'b' }, ConsistentRead: true }))).Item).toMatchObject({ tok: 'later' });
    } finally {
      release();
      raw.destroy();
      await front.close();
    }
  });

  it('answers a failed condition with the stored item when asked (ReturnValuesOnConditionCheckFailure), and shows no shadow table', async () => {
    const { raw, ddb } = clients;
    await ddb.send(new PutCommand({ TableName, Item: { pk: 'RV', sk: 'i:a', v: 2 } }));
    const error = await ddb.send(new TransactWriteCommand({
      TransactItems: [
        { ConditionCheck: { TableName, Key: { pk: 'RV', sk: 'i:a' }, ConditionExpression: 'v = :x', ExpressionAttributeValues: { ':x': 1 }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
        { Put: { TableName, Item: { pk: 'RV', sk: 'i:b' } } },
      ],
    })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    const reasons = (error as TransactionCanceledException).CancellationReasons!;
    expect(reasons.map((r) => r.Code)).toEqual(['ConditionalCheckFailed', 'None']);
    expect(reasons[0]!.Item).toEqual({ pk: { S: 'RV' }, sk: { S: 'i:a' }, v: { N: '2' } });
    expect((await ddb.send(new GetCommand({ TableName, Key: { pk: 'RV', sk: 'i:b' } }))).Item).toBeUndefined();
    expect((await raw.send(new ListTablesCommand({}))).TableNames).toEqual([TableName]);
  });
});
