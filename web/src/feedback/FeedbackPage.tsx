import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { FeedbackReportView } from '../../../shared/api/feedback';
import { formatMoment } from '../../../shared/messages/units';
import { useLocale, useT } from '../i18n';
import { useLoad } from '../review/load';
import { REVIEW_CRITERIA } from '../review/scores';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { RequireRole } from '../ui/RequireRole';
import { FeedbackEditor } from './FeedbackEditor';
import { reportBlocks } from './report-blocks';
import { ReportSheet } from './ReportSheet';
import '../texts/feedback';
import './feedback.css';
import '../route-map-work'; // the work routes, known at once to this area's calls (web/src/route-map.ts)

/** Saves bytes as a file the browser downloads. */
function download(bytes: Uint8Array, name: string) {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** 打印 and 下载 PDF: the PDF maker (pdf-lib, fontkit and the fonts) loads only when asked. */
function ReportActions({ report }: { report: FeedbackReportView }) {
  const t = useT();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const makePdf = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const { reportPdf } = await import('./pdf');
      const blocks = reportBlocks(report, REVIEW_CRITERIA, t, locale);
      const bytes = await reportPdf(blocks, { title: `${t('feedback.title')} · ${report.organisation}`, lang: locale, footer: (page, pages) => t('feedback.pdfPage', { page, pages }) });
      download(bytes, `${t('feedback.title')}-${report.organisation}.pdf`);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="feedback-actions no-print">
      <button type="button" onClick={() => window.print()} data-action="print-feedback">
        {t('feedback.print')}
      </button>
      <button type="button" disabled={busy} onClick={() => void makePdf()} data-action="download-feedback-pdf">
        {busy ? t('feedback.pdfBusy') : t('feedback.pdf')}
      </button>
      <button type="button" class="secondary" onClick={() => history.back()}>
        {t('feedback.back')}
      </button>
      {failed && (
        <p class="field-error" role="alert">
          {t('feedback.pdfFailed')}
        </p>
      )}
    </div>
  );
}

function Report({ applicationId }: { applicationId: string }) {
  const { call, session } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [load, , setReport] = useLoad<FeedbackReportView>(() => call('feedback.read', { params: { applicationId } }), [applicationId]);
  if (load.state === 'loading') return <p class="muted">{t('feedback.loading')}</p>;
  if (load.state === 'error') return <ErrorMessage error={load.error} />;
  const report = load.value;
  const role = session.value?.role;
  const office = role === 'admin' || role === 'supervisor';
  return (
    <section class="feedback-page" aria-label={t('feedback.title')}>
      {office && (
        <div class="no-print">
          <p class={report.releasedAt ? 'notice' : 'notice warning'} data-feedback-state={report.releasedAt ? 'released' : 'draft'}>
            {report.releasedAt ? t('feedback.releasedAt', { time: formatMoment(report.releasedAt, locale, report.timeZone) }) : t('feedback.draft')}
          </p>
          <p>
            <a href={`/feedback/rounds/${encodeURIComponent(report.roundId)}`}>{t('feedback.roundLink')}</a>
          </p>
        </div>
      )}
      <ReportActions report={report} />
      {role === 'admin' && !report.releasedAt && <FeedbackEditor report={report} onSaved={setReport} />}
      <ReportSheet report={report} />
    </section>
  );
}

/** One feedback report (`/feedback/<applicationId>`): its owner once released; the office (edits until released) and supervisors (read-only). */
export function FeedbackPage() {
  const { params } = useRoute();
  return (
    <RequireRole roles={['applicant', 'admin', 'supervisor']}>
      <Report applicationId={params.applicationId ?? ''} />
    </RequireRole>
  );
}
