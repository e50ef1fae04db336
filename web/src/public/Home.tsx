import { useEffect, useState } from 'preact/hooks';
import { isMessageKey } from '../../../shared/messages/registry';
import { formatDate, useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import '../texts/home';

/** The levels the home page lists programmes by (issue #14 part 2); a programme from before levels under "other". */
const LEVELS = ['city', 'district', 'county', 'other'] as const;

/** The public home page: the programmes and their rounds (the functions' health is the office's, on /admin). */
export function Home() {
  const state = useAppState();
  const t = useT();
  const locale = useLocale();
  const [error, setError] = useState<unknown>(null);
  const programmes = state.programmes.value;

  const load = () => {
    setError(null);
    state.loadProgrammes().catch(setError);
  };
  useEffect(load, [state]);

  return (
    <div class="stack">
      <section class="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <p class="muted">{t('home.signInHint')}</p>
      </section>
      <section aria-labelledby="programmes-title">
        <h2 id="programmes-title">{t('home.programmes')}</h2>
        {error ? (
          <ErrorMessage error={error} onRetry={load} />
        ) : !programmes ? (
          <p class="muted">{t('site.loading')}</p>
        ) : programmes.length === 0 ? (
          <p>{t('home.noProgrammes')}</p>
        ) : (
          LEVELS.map((level) => {
            const here = programmes.filter((p) => (p.level ?? 'other') === level);
            if (here.length === 0) return null;
            return (
              <section key={level} class="stack" aria-labelledby={`level-${level}`} data-level={level}>
                <h3 id={`level-${level}`}>{t(`home.level.${level}`)}</h3>
                {here.map((p) => (
            <article key={p.programmeId} class="card programme" data-programme={p.programmeId}>
              <h3>
                <a href={`/programmes/${encodeURIComponent(p.programmeId)}`} data-programme-link={p.programmeId}>
                  {p.name[locale]}
                </a>
              </h3>
              {p.rounds.length === 0 ? (
                <p class="muted">{t('home.noRounds')}</p>
              ) : (
                <ul class="rounds">
                  {p.rounds.map((r) => {
                    const stageKey = `domain.stage.${r.stage}`;
                    return (
                      <li key={r.roundId} data-round={r.roundId}>
                        <h4 id={`round-${r.roundId}`}>{r.name[locale]}</h4>
                        <dl class="facts">
                          <dt>{t('home.stage')}</dt>
                          <dd>{isMessageKey(stageKey) ? t(stageKey) : r.stage}</dd>
                          <dt>{t('home.registrationOpens')}</dt>
                          <dd>{formatDate(r.registrationOpens, locale)}</dd>
                          <dt>{t('home.submissionDeadline')}</dt>
                          <dd>{formatDate(r.submissionDeadline, locale)}</dd>
                        </dl>
                        {r.stage === 'registration' && (
                          <a class="button" href={`/apply?programme=${encodeURIComponent(p.programmeId)}`}>
                            {t('home.apply')}
                          </a>
                        )}
                        {(r.stage === 'publicNotice' || r.stage === 'announcement') && (
                          <a class="button" href={`/notices/${encodeURIComponent(r.roundId)}`} aria-describedby={`round-${r.roundId}`} data-notice-link={r.stage}>
                            {t(r.stage === 'publicNotice' ? 'notice.link.publicNotice' : 'notice.link.announcement')}
                          </a>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </article>
                ))}
              </section>
            );
          })
        )}
      </section>
    </div>
  );
}
