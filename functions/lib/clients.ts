import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from './config';

/** AWS SDK clients a function uses, created once per container. */
export interface Clients {
  readonly ddb: DynamoDBDocumentClient;
  readonly s3: S3Client;
}

const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

// s3rver stores streamed uploads with chunk framing unless checksums are only sent when required (STYLE.md).
const LOCAL_S3 = { credentials: LOCAL_CREDENTIALS, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } as const;

/** A client of a local s3rver (the local stack, its tests, the operator scripts), made as the functions make theirs. */
export const localS3Client = (endpoint: string, region = 'us-east-1') => new S3Client({ region, endpoint, forcePathStyle: true, ...LOCAL_S3 });

/** Builds the clients; locally they point at dynalite and s3rver. */
export function createClients(config: Config): Clients {
  const local = config.stage === 'local';
  const dynamo = new DynamoDBClient({
    region: config.region,
    maxAttempts: 4,
    ...(config.endpoints.dynamodb ? { endpoint: config.endpoints.dynamodb } : {}),
    ...(local ? { credentials: LOCAL_CREDENTIALS } : {}),
  });
  const ddb = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  const s3 = new S3Client({
    region: config.region,
    ...(config.endpoints.s3 ? { endpoint: config.endpoints.s3, forcePathStyle: true } : {}),
    ...(local ? LOCAL_S3 : {}),
  });
  return { ddb, s3 };
}
