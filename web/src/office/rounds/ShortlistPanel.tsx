import { useState } from 'preact/hooks';
import type { RoundReviewsResponse, ShortlistResponse } from '../../../../shared/api/reviews';
import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatScore } from '../../ui/review/format';
import '../../texts/team-view';
import '../../texts/office-review';

/** The result of choosing the site visits: every reviewed application, best material score first, as the server ranked them. */
export function ShortlistResult({ result }: { result: ShortlistResponse }) {
  const t = useT();
  const chosen = result.decisions.filter((d) => d.shortlisted).length;
  return (
    <div class="stack" data-shortlist-result>
      <p role="status">{t('officeReview.shortlist.result', { size: result.size, count: chosen })}</p>
      {result.extendedByTie && (
        <p class="notice" data-extended-by-tie>
          {t('officeReview.shortlist.extended')}
        </p>
      )}
      <div class="table-wrap">
        <table class="table reviews-table">
          <thead>
            <tr>
              <th scope="col">{t('officeReview.shortlist.rank')}</th>
              <th scope="col">{t('officeReview.shortlist.organisation')}</th>
              <th scope="col">{t('officeReview.shortlist.score')}</th>
              <th scope="col">{t('officeReview.shortlist.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {result.decisions.map((d, i) => (
              <tr key={d.applicationId} data-decision={d.applicationId} data-shortlisted={String(d.shortlisted)}>
                <td>{i + 1}</td>
                <td>{d.organisation.name}</td>
                <td>{formatScore(d.materialScore)}</td>
                <td>{t(d.shortlisted ? 'teamView.shortlisted' : 'teamView.notShortlisted')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * The site-visit shortlist (DOMAIN.md "Site visits"): chosen by the server by material-review consensus score
 * alone, once every application has one. Offered during material review until it is decided.
 */
export function ShortlistPanel({ data, isAdmin, onDecided }: { data: RoundReviewsResponse; isAdmin: boolean; onDecided: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ShortlistResponse | null>(null);
  const decided = data.applications.some((a) => a.shortlist !== undefined);
  if (!result && !decided && data.roundStage !== 'materialReview') return null;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call('reviews.shortlist', { params: { roundId: data.roundId } }));
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="shortlist-title">
      <h2 id="shortlist-title">{t('officeReview.shortlist.title')}</h2>
      <p class="muted small">{t('officeReview.shortlist.note', { size: data.shortlistSize })}</p>
      {result ? (
        <ShortlistResult result={result} />
      ) : decided ? (
        <p>{t('officeReview.shortlist.decided')}</p>
      ) : (
        isAdmin && (
          <button type="button" disabled={busy} onClick={() => void run()}>
            {t('officeReview.shortlist.run')}
          </button>
        )
      )}
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
