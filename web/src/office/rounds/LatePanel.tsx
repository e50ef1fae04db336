import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LateGroup, LateListResponse, LatePerson, ReminderKind } from '../../../../shared/api/reminders';
import { formatMoment } from '../../../../shared/messages/units';
import { useLocale, useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import '../../texts/reminders';

/** One late person's row: name, role, open work by organisation, the last reminder by hand, and "Remind". */
function PersonRow({ person, group, timeZone, busy, onRemind }: { person: LatePerson; group: LateGroup; timeZone: string; busy: boolean; onRemind: () => void }) {
  const t = useT();
  const locale = useLocale();
  return (
    <tr data-late-person={person.personId}>
      <td>{person.name}</td>
      <td>{t(`late.role.${person.role}`)}</td>
      <td>
        {person.work.map((w, i) => (
          <div key={i}>
            {w.organisation} · <span class="muted small">{t(`reminders.work.${w.status}`)}</span>
          </div>
        ))}
      </td>
      <td>{person.lastRemindedAt ? formatMoment(person.lastRemindedAt, locale, timeZone) : t('late.never')}</td>
      <td>
        {!group.canRemind ? null : person.remindable ? (
          <button type="button" class="secondary" disabled={busy} onClick={onRemind} data-remind-one>
            {t('late.remind')}
          </button>
        ) : (
          <span class="muted small">{t('late.recentlyReminded')}</span>
        )}
      </td>
    </tr>
  );
}

/** One kind's late people, with "Remind all" asking before it sends. */
function Group({ group, timeZone, busy, onRemind }: { group: LateGroup; timeZone: string; busy: boolean; onRemind: (kind: ReminderKind, personId?: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const remindable = group.people.filter((p) => p.remindable).length;
  const titleId = `late-${group.kind}`;
  return (
    <section class="stack" aria-labelledby={titleId} data-late-group={group.kind}>
      <h3 id={titleId}>
        {t(`reminders.kind.${group.kind}`)} <span class="badge" data-overdue={String(group.overdue)}>{t(group.overdue ? 'late.overdue' : 'late.dueSoon')}</span>
      </h3>
      <p class="muted small">
        {t('late.dueOn', { deadline: formatMoment(group.deadline, locale, timeZone) })} · {t('late.count', { count: group.people.length })}
      </p>
      {!group.canRemind && <p class="muted small">{t('late.cannotRemind')}</p>}
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('late.col.name')}</th>
              <th scope="col">{t('late.col.role')}</th>
              <th scope="col">{t('late.col.work')}</th>
              <th scope="col">{t('late.col.reminded')}</th>
              <th scope="col">{t('late.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {group.people.map((p) => (
              <PersonRow key={p.personId} person={p} group={group} timeZone={timeZone} busy={busy} onRemind={() => onRemind(group.kind, p.personId)} />
            ))}
          </tbody>
        </table>
      </div>
      {group.canRemind && remindable > 0 && (
        confirming ? (
          <div class="stack" role="group" aria-label={t('late.remindAllConfirm', { count: remindable })} data-remind-all-confirm>
            <p>{t('late.remindAllConfirm', { count: remindable })}</p>
            <p>
              <button
                type="button"
                disabled={busy}
                onClick={() => {
                  setConfirming(false);
                  onRemind(group.kind);
                }}
              >
                {t('late.confirm')}
              </button>{' '}
              <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                {t('late.cancel')}
              </button>
            </p>
          </div>
        ) : (
          <p>
            <button type="button" disabled={busy} onClick={() => setConfirming(true)} data-remind-all>
              {t('late.remindAll', { count: remindable })}
            </button>
          </p>
        )
      )}
    </section>
  );
}

/**
 * The office's late list (issue 13 part 4): per stage whose deadline is near or past, who still owes work —
 * applicants with an unsubmitted package, experts and deliberators with open cards — and a reminder to one or
 * to all of them with one action (the server refuses a second reminder to one person within the hour).
 */
export function LatePanel({ roundId }: { roundId: string }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [data, setData] = useState<LateListResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const latest = useRef(0);

  const daysText = (days: readonly number[]) => [...days].sort((a, b) => b - a).join(locale === 'zh-CN' ? '、' : ', ');

  const load = useCallback(() => {
    const ticket = ++latest.current;
    setError(null);
    call('reminders.late', { params: { roundId } }).then(
      (res) => ticket === latest.current && setData(res),
      (e: unknown) => ticket === latest.current && setError(e),
    );
  }, [call, roundId]);
  useEffect(load, [load]);

  const remind = async (kind: ReminderKind, personId?: string) => {
    setBusy(true);
    setSendError(null);
    setNotice(null);
    try {
      const res = await call('reminders.send', { params: { roundId }, body: { kind, ...(personId ? { personId } : {}) } });
      setNotice(res.skipped > 0 ? t('late.sentSkipped', { reminded: res.reminded, skipped: res.skipped }) : t('late.sent', { reminded: res.reminded }));
      load();
    } catch (e) {
      setSendError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card stack" aria-labelledby="late-title" data-late-panel>
      <h2 id="late-title">{t('late.title')}</h2>
      <p class="muted small">{t('late.note')}</p>
      {data && (
        <p class="muted small" data-late-schedule>
          {t('late.schedule', {
            applicant: data.schedule.applicantDays.length ? t('late.schedule.applicant', { days: daysText(data.schedule.applicantDays) }) : t('late.schedule.applicantNone'),
            reviewer: data.schedule.reviewerDays.length ? t('late.schedule.reviewer', { days: daysText(data.schedule.reviewerDays) }) : t('late.schedule.reviewerNone'),
          })}
        </p>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {sendError !== null && <ErrorMessage error={sendError} />}
      {error !== null ? (
        <ErrorMessage error={error} onRetry={load} />
      ) : !data ? (
        <p class="muted">{t('site.loading')}</p>
      ) : data.groups.length === 0 ? (
        <p data-late-none>{t('late.none')}</p>
      ) : (
        data.groups.map((g) => <Group key={g.kind} group={g} timeZone={data.timeZone} busy={busy} onRemind={(kind, personId) => void remind(kind, personId)} />)
      )}
    </section>
  );
}
