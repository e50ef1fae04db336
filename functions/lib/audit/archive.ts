import { GetObjectCommand, ListObjectsV2Command, ListObjectVersionsCommand, PutObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { AuditEntry } from '../../../shared/audit/chain';

/** Where a chain's entries are archived. */
export const archivePrefix = (scope: string) => `audit/${encodeURIComponent(scope)}/`;

/** Where an entry is archived: one object per entry, under its chain. */
export const archiveKey = (entry: Pick<AuditEntry, 'scope' | 'seq'>) => `${archivePrefix(entry.scope)}${String(entry.seq).padStart(12, '0')}.json`;

/** The sequence number an archive key names, or undefined for any other key. */
const seqOfKey = (prefix: string, key: string | undefined): number | undefined => {
  const m = key?.startsWith(prefix) ? /^(\d{12})\.json$/.exec(key.slice(prefix.length)) : null;
  return m ? Number(m[1]) : undefined;
};

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

/**
 * Every archived copy of a chain's entries, by sequence number. With
 * `versions` (AWS: the bucket is versioned) every version of every object is
 * read, oldest first, so a copy put later over a locked one cannot hide it;
 * s3rver keeps no versions, so locally each object is read once.
 */
export async function readArchivedChain(s3: S3Client, bucket: string, scope: string, options: { readonly versions: boolean }): Promise<Map<number, unknown[]>> {
  const prefix = archivePrefix(scope);
  const objects: { seq: number; key: string; versionId?: string; at: number }[] = [];
  if (options.versions) {
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    do {
      const out = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: prefix, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }));
      for (const v of out.Versions ?? []) {
        const seq = seqOfKey(prefix, v.Key);
        if (seq !== undefined) objects.push({ seq, key: v.Key!, ...(v.VersionId ? { versionId: v.VersionId } : {}), at: v.LastModified?.getTime() ?? 0 });
      }
      keyMarker = out.IsTruncated ? out.NextKeyMarker : undefined;
      versionIdMarker = out.IsTruncated ? out.NextVersionIdMarker : undefined;
    } while (keyMarker);
  } else {
    let token: string | undefined;
    do {
      const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of out.Contents ?? []) {
        const seq = seqOfKey(prefix, o.Key);
        if (seq !== undefined) objects.push({ seq, key: o.Key!, at: o.LastModified?.getTime() ?? 0 });
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }
  objects.sort((a, b) => a.seq - b.seq || a.at - b.at);
  const copies = new Map<number, unknown[]>();
  const read = async (o: (typeof objects)[number]): Promise<unknown> => {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: o.key, ...(o.versionId ? { VersionId: o.versionId } : {}) }));
    const text = await out.Body!.transformToString('utf-8');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  };
  // A few reads at a time: a round's chain holds thousands of entries (every scorecard autosave is one).
  for (let i = 0; i < objects.length; i += 16) {
    const batch = objects.slice(i, i + 16);
    const bodies = await Promise.all(batch.map(read));
    batch.forEach((o, j) => copies.set(o.seq, [...(copies.get(o.seq) ?? []), bodies[j]]));
  }
  return copies;
}

/** True for an event from a DynamoDB stream. */
export function isStreamEvent(event: unknown): event is DynamoDBStreamEvent {
  const records = (event as { Records?: { eventSource?: string }[] } | null)?.Records;
  return Array.isArray(records) && records.length > 0 && records[0]?.eventSource === 'aws:dynamodb';
}

/** The audit table's stream consumer: archives every inserted entry (entries are never modified). */
export async function archiveStream(s3: S3Client, bucket: string, event: DynamoDBStreamEvent): Promise<number> {
  let archived = 0;
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) continue;
    const { pk: _pk, sk: _sk, ...entry } = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
    await archiveEntry(s3, bucket, entry as AuditEntry);
    archived++;
  }
  return archived;
}
