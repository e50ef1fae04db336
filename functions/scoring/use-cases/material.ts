import type { DownloadResponse } from '../../../shared/api/applications';
import type { ReviewMaterialResponse } from '../../../shared/api/reviews';
import type { DocumentRecord } from '../../lib/applications/repository';
import { notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { organisationOf, programmeApplication, readingAssignments, type ReviewDeps } from './context';

/** Documents an expert reads: verified, and not replaced by a newer verified version. */
const readableDocuments = (docs: readonly DocumentRecord[]) => docs.filter((d) => d.status === 'verified' && !d.replacedBy);

/**
 * The submitted package for an assigned expert who declared clear (active or
 * submitted assignment): the profile, the 23 self-assessment texts and the
 * verified documents. Anyone else gets 404; before the declaration, 403
 * DECLARATION_REQUIRED.
 */
export async function readMaterial(deps: ReviewDeps, session: Session, applicationId: string): Promise<ReviewMaterialResponse> {
  const app = await programmeApplication(deps, session, applicationId);
  await readingAssignments(deps, session, app);
  const bundle = await deps.applications.bundle(applicationId);
  if (!bundle) throw notFound();
  const sections: Record<string, string> = {};
  for (const s of bundle.sections) sections[s.section] = s.text;
  return {
    applicationId,
    roundId: app.roundId,
    organisation: organisationOf(app),
    sections,
    documents: readableDocuments(bundle.documents)
      .sort((a, b) => (a.category === b.category ? (a.documentId < b.documentId ? -1 : 1) : a.category < b.category ? -1 : 1))
      .map((d) => ({ documentId: d.documentId, category: d.category, fileName: d.fileName, size: d.size, sha256: d.sha256 })),
    ...(app.receipt ? { receipt: { submittedAt: app.receipt.submittedAt, receiptId: app.receipt.receiptId } } : {}),
  };
}

/** A short-lived download link to a verified, current document of an application the expert may read (anything else: 404). */
export async function downloadForReview(deps: ReviewDeps, session: Session, applicationId: string, documentId: string, now: Date): Promise<DownloadResponse> {
  const app = await programmeApplication(deps, session, applicationId);
  await readingAssignments(deps, session, app);
  const doc = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(documentId) ? await deps.applications.getDocument(applicationId, documentId) : undefined;
  if (!doc || readableDocuments([doc]).length === 0) throw notFound();
  return (await deps.documents()).presignDownload(doc.key, doc.fileName, doc.contentType, doc.versionId, now);
}
