import { ulid } from 'ulid';
import type * as v from 'valibot';
import type { CreateDocumentBody, CreateDocumentResponse, DocumentView, DownloadResponse } from '../../../shared/api/applications';
import { bytesText, fileTypeList, fileTypeName } from '../../../shared/messages';
import { roundScope } from '../../../shared/audit/chain';
import { documentObjectKey } from '../../lib/applications/documents';
import type { DocumentRecord } from '../../lib/applications/repository';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import {
  activeDocuments,
  actorOf,
  assertBeforeDeadline,
  assertOpen,
  documentView,
  ownBundle,
  roundContext,
  visibleBundle,
  type ApplicationDeps,
} from './context';

/**
 * Starts an upload (audited): an allowed type, within the size limits of the
 * round and its most files (race-safe: an upload counter taken in the same
 * transaction), to a new key of its own (a new version, never an overwrite). Answers
 * a presigned POST pinned to that key, type and size range; the bucket event
 * then verifies what actually arrived (verify-upload.ts).
 */
export async function createDocument(
  deps: ApplicationDeps,
  session: Session,
  applicationId: string,
  input: v.InferOutput<typeof CreateDocumentBody>,
  now: Date,
  requestId: string,
): Promise<CreateDocumentResponse> {
  // A lost race for the upload counter re-reads and decides again: several uploads started at once all go through
  // while there is room, and none past the round's most files.
  for (let attempt = 1; ; attempt++) {
    const bundle = await ownBundle(deps, session, applicationId);
    const doc = await startUpload(deps, session, bundle, input, now, requestId);
    if (doc === 'lost-race') {
      if (attempt < SLOT_ATTEMPTS) continue;
      throw new AppError('CONFLICT', 409);
    }
    const { maxFileBytes } = (await roundContext(deps, doc.roundId)).config.uploads;
    const upload = await deps.documents.presignUpload(doc.key, doc.contentType, Math.min(maxFileBytes, doc.size), now);
    return { document: documentView(doc), upload };
  }
}

const SLOT_ATTEMPTS = 8;

/** One attempt to record a new upload against the bundle read; 'lost-race' when another upload took the slot first. */
async function startUpload(
  deps: ApplicationDeps,
  session: Session,
  bundle: Awaited<ReturnType<typeof ownBundle>>,
  input: v.InferOutput<typeof CreateDocumentBody>,
  now: Date,
  requestId: string,
): Promise<DocumentRecord | 'lost-race'> {
  const app = bundle.application;
  const applicationId = app.applicationId;
  const ctx = await roundContext(deps, app.roundId);
  assertOpen(app);
  assertBeforeDeadline(ctx, now);
  const { allowedTypes, maxFileBytes, maxApplicationBytes, maxFiles } = ctx.config.uploads;
  if (!allowedTypes.includes(input.contentType)) {
    throw new AppError('DOCUMENT_TYPE_REFUSED', 415, { contentType: input.contentType, allowedTypes }, { contentType: fileTypeName(input.contentType, input.fileName), allowed: fileTypeList(allowedTypes) });
  }
  if (input.size > maxFileBytes) throw new AppError('DOCUMENT_FILE_TOO_LARGE', 413, { maxBytes: maxFileBytes }, { maxBytes: bytesText(maxFileBytes) });
  const total = activeDocuments(bundle.documents).reduce((sum, d) => sum + d.size, 0) + input.size;
  if (total > maxApplicationBytes) throw new AppError('APPLICATION_TOO_LARGE', 413, { maxBytes: maxApplicationBytes }, { maxBytes: bytesText(maxApplicationBytes) });
  // Every upload started is kept (a new version never overwrites), so each one counts against the most files.
  const started = Math.max(bundle.documents.length, bundle.uploadCount ?? 0);
  if (started >= maxFiles) throw new AppError('DOCUMENT_LIMIT_REACHED', 422, { maxFiles, documents: started }, { max: maxFiles });
  if (input.replaces !== undefined) {
    const old = bundle.documents.find((d) => d.documentId === input.replaces);
    if (!old) throw notFound({ replaces: input.replaces });
    if (old.replacedBy) throw new AppError('DOCUMENT_REPLACED', 409, { replacedBy: old.replacedBy });
  }

  const documentId = ulid(now.getTime());
  const doc: DocumentRecord = {
    applicationId,
    roundId: app.roundId,
    documentId,
    category: input.category,
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    sha256: input.sha256,
    key: documentObjectKey(app.roundId, applicationId, documentId),
    status: 'pending',
    ...(input.replaces ? { replaces: input.replaces } : {}),
    createdAt: now.toISOString(),
  };
  try {
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'document.uploadStarted',
      target: { type: 'document', id: documentId },
      context: { applicationId, stage: ctx.round.stage },
      state: doc,
      requestId,
      now,
      writes: [
        deps.applications.stillOpen(applicationId),
        deps.applications.uploadSlotTaken(applicationId, bundle.uploadCount, started + 1),
        deps.applications.documentPut(doc),
      ],
    });
  } catch (error) {
    if (!(error instanceof WriteConditionError)) throw error;
    if (error.index === 1) return 'lost-race';
    const fresh = await deps.applications.get(applicationId);
    if (fresh) assertOpen(fresh);
    throw new AppError('CONFLICT', 409);
  }
  return doc;
}

/** One document of an application the caller may see (owner or office); 404 for anything else. */
export async function getDocument(deps: ApplicationDeps, session: Session, applicationId: string, documentId: string): Promise<DocumentView> {
  const bundle = await visibleBundle(deps, session, applicationId);
  const doc = bundle.documents.find((d) => d.documentId === documentId);
  if (!doc) throw notFound();
  return documentView(doc);
}

/** A short-lived download link to a verified document (owner or office). */
export async function downloadDocument(
  deps: ApplicationDeps,
  session: Session,
  applicationId: string,
  documentId: string,
  now: Date,
): Promise<DownloadResponse> {
  const bundle = await visibleBundle(deps, session, applicationId);
  const doc = bundle.documents.find((d) => d.documentId === documentId);
  if (!doc) throw notFound();
  if (doc.status !== 'verified') throw new AppError('DOCUMENT_NOT_VERIFIED', 422, { status: doc.status });
  return deps.documents.presignDownload(doc.key, doc.fileName, doc.contentType, doc.versionId, now);
}
