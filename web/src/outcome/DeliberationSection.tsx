import { useState } from 'preact/hooks';
import type { DeliberationResponse } from '../../../shared/api/outcome';
import { formatFinalScore } from '../../../shared/scoring/ranking';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { stageLabel } from '../ui/review/format';
import { Suggestion } from './EvaluationSection';
import { FinalForm } from './FinalForm';
import { Organisation, Recorded, SectionState, useKeptLoad, type RoundRef } from './parts';

const COUNTS = ['for', 'against', 'abstain'] as const;
type CountName = (typeof COUNTS)[number];

// A count of votes as typed: a whole number from 0 to 1,000 (the contract's range), else undefined.
function parseCount(text: string): number | undefined {
  if (!/^\d{1,4}$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n <= 1000 ? n : undefined;
}

// The office records the committee's vote on one cleared candidate not voted on yet; final once sent.
function VoteForm({ data, onDone, onStale }: { data: DeliberationResponse; onDone: (text: string) => void; onStale: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const open = data.candidates.filter((c) => !c.vote);
  const [applicationId, setApplicationId] = useState('');
  const [counts, setCounts] = useState<Record<CountName, string>>({ for: '', against: '', abstain: '' });
  if (open.length === 0) return null;
  const candidate = open.find((c) => c.applicationId === applicationId);
  const parsed = { for: parseCount(counts.for), against: parseCount(counts.against), abstain: parseCount(counts.abstain) };
  const name = candidate?.organisation.name ?? applicationId;
  return (
    <FinalForm
      name="vote"
      title={t('outcome.vote.record')}
      submitLabel={t('outcome.vote.record')}
      confirmText={t('outcome.vote.confirm', { name, for: parsed.for ?? '', against: parsed.against ?? '', abstain: parsed.abstain ?? '' })}
      check={() => {
        if (!candidate) return t('outcome.vote.chooseCandidate');
        if (COUNTS.some((k) => parsed[k] === undefined)) return t('outcome.vote.counts');
        return null;
      }}
      send={() => call('outcome.recordVote', { params: { roundId: data.roundId }, body: { applicationId, for: parsed.for!, against: parsed.against!, abstain: parsed.abstain! } })}
      onDone={(vote) => {
        setApplicationId('');
        setCounts({ for: '', against: '', abstain: '' });
        onDone(t(vote.proposed ? 'outcome.vote.doneProposed' : 'outcome.vote.doneNotProposed', { name }));
      }}
      onStale={onStale}
    >
      <div class="field">
        <label for="vote-candidate">{t('outcome.vote.candidate')}</label>
        <select id="vote-candidate" value={applicationId} onChange={(e) => setApplicationId(e.currentTarget.value)}>
          <option value="">{t('outcome.choose')}</option>
          {open.map((c) => (
            <option key={c.applicationId} value={c.applicationId}>
              {c.rank}. {c.organisation.name}
            </option>
          ))}
        </select>
      </div>
      {COUNTS.map((k) => (
        <div class="field count" key={k}>
          <label for={`vote-${k}`}>{t(`outcome.vote.${k}`)}</label>
          <input
            id={`vote-${k}`}
            type="number"
            inputMode="numeric"
            min={0}
            max={1000}
            step={1}
            value={counts[k]}
            onInput={(e) => setCounts({ ...counts, [k]: e.currentTarget.value })}
          />
        </div>
      ))}
    </FinalForm>
  );
}

// The committee's votes from one table (issue #13.5): a row of three counts per candidate not voted on yet; rows left
// empty are not sent. Checked here (whole counts, some votes cast, within the quota), recorded at once or not at all.
function VotesTableForm({ data, onDone, onStale }: { data: DeliberationResponse; onDone: (text: string) => void; onStale: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const open = data.candidates.filter((c) => !c.vote);
  const [rows, setRows] = useState<Readonly<Record<string, Record<CountName, string>>>>({});
  if (open.length === 0) return null;
  const row = (id: string) => rows[id] ?? { for: '', against: '', abstain: '' };
  const filled = open.filter((c) => COUNTS.some((k) => row(c.applicationId)[k].trim() !== ''));
  const votes = filled.map((c) => {
    const r = row(c.applicationId);
    const counts = { for: parseCount(r.for), against: parseCount(r.against), abstain: parseCount(r.abstain) };
    const complete = COUNTS.every((k) => counts[k] !== undefined) && counts.for! + counts.against! + counts.abstain! > 0;
    return { candidate: c, counts, complete, proposing: complete && counts.for! * 2 > counts.for! + counts.against! + counts.abstain! };
  });
  const proposing = votes.filter((v) => v.proposing).length;
  const separator = locale === 'zh-CN' ? '；' : '; ';
  return (
    <FinalForm
      name="votes"
      title={t('outcome.votes.record')}
      submitLabel={t('outcome.votes.record')}
      confirmText={t('outcome.votes.confirm', {
        count: votes.length,
        rows: votes
          .map((v) =>
            t('outcome.votes.confirmRow', {
              name: v.candidate.organisation.name,
              for: v.counts.for ?? '',
              against: v.counts.against ?? '',
              abstain: v.counts.abstain ?? '',
              result: t(v.proposing ? 'outcome.vote.proposed' : 'outcome.vote.notProposed'),
            }),
          )
          .join(separator),
      })}
      check={() => {
        if (votes.length === 0) return t('outcome.votes.none');
        const bad = votes.find((v) => !v.complete);
        if (bad) return t('outcome.votes.rowCounts', { name: bad.candidate.organisation.name });
        if (data.proposedCount + proposing > data.winnersQuota) return t('outcome.votes.overQuota', { count: data.proposedCount + proposing, quota: data.winnersQuota });
        return null;
      }}
      send={() =>
        call('outcome.recordVotes', {
          params: { roundId: data.roundId },
          body: { votes: votes.map((v) => ({ applicationId: v.candidate.applicationId, for: v.counts.for!, against: v.counts.against!, abstain: v.counts.abstain! })) },
        })
      }
      onDone={(r) => {
        setRows({});
        onDone(t('outcome.votes.done', { count: r.votes.length, proposed: r.votes.filter((v) => v.proposed).length }));
      }}
      onStale={onStale}
    >
      <p class="small muted wide">{t('outcome.votes.hint')}</p>
      <div class="table-wrap wide">
        <table class="table outcome-table" data-votes-table>
          <caption class="visually-hidden">{t('outcome.votes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outcome.vote.candidate')}</th>
              {COUNTS.map((k) => (
                <th scope="col" key={k}>
                  {t(`outcome.vote.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {open.map((c) => (
              <tr key={c.applicationId} data-tally-row={c.applicationId}>
                <th scope="row">
                  {c.rank}. {c.organisation.name}
                </th>
                {COUNTS.map((k) => (
                  <td key={k}>
                    <input
                      class="tally"
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={1000}
                      step={1}
                      aria-label={`${c.organisation.name} · ${t(`outcome.vote.${k}`)}`}
                      value={row(c.applicationId)[k]}
                      onInput={(e) => setRows({ ...rows, [c.applicationId]: { ...row(c.applicationId), [k]: e.currentTarget.value } })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </FinalForm>
  );
}

/**
 * Stage 9, deliberation (审议): the cleared candidates best first, the ranking's advice, the committee's
 * vote on each (proposed on a majority of the votes cast) and the proposed count against the quota.
 */
export function DeliberationSection({ round, isAdmin, generation, onDone, onStale }: { round: RoundRef; isAdmin: boolean; generation: number; onDone: (text: string) => void; onStale: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const { value: data, error, loading, reload } = useKeptLoad(() => call('outcome.deliberation', { params: { roundId: round.roundId } }), [call, round.roundId, generation]);
  const advice = (id: string) =>
    data?.suggestion.proposed.includes(id) ? t('outcome.advice.propose') : data?.suggestion.tiedAtCutoff.includes(id) ? t('outcome.advice.tiedShort') : '—';
  return (
    <section class="card" aria-labelledby="outcome-deliberation-title" data-section="deliberation">
      <h2 id="outcome-deliberation-title">{stageLabel(t, 'deliberation')}</h2>
      <SectionState error={error} loading={loading} hasValue={data !== null} onRetry={reload} />
      {data && (
        <>
          <p data-proposed-count>
            {t('outcome.vote.proposedCount', { count: data.proposedCount, quota: data.winnersQuota })}
          </p>
          {data.candidates.length === 0 ? (
            <p class="muted">{t('outcome.vote.empty')}</p>
          ) : (
            <>
              <div class="table-wrap">
                <table class="table outcome-table" data-votes>
                  <caption class="visually-hidden">{t('outcome.vote.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('outcome.col.rank')}</th>
                      <th scope="col">{t('outcome.col.organisation')}</th>
                      <th scope="col" class="num">{t('outcome.col.final')}</th>
                      <th scope="col">{t('outcome.col.advice')}</th>
                      <th scope="col">{t('outcome.col.vote')}</th>
                      <th scope="col">{t('outcome.col.result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.candidates.map((c) => (
                      <tr key={c.applicationId} data-vote-row={c.applicationId}>
                        <td>{c.rank}</td>
                        <th scope="row">
                          <Organisation organisation={c.organisation} />
                        </th>
                        <td class="num">{formatFinalScore(c.final)}</td>
                        <td>{advice(c.applicationId)}</td>
                        <td data-vote-counts>
                          {c.vote ? (
                            <>
                              {t('outcome.vote.counted', { for: c.vote.for, against: c.vote.against, abstain: c.vote.abstain })}
                              <br />
                              <Recorded recorded={c.vote} />
                            </>
                          ) : (
                            <span class="muted">{t('outcome.vote.notYet')}</span>
                          )}
                        </td>
                        <td>
                          {c.vote && (
                            <span class={`status-badge ${c.vote.proposed ? 'shortlist-yes' : 'shortlist-no'}`} data-proposed={String(c.vote.proposed)}>
                              {t(c.vote.proposed ? 'outcome.vote.proposed' : 'outcome.vote.notProposed')}
                            </span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Suggestion suggestion={data.suggestion} named={data.candidates} />
            </>
          )}
          {isAdmin && round.roundStage === 'deliberation' && (
            <>
              <VotesTableForm data={data} onDone={onDone} onStale={onStale} />
              <VoteForm data={data} onDone={onDone} onStale={onStale} />
            </>
          )}
        </>
      )}
    </section>
  );
}
