import { PutObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { AuditEntry } from '../../../shared/audit/chain';

/** Where a chain's entries are archived. */
export const archivePrefix = (scope: string) => `audit/${encodeURIComponent(scope)}/`;

/** Where an entry is archived: one object per entry, under its chain. */
export const archiveKey = (entry: Pick<AuditEntry, 'scope' | 'seq'>) => `${archivePrefix(entry.scope)}${String(entry.seq).padStart(12, '0')}.json`;

/**
 * Copies an entry to the archive bucket, only if it is not archived yet
 * (If-None-Match; the AWS bucket's policy refuses any other write). In AWS
 * that bucket has Object Lock in compliance mode with a default retention, so
 * not even the account's administrators can rewrite what was archived. A
 * stream record delivered twice finds its entry archived (412) and is done.
 */
export async function archiveEntry(s3: S3Client, bucket: string, entry: AuditEntry): Promise<void> {
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: archiveKey(entry),
        Body: JSON.stringify(entry),
        ContentType: 'application/json',
        IfNoneMatch: '*',
      }),
    );
  } catch (error) {
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 412) return;
    throw error;
  }
}

/** True for an event from a DynamoDB stream. */
export function isStreamEvent(event: unknown): event is DynamoDBStreamEvent {
  const records = (event as { Records?: { eventSource?: string }[] } | null)?.Records;
  return Array.isArray(records) && records.length > 0 && records[0]?.eventSource === 'aws:dynamodb';
}

/** The audit table's stream consumer: archives every inserted chain entry (entries are never modified); other records (intents) are not entries. */
export async function archiveStream(s3: S3Client, bucket: string, event: DynamoDBStreamEvent): Promise<number> {
  let archived = 0;
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) continue;
    const { pk, sk: _sk, ...entry } = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
    if (typeof pk !== 'string' || !pk.startsWith('CHAIN#')) continue;
    await archiveEntry(s3, bucket, entry as AuditEntry);
    archived++;
  }
  return archived;
}
