import { formatPoints, formatScaled } from '../../../../shared/scoring/exact';
import { isMessageKey } from '../../../../shared/messages/registry';
import type { CommitteeStanding, RoundReportResponse } from '../../../../shared/api/report';
import { useLocale, useT, type Translate } from '../../i18n';
import { useLoad } from '../../review/load';
import { useAppState } from '../../state';
import { ErrorMessage } from '../ErrorMessage';
import '../../texts/terms';
import '../../texts/report';
import './report.css';

/** A department's name when the catalogue knows it, else as typed. */
function departmentName(t: Translate, department: string): string {
  const key = `domain.department.${department}`;
  return isMessageKey(key) ? t(key) : department;
}

/** Weights as the round writes them (0.3). */
const weight = (w: number) => String(Number(w.toFixed(3)));

function advice(t: Translate, s: CommitteeStanding): string {
  if (!s.candidate) return t('report.papers.belowThreshold');
  if (s.tiedAtCutoff) return t('report.papers.tied');
  return s.suggested ? t('report.papers.suggested') : '';
}

function Opinions({ standing, departments }: { standing: CommitteeStanding; departments: readonly string[] }) {
  const t = useT();
  if (!standing.candidate) return null;
  return (
    <ul class="papers-opinions">
      {departments.map((d) => {
        const o = standing.opinions.find((x) => x.department === d);
        return (
          <li key={d}>
            {t('report.papers.opinionLine', {
              department: departmentName(t, d),
              answer: o ? t(o.objection ? 'report.papers.objection' : 'report.papers.noObjection') : t('report.papers.pending'),
            })}
            {o?.objection && o.text ? t('report.papers.letter', { text: o.text }) : ''}
          </li>
        );
      })}
    </ul>
  );
}

/** The papers themselves: the ranking with the weights and advice, then one vote sheet per cleared candidate. */
function Papers({ report }: { report: RoundReportResponse }) {
  const t = useT();
  const locale = useLocale();
  const c = report.committee;
  const cleared = c.standings.filter((s) => s.candidate && !s.opinions.some((o) => o.objection));
  return (
    <div class="papers-sheet">
      <h2>{`${report.roundName[locale]} · ${t('report.papers.title')}`}</h2>
      <section class="card" aria-labelledby="papers-ranking">
        <h3 id="papers-ranking">{t('report.papers.ranking')}</h3>
        <p data-papers-settings>
          {t('report.papers.settings', {
            material: weight(c.weights.material),
            onSite: weight(c.weights.onSite),
            defense: weight(c.weights.defense),
            threshold: c.candidateThreshold,
            quota: c.winnersQuota,
          })}
        </p>
        <div class="table-wrap">
          <table class="table papers-table">
            <thead>
              <tr>
                <th scope="col">{t('report.col.rank')}</th>
                <th scope="col">{t('report.col.applicant')}</th>
                <th scope="col">{t('report.stage.materialReview')}</th>
                <th scope="col">{t('report.stage.onSite')}</th>
                <th scope="col">{t('report.stage.defense')}</th>
                <th scope="col">{t('report.stage.final')}</th>
                <th scope="col">{t('report.papers.advice')}</th>
                <th scope="col">{t('report.papers.opinions')}</th>
              </tr>
            </thead>
            <tbody>
              {c.standings.map((s) => (
                <tr key={s.applicationId} data-paper-row={s.applicationId}>
                  <td class="num">{s.rank}</td>
                  <th scope="row">
                    {s.organisationName}
                    <br />
                    <span class="muted small">{`${s.district} · ${s.industry}`}</span>
                  </th>
                  <td class="num">{formatPoints(s.material)}</td>
                  <td class="num">{formatPoints(s.onSite)}</td>
                  <td class="num">{formatPoints(s.defense)}</td>
                  <td class="num" data-final>
                    {formatScaled(s.final, 5, 2)}
                  </td>
                  <td>{advice(t, s)}</td>
                  <td>
                    <Opinions standing={s} departments={c.departments} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {cleared.map((s) => (
        <section class="vote-sheet" key={s.applicationId} data-vote-sheet={s.applicationId}>
          <h3>{`${report.roundName[locale]} · ${t('report.papers.voteSheet')}`}</h3>
          <p>
            <strong>{s.organisationName}</strong>
            {` · ${t('report.rankOf', { rank: s.rank })} · ${t('report.stage.final')} ${formatScaled(s.final, 5, 2)}`}
          </p>
          <p class="small">{t('report.papers.voteIntro')}</p>
          <div class="vote-boxes">
            {(['for', 'against', 'abstain'] as const).map((k) => (
              <span key={k}>
                <span class="vote-box" aria-hidden="true" />
                {t(`report.papers.${k}`)}
              </span>
            ))}
          </div>
          <div class="vote-sign">
            <p>
              {t('report.papers.signature')}
              <span />
            </p>
            <p>
              {t('report.papers.date')}
              <span />
            </p>
          </div>
        </section>
      ))}
    </div>
  );
}

/** Printable committee papers (issue 12.4): the ranking with the weights and the departments' advice, and a vote sheet per candidate, on A4. */
export function CommitteePapers({ roundId, base }: { roundId: string; base: string }) {
  const t = useT();
  const { call } = useAppState();
  const [load, reload] = useLoad(() => call('report.round', { params: { roundId } }), [call, roundId]);
  return (
    <div class="stack" data-papers={roundId}>
      <p class="no-print">
        <a href={`${base}/rounds/${encodeURIComponent(roundId)}/report`}>{t('report.papers.back')}</a>
        {load.state === 'ready' && load.value.committee.evaluationRecorded && (
          <>
            {' '}
            <button type="button" onClick={() => window.print()} data-print>
              {t('report.papers.print')}
            </button>
          </>
        )}
      </p>
      {load.state === 'error' ? (
        <ErrorMessage error={load.error} onRetry={reload} />
      ) : load.state === 'loading' ? (
        <p class="muted">{t('site.loading')}</p>
      ) : !load.value.committee.evaluationRecorded ? (
        <p class="card">{t('report.papers.notRecorded')}</p>
      ) : (
        <Papers report={load.value} />
      )}
    </div>
  );
}
