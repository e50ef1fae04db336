import type { FeedbackReportView } from '../../../shared/api/feedback';
import { useLocale, useT } from '../i18n';
import { REVIEW_CRITERIA } from '../review/scores';
import { bandRange, dayOf } from './report-blocks';
import '../texts/feedback';

/** One feedback report as a sheet: on screen in the page, one or more A4 portrait pages in print (./feedback.css). */
export function ReportSheet({ report }: { report: FeedbackReportView }) {
  const t = useT();
  const locale = useLocale();
  const none = t('feedback.none');
  return (
    <article class="feedback-sheet" lang={locale} data-feedback-sheet={report.applicationId}>
      <h1 class="feedback-heading">{t('feedback.title')}</h1>
      <p class="feedback-meta">{t('feedback.organisation', { organisation: report.organisation })}</p>
      <p class="feedback-meta">{t('feedback.round', { round: report.round[locale] })}</p>
      {report.releasedAt && <p class="feedback-meta">{t('feedback.releasedOn', { date: dayOf(report.releasedAt, locale, report.timeZone) })}</p>}
      <p class="feedback-meta">{t(report.stage === 'onSite' ? 'feedback.basis.onSite' : 'feedback.basis.materialReview')}</p>
      <p class="muted small">{t('feedback.intro')}</p>
      {REVIEW_CRITERIA.categories.map((category) => (
        <section key={category.id} class="feedback-category" data-category={category.id}>
          <h2>
            {category.id} {category.name[locale]}
          </h2>
          {report.themes[category.id] && (
            <div class="feedback-theme">
              <h3>{t('feedback.themes')}</h3>
              <p>{report.themes[category.id]}</p>
            </div>
          )}
          {category.items.map((item) => {
            const entry = report.items[item.id];
            if (!entry) return null;
            const range = bandRange(REVIEW_CRITERIA, entry.band);
            return (
              <section key={item.id} class="feedback-item" data-feedback-item={item.id}>
                <h3>
                  {item.id} {item.name[locale]}
                </h3>
                <p class="feedback-band" data-band={entry.band}>
                  {entry.percent === undefined ? t('feedback.band', { range }) : t('feedback.bandScore', { range, percent: entry.percent })}
                </p>
                <dl>
                  <dt>{t('feedback.strengths')}</dt>
                  <dd data-strengths>{entry.strengths || none}</dd>
                  <dt>{t('feedback.opportunities')}</dt>
                  <dd data-opportunities>{entry.opportunities || none}</dd>
                </dl>
              </section>
            );
          })}
        </section>
      ))}
      {report.findings && (
        <section class="feedback-category" data-findings>
          <h2>{t('feedback.findings')}</h2>
          <p class="feedback-findings">{report.findings}</p>
        </section>
      )}
    </article>
  );
}
