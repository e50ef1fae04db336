import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { compareWithArchive, entriesToArchive, type ArchiveComparison, type ArchiveProblem } from '../../shared/audit/archive';
import type { AuditEntry } from '../../shared/audit/chain';
import { archiveEntry, archivePrefix } from '../../functions/lib/audit/archive';
import { localS3Client } from '../../functions/lib/clients';
import { LOCAL_BUCKETS } from '../local/bootstrap';
import { startLocalS3 } from '../local/s3';

/** The archive bucket to compare with: in AWS (versioned, every version read) or the local s3rver. */
export interface ArchiveConnection {
  readonly s3: S3Client;
  readonly bucket: string;
  /** Whether the bucket keeps versions (AWS) — then every version of every entry is compared. */
  readonly versions: boolean;
  close(): Promise<void>;
}

/**
 * Connects to the audit archive: the named bucket in AWS (`--archive-bucket`
 * with `--table`), an explicit s3rver (`--s3-endpoint`), the running
 * `npm start`'s, or the data folder's own files (an s3rver started here).
 */
export async function connectArchive(options: {
  readonly aws: boolean;
  readonly bucket?: string;
  readonly region?: string;
  readonly s3Endpoint?: string;
  readonly runningS3Endpoint?: string;
  readonly dataDir: string;
}): Promise<ArchiveConnection> {
  if (options.aws) {
    if (!options.bucket) throw new Error('--archive in AWS needs --archive-bucket <AuditArchiveBucketName> (an output of the Merit-Stateful stack)');
    const s3 = new S3Client(options.region ? { region: options.region } : {});
    return { s3, bucket: options.bucket, versions: true, close: async () => s3.destroy() };
  }
  const bucket = options.bucket ?? LOCAL_BUCKETS.auditArchive;
  const endpoint = options.s3Endpoint ?? options.runningS3Endpoint;
  if (endpoint) {
    const s3 = localS3Client(endpoint);
    return { s3, bucket, versions: false, close: async () => s3.destroy() };
  }
  const directory = join(options.dataDir, 's3');
  if (!existsSync(directory)) throw new Error(`No local archive under ${directory} (run npm start first).`);
  const server = await startLocalS3({ directory, buckets: [bucket], corsOrigins: [] });
  const s3 = localS3Client(server.endpoint);
  return {
    s3,
    bucket,
    versions: false,
    close: async () => {
      s3.destroy();
      await server.close();
    },
  };
}

/** The sequence number an archive key names, or undefined for any other key. */
const seqOfKey = (prefix: string, key: string | undefined): number | undefined => {
  const m = key?.startsWith(prefix) ? /^(\d{12})\.json$/.exec(key.slice(prefix.length)) : null;
  return m ? Number(m[1]) : undefined;
};

/**
 * Every archived copy of a chain's entries, by sequence number. With
 * `versions` (AWS: the bucket is versioned) every version of every object is
 * read, oldest first, so a copy put later over a locked one cannot hide it;
 * s3rver keeps no versions, so locally each object is read once.
 */
async function readArchivedChain(
  s3: S3Client,
  bucket: string,
  scope: string,
  options: { readonly versions: boolean },
): Promise<{ copies: Map<number, unknown[]>; empty: number[] }> {
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
  const empty = new Set<number>();
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
    batch.forEach((o, j) => {
      // An empty copy is a write that failed (the local disk filled mid-write): it claims nothing, so it counts as missing.
      if (bodies[j] === '') empty.add(o.seq);
      else copies.set(o.seq, [...(copies.get(o.seq) ?? []), bodies[j]]);
    });
  }
  return { copies, empty: [...empty].sort((a, b) => a - b) };
}

/** The chains that have entries in the archive (a chain deleted from the table whole still shows here). */
export async function archivedScopes(archive: ArchiveConnection): Promise<string[]> {
  const scopes: string[] = [];
  let token: string | undefined;
  do {
    const out = await archive.s3.send(new ListObjectsV2Command({ Bucket: archive.bucket, Prefix: 'audit/', Delimiter: '/', ContinuationToken: token }));
    for (const p of out.CommonPrefixes ?? []) {
      const encoded = p.Prefix?.slice('audit/'.length, -1);
      if (encoded) scopes.push(decodeURIComponent(encoded));
    }
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return scopes;
}

const PROBLEM_TEXT: Record<ArchiveProblem, string> = {
  missing: 'not in the archive',
  different: 'differs from its archived copy',
  extra: 'archived, but not in the table',
};
const PROBLEM_COUNT: Record<ArchiveProblem, string> = { missing: 'missing', different: 'different', extra: 'only in the archive' };

/** One line of the comparison: what matches, or the first disagreement and how many of each kind. */
export function archiveLine(c: ArchiveComparison): string {
  if (c.ok) return `ok        archive ${c.scope}  ${c.matching} entries identical to their archived copies`;
  const first = c.findings[0]!;
  const counts = (['missing', 'different', 'extra'] as const)
    .map((p) => [p, c.findings.filter((f) => f.problem === p).length] as const)
    .filter(([, n]) => n > 0)
    .map(([p, n]) => `${n} ${PROBLEM_COUNT[p]}`)
    .join(', ');
  return `MISMATCH  archive ${c.scope}  first: #${first.seq} ${PROBLEM_TEXT[first.problem]} (${counts})`;
}

/**
 * Compares one chain with the archive and, with `fill`, first copies the
 * entries the archive lacks — only when the chain verifies, the archive holds
 * nothing that disagrees, and each copied entry is vouched for by its archived
 * successor (or is newer than anything archived). An empty archived copy (a
 * write the local disk cut short) counts as missing and is repaired the same
 * way. Prints its lines; returns
 * whether the archive and the table agree in the end.
 */
export async function checkArchive(
  archive: ArchiveConnection,
  scope: string,
  table: readonly AuditEntry[],
  options: { readonly fill: boolean; readonly chainVerified: boolean; readonly log: (line: string) => void },
): Promise<boolean> {
  const first = await readArchivedChain(archive.s3, archive.bucket, scope, { versions: archive.versions });
  let archived = first.copies;
  if (first.empty.length) options.log(`empty     archive ${scope}  #${first.empty.join(', #')}: archived copy is empty (a write that failed), counted as missing`);
  let comparison = compareWithArchive(scope, table, archived);
  if (options.fill && !comparison.ok) {
    const onlyMissing = comparison.findings.every((f) => f.problem === 'missing');
    if (!options.chainVerified || !onlyMissing) {
      options.log(`refused   archive ${scope}  nothing copied: ${!options.chainVerified ? 'the chain does not verify' : 'the archive disagrees with the table'}`);
    } else {
      const { archive: toCopy, refused } = entriesToArchive(table, comparison, archived);
      for (const entry of toCopy) await archiveEntry(archive.s3, archive.bucket, entry);
      if (toCopy.length) options.log(`archived  ${scope}  ${toCopy.length} missing entries copied from the table (#${toCopy.map((e) => e.seq).join(', #')})`);
      if (refused.length) options.log(`refused   archive ${scope}  #${refused.join(', #')}: the archived next entry does not link to it`);
      archived = (await readArchivedChain(archive.s3, archive.bucket, scope, { versions: archive.versions })).copies;
      comparison = compareWithArchive(scope, table, archived);
    }
  }
  options.log(archiveLine(comparison));
  return comparison.ok;
}
