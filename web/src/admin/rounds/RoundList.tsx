import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { RoundView } from '../../../../shared/api/rounds';
import type { Locale } from '../../../../shared/messages';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { browserTimeZone } from './config-form';
import { CreateRound } from './CreateRound';
import { roundHref, stageName } from './format';
import '../../texts/rounds';

// A stored configuration that no longer parses is shown as stored by the server: a missing date is a dash.
const dateOf = (round: RoundView, field: 'registrationOpens' | 'submissionDeadline', locale: Locale) => {
  const value = (round.config as { dates?: Partial<Record<string, unknown>> } | undefined)?.dates?.[field];
  return typeof value === 'string' ? formatDateTime(value, locale) : '—';
};

/** Every round of the programme, newest first, with its stage and key dates; and the call of a new one. */
export function RoundList() {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [rounds, setRounds] = useState<readonly RoundView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<RoundView | null>(null);
  const latest = useRef(0);

  const load = useCallback(() => {
    const ticket = ++latest.current;
    setError(null);
    call('rounds.list').then(
      (res) => ticket === latest.current && setRounds(res.rounds),
      (e: unknown) => ticket === latest.current && setError(e),
    );
  }, [call]);
  useEffect(load, [load]);

  return (
    <div class="stack">
      <section class="card" aria-labelledby="rounds-list-title">
        <h2 id="rounds-list-title">{t('rounds.list.title')}</h2>
        {error !== null ? (
          <ErrorMessage error={error} onRetry={load} />
        ) : !rounds ? (
          <p class="muted">{t('site.loading')}</p>
        ) : rounds.length === 0 ? (
          <p>{t('rounds.list.empty')}</p>
        ) : (
          <>
            <p class="muted small">{t('rounds.list.timeZone', { zone: browserTimeZone() })}</p>
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('rounds.col.round')}</th>
                    <th scope="col">{t('rounds.col.stage')}</th>
                    <th scope="col">{t('rounds.date.registrationOpens')}</th>
                    <th scope="col">{t('rounds.date.submissionDeadline')}</th>
                    <th scope="col">{t('rounds.col.links')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rounds.map((r) => (
                    <tr key={r.roundId} data-round={r.roundId}>
                      <td>
                        <a href={roundHref.page(r.roundId)}>{r.name[locale]}</a>
                        <br />
                        <code>{r.roundId}</code>
                      </td>
                      <td data-stage={r.stage}>{stageName(t, r.stage)}</td>
                      <td>{dateOf(r, 'registrationOpens', locale)}</td>
                      <td>{dateOf(r, 'submissionDeadline', locale)}</td>
                      <td>
                        <span class="round-links">
                          <a href={roundHref.page(r.roundId)}>{t('rounds.link.page')}</a>
                          <a href={roundHref.board(r.roundId)}>{t('rounds.link.board')}</a>
                          <a href={roundHref.supervise(r.roundId)}>{t('rounds.link.supervise')}</a>
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      {created && (
        <p class="notice" role="status">
          {t('rounds.create.done', { roundId: created.roundId })} <a href={roundHref.page(created.roundId)}>{t('rounds.link.page')}</a>
        </p>
      )}
      {creating ? (
        <CreateRound
          onCreated={(round) => {
            setCreating(false);
            setCreated(round);
            load();
          }}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <p>
          <button
            type="button"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            {t('rounds.create.open')}
          </button>
        </p>
      )}
    </div>
  );
}
