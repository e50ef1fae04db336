import type { EvaluationResponse } from '../../../shared/api/outcome';
import { formatFinalScore } from '../../../shared/scoring/ranking';
import { useAppState } from '../state';
import { useT, type Translate } from '../i18n';
import { formatScore, stageLabel } from '../ui/review/format';
import { FinalForm } from './FinalForm';
import { Organisation, Recorded } from './parts';

// A weight as a share of the final score: the round's weights are fractions of 1 (0.3); per-mille (300) is read the same way.
function weightPercent(weight: number): string {
  const percent = weight > 1 ? weight / 10 : weight * 100;
  return `${Math.round(percent * 10) / 10}%`;
}

/** The names of the applications `ids` names, in that order (an id the list lacks shows as itself). */
export function namesOf(separator: string, ids: readonly string[], named: readonly { applicationId: string; organisation: { name: string } }[]): string {
  const names = new Map(named.map((s) => [s.applicationId, s.organisation.name]));
  return ids.map((id) => names.get(id) ?? id).join(separator);
}

/** The ranking's suggestion for the committee, shown as advice only. */
export function Suggestion({ suggestion, named }: { suggestion: EvaluationResponse['suggestion']; named: readonly { applicationId: string; organisation: { name: string } }[] }) {
  const t = useT();
  return (
    <div class="advice" data-suggestion>
      <p>
        <strong>{t('outcome.advice.title')}</strong> {t('outcome.advice.note')}
      </p>
      <p data-suggestion-proposed>
        {suggestion.proposed.length ? t('outcome.advice.proposed', { names: namesOf(t('outcome.separator'), suggestion.proposed, named) }) : t('outcome.advice.none')}
      </p>
      {suggestion.tiedAtCutoff.length > 0 && <p data-suggestion-tied>{t('outcome.advice.tied', { names: namesOf(t('outcome.separator'), suggestion.tiedAtCutoff, named) })}</p>}
    </div>
  );
}

const lacks = (t: Translate, missing: readonly string[]) => missing.map((m) => t(`outcome.evaluation.missing.${m as 'material' | 'onSite' | 'defense'}`)).join(t('outcome.separator'));

/**
 * Stage 7, the comprehensive evaluation (综合评价): the ranking with every stage score and the final
 * score, the candidates at or above the threshold; a preview until the office records it (final).
 */
export function EvaluationSection({
  data,
  isAdmin,
  onDone,
  onStale,
}: {
  data: EvaluationResponse;
  isAdmin: boolean;
  onDone: (text: string) => void;
  onStale: () => void;
}) {
  const { call } = useAppState();
  const t = useT();
  const { settings } = data;
  return (
    <section class="card" aria-labelledby="outcome-evaluation-title" data-section="evaluation">
      <h2 id="outcome-evaluation-title">
        {stageLabel(t, 'comprehensiveEvaluation')}
        {!data.recorded && (
          <>
            {' '}
            <span class="status-badge draft-badge">{t('outcome.evaluation.previewBadge')}</span>
          </>
        )}
      </h2>
      {data.recorded ? (
        <p data-evaluation-recorded>
          {t('outcome.evaluation.recorded')} <Recorded recorded={data.recorded} />
        </p>
      ) : (
        <p class="notice preview" data-preview>
          {t('outcome.evaluation.preview')}
        </p>
      )}
      <dl class="facts" data-settings>
        <dt>{t('outcome.evaluation.weights')}</dt>
        <dd>
          {t('outcome.evaluation.weightsValue', {
            material: weightPercent(settings.weights.material),
            onSite: weightPercent(settings.weights.onSite),
            defense: weightPercent(settings.weights.defense),
          })}
        </dd>
        <dt>{t('outcome.evaluation.threshold')}</dt>
        <dd data-threshold>{settings.candidateThreshold}</dd>
        <dt>{t('outcome.evaluation.quota')}</dt>
        <dd data-quota>{settings.winnersQuota}</dd>
      </dl>
      {data.standings.length === 0 ? (
        <p class="muted">{t('outcome.evaluation.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table outcome-table" data-standings>
            <caption class="visually-hidden">{t('outcome.evaluation.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outcome.col.rank')}</th>
                <th scope="col">{t('outcome.col.organisation')}</th>
                <th scope="col" class="num">{t('outcome.col.material')}</th>
                <th scope="col" class="num">{t('outcome.col.onSite')}</th>
                <th scope="col" class="num">{t('outcome.col.defense')}</th>
                <th scope="col" class="num">{t('outcome.col.results')}</th>
                <th scope="col" class="num">{t('outcome.col.final')}</th>
                <th scope="col">{t('outcome.col.candidate')}</th>
              </tr>
            </thead>
            <tbody>
              {data.standings.map((s) => (
                <tr key={s.applicationId} data-standing={s.applicationId}>
                  <td>{s.rank}</td>
                  <th scope="row">
                    <Organisation organisation={s.organisation} />
                  </th>
                  <td class="num">{formatScore(s.material)}</td>
                  <td class="num">{formatScore(s.onSite)}</td>
                  <td class="num">{formatScore(s.defense)}</td>
                  <td class="num">{formatScore(s.results)}</td>
                  <td class="num">
                    <strong>{formatFinalScore(s.final)}</strong>
                  </td>
                  <td>
                    <span class={`status-badge ${s.candidate ? 'shortlist-yes' : 'shortlist-no'}`} data-candidate={String(s.candidate)}>
                      {t(s.candidate ? 'outcome.evaluation.candidate' : 'outcome.evaluation.below')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="muted small">{t('outcome.evaluation.tieRule')}</p>
      {data.unevaluable.length > 0 && (
        <div data-unevaluable>
          <h3>{t('outcome.evaluation.unevaluable')}</h3>
          <ul>
            {data.unevaluable.map((u) => (
              <li key={u.applicationId} data-unevaluable-application={u.applicationId}>
                {u.organisation.name} — {t('outcome.evaluation.lacks', { what: lacks(t, u.missing) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {data.standings.length > 0 && <Suggestion suggestion={data.suggestion} named={data.standings} />}
      {isAdmin && data.roundStage === 'comprehensiveEvaluation' && !data.recorded && (
        <FinalForm
          name="evaluation"
          title={t('outcome.evaluation.record')}
          submitLabel={t('outcome.evaluation.record')}
          confirmText={t('outcome.evaluation.confirm', { count: data.standings.filter((s) => s.candidate).length })}
          send={() => call('outcome.recordEvaluation', { params: { roundId: data.roundId }, body: { version: data.roundVersion } })}
          onDone={() => onDone(t('outcome.evaluation.done'))}
          onStale={onStale}
        />
      )}
    </section>
  );
}
