import { useState } from 'preact/hooks';
import type { OpinionsResponse, OpinionView } from '../../../shared/api/outcome';
import { OUTCOME_TEXT_MAX_CHARS } from '../../../shared/api/outcome-limits';
import { formatFinalScore } from '../../../shared/scoring/ranking';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { stageLabel } from '../ui/review/format';
import { FinalForm } from './FinalForm';
import { departmentLabel, Organisation, Recorded, SectionState, useKeptLoad, type RoundRef } from './parts';

const OUTCOME_CLASS = { pending: 'status-badge-awaitingDeclaration', cleared: 'shortlist-yes', objected: 'status-badge-conflicted' } as const;

function OpinionCell({ opinion }: { opinion: OpinionView | undefined }) {
  const t = useT();
  if (!opinion) return <span class="muted">{t('outcome.opinions.pending')}</span>;
  return (
    <>
      <span class={`status-badge ${opinion.objection ? 'status-badge-conflicted' : 'shortlist-yes'}`}>
        {t(opinion.objection ? 'outcome.opinions.objection' : 'outcome.opinions.noObjection')}
      </span>
      <p class="user-text">{opinion.text}</p>
      <Recorded recorded={opinion} />
    </>
  );
}

// The office records one department's answer on one candidate still waiting for answers; final once sent.
function OpinionForm({ data, onDone, onStale }: { data: OpinionsResponse; onDone: (text: string) => void; onStale: () => void }) {
  const { call } = useAppState();
  const t = useT();
  // Every department answers on every candidate (the move to deliberation waits for them all), an objected one included.
  const open = data.candidates.filter((c) => data.departments.some((d) => !c.opinions.some((o) => o.department === d)));
  const [applicationId, setApplicationId] = useState('');
  const [department, setDepartment] = useState('');
  const [objection, setObjection] = useState<boolean | null>(null);
  const [text, setText] = useState('');
  if (open.length === 0) return null;
  const candidate = open.find((c) => c.applicationId === applicationId);
  const answered = new Set(candidate?.opinions.map((o) => o.department));
  const departments = data.departments.filter((d) => !answered.has(d));
  const reset = () => {
    setApplicationId('');
    setDepartment('');
    setObjection(null);
    setText('');
  };
  return (
    <FinalForm
      name="opinion"
      title={t('outcome.opinions.record')}
      submitLabel={t('outcome.opinions.record')}
      confirmText={t(objection ? 'outcome.opinions.confirmObjection' : 'outcome.opinions.confirmClear', {
        department: departmentLabel(t, department),
        name: candidate?.organisation.name ?? applicationId,
      })}
      check={() => {
        if (!candidate) return t('outcome.opinions.chooseCandidate');
        if (!department || answered.has(department)) return t('outcome.opinions.chooseDepartment');
        if (objection === null) return t('outcome.opinions.chooseAnswer');
        if (!text.trim()) return t('outcome.opinions.writeText');
        return null;
      }}
      send={() => call('outcome.recordOpinion', { params: { roundId: data.roundId }, body: { applicationId, department, objection: objection === true, text: text.trim() } })}
      onDone={(o) => {
        reset();
        onDone(t('outcome.opinions.done', { department: departmentLabel(t, o.department), name: candidate?.organisation.name ?? o.applicationId }));
      }}
      onStale={onStale}
    >
      <div class="field">
        <label for="opinion-candidate">{t('outcome.opinions.candidate')}</label>
        <select id="opinion-candidate" value={applicationId} onChange={(e) => { setApplicationId(e.currentTarget.value); setDepartment(''); }}>
          <option value="">{t('outcome.choose')}</option>
          {open.map((c) => (
            <option key={c.applicationId} value={c.applicationId}>
              {c.rank}. {c.organisation.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="opinion-department">{t('outcome.opinions.department')}</label>
        <select id="opinion-department" value={department} disabled={!candidate} onChange={(e) => setDepartment(e.currentTarget.value)}>
          <option value="">{t('outcome.choose')}</option>
          {departments.map((d) => (
            <option key={d} value={d}>
              {departmentLabel(t, d)}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="field choice">
        <legend>{t('outcome.opinions.answer')}</legend>
        <label>
          <input type="radio" name="opinion-objection" checked={objection === false} onChange={() => setObjection(false)} /> {t('outcome.opinions.noObjection')}
        </label>
        <label>
          <input type="radio" name="opinion-objection" checked={objection === true} onChange={() => setObjection(true)} /> {t('outcome.opinions.objection')}
        </label>
      </fieldset>
      <div class="field wide">
        <label for="opinion-text">{t('outcome.opinions.text')}</label>
        <textarea id="opinion-text" rows={3} maxLength={OUTCOME_TEXT_MAX_CHARS} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
    </FinalForm>
  );
}

// One department's letter answering several candidates at once (issue #13.5): the department, the letter, and for each
// candidate it covers (all those still waiting for that department, ticked by default) objection or not.
function LetterForm({ data, onDone, onStale }: { data: OpinionsResponse; onDone: (text: string) => void; onStale: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [department, setDepartment] = useState('');
  const [text, setText] = useState('');
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [objected, setObjected] = useState<ReadonlySet<string>>(new Set());
  const waiting = (d: string) => data.candidates.filter((c) => !c.opinions.some((o) => o.department === d));
  const departments = data.departments.filter((d) => waiting(d).length > 0);
  if (departments.length === 0) return null;
  const covered = department ? waiting(department) : [];
  const included = covered.filter((c) => !left.has(c.applicationId));
  const objectedNames = included.filter((c) => objected.has(c.applicationId)).map((c) => c.organisation.name);
  const toggle = (set: ReadonlySet<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  const reset = () => {
    setDepartment('');
    setText('');
    setLeft(new Set());
    setObjected(new Set());
  };
  return (
    <FinalForm
      name="letter"
      title={t('outcome.letter.record')}
      submitLabel={t('outcome.letter.record')}
      confirmText={t('outcome.letter.confirm', {
        department: departmentLabel(t, department),
        clear: included.length - objectedNames.length,
        objected: objectedNames.length,
        names: objectedNames.length ? t('outcome.letter.objectedNames', { names: objectedNames.join(locale === 'zh-CN' ? '、' : ', ') }) : '',
      })}
      check={() => {
        if (!department) return t('outcome.letter.chooseDepartment');
        if (included.length === 0) return t('outcome.letter.chooseCandidates');
        if (!text.trim()) return t('outcome.opinions.writeText');
        return null;
      }}
      send={() =>
        call('outcome.recordLetter', {
          params: { roundId: data.roundId },
          body: { department, text: text.trim(), answers: included.map((c) => ({ applicationId: c.applicationId, objection: objected.has(c.applicationId) })) },
        })
      }
      onDone={(r) => {
        reset();
        onDone(t('outcome.letter.done', { department: departmentLabel(t, r.department), count: r.opinions.length }));
      }}
      onStale={onStale}
    >
      <p class="small muted wide">{t('outcome.letter.hint')}</p>
      <div class="field">
        <label for="letter-department">{t('outcome.opinions.department')}</label>
        <select
          id="letter-department"
          value={department}
          onChange={(e) => {
            setDepartment(e.currentTarget.value);
            setLeft(new Set());
            setObjected(new Set());
          }}
        >
          <option value="">{t('outcome.choose')}</option>
          {departments.map((d) => (
            <option key={d} value={d}>
              {departmentLabel(t, d)}
            </option>
          ))}
        </select>
      </div>
      {department && (
        <fieldset class="field wide letter-candidates">
          <legend>{t('outcome.letter.candidates')}</legend>
          {covered.map((c) => {
            const id = c.applicationId;
            const on = !left.has(id);
            return (
              <div class="letter-row" key={id} data-letter-row={id}>
                <label>
                  <input type="checkbox" checked={on} aria-label={t('outcome.letter.include', { name: c.organisation.name })} onChange={(e) => setLeft(toggle(left, id, !e.currentTarget.checked))} /> {c.rank}.{' '}
                  {c.organisation.name}
                </label>
                <span class="choice">
                  <label>
                    <input type="radio" name={`letter-${id}`} disabled={!on} checked={!objected.has(id)} onChange={() => setObjected(toggle(objected, id, false))} /> {t('outcome.opinions.noObjection')}
                  </label>
                  <label>
                    <input type="radio" name={`letter-${id}`} disabled={!on} checked={objected.has(id)} onChange={() => setObjected(toggle(objected, id, true))} /> {t('outcome.opinions.objection')}
                  </label>
                </span>
              </div>
            );
          })}
        </fieldset>
      )}
      <div class="field wide">
        <label for="letter-text">{t('outcome.opinions.text')}</label>
        <textarea id="letter-text" rows={3} maxLength={OUTCOME_TEXT_MAX_CHARS} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
    </FinalForm>
  );
}

/**
 * Stage 8, soliciting opinions (征求意见): every candidate against every configured department —
 * pending, no objection or objection with the letter's text, who recorded it and when — and each
 * candidate's outcome. The office records one answer at a time while the round is at this stage.
 */
export function OpinionsSection({ round, isAdmin, generation, onDone, onStale }: { round: RoundRef; isAdmin: boolean; generation: number; onDone: (text: string) => void; onStale: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const { value: data, error, loading, reload } = useKeptLoad(() => call('outcome.opinions', { params: { roundId: round.roundId } }), [call, round.roundId, generation]);
  return (
    <section class="card" aria-labelledby="outcome-opinions-title" data-section="opinions">
      <h2 id="outcome-opinions-title">{stageLabel(t, 'opinions')}</h2>
      <SectionState error={error} loading={loading} hasValue={data !== null} onRetry={reload} />
      {data &&
        (data.candidates.length === 0 ? (
          <p class="muted">{t('outcome.opinions.empty')}</p>
        ) : (
          <div class="table-wrap">
            <table class="table outcome-table" data-opinions>
              <caption class="visually-hidden">{t('outcome.opinions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('outcome.col.candidate')}</th>
                  {data.departments.map((d) => (
                    <th key={d} scope="col" data-department={d}>
                      {departmentLabel(t, d)}
                    </th>
                  ))}
                  <th scope="col">{t('outcome.col.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {data.candidates.map((c) => (
                  <tr key={c.applicationId} data-candidate-row={c.applicationId}>
                    <th scope="row">
                      {c.rank}. <Organisation organisation={c.organisation} />
                      <br />
                      <span class="small">{t('outcome.finalScore', { score: formatFinalScore(c.final) })}</span>
                    </th>
                    {data.departments.map((d) => {
                      const opinion = c.opinions.find((o) => o.department === d);
                      return (
                        <td key={d} data-opinion={`${c.applicationId}/${d}`} data-answer={opinion ? (opinion.objection ? 'objection' : 'clear') : 'pending'}>
                          <OpinionCell opinion={opinion} />
                        </td>
                      );
                    })}
                    <td>
                      <span class={`status-badge ${OUTCOME_CLASS[c.outcome]}`} data-outcome={c.outcome}>
                        {t(`outcome.opinions.outcome.${c.outcome}`)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {isAdmin && data && round.roundStage === 'opinions' && (
        <>
          <LetterForm data={data} onDone={onDone} onStale={onStale} />
          <OpinionForm data={data} onDone={onDone} onStale={onStale} />
        </>
      )}
    </section>
  );
}
