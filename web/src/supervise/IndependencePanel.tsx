import { useState } from 'preact/hooks';
import type { ReviewStage, TeamReviewResponse } from '../../../shared/api/reviews';
import { digestState, type AuditEntry, type Sha256 } from '../../../shared/audit/chain';
import { checkIndependence, type CardFact, type ConsensusFact, type IndependenceFinding, type TeamIndependence } from '../../../shared/audit/independence';
import type { Call } from '../api';
import { useT, type Translate } from '../i18n';
import { stageLabel } from '../ui/review/format';
import { webCryptoSha256 } from './timeline';
import '../texts/supervise';

/** The teams (application and review stage) a round's chain mentions, from its card and consensus entries. */
export function teamsOf(entries: readonly AuditEntry[]): { applicationId: string; stage: ReviewStage }[] {
  const seen = new Map<string, { applicationId: string; stage: ReviewStage }>();
  for (const e of entries) {
    if (!['scorecard', 'consensus', 'cardRead'].includes(e.target.type)) continue;
    const [applicationId, stage] = e.target.id.split('/');
    if (applicationId && (stage === 'materialReview' || stage === 'onSite')) seen.set(`${applicationId}/${stage}`, { applicationId, stage });
  }
  return [...seen.values()];
}

/** A team's result with what the page names it by: the organisation and the members' names. */
interface TeamResult {
  readonly check: TeamIndependence;
  readonly organisation: string;
  readonly names: Readonly<Record<string, string>>;
}

/** The supervisor's independence check, in this browser: the round's teams read through the API, digests with WebCrypto. */
export async function checkRoundIndependence(call: Call, entries: readonly AuditEntry[], sha256: Sha256 = webCryptoSha256): Promise<TeamResult[]> {
  const teams: TeamReviewResponse[] = [];
  for (const { applicationId, stage } of teamsOf(entries)) teams.push(await call('reviews.team', { params: { applicationId, stage } }));
  const cards: CardFact[] = [];
  const consensuses: ConsensusFact[] = [];
  for (const team of teams) {
    for (const c of team.scorecards) {
      const submitted = c.status === 'submitted';
      cards.push({ applicationId: c.applicationId, stage: c.stage, reviewerId: c.reviewerId, submitted, ...(submitted ? { digest: await digestState(sha256, c) } : {}) });
    }
    if (team.consensus) {
      const k = team.consensus;
      consensuses.push({ applicationId: k.applicationId, stage: k.stage, digest: await digestState(sha256, k), ...(k.cards ? { cards: k.cards } : {}) });
    }
  }
  const byTeam = new Map(teams.map((t) => [`${t.applicationId}/${t.stage}`, t]));
  return checkIndependence(entries, cards, consensuses).map((check) => {
    const team = byTeam.get(`${check.applicationId}/${check.stage}`);
    return { check, organisation: team?.organisation.name ?? '', names: Object.fromEntries((team?.members ?? []).map((m) => [m.reviewerId, m.reviewerName])) };
  });
}

function findingText(t: Translate, f: IndependenceFinding, names: Readonly<Record<string, string>>): string {
  const who = f.reviewerId ? (names[f.reviewerId] ?? t('independence.someone')) : '';
  const text = t(`independence.problem.${f.problem}`, { name: who });
  return f.seq !== undefined ? `${text}${t('independence.atEntry', { seq: f.seq })}` : text;
}

/** Per team and stage: cards as committed, reads after the reader's own card, the consensus after the cards it names. */
export function IndependencePanel({ entries, call, sha256 }: { entries: readonly AuditEntry[]; call: Call; sha256?: Sha256 }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<TeamResult[] | null>(null);
  const [failed, setFailed] = useState(false);
  const run = async () => {
    setBusy(true);
    setFailed(false);
    try {
      setResults(await checkRoundIndependence(call, entries, sha256));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const bad = results?.filter((r) => r.check.findings.length > 0).length ?? 0;
  return (
    <section class="card" aria-labelledby="independence-title" data-independence>
      <h3 id="independence-title">{t('independence.title')}</h3>
      <p class="muted small">{t('independence.note')}</p>
      <button type="button" class="secondary" onClick={run} disabled={busy}>
        {t(busy ? 'independence.checking' : 'independence.check')}
      </button>
      <div aria-live="polite">
        {failed && (
          <p class="verify-bad" role="alert">
            {t('independence.failed')}
          </p>
        )}
        {results && (
          <>
            <p class={bad ? 'verify-bad' : 'verify-ok'} data-independence-result={bad ? 'mismatch' : 'ok'}>
              {bad ? t('independence.someBad', { count: bad, teams: results.length }) : t('independence.allOk', { teams: results.length })}
            </p>
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('independence.team')}</th>
                    <th scope="col">{t('independence.cards')}</th>
                    <th scope="col">{t('independence.reads')}</th>
                    <th scope="col">{t('independence.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map(({ check, organisation, names }) => (
                    <tr key={`${check.applicationId}/${check.stage}`} data-team={`${check.applicationId}/${check.stage}`} data-ok={String(check.findings.length === 0)}>
                      <th scope="row">
                        {organisation} · {stageLabel(t, check.stage)}
                      </th>
                      <td>{check.cards}</td>
                      <td>{check.reads}</td>
                      <td>
                        {check.findings.length === 0 ? (
                          <span class="verify-ok">{t(check.consensus ? 'independence.okConsensus' : 'independence.ok')}</span>
                        ) : (
                          <ul class="plain">
                            {check.findings.map((f, i) => (
                              <li key={i} class="verify-bad">
                                {findingText(t, f, names)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
