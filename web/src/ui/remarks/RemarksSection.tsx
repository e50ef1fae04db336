import { useEffect, useState } from 'preact/hooks';
import { REMARK_TEXT_MAX_CHARS, remarkTextProblem, type RemarkTextProblem, type RemarkView } from '../../../../shared/api/remarks';
import { formatMoment } from '../../../../shared/messages/units';
import { useLocale, useT } from '../../i18n';
import { useLoad } from '../../review/load';
import { useAppState } from '../../state';
import { ErrorMessage } from '../ErrorMessage';
import { RemarkControl } from './RemarkControl';
import { targetLabel, type KnownNames } from './targets';
import '../../texts/remarks';
import './remarks.css';

/** Person and organisation names of the round, read quietly (a failure leaves the step's kind and stage only). */
export function useKnownNames(roundId: string): KnownNames {
  const { call } = useAppState();
  const [people, setPeople] = useState<Record<string, string>>({});
  const [organisations, setOrganisations] = useState<Record<string, string>>({});
  useEffect(() => {
    const quietly = (work: Promise<void>) => void work.catch(() => undefined);
    quietly(call('people.list').then((res) => setPeople(Object.fromEntries(res.people.map((p) => [p.personId, p.name])))));
    quietly(call('applications.list', { query: { roundId } }).then((res) => setOrganisations(Object.fromEntries(res.applications.map((a) => [a.applicationId, a.organisation.name])))));
  }, [call, roundId]);
  return { people, organisations };
}

/** The office's answer to one remark: once, checked as the server checks it, final once sent. */
function AnswerForm({ remark, onAnswered }: { remark: RemarkView; onAnswered: (next: RemarkView) => void }) {
  const { call } = useAppState();
  const t = useT();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<RemarkTextProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = `answer-${remark.remarkId}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    const found = remarkTextProblem(text);
    if (found) return setProblem(found);
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      onAnswered(await call('remarks.answer', { params: { roundId: remark.roundId, remarkId: remark.remarkId }, body: { text: text.trim() } }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="inline-form" onSubmit={submit} data-answer-form={remark.remarkId}>
      <label for={id}>{t('remarks.answerLabel')}</label>
      <textarea id={id} rows={2} maxLength={REMARK_TEXT_MAX_CHARS} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      {problem && (
        <p class="field-error" role="alert" data-remark-problem={problem}>
          {t(`remarks.problem.${problem}`, { max: REMARK_TEXT_MAX_CHARS })}
        </p>
      )}
      <div class="stage-move">
        <button type="submit" disabled={busy}>
          {t('remarks.answerSend')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}

/**
 * The round's supervisors' remarks with the office's answers, oldest first (`onlyOpen`: the unanswered ones).
 * With `answerable` (the outcome page), the office answers an open remark here once; elsewhere (the supervisors'
 * workspace, which the office may read too) the list is read-only. Supervisors read them all and write a remark on
 * the round in general. `generation` reads them again.
 */
export function RemarksSection({
  roundId,
  generation = 0,
  onlyOpen = false,
  answerable = false,
  onAnswered,
}: {
  roundId: string;
  generation?: number;
  onlyOpen?: boolean;
  answerable?: boolean;
  onAnswered?: (text: string) => void;
}) {
  const { call, session } = useAppState();
  const t = useT();
  const locale = useLocale();
  const names = useKnownNames(roundId);
  const canAnswer = answerable && session.value?.role === 'admin';
  const [load, reload, set] = useLoad(() => call('remarks.list', { params: { roundId } }), [call, roundId, generation]);
  const data = load.state === 'ready' ? load.value : null;
  const shown = data ? data.remarks.filter((r) => !onlyOpen || !r.answer) : [];
  const beforeNotice = data ? !['publicNotice', 'announcement'].includes(data.roundStage) : false;

  const answered = (next: RemarkView) => {
    if (!data) return;
    const remarks = data.remarks.map((r) => (r.remarkId === next.remarkId ? next : r));
    set({ ...data, remarks, open: remarks.filter((r) => !r.answer).length });
    onAnswered?.(t('remarks.answerSent'));
  };

  return (
    <section class="card remarks" aria-labelledby={`remarks-title-${roundId}`} data-remarks={roundId} data-remarks-open={data?.open}>
      <h2 id={`remarks-title-${roundId}`}>
        {t('remarks.title')}
        {data && data.open > 0 && <span class="badge warn"> {t('remarks.openCount', { count: data.open })}</span>}
      </h2>
      <p class="muted small">{t('remarks.intro')}</p>
      <RemarkControl roundId={roundId} target={{ kind: 'round', id: roundId }} about={t('remarks.target.round')} label={t('remarks.writeOnRound')} onDone={reload} />
      {load.state === 'error' ? (
        <ErrorMessage error={load.error} onRetry={reload} />
      ) : !data ? (
        <p class="muted small" role="status">
          {t('site.loading')}
        </p>
      ) : (
        <>
          {data.open > 0 && beforeNotice && (
            <p class="notice" role="status" data-remarks-block-notice={data.open}>
              {t('remarks.noticeBlocked', { count: data.open })}
            </p>
          )}
          {shown.length === 0 ? (
            <p class="muted" data-remarks-none>
              {t('remarks.none')}
            </p>
          ) : (
            <ol class="plain remark-list">
              {shown.map((r) => (
                <li key={r.remarkId} class="remark" data-remark={r.remarkId} data-remark-state={r.answer ? 'answered' : 'open'}>
                  <p class="remark-head">
                    <strong data-remark-target>{targetLabel(t, locale, r.target, names)}</strong>{' '}
                    <span class={r.answer ? 'badge ok' : 'badge warn'}>{t(r.answer ? 'remarks.answered' : 'remarks.unanswered')}</span>
                  </p>
                  <p class="muted small">{t('remarks.by', { name: r.byName, at: formatMoment(r.at, locale) })}</p>
                  <p class="user-text" data-remark-text>
                    {r.text}
                  </p>
                  {r.answer ? (
                    <div class="remark-answer" data-remark-answer>
                      <p class="muted small">{t('remarks.answerBy', { name: r.answer.byName, at: formatMoment(r.answer.at, locale) })}</p>
                      <p class="user-text">{r.answer.text}</p>
                    </div>
                  ) : (
                    canAnswer && <AnswerForm remark={r} onAnswered={answered} />
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
