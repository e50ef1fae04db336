import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/** Every item a query matches, following DynamoDB's pages (1 MB each) to the end. */
export async function queryAll(ddb: DynamoDBDocumentClient, input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** One item to read by its key, with how to make a record of it (the repository's own stripping). */
export interface ItemRead<T> {
  readonly table: string;
  readonly key: Readonly<Record<string, string>>;
  readonly decode: (item: Record<string, unknown>) => T;
}

type Read<R> = R extends ItemRead<infer T> ? T | undefined : never;

/**
 * Items of one or more tables read together, consistently, in one BatchGetItem (and again for any keys DynamoDB
 * leaves unprocessed): one round trip where separate reads took one each. Answers in the order asked, undefined
 * for an item that does not exist.
 */
export async function readTogether<const R extends readonly ItemRead<unknown>[]>(ddb: DynamoDBDocumentClient, reads: R): Promise<{ -readonly [K in keyof R]: Read<R[K]> }> {
  const id = (table: string, key: Readonly<Record<string, unknown>>) => `${table}\u0000${String(key.pk)}\u0000${String(key.sk)}`;
  const found = new Map<string, Record<string, unknown>>();
  let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: true }> = {};
  for (const read of reads) (request[read.table] ??= { Keys: [], ConsistentRead: true }).Keys.push({ ...read.key });
  for (let attempt = 0; Object.keys(request).length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
    const out = await ddb.send(new BatchGetCommand({ RequestItems: request }));
    for (const [table, items] of Object.entries(out.Responses ?? {})) for (const item of items) found.set(id(table, item), item);
    request = {};
    for (const [table, rest] of Object.entries(out.UnprocessedKeys ?? {})) if (rest.Keys?.length) request[table] = { Keys: rest.Keys, ConsistentRead: true };
  }
  return reads.map((read) => {
    const item = found.get(id(read.table, read.key));
    return item ? read.decode(item) : undefined;
  }) as { -readonly [K in keyof R]: Read<R[K]> };
}
