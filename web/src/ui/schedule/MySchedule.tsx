import { useEffect, useState } from 'preact/hooks';
import { formatMoment } from '../../../../shared/messages/units';
import type { MyScheduleEntry } from '../../../../shared/api/schedules';
import { useLocale, useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../ErrorMessage';
import { calendarHref, clockLabel, spanLabel, zoneLabel } from './format';
import '../../texts/schedules';

/**
 * The caller's own schedule (site visits, defense slots or days), each with its calendar file to download; times in
 * the round's time zone. `applicationId` narrows it to one application (the applicant's dashboard); `hideEmpty`
 * shows nothing until something is scheduled.
 */
export function MySchedule({ applicationId, hideEmpty = false }: { applicationId?: string; hideEmpty?: boolean }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [entries, setEntries] = useState<readonly MyScheduleEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = () => {
    setError(null);
    call('schedules.mine').then((res) => setEntries(res.entries), setError);
  };
  useEffect(load, [call]);

  const shown = (entries ?? []).filter((e) => !applicationId || (e.kind === 'visit' ? e.visit.applicationId === applicationId : e.applicationId === applicationId));
  if (error !== null) return <ErrorMessage error={error} onRetry={load} />;
  if (!entries || (hideEmpty && shown.length === 0)) return null;
  return (
    <section class="schedule" aria-labelledby="my-schedule-title" data-my-schedule>
      <h2 id="my-schedule-title">{t('schedule.mine.title')}</h2>
      {shown.length === 0 && <p class="muted">{t('schedule.mine.none')}</p>}
      {shown.map((entry) =>
        entry.kind === 'visit' ? (
          <article key={`visit-${entry.visit.applicationId}`} class="card schedule-entry" data-visit={entry.visit.applicationId} data-visit-status={entry.visit.status}>
            <h3>{t('schedule.visit.title', { organisation: entry.visit.organisation.name })}</h3>
            {entry.visit.cancellation && <p class="error">{t('schedule.cancelled', { reason: entry.visit.cancellation.reason })}</p>}
            <dl class="facts">
              <dt>{t('schedule.when')}</dt>
              <dd>
                {spanLabel(entry.visit.start, entry.visit.end, entry.visit.timeZone, locale)} <span class="muted small">({zoneLabel(t, entry.visit.timeZone)})</span>
              </dd>
              <dt>{t('schedule.where')}</dt>
              <dd>{entry.visit.address}</dd>
              {entry.visit.team.length > 0 && (
                <>
                  <dt>{t('schedule.team')}</dt>
                  <dd>{entry.visit.team.map((m) => `${m.reviewerName}${m.leader ? t('schedule.leader') : ''}`).join(locale === 'zh-CN' ? '、' : ', ')}</dd>
                </>
              )}
              <dt>{t('schedule.contact')}</dt>
              <dd>
                {entry.visit.contactPerson} · <a href={`tel:${entry.visit.contactPhone.replace(/[^0-9+]/g, '')}`}>{entry.visit.contactPhone}</a>
              </dd>
            </dl>
            <a class="button secondary" href={calendarHref(entry.ics)} download={`site-visit-${entry.visit.applicationId}.ics`} data-ics>
              {t('schedule.download')}
            </a>
            {(entry.canReport || entry.report) && <VisitReport entry={entry} onSaved={load} />}
          </article>
        ) : (
          <article key={`defense-${entry.defense.roundId}-${entry.applicationId ?? ''}`} class="card schedule-entry" data-defense-schedule={entry.defense.roundId}>
            <h3>{t('schedule.defense.title')}</h3>
            <dl class="facts">
              <dt>{t('schedule.when')}</dt>
              <dd>
                {entry.defense.slots.length > 0 && spanLabel(entry.defense.slots[0]!.start, entry.defense.slots.at(-1)!.end, entry.defense.timeZone, locale)}{' '}
                <span class="muted small">({zoneLabel(t, entry.defense.timeZone)})</span>
              </dd>
              <dt>{t('schedule.where')}</dt>
              <dd>{entry.defense.place}</dd>
              <dt>{t('schedule.order')}</dt>
              <dd>
                <ol class="plain">
                  {entry.defense.slots.map((s) => (
                    <li key={s.applicationId}>
                      {t('schedule.slot', { order: s.order })} · {clockLabel(s.start, entry.defense.timeZone)}–{clockLabel(s.end, entry.defense.timeZone)} · {s.organisationName}
                    </li>
                  ))}
                </ol>
              </dd>
            </dl>
            <a class="button secondary" href={calendarHref(entry.ics)} download={`defense-${entry.applicationId ?? entry.defense.roundId}.ics`} data-ics>
              {t('schedule.download')}
            </a>
          </article>
        ),
      )}
    </section>
  );
}

/** The site team's visit report: its leader writes it (based on the version read), the other members read it. */
function VisitReport({ entry, onSaved }: { entry: Extract<MyScheduleEntry, { kind: 'visit' }>; onSaved: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [text, setText] = useState(entry.report?.text ?? '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await call('schedules.visitReport', { params: { applicationId: entry.visit.applicationId }, body: { text, version: entry.report?.version ?? 0 } });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const id = `visit-report-${entry.visit.applicationId}`;
  return (
    <div class="stack" data-visit-report={entry.visit.applicationId}>
      <h4 id={`${id}-title`}>{t('schedule.report.title')}</h4>
      {entry.report && <p class="muted small">{t('schedule.report.by', { name: entry.report.authorName, at: formatMoment(entry.report.updatedAt, locale, entry.visit.timeZone) })}</p>}
      {entry.canReport ? (
        <form class="stack" onSubmit={save} noValidate>
          <p class="muted small">{t('schedule.report.hint')}</p>
          <textarea id={id} aria-labelledby={`${id}-title`} rows={6} maxLength={5000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} data-visit-report-text />
          <div>
            <button type="submit" disabled={busy || text.trim().length === 0} data-visit-report-save>
              {t('schedule.report.save')}
            </button>
          </div>
          {saved && <p role="status">{t('schedule.report.saved')}</p>}
          {error !== null && <ErrorMessage error={error} />}
        </form>
      ) : entry.report ? (
        <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{entry.report.text}</p>
      ) : (
        <p class="muted small">{t('schedule.report.none')}</p>
      )}
    </div>
  );
}
