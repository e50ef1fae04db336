import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PanelMemberView, RoundDefenseResponse } from '../../../../../shared/api/defense';
import { useT } from '../../../i18n';
import { useAppState } from '../../../state';
import { ErrorMessage } from '../../ErrorMessage';
import { DefensePanel } from './DefensePanel';
import '../../../texts/defense';

/**
 * Loads a round's defense panel (defense.round) and shows it. `controls` gives the office's add form and
 * `memberControls` its control per seated member, each with a reload for after a change; supervisors pass
 * none and read only.
 */
export function RoundDefense({ roundId, controls, memberControls, showDeclarations = false }: {
  roundId: string;
  controls?: (data: RoundDefenseResponse, reload: () => void) => ComponentChildren;
  memberControls?: (member: PanelMemberView, reload: () => void) => ComponentChildren;
  showDeclarations?: boolean;
}) {
  const { call } = useAppState();
  const t = useT();
  const [data, setData] = useState<RoundDefenseResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);

  const load = useCallback(() => {
    const ticket = ++latest.current;
    setError(null);
    call('defense.round', { params: { roundId } }).then(
      (res) => ticket === latest.current && setData(res),
      (e: unknown) => ticket === latest.current && setError(e),
    );
  }, [call, roundId]);
  useEffect(load, [load]);

  if (!data)
    return (
      <section class="card" aria-labelledby="defense-panel-title">
        <h2 id="defense-panel-title">{t('defense.panel.title')}</h2>
        {error !== null ? <ErrorMessage error={error} onRetry={load} /> : <p class="muted">{t('site.loading')}</p>}
      </section>
    );
  return (
    <>
      {error !== null && <ErrorMessage error={error} onRetry={load} />}
      <DefensePanel
        data={data}
        showDeclarations={showDeclarations}
        {...(controls ? { addForm: controls(data, load) } : {})}
        {...(memberControls ? { memberControl: (m: PanelMemberView) => memberControls(m, load) } : {})}
      />
    </>
  );
}
