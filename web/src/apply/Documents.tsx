import { useEffect, useRef, useState } from 'preact/hooks';
import type { CreateDocumentResponse, DocumentView } from '../../../shared/api/applications';
import { DOCUMENT_CATEGORIES, type DocumentCategory } from '../../../shared/api/application-constants';
import type { Locale } from '../../../shared/messages/types';
import { fileTypeList, fileTypeName } from '../../../shared/messages/units';
import { documentNameProblem } from '../../../shared/api/document-name-rules';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatMoment } from './format';
import { contentTypeOf, formatBytes, postToBucket, sha256OfFile, sleep, UploadError, type XhrFactory } from './upload';
import '../texts/apply';
import '../texts/terms';

/** One file on its way: hashed, announced, posted to the bucket, then verified by the server. */
interface LocalUpload {
  readonly localId: number;
  readonly category: DocumentCategory;
  readonly file: File;
  readonly replaces?: string;
  phase: 'hashing' | 'starting' | 'uploading' | 'verifying' | 'slow' | 'failed';
  progress: number;
  sha256?: string;
  created?: CreateDocumentResponse;
  error?: unknown;
}

/** Limits of the round that the browser checks before sending anything. */
export interface UploadLimits {
  readonly allowedTypes: readonly string[];
  readonly maxFileBytes: number;
  readonly requiredDocuments: readonly DocumentCategory[];
}

/** Version number of a document: 1, or one more than the document it replaces. */
function versionOf(doc: DocumentView, all: readonly DocumentView[]): number {
  let n = 1;
  let at: DocumentView | undefined = doc;
  const seen = new Set<string>();
  while (at?.replaces && !seen.has(at.documentId)) {
    seen.add(at.documentId);
    at = all.find((d) => d.documentId === at!.replaces);
    n++;
  }
  return n;
}

/** The rejection reason in the reader's language first, the other under it. */
function Rejection({ doc, locale }: { doc: DocumentView; locale: Locale }) {
  if (!doc.rejection) return null;
  return (
    <div class="error" role="alert" data-rejection={doc.rejection.code}>
      <p class="error-main">{doc.rejection.message[locale]}</p>
    </div>
  );
}

/**
 * Supporting documents per category: each file is hashed in the browser,
 * uploaded straight to the bucket with a presigned POST (a progress bar per
 * file, a retry on failure), then followed until the server has verified or
 * rejected it. Replacing a document makes a new version; old ones stay listed.
 */
export function Documents({
  applicationId,
  documents,
  limits,
  readOnly,
  onChange,
  createXhr,
  pollMs = 1000,
  pollLimit = 180,
}: {
  applicationId: string;
  documents: readonly DocumentView[];
  limits: UploadLimits;
  readOnly: boolean;
  onChange?: (documents: readonly DocumentView[]) => void;
  createXhr?: XhrFactory;
  pollMs?: number;
  pollLimit?: number;
}) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [docs, setDocs] = useState<readonly DocumentView[]>(documents);
  const [uploads, setUploads] = useState<readonly LocalUpload[]>([]);
  const [refusal, setRefusal] = useState<{ category: DocumentCategory; text: string } | null>(null);
  const nextId = useRef(1);
  const alive = useRef(new AbortController());
  const docsRef = useRef(docs);

  useEffect(() => {
    const controller = alive.current;
    return () => controller.abort();
  }, []);

  // Documents still being verified when the page opened (an upload from before a reload): follow them too.
  useEffect(() => {
    const recent = (d: DocumentView) => Date.now() - Date.parse(d.createdAt) < 15 * 60_000;
    for (const d of documents) if (d.status === 'pending' && !d.replacedBy && recent(d)) void watch(d.documentId).catch(() => undefined);
  }, []);

  const putDoc = (doc: DocumentView) => {
    const others = docsRef.current.filter((d) => d.documentId !== doc.documentId);
    // A verified replacement marks the document it replaces (the server does the same).
    const marked = others.map((d) => (doc.status === 'verified' && doc.replaces === d.documentId ? { ...d, replacedBy: doc.documentId } : d));
    const next = [...marked, doc].sort((a, b) => (a.documentId < b.documentId ? -1 : 1));
    docsRef.current = next;
    setDocs(next);
    onChange?.(next);
  };
  const patch = (localId: number, change: Partial<LocalUpload>) =>
    setUploads((list) => list.map((u) => (u.localId === localId ? Object.assign(u, change) && { ...u } : u)));
  const drop = (localId: number) => setUploads((list) => list.filter((u) => u.localId !== localId));

  /** Asks for a document until it is verified or rejected; false when it stayed pending. */
  const watch = async (documentId: string): Promise<boolean> => {
    for (let i = 0; i < pollLimit; i++) {
      await sleep(pollMs, alive.current.signal);
      try {
        const doc = await call('documents.get', { params: { applicationId, documentId }, signal: alive.current.signal });
        if (doc.status !== 'pending') {
          putDoc(doc);
          return true;
        }
      } catch (e) {
        if ((e as Error).name === 'AbortError') throw e;
        // A failed look is tried again at the next tick.
      }
    }
    return false;
  };

  const follow = async (u: LocalUpload, documentId: string) => {
    patch(u.localId, { phase: 'verifying' });
    if (await watch(documentId)) return drop(u.localId);
    patch(u.localId, { phase: 'slow' });
  };

  const run = async (u: LocalUpload) => {
    try {
      let created = u.created;
      const expired = created && Date.parse(created.upload.expiresAt) - Date.now() < 10_000;
      if (!created || expired) {
        if (!u.sha256) {
          patch(u.localId, { phase: 'hashing', error: undefined });
          const sha256 = await sha256OfFile(u.file);
          u.sha256 = sha256;
          patch(u.localId, { sha256 });
        }
        patch(u.localId, { phase: 'starting', error: undefined });
        // An expired form is not reused: a new version replaces the one that never arrived.
        const replaces = expired && created ? created.document.documentId : u.replaces;
        created = await call('documents.create', {
          params: { applicationId },
          body: {
            category: u.category,
            fileName: u.file.name,
            contentType: contentTypeOf(u.file),
            size: u.file.size,
            sha256: u.sha256,
            ...(replaces ? { replaces } : {}),
          },
        });
        putDoc(created.document);
      }
      patch(u.localId, { phase: 'uploading', progress: 0, created, error: undefined });
      await postToBucket(created.upload, u.file, (fraction) => patch(u.localId, { progress: fraction }), createXhr).done;
      patch(u.localId, { progress: 1 });
      await follow(u, created.document.documentId);
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      patch(u.localId, { phase: 'failed', error: e });
    }
  };

  const start = (category: DocumentCategory, file: File, replaces?: string) => {
    setRefusal(null);
    const type = contentTypeOf(file);
    // The same rule as the server's (shared schema): a name it would refuse is refused here, before hashing.
    const nameProblem = documentNameProblem(file.name.trim());
    if (nameProblem) {
      setRefusal({ category, text: t('DOCUMENT_NAME_INVALID', { reason: t(`documentName.${nameProblem}`) }) });
      return;
    }
    if (!limits.allowedTypes.includes(type)) {
      setRefusal({ category, text: t('DOCUMENT_TYPE_REFUSED', { contentType: fileTypeName(type, file.name), allowed: fileTypeList(limits.allowedTypes)[locale] }) });
      return;
    }
    if (file.size > limits.maxFileBytes) {
      setRefusal({ category, text: t('DOCUMENT_FILE_TOO_LARGE', { maxBytes: formatBytes(limits.maxFileBytes, locale) }) });
      return;
    }
    if (file.size === 0) {
      setRefusal({ category, text: t('DOCUMENT_EMPTY') });
      return;
    }
    const u: LocalUpload = { localId: nextId.current++, category, file, phase: 'hashing', progress: 0, ...(replaces ? { replaces } : {}) };
    setUploads((list) => [...list, u]);
    void run(u);
  };

  const pick = (category: DocumentCategory, replaces?: string) => (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) start(category, file, replaces);
  };

  const accept = limits.allowedTypes.join(',');
  return (
    <div class="documents">
      {DOCUMENT_CATEGORIES.map((category) => {
        const mine = docs.filter((d) => d.category === category);
        const current = mine.filter((d) => !d.replacedBy);
        const earlier = mine.filter((d) => d.replacedBy);
        const active = uploads.filter((u) => u.category === category);
        const required = limits.requiredDocuments.includes(category);
        const inputId = `doc-${category}`;
        return (
          <section key={category} class="doc-category" data-category={category} aria-labelledby={`${inputId}-title`}>
            <h3 id={`${inputId}-title`}>
              {t(`document.category.${category}`)} {required && <span class="badge">{t('documents.required')}</span>}
            </h3>
            {current.length === 0 && active.length === 0 && <p class="muted small">{t('documents.none')}</p>}
            <ul class="doc-list">
              {current.map((doc) => {
                const uploading = active.some((u) => u.created?.document.documentId === doc.documentId);
                if (uploading) return null;
                return (
                  <li key={doc.documentId} class={`doc doc-${doc.status}`} data-document={doc.documentId} data-status={doc.status}>
                    <div class="doc-head">
                      <span class="doc-name">{doc.fileName}</span>
                      <span class="badge">{t('documents.version', { n: versionOf(doc, docs) })}</span>
                      <span class={`doc-status status-${doc.status}`}>{t(`document.status.${doc.status}`)}</span>
                    </div>
                    <p class="muted small">
                      {formatBytes(doc.size, locale)} · {formatMoment(doc.createdAt, locale)} · <code title={doc.sha256}>SHA-256 {doc.sha256.slice(0, 16)}…</code>
                    </p>
                    <Rejection doc={doc} locale={locale} />
                    {!readOnly && doc.status !== 'rejected' && (
                      <label class="button secondary file-button">
                        {t(doc.status === 'pending' ? 'documents.uploadAgain' : 'documents.replace')}
                        <span class="visually-hidden">: {doc.fileName}</span>
                        <input type="file" class="visually-hidden" accept={accept} onChange={pick(category, doc.documentId)} />
                      </label>
                    )}
                  </li>
                );
              })}
              {active.map((u) => (
                <li key={`u${u.localId}`} class="doc doc-uploading" data-upload={u.file.name} data-phase={u.phase}>
                  <div class="doc-head">
                    <span class="doc-name">{u.file.name}</span>
                    <span class="doc-status">{t(`documents.phase.${u.phase}`)}</span>
                  </div>
                  <div class="progress-row">
                    <progress max={100} value={Math.round(u.progress * 100)} aria-label={t('documents.progress', { name: u.file.name })} />
                    <span class="progress-value" data-progress={Math.round(u.progress * 100)}>
                      {Math.round(u.progress * 100)}%
                    </span>
                  </div>
                  <p class="muted small">{formatBytes(u.file.size, locale)}</p>
                  {u.phase === 'failed' && (
                    <>
                      {u.error instanceof UploadError ? (
                        <p class="error" role="alert">
                          {t('documents.uploadFailed', { status: u.error.status || '—' })}
                        </p>
                      ) : (
                        <ErrorMessage error={u.error} />
                      )}
                      <button type="button" onClick={() => void run(u)}>
                        {t('documents.retry')}
                      </button>{' '}
                      <button type="button" class="secondary" onClick={() => drop(u.localId)}>
                        {t('documents.cancel')}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
            {earlier.length > 0 && (
              <details class="doc-earlier">
                <summary>{t('documents.earlier', { count: earlier.length })}</summary>
                <ul class="doc-list">
                  {earlier.map((doc) => (
                    <li key={doc.documentId} class="doc muted" data-document={doc.documentId} data-status="replaced">
                      {doc.fileName} · {t('documents.version', { n: versionOf(doc, docs) })} · {t('documents.replaced')}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {refusal?.category === category && (
              <p class="error" role="alert">
                {refusal.text}
              </p>
            )}
            {!readOnly && (
              <div class="doc-add">
                <label for={inputId}>
                  {t('documents.add')}
                  <span class="visually-hidden">: {t(`document.category.${category}`)}</span>
                </label>
                <input id={inputId} type="file" accept={accept} onChange={pick(category)} />
              </div>
            )}
          </section>
        );
      })}
      <p class="muted small">{t('documents.limits', { types: fileTypeList(limits.allowedTypes)[locale], max: formatBytes(limits.maxFileBytes, locale) })}</p>
    </div>
  );
}
