import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { compareWithArchive, entriesToArchive, type ArchiveComparison, type ArchiveProblem } from '../../shared/audit/archive';
import type { AuditEntry } from '../../shared/audit/chain';
import { archiveEntry, readArchivedChain } from '../../functions/lib/audit/archive';
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

const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** A client of the local s3rver, as the functions make it (STYLE.md: checksums only when required). */
const localS3 = (endpoint: string) =>
  new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

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
    const s3 = localS3(endpoint);
    return { s3, bucket, versions: false, close: async () => s3.destroy() };
  }
  const directory = join(options.dataDir, 's3');
  if (!existsSync(directory)) throw new Error(`No local archive under ${directory} (run npm start first).`);
  const server = await startLocalS3({ directory, buckets: [bucket], corsOrigins: [] });
  const s3 = localS3(server.endpoint);
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
 * successor (or is newer than anything archived). Prints its lines; returns
 * whether the archive and the table agree in the end.
 */
export async function checkArchive(
  archive: ArchiveConnection,
  scope: string,
  table: readonly AuditEntry[],
  options: { readonly fill: boolean; readonly chainVerified: boolean; readonly log: (line: string) => void },
): Promise<boolean> {
  let archived = await readArchivedChain(archive.s3, archive.bucket, scope, { versions: archive.versions });
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
      archived = await readArchivedChain(archive.s3, archive.bucket, scope, { versions: archive.versions });
      comparison = compareWithArchive(scope, table, archived);
    }
  }
  options.log(archiveLine(comparison));
  return comparison.ok;
}
