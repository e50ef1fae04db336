import { useT } from '../i18n';
import { RequireRole } from '../ui/RequireRole';

function Assignments() {
  const t = useT();
  return (
    <section class="card" aria-labelledby="review-title">
      <h1 id="review-title">{t('review.title')}</h1>
      <p data-testid="no-assignments">{t('review.none')}</p>
    </section>
  );
}

/** The reviewers' and deliberators' area (assignments arrive with the review issue). */
export function ReviewArea() {
  return (
    <RequireRole roles={['expert', 'deliberator']}>
      <Assignments />
    </RequireRole>
  );
}
