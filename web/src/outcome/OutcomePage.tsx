import { useT } from '../i18n';
import '../texts/outcome';

/** A round's outcome (stages 7–11): the office acts on it, supervisors read it. */
export function OutcomePage({ roundId }: { roundId: string }) {
  const t = useT();
  return (
    <section class="card" data-outcome={roundId}>
      <h2>{t('outcome.title')}</h2>
    </section>
  );
}
