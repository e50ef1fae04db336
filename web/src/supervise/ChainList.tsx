import { useEffect, useState } from 'preact/hooks';
import type { AuditChainSummary } from '../../../shared/api';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { abbreviate } from './timeline';
import '../texts/team-view';
import '../texts/supervise';

/** The programme's audit chains: its own and one per round. */
export function ChainList() {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [chains, setChains] = useState<readonly AuditChainSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = () => {
    setError(null);
    call('audit.chains').then((res) => setChains(res.chains), setError);
  };
  useEffect(load, [call]);

  return (
    <section class="card" aria-labelledby="chains-title">
      <h2 id="chains-title">{t('supervise.chains')}</h2>
      {error !== null ? (
        <ErrorMessage error={error} onRetry={load} />
      ) : !chains ? (
        <p class="muted">{t('site.loading')}</p>
      ) : chains.length === 0 ? (
        <p>{t('supervise.noChains')}</p>
      ) : (
        <ul class="chain-list">
          {chains.map((c) => (
            <li key={c.scope} data-chain={c.scope}>
              <a href={`/supervise/${encodeURIComponent(c.scope)}`} class="chain-link">
                <span class="badge">{t(`supervise.kind.${c.kind}`)}</span> <span class="chain-name">{c.name[locale]}</span>
              </a>
              {c.kind === 'round' && c.scope.startsWith('round:') && (
                <a href={`/supervise/rounds/${encodeURIComponent(c.scope.slice('round:'.length))}`} data-round-reviews-link>
                  {t('superviseReview.link')}
                </a>
              )}
              <span class="muted">
                {t('supervise.entries', { count: c.entries })}
                {c.head && (
                  <>
                    {' · '}
                    {t('supervise.head')} <code title={c.head}>{abbreviate(c.head)}</code>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
