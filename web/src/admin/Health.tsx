import { useEffect, useState } from 'preact/hooks';
import { FUNCTIONS, type FunctionName } from '../../../shared/api/functions';
import { useT } from '../i18n';
import { useAppState } from '../state';
import '../texts/admin';

type Status = 'checking' | 'ok' | 'down';

/** The health of the three functions, green or red (with words, not colour alone); the office's, on /admin, never on a public page. */
export function Health() {
  const { call } = useAppState();
  const t = useT();
  const [status, setStatus] = useState<Record<FunctionName, Status>>({ submission: 'checking', scoring: 'checking', publication: 'checking' });

  useEffect(() => {
    let live = true;
    for (const fn of FUNCTIONS) {
      call(`${fn}.health`).then(
        (res) => live && setStatus((s) => ({ ...s, [fn]: res.ok ? 'ok' : 'down' })),
        () => live && setStatus((s) => ({ ...s, [fn]: 'down' })),
      );
    }
    return () => {
      live = false;
    };
  }, [call]);

  return (
    <section class="card health" aria-labelledby="health-title">
      <h2 id="health-title">{t('health.title')}</h2>
      <ul class="health-list">
        {FUNCTIONS.map((fn) => (
          <li key={fn} data-health={fn} data-status={status[fn]}>
            <span class={`dot dot-${status[fn]}`} aria-hidden="true" />
            <span class="health-name">{t(`health.fn.${fn}`)}</span>
            <span class="health-status">{t(status[fn] === 'ok' ? 'health.ok' : status[fn] === 'down' ? 'health.down' : 'health.checking')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
