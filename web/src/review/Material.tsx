import { useState } from 'preact/hooks';
import type { ReviewMaterialResponse } from '../../../shared/api/reviews';
import { formatBytes } from '../apply/upload';
import { formatMoment, tKnown } from '../apply/format';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import '../texts/review';
import '../texts/terms';

type Doc = ReviewMaterialResponse['documents'][number];

/** A short-lived link asked for on click (reviews.download); the browser then downloads the file. */
function Download({ applicationId, doc }: { applicationId: string; doc: Doc }) {
  const { call } = useAppState();
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const link = await call('reviews.download', { params: { applicationId, documentId: doc.documentId } });
      window.location.assign(link.url);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="secondary small-button" disabled={busy} onClick={() => void open()} data-download={doc.documentId}>
        {t('review.material.download')}
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
}

/** The organisational profile and the verified documents (the item texts sit beside each item of the card). */
export function Material({ material }: { material: ReviewMaterialResponse }) {
  const t = useT();
  const locale = useLocale();
  const profile = material.sections['profile'] ?? '';
  return (
    <section class="card review-material" aria-labelledby="material-title">
      <h2 id="material-title">{t('review.material.title')}</h2>
      {material.receipt && <p class="muted small">{t('review.material.submittedAt', { time: formatMoment(material.receipt.submittedAt, locale) })}</p>}
      <details open>
        <summary>{t('review.material.profile')}</summary>
        <div class="applicant-text" data-section="profile">
          {profile || <span class="muted">{t('review.material.empty')}</span>}
        </div>
      </details>
      <h3>{t('review.material.documents')}</h3>
      {material.documents.length === 0 ? (
        <p class="muted">{t('review.material.noDocuments')}</p>
      ) : (
        <ul class="review-docs">
          {material.documents.map((doc) => (
            <li key={doc.documentId}>
              <span class="doc-name">{doc.fileName}</span>{' '}
              <span class="muted small">
                {tKnown(t, `document.category.${doc.category}`, doc.category)} · {formatBytes(doc.size, locale)}
              </span>{' '}
              <Download applicationId={material.applicationId} doc={doc} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
