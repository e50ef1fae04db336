import type { Receipt } from '../../../shared/api/applications';
import { useLocale, useT } from '../i18n';
import { formatMoment as formatBeijing } from '../../../shared/messages/units';
import { formatMoment } from './format';
import { formatBytes } from './upload';
import '../texts/apply';
import '../texts/terms';

/**
 * The receipt of a formal submission: when, what (a SHA-256 per file and for the texts), printable.
 * `reader` says who reads it: the receipt was mailed to the applicant, which the office reads as such.
 */
export function ReceiptView({ receipt, programmeName, reader = 'applicant' }: { receipt: Receipt; programmeName?: string; reader?: 'applicant' | 'office' }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section class="card receipt" aria-labelledby="receipt-title" data-receipt={receipt.receiptId}>
      <div class="receipt-head">
        <h2 id="receipt-title" tabIndex={-1}>{t('receipt.title')}</h2>
        <button type="button" class="secondary no-print" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
      </div>
      {programmeName && <p>{programmeName}</p>}
      <dl class="facts">
        <dt>{t('receipt.id')}</dt>
        <dd>
          <code>{receipt.receiptId}</code>
        </dd>
        <dt>{t('receipt.organisation')}</dt>
        <dd>{receipt.organisationName}</dd>
        <dt>{t('receipt.creditCode')}</dt>
        <dd>
          <code>{receipt.creditCode}</code>
        </dd>
        <dt>{t('receipt.submittedAt')}</dt>
        <dd>
          <time dateTime={receipt.submittedAt} data-submitted-at={receipt.submittedAt}>
            {formatMoment(receipt.submittedAt, locale)}
          </time>{' '}
          <span class="muted small">({t('receipt.serverTime', { time: formatBeijing(receipt.submittedAt, locale) })})</span>
        </dd>
        <dt>{t('receipt.textsSha256')}</dt>
        <dd>
          <code>{receipt.textsSha256}</code>
        </dd>
        <dt>{t('receipt.packageSha256')}</dt>
        <dd>
          <code data-package-sha256>{receipt.packageSha256}</code>
        </dd>
      </dl>
      <h3>{t('receipt.manifest')}</h3>
      {receipt.manifest.length === 0 ? (
        <p class="muted">{t('receipt.noFiles')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table manifest">
            <thead>
              <tr>
                <th scope="col">{t('receipt.category')}</th>
                <th scope="col">{t('receipt.file')}</th>
                <th scope="col">{t('receipt.size')}</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {receipt.manifest.map((m) => (
                <tr key={m.documentId} data-manifest={m.documentId}>
                  <td>{t(`document.category.${m.category}`)}</td>
                  <td class="wrap">{m.fileName}</td>
                  <td>{formatBytes(m.size, locale)}</td>
                  <td>
                    <code data-sha256={m.sha256}>{m.sha256}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="muted small" data-receipt-note>
        {t('receipt.note')}
        {locale === 'en' ? ' ' : ''}
        {t(`receipt.mailed.${reader}`)}
      </p>
    </section>
  );
}
