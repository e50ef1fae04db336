import { CreateTableCommand, DynamoDBClient, ListTablesCommand, type AttributeDefinition } from '@aws-sdk/client-dynamodb';
import { TABLES, type TableKey } from '../../shared/tables';

/** Local physical table name of a table definition. */
export const localTableName = (key: TableKey) => `merit-${key}`;

/** Local bucket names (s3rver). */
export const LOCAL_BUCKETS = { documents: 'merit-documents', web: 'merit-web', auditArchive: 'merit-audit-archive' } as const;

/**
 * Creates every table of shared/tables.ts that does not exist yet, with the
 * same keys and indexes the CDK stack declares. (TTL and streams are AWS-only:
 * dynalite has neither.)
 */
export async function createTables(endpoint: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
    for (const [key, def] of Object.entries(TABLES) as [TableKey, (typeof TABLES)[TableKey]][]) {
      const name = localTableName(key);
      if (existing.has(name)) continue;
      const attributes = new Set<string>([def.partitionKey, def.sortKey]);
      for (const index of def.indexes) {
        attributes.add(index.partitionKey);
        attributes.add(index.sortKey);
      }
      await client.send(
        new CreateTableCommand({
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [...attributes].map((a): AttributeDefinition => ({ AttributeName: a, AttributeType: 'S' })),
          KeySchema: [
            { AttributeName: def.partitionKey, KeyType: 'HASH' },
            { AttributeName: def.sortKey, KeyType: 'RANGE' },
          ],
          ...(def.indexes.length
            ? {
                GlobalSecondaryIndexes: def.indexes.map((index) => ({
                  IndexName: index.name,
                  KeySchema: [
                    { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
                    { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
                  ],
                  Projection: { ProjectionType: 'ALL' as const },
                })),
              }
            : {}),
        }),
      );
    }
  } finally {
    client.destroy();
  }
}
