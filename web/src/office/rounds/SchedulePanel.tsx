import { formatMoment } from '../../../../shared/messages/units';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DefenseScheduleView, RoundScheduleResponse, VisitCandidate } from '../../../../shared/api/schedules';
import { zonedParts } from '../../../../shared/schedule/time';
import { useLocale, useT } from '../../i18n';
import { useAppState } from '../../state';
import { useAction } from '../../ui/action';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { clockLabel, spanLabel, zoneLabel } from '../../ui/schedule/format';
import '../../texts/schedules';

interface VisitDraft {
  date: string;
  start: string;
  end: string;
  address: string;
  contactPerson: string;
  contactPhone: string;
}

function draftOf(c: VisitCandidate, timeZone: string): VisitDraft {
  const v = c.visit;
  if (!v) return { date: '', start: '09:00', end: '12:00', address: c.address, contactPerson: c.contactPerson, contactPhone: c.contactPhone };
  const from = zonedParts(v.start, timeZone);
  return { date: from.date, start: from.time, end: zonedParts(v.end, timeZone).time, address: v.address, contactPerson: v.contactPerson, contactPhone: v.contactPhone };
}

/** The form of one visit: the server checks the rest (times, the team's other visits, the version read). */
function VisitForm({ candidate, timeZone, onSaved, onClose }: { candidate: VisitCandidate; timeZone: string; onSaved: () => void; onClose: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const [draft, setDraft] = useState<VisitDraft>(() => draftOf(candidate, timeZone));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = (name: string) => `visit-${candidate.applicationId}-${name}`;
  const field = (name: keyof VisitDraft, label: string, type = 'text') => (
    <div class="field">
      <label for={id(name)}>{label}</label>
      <input id={id(name)} type={type} required value={draft[name]} onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })} />
    </div>
  );
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('schedules.setVisit', { params: { applicationId: candidate.applicationId }, body: { ...draft, version: candidate.visit?.version ?? 0 } });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" onSubmit={submit} data-visit-form={candidate.applicationId}>
      <p class="muted small">{t('schedule.field.zoneHint', { zone: zoneLabel(t, timeZone) })}</p>
      {field('date', t('schedule.field.date'), 'date')}
      {field('start', t('schedule.field.start'), 'time')}
      {field('end', t('schedule.field.end'), 'time')}
      {field('address', t('schedule.field.address'))}
      {field('contactPerson', t('schedule.field.contactPerson'))}
      {field('contactPhone', t('schedule.field.contactPhone'), 'tel')}
      <div>
        <button type="submit" disabled={busy}>
          {t('schedule.office.save')}
        </button>{' '}
        <button type="button" class="secondary" disabled={busy} onClick={onClose}>
          {t('schedule.office.close')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}

/**
 * A scheduled visit keeps the team it was saved with (its calendar mails went to them). When the team changes after
 * (a recusal, a replacement, an expert added), the office sees who joined and who left, and sends the visit again
 * as it is: the same day, time and place to the team as it is now, a cancellation to those who left (a change,
 * audited, from the version read).
 */
function TeamChanged({ candidate: c, timeZone, isAdmin, onNotified }: { candidate: VisitCandidate; timeZone: string; isAdmin: boolean; onNotified: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const visit = c.visit;
  const { run: notify, busy, error } = useAction(async () => {
    await call('schedules.setVisit', { params: { applicationId: c.applicationId }, body: { ...draftOf(c, timeZone), version: visit!.version } });
    onNotified();
  });
  if (!visit || visit.status !== 'scheduled') return null;
  const now = new Set(c.team.map((m) => m.reviewerId));
  const then = new Set(visit.team.map((m) => m.reviewerId));
  const joined = c.team.filter((m) => !then.has(m.reviewerId));
  const left = visit.team.filter((m) => !now.has(m.reviewerId));
  if (joined.length === 0 && left.length === 0) return null;
  const names = (members: readonly { reviewerName: string }[]) =>
    members.length > 0 ? members.map((m) => m.reviewerName).join(locale === 'zh-CN' ? '、' : ', ') : t('schedule.office.nobody');
  return (
    <div class="stack" data-team-changed={c.applicationId}>
      <p class="error">{t('schedule.office.teamChanged', { joined: names(joined), left: names(left) })}</p>
      {isAdmin && c.team.length > 0 && (
        <p>
          <button type="button" disabled={busy} onClick={() => void notify()} data-notify-team={c.applicationId}>
            {t('schedule.office.notifyTeam')}
          </button>
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}

/** Cancelling a visit: a reason, then a confirmation; "keep" leaves it as it is. */
function CancelVisit({ candidate, onCancelled }: { candidate: VisitCandidate; onCancelled: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!open) {
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)} data-cancel-visit={candidate.applicationId}>
        {t('schedule.office.cancelVisit')}
      </button>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('schedules.cancelVisit', { params: { applicationId: candidate.applicationId }, body: { reason, version: candidate.visit!.version } });
      onCancelled();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const id = `cancel-${candidate.applicationId}`;
  return (
    <form class="confirm-box stack" onSubmit={submit}>
      <div class="field">
        <label for={id}>{t('schedule.office.cancelReason')}</label>
        <textarea id={id} required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </div>
      <div>
        <button type="submit" class="danger" disabled={busy}>
          {t('schedule.office.cancelConfirm')}
        </button>{' '}
        <button type="button" class="secondary" disabled={busy} onClick={() => setOpen(false)}>
          {t('schedule.office.keep')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}

interface SlotDraft {
  applicationId: string;
  name: string;
  include: boolean;
  start: string;
  end: string;
}

/** The defense day: place, date and the order of presentation (move a candidate up; leave one out); slots checked by the server. */
function DefenseForm({ data, onSaved }: { data: RoundScheduleResponse; onSaved: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const current = data.defense;
  const [date, setDate] = useState(current?.date ?? '');
  const [place, setPlace] = useState(current?.place ?? '');
  const [slots, setSlots] = useState<SlotDraft[]>(() => {
    const planned = (current?.slots ?? []).map((s) => ({ applicationId: s.applicationId, name: s.organisationName, include: true, start: clockLabel(s.start, data.timeZone), end: clockLabel(s.end, data.timeZone) }));
    const rest = data.candidates
      .filter((c) => !planned.some((p) => p.applicationId === c.applicationId))
      .map((c) => ({ applicationId: c.applicationId, name: c.organisation.name, include: !current, start: '', end: '' }));
    return [...planned, ...rest];
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (i: number, change: Partial<SlotDraft>) => setSlots(slots.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const up = (i: number) => setSlots([...slots.slice(0, i - 1), slots[i]!, slots[i - 1]!, ...slots.slice(i + 1)]);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('schedules.setDefense', {
        params: { roundId: data.roundId },
        body: { date, place, slots: slots.filter((s) => s.include).map(({ applicationId, start, end }) => ({ applicationId, start, end })), version: current?.version ?? 0 },
      });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" onSubmit={submit} data-defense-form>
      <p class="muted small">{t('schedule.field.zoneHint', { zone: zoneLabel(t, data.timeZone) })}</p>
      <div class="field">
        <label for="defense-date">{t('schedule.field.date')}</label>
        <input id="defense-date" type="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="defense-place">{t('schedule.field.place')}</label>
        <input id="defense-place" required value={place} onInput={(e) => setPlace(e.currentTarget.value)} />
      </div>
      <ol class="stack">
        {slots.map((s, i) => (
          <li key={s.applicationId} data-slot={s.applicationId}>
            <label>
              <input type="checkbox" checked={s.include} onChange={(e) => set(i, { include: e.currentTarget.checked })} /> {s.name} · {t('schedule.defense.include')}
            </label>
            {s.include && (
              <div class="inline-fields">
                <label>
                  {t('schedule.field.start')} <input type="time" required value={s.start} onInput={(e) => set(i, { start: e.currentTarget.value })} />
                </label>{' '}
                <label>
                  {t('schedule.field.end')} <input type="time" required value={s.end} onInput={(e) => set(i, { end: e.currentTarget.value })} />
                </label>
              </div>
            )}
            {i > 0 && (
              <button type="button" class="secondary small" onClick={() => up(i)} aria-label={`${t('schedule.defense.up')}: ${s.name}`}>
                {t('schedule.defense.up')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <div>
        <button type="submit" disabled={busy}>
          {t('schedule.defense.save')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}

function DefenseSummary({ defense }: { defense: DefenseScheduleView }) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl class="facts" data-defense-summary>
      <dt>{t('schedule.when')}</dt>
      <dd>{defense.slots.length > 0 && spanLabel(defense.slots[0]!.start, defense.slots.at(-1)!.end, defense.timeZone, locale)}</dd>
      <dt>{t('schedule.where')}</dt>
      <dd>{defense.place}</dd>
      <dt>{t('schedule.order')}</dt>
      <dd>
        <ol class="plain">
          {defense.slots.map((s) => (
            <li key={s.applicationId}>
              {clockLabel(s.start, defense.timeZone)}–{clockLabel(s.end, defense.timeZone)} · {s.organisationName}
            </li>
          ))}
        </ol>
      </dd>
    </dl>
  );
}

/**
 * The office's schedules of a round: each shortlisted application's site visit (set, change, cancel) and the defense
 * day. Supervisors see the same without controls. Every save notifies everyone concerned (server side).
 */
export function SchedulePanel({ roundId, isAdmin }: { roundId: string; isAdmin: boolean }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [data, setData] = useState<RoundScheduleResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    call('schedules.round', { params: { roundId } }).then(setData, setError);
  }, [call, roundId]);
  useEffect(load, [load]);

  if (error !== null && !data) return <ErrorMessage error={error} onRetry={load} />;
  if (!data) return null;
  const done = (text: string) => {
    setEditing(null);
    setNotice(text);
    load();
  };
  return (
    <section class="card stack" aria-labelledby="schedule-title" data-schedule-panel={roundId}>
      <h2 id="schedule-title">{t('schedule.office.title')}</h2>
      {isAdmin && <p class="muted small">{t('schedule.office.intro')}</p>}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {data.candidates.length === 0 && <p class="muted">{t('schedule.office.none')}</p>}
      {data.candidates.map((c) => (
        <article key={c.applicationId} class="schedule-entry" data-schedule-candidate={c.applicationId}>
          <h3>{c.organisation.name}</h3>
          <p class="small">
            {t('schedule.team')}: {c.team.length > 0 ? c.team.map((m) => `${m.reviewerName}${m.leader ? t('schedule.leader') : ''}`).join(locale === 'zh-CN' ? '、' : ', ') : t('schedule.office.noTeam')}
          </p>
          {c.visit ? (
            <p data-visit-summary={c.visit.status}>
              {c.visit.status === 'cancelled' ? (
                <span class="badge">{t('schedule.cancelled', { reason: c.visit.cancellation?.reason ?? '' })}</span>
              ) : (
                <>
                  {spanLabel(c.visit.start, c.visit.end, c.visit.timeZone, locale)} · {c.visit.address}
                </>
              )}
            </p>
          ) : (
            <p class="muted small">{t('schedule.office.notScheduled')}</p>
          )}
          <TeamChanged candidate={c} timeZone={data.timeZone} isAdmin={isAdmin} onNotified={() => done(t('schedule.office.notified', { organisation: c.organisation.name }))} />
          {c.report && (
            <div class="stack" data-visit-report={c.applicationId}>
              <h4>{t('schedule.report.title')}</h4>
              <p class="muted small">{t('schedule.report.by', { name: c.report.authorName, at: formatMoment(c.report.updatedAt, locale, data.timeZone) })}</p>
              <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.report.text}</p>
            </div>
          )}
          {isAdmin && c.team.length > 0 && editing !== c.applicationId && (
            <div>
              <button type="button" onClick={() => { setNotice(null); setEditing(c.applicationId); }} data-edit-visit={c.applicationId}>
                {c.visit && c.visit.status === 'scheduled' ? t('schedule.office.change') : t('schedule.office.schedule')}
              </button>{' '}
              {c.visit?.status === 'scheduled' && <CancelVisit candidate={c} onCancelled={() => done(t('schedule.office.cancelled', { organisation: c.organisation.name }))} />}
            </div>
          )}
          {isAdmin && editing === c.applicationId && (
            <VisitForm
              candidate={c}
              timeZone={data.timeZone}
              onSaved={() => done(t('schedule.office.saved', { organisation: c.organisation.name }))}
              onClose={() => setEditing(null)}
            />
          )}
        </article>
      ))}
      {data.candidates.length > 0 && (
        <>
          <h3>{t('schedule.defense.office')}</h3>
          {data.defense && <DefenseSummary defense={data.defense} />}
          {isAdmin && <DefenseForm key={data.defense?.version ?? 0} data={data} onSaved={() => done(t('schedule.defense.saved'))} />}
        </>
      )}
    </section>
  );
}
