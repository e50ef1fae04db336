import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { ApplicationView, DocumentView } from '../../../shared/api/applications';
import { DOCUMENT_CATEGORIES, PROFILE_SECTION } from '../../../shared/api/application-constants';
import { GBT19580_2012 } from '../../../shared/criteria/gbt19580-2012';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatMoment, sectionLabel } from './format';
import { formatBytes } from './upload';
import '../texts/apply';
import '../texts/terms';

/** A short-lived download link, asked for on the click (the browser then downloads the file). */
export function DocumentDownload({ doc }: { doc: DocumentView }) {
  const { call } = useAppState();
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const link = await call('documents.download', { params: { applicationId: doc.applicationId, documentId: doc.documentId } });
      window.location.assign(link.url);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="secondary" disabled={busy} onClick={() => void open()}>
        {t('documents.download')}
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
}

/** The sections of a package in the order of the form: the profile, then the 23 items of GB/T 19580. */
const SECTION_ORDER = [PROFILE_SECTION, ...GBT19580_2012.items.map((i) => i.id)];

/**
 * A package that can no longer change (submitted or withdrawn), as its applicant reads it:
 * every section's text, read-only, and every document with a download. Nothing typed is lost
 * from view once the package is locked.
 */
export function LockedPackage({ app }: { app: ApplicationView }) {
  const t = useT();
  const locale = useLocale();
  const texts = new Map(app.sections.map((s) => [s.section, s.text]));
  // Every section the package has or lacks, in the form's order.
  const present = new Set([...texts.keys(), ...app.completeness.missingSections]);
  const sections = [...SECTION_ORDER.filter((s) => present.has(s)), ...[...present].filter((s) => !SECTION_ORDER.includes(s))];
  return (
    <div class="stack" data-locked-package={app.applicationId}>
      <p class="notice">{t(app.status === 'withdrawn' ? 'package.lockedWithdrawn' : 'package.locked')}</p>
      <section class="card" aria-labelledby="locked-texts-title">
        <h2 id="locked-texts-title">{t('office.texts')}</h2>
        <dl class="office-texts">
          {sections.map((section) => {
            const text = texts.get(section)?.trim() ? texts.get(section)! : '';
            return (
              <Fragment key={section}>
                <dt>{sectionLabel(section, t, locale)}</dt>
                <dd data-section-text={section}>{text || <span class="muted">{t('package.notFilled')}</span>}</dd>
              </Fragment>
            );
          })}
        </dl>
      </section>
      <section class="card" aria-labelledby="locked-docs-title">
        <h2 id="locked-docs-title">{t('documents.title')}</h2>
        {app.documents.length === 0 ? (
          <p class="muted">{t('documents.none')}</p>
        ) : (
          DOCUMENT_CATEGORIES.filter((c) => app.documents.some((d) => d.category === c)).map((c) => (
            <div key={c} class="doc-category">
              <h3>{t(`document.category.${c}`)}</h3>
              <ul class="doc-list">
                {app.documents
                  .filter((d) => d.category === c)
                  .map((d) => (
                    <li key={d.documentId} class="doc" data-document={d.documentId} data-status={d.status}>
                      <div class="doc-head">
                        <span class="doc-name">{d.fileName}</span>
                        <span class={`doc-status status-${d.status}`}>{t(`document.status.${d.status}`)}</span>
                        {d.replacedBy && <span class="badge">{t('documents.replaced')}</span>}
                      </div>
                      <p class="muted small">
                        {formatBytes(d.size, locale)} · {formatMoment(d.createdAt, locale)} · <code>{d.sha256}</code>
                      </p>
                      {d.status === 'verified' && <DocumentDownload doc={d} />}
                    </li>
                  ))}
              </ul>
            </div>
          ))
        )}
      </section>
    </div>
  );
}
