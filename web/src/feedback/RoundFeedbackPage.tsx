import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { FeedbackReleasedResponse, RoundFeedbackResponse } from '../../../shared/api/feedback';
import { formatMoment } from '../../../shared/messages/units';
import { useLocale, useT } from '../i18n';
import { useLoad } from '../review/load';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { RequireRole } from '../ui/RequireRole';
import '../texts/feedback';
import './feedback.css';
import '../route-map-work'; // the work routes, known at once to this area's calls (web/src/route-map.ts)

/** The release: asked once more (final), then one call; what it did is shown. */
function Release({ list, onReleased }: { list: RoundFeedbackResponse; onReleased: (done: FeedbackReleasedResponse) => void }) {
  const { call } = useAppState();
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (list.roundStage !== 'announcement') return <p class="muted">{t('feedback.list.notYet')}</p>;
  const release = async () => {
    setBusy(true);
    setError(null);
    try {
      onReleased(await call('feedback.release', { params: { roundId: list.roundId } }));
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="feedback-release">
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)} data-action="release-feedback">
          {t('feedback.list.release')}
        </button>
      ) : (
        <div class="confirm-box" role="group" aria-labelledby="feedback-release-confirm">
          <p id="feedback-release-confirm">{t('feedback.list.releaseConfirm', { count: list.reports.length })}</p>
          <div class="button-row">
            <button type="button" disabled={busy} onClick={() => void release()} data-action="confirm-release-feedback">
              {t('feedback.list.releaseYes')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t('feedback.list.releaseNo')}
            </button>
          </div>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}

function RoundFeedback({ roundId }: { roundId: string }) {
  const { call, session } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [load, reload] = useLoad<RoundFeedbackResponse>(() => call('feedback.round', { params: { roundId } }), [roundId]);
  const [done, setDone] = useState<FeedbackReleasedResponse | null>(null);
  if (load.state === 'loading') return <p class="muted">{t('feedback.loading')}</p>;
  if (load.state === 'error') return <ErrorMessage error={load.error} />;
  const list = load.value;
  const office = session.value?.role === 'admin';
  return (
    <section class="card" aria-labelledby="feedback-list-title">
      <h1 id="feedback-list-title">{t('feedback.list.title')}</h1>
      <p>{list.round[locale]}</p>
      <p class="muted small">{t('feedback.list.intro')}</p>
      {list.released ? (
        <p class="notice" data-feedback-released>
          {t('feedback.list.released', { time: formatMoment(list.released.at, locale, list.timeZone), count: list.released.count })}
          {done && ` ${t('feedback.list.mailed', { mailed: done.mailed, failed: done.failed })}`}
        </p>
      ) : office ? (
        list.reports.length > 0 && (
          <Release
            list={list}
            onReleased={(d) => {
              setDone(d);
              reload();
            }}
          />
        )
      ) : (
        <p class="muted">{t('feedback.list.readOnly')}</p>
      )}
      {list.reports.length === 0 ? (
        <p class="muted">{t('feedback.list.empty')}</p>
      ) : (
        <table class="feedback-table">
          <thead>
            <tr>
              <th scope="col">{t('feedback.list.organisation')}</th>
              <th scope="col">{t('feedback.list.basis')}</th>
              <th scope="col">{t('feedback.list.wording')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('feedback.list.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.reports.map((r) => (
              <tr key={r.applicationId} data-feedback-row={r.applicationId}>
                <td>{r.organisation}</td>
                <td>{t(r.visited ? 'feedback.list.basis.onSite' : 'feedback.list.basis.materialReview')}</td>
                <td>{r.version > 0 ? t('feedback.list.edited', { version: r.version }) : t('feedback.list.notEdited')}</td>
                <td>
                  <a href={`/feedback/${encodeURIComponent(r.applicationId)}`}>{t('feedback.list.open')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The round's feedback reports (`/feedback/rounds/<roundId>`): the office releases them; supervisors read. */
export function RoundFeedbackPage() {
  const { params } = useRoute();
  return (
    <RequireRole roles={['admin', 'supervisor']}>
      <RoundFeedback roundId={params.roundId ?? ''} />
    </RequireRole>
  );
}
