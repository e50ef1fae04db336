import type { S3Event } from 'aws-lambda';
import { fileTypeLabels, type DocumentRejection } from '../../../shared/api/applications';
import { SYSTEM_ACTOR } from '../../../shared/audit/actions';
import { roundScope } from '../../../shared/audit/chain';
import { parseDocumentKey, type StoredObject } from '../../lib/applications/documents';
import type { DocumentRecord } from '../../lib/applications/repository';
import { WriteConditionError } from '../../lib/audit/log';
import { roundContext, type ApplicationDeps, type RoundContext } from './context';

export { isS3Event } from './s3-event';

/**
 * Why an uploaded object is refused, or undefined when it is what the
 * applicant declared. The presigned POST's conditions are enforced by S3 in
 * AWS but not by s3rver, so size and type are checked here again (STYLE.md).
 */
export function rejectionOf(
  doc: DocumentRecord,
  stored: StoredObject,
  ctx: RoundContext,
): { code: DocumentRejection; params?: Record<string, string | number> } | undefined {
  const { allowedTypes, maxFileBytes } = ctx.config.uploads;
  if (stored.size > maxFileBytes) return { code: 'DOCUMENT_TOO_LARGE', params: { size: stored.size, maxBytes: maxFileBytes } };
  if (stored.size === 0) return { code: 'DOCUMENT_EMPTY' };
  if (!stored.sniffedType || !allowedTypes.includes(stored.sniffedType)) return { code: 'DOCUMENT_TYPE_NOT_ALLOWED', params: { actual: stored.sniffedType ?? 'unknown', allowed: fileTypeLabels(allowedTypes) } };
  if (stored.sniffedType !== doc.contentType) return { code: 'DOCUMENT_TYPE_MISMATCH', params: { actual: stored.sniffedType, declared: doc.contentType } };
  if (stored.size !== doc.size) return { code: 'DOCUMENT_SIZE_MISMATCH', params: { size: stored.size, declared: doc.size } };
  if (stored.sha256 !== doc.sha256) return { code: 'DOCUMENT_CHECKSUM_MISMATCH' };
  return undefined;
}

/** Verifies one created object; objects that are not pending documents are left alone (duplicate or foreign events). */
async function verifyObject(deps: ApplicationDeps, key: string, versionId: string | undefined, requestId: string, now: Date): Promise<void> {
  const ids = parseDocumentKey(key);
  if (!ids) {
    // The portal's files (a call's attachments, an objection's evidence) are sniffed before they are stored (use-cases/portal.ts).
    if (/^rounds\/[^/]+\/(call|objections)\//.test(key)) return deps.logger.info('portal file; verified when stored', { key });
    return deps.logger.warn('object is not a document; ignored', { key });
  }
  const doc = await deps.applications.getDocument(ids.applicationId, ids.documentId);
  if (!doc || doc.key !== key) return deps.logger.warn('no document for object; ignored', { key });
  if (doc.status !== 'pending') return deps.logger.info('document already verified; event ignored', { key, status: doc.status });
  const ctx = await roundContext(deps, doc.roundId);
  const stored = await deps.documents.inspect(key, ctx.config.uploads.maxFileBytes, versionId);
  const rejection = rejectionOf(doc, stored, ctx);
  const outcome: DocumentRecord = rejection
    ? { ...doc, status: 'rejected', rejection }
    : { ...doc, status: 'verified', verifiedAt: now.toISOString(), ...(stored.versionId ? { versionId: stored.versionId } : {}) };
  const replaced = !rejection && doc.replaces ? await deps.applications.getDocument(doc.applicationId, doc.replaces) : undefined;
  try {
    await deps.audit.commit({
      scope: roundScope(doc.roundId),
      actor: SYSTEM_ACTOR,
      action: rejection ? 'document.rejected' : 'document.verified',
      target: { type: 'document', id: doc.documentId },
      context: { applicationId: doc.applicationId, stage: ctx.round.stage },
      state: { ...outcome, storedSha256: stored.sha256 ?? null, storedSize: stored.size, sniffedType: stored.sniffedType ?? null },
      requestId,
      now,
      writes: [
        deps.applications.documentOutcome(outcome),
        ...(replaced && !replaced.replacedBy ? [deps.applications.documentReplaced(replaced, doc.documentId)] : []),
      ],
    });
  } catch (error) {
    // A duplicate delivery of the same event got there first.
    if (error instanceof WriteConditionError) return deps.logger.info('document outcome already recorded', { key });
    throw error;
  }
}

/**
 * The documents bucket's ObjectCreated notification (AWS), or s3rver's event
 * (locally): verifies every new document object. A failure is thrown after
 * all records were tried, so the asynchronous invocation is retried.
 */
export async function verifyUploads(deps: ApplicationDeps, event: S3Event, now: Date): Promise<void> {
  const failures: unknown[] = [];
  for (const record of event.Records) {
    if (!record.eventName.startsWith('ObjectCreated')) continue;
    if (record.s3.bucket.name !== deps.documents.bucket) continue;
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const requestId = record.responseElements?.['x-amz-request-id'] ?? 's3-event';
    try {
      await verifyObject(deps, key, record.s3.object.versionId, requestId, now);
    } catch (error) {
      deps.logger.error('upload verification failed', { key, error: error as Error });
      failures.push(error);
    }
  }
  if (failures.length) throw new AggregateError(failures, `${failures.length} upload(s) could not be verified`);
}
