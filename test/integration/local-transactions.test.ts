import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

// dynalite lacks transactions; infra/local/dynamo.ts emulates them. These tests hold it to DynamoDB's contract.
const raw = new DynamoDBClient({
  endpoint: inject('dynamoEndpoint'),
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
const ddb = DynamoDBDocumentClient.from(raw);
const TableName = inject('stackEnv').TABLE_REVIEWS!;
const id = () => `TX#${Math.random().toString(36).slice(2)}`;
const get = async (pk: string) => (await ddb.send(new GetCommand({ TableName, Key: { pk, sk: 'x' }, ConsistentRead: true }))).Item;

afterAll(() => raw.destroy());

describe('local DynamoDB transactions', () => {
  it('applies every operation when all conditions hold', async () => {
    const [a, b] = [id(), id()];
    await ddb.send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName, Item: { pk: a, sk: 'x', v: 1 }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName, Item: { pk: b, sk: 'x', v: 2 } } },
      ],
    }));
    expect(await get(a)).toMatchObject({ v: 1 });
    expect(await get(b)).toMatchObject({ v: 2 });
  });

  it('applies nothing when one condition fails, and names it in the cancellation reasons', async () => {
    const [a, b, c] = [id(), id(), id()];
    await ddb.send(new PutCommand({ TableName, Item: { pk: b, sk: 'x', v: 'original' } }));
    await ddb.send(new PutCommand({ TableName, Item: { pk: c, sk: 'x', v: 'keep' } }));
    const attempt = ddb.send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName, Item: { pk: a, sk: 'x', v: 'new' } } },
        { Update: { TableName, Key: { pk: c, sk: 'x' }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': 'changed' } } },
        { Put: { TableName, Item: { pk: b, sk: 'x', v: 'overwritten' }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    }));
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual(['None', 'None', 'ConditionalCheckFailed']);
    expect(await get(a)).toBeUndefined();
    expect(await get(b)).toMatchObject({ v: 'original' });
    expect(await get(c)).toMatchObject({ v: 'keep' });
  });

  it('evaluates a ConditionCheck without changing or creating the item', async () => {
    const [a, missing, out] = [id(), id(), id()];
    await ddb.send(new PutCommand({ TableName, Item: { pk: a, sk: 'x', status: 'active' } }));
    await ddb.send(new TransactWriteCommand({
      TransactItems: [
        { ConditionCheck: { TableName, Key: { pk: a, sk: 'x' }, ConditionExpression: '#s = :a', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':a': 'active' } } },
        { ConditionCheck: { TableName, Key: { pk: missing, sk: 'x' }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName, Item: { pk: out, sk: 'x' } } },
      ],
    }));
    expect(await get(a)).toEqual({ pk: a, sk: 'x', status: 'active' });
    expect(await get(missing)).toBeUndefined();
    expect(await get(out)).toBeDefined();
  });

  it('refuses two operations on one item with a ValidationException', async () => {
    const a = id();
    const error = await ddb.send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName, Item: { pk: a, sk: 'x' } } },
        { Put: { TableName, Item: { pk: a, sk: 'x', v: 2 } } },
      ],
    })).catch((e: Error) => e);
    expect((error as Error).name).toBe('ValidationException');
    expect(await get(a)).toBeUndefined();
  });

  it('lets exactly one of many concurrent transactions claim the same key', async () => {
    const claim = id();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => ddb.send(new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: { pk: claim, sk: 'x', winner: i }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName, Item: { pk: `${claim}#${i}`, sk: 'x' } } },
        ],
      }))),
    );
    const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(await get(claim)).toMatchObject({ winner: winners[0] });
    for (let i = 0; i < 10; i++) expect(Boolean(await get(`${claim}#${i}`))).toBe(i === winners[0]);
  });
});
