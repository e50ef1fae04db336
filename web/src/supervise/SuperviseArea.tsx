import { useRoute } from 'preact-iso';
import { useT } from '../i18n';
import { RequireRole } from '../ui/RequireRole';
import { ChainList } from './ChainList';
import { ChainView } from './ChainView';

function Workspace() {
  const t = useT();
  const scope = useRoute().params.scope;
  return (
    <div class="stack">
      <h1>{t('supervise.title')}</h1>
      <p>{t('supervise.intro')}</p>
      <p class="muted small">{t('supervise.readOnly')}</p>
      {scope ? <ChainView key={scope} scope={scope} /> : <ChainList />}
    </div>
  );
}

/** The supervisors' workspace (the office may read it too): audit chains, timeline, verification, export. */
export function SuperviseArea() {
  return (
    <RequireRole roles={['supervisor', 'admin']}>
      <Workspace />
    </RequireRole>
  );
}
