import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { readTogether } from '../../functions/lib/dynamo';
import { tableName } from '../../functions/lib/config';
import { stackRuntime } from './applications-helpers';

describe('readTogether (one BatchGetItem across tables)', () => {
  it('answers each read in the order asked, from either table, undefined for an item that does not exist', async () => {
    const rt = await stackRuntime();
    const reviews = tableName(rt.config, 'reviews');
    const awards = tableName(rt.config, 'awards');
    const id = `reads-${Date.now().toString(36)}`;
    await rt.clients.ddb.send(new PutCommand({ TableName: reviews, Item: { pk: `ROUND#${id}`, sk: 'A', value: 'reviews-a' } }));
    await rt.clients.ddb.send(new PutCommand({ TableName: awards, Item: { pk: `PROGRAMME#${id}`, sk: 'A', value: 'awards-a' } }));
    const read = (table: string, pk: string, sk: string) => ({ table, key: { pk, sk }, decode: (item: Record<string, unknown>) => String(item.value) });

    const [missing, fromAwards, fromReviews, sameKeyOtherTable] = await readTogether(rt.clients.ddb, [
      read(reviews, `ROUND#${id}`, 'B'),
      read(awards, `PROGRAMME#${id}`, 'A'),
      read(reviews, `ROUND#${id}`, 'A'),
      read(awards, `ROUND#${id}`, 'A'),
    ]);

    expect([missing, fromAwards, fromReviews, sameKeyOtherTable]).toEqual([undefined, 'awards-a', 'reviews-a', undefined]);
  });
});
