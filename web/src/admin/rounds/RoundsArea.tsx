import { useRoute } from 'preact-iso';
import { useT } from '../../i18n';
import { RequireRole } from '../../ui/RequireRole';
import { RoundList } from './RoundList';
import { RoundPage } from './RoundPage';
import './rounds.css';
import '../../texts/rounds';
import '../../texts/terms';
import '../../route-map-work'; // the work routes, known at once to this area's calls (web/src/route-map.ts)

/** The office's rounds (a chunk of its own): the list and the call of a new round, or one round's page. */
export function RoundsArea() {
  const t = useT();
  const { roundId } = useRoute().params;
  return (
    <RequireRole roles={['admin']}>
      <div class="stack rounds-admin">
        <h1>{t('rounds.title')}</h1>
        {roundId ? (
          <RoundPage key={roundId} roundId={roundId} />
        ) : (
          <>
            <p>
              <a href="/admin">{t('rounds.backToAdmin')}</a>
            </p>
            <RoundList />
          </>
        )}
      </div>
    </RequireRole>
  );
}
