import { useState } from 'preact/hooks';
import { REMARK_TEXT_MAX_CHARS, remarkTextProblem, type RemarkTarget, type RemarkTextProblem, type RemarkView } from '../../../../shared/api/remarks';
import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../ErrorMessage';
import '../../texts/remarks';
import './remarks.css';

let formCount = 0;

/**
 * A supervisor's way to remark on the step being looked at: a button that opens a small form naming the step;
 * the text is checked as the server checks it (not blank, within the limit, no control or bidi characters)
 * before anything is sent. Cancelling closes it and writes nothing. Shown to supervisors only: for anyone
 * else the server would answer 403.
 */
export function RemarkControl({
  roundId,
  target,
  about,
  label,
  onDone,
}: {
  roundId: string;
  target: RemarkTarget;
  /** The step, as people read it (targets.ts `targetLabel`). */
  about: string;
  /** The button's text (defaults to "Write a remark"). */
  label?: string;
  onDone?: (remark: RemarkView) => void;
}) {
  const { call, session } = useAppState();
  const t = useT();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<RemarkTextProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [id] = useState(() => `remark-${++formCount}`);

  if (session.value?.role !== 'supervisor') return null;

  const close = () => {
    setOpen(false);
    setText('');
    setProblem(null);
    setError(null);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = remarkTextProblem(text);
    if (found) return setProblem(found);
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      const remark = await call('remarks.record', { params: { roundId }, body: { target, text: text.trim() } });
      close();
      setSent(true);
      onDone?.(remark);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <span class="remark-control">
        <button type="button" class="secondary small" data-remark-open={`${target.kind}:${target.id}`} onClick={() => (setSent(false), setOpen(true))}>
          {label ?? t('remarks.write')}
        </button>
        {sent && (
          <span class="small notice" role="status" data-remark-sent>
            {t('remarks.sent')}
          </span>
        )}
      </span>
    );
  }

  return (
    <form class="inline-form remark-form" onSubmit={submit} data-remark-form={`${target.kind}:${target.id}`} aria-labelledby={`${id}-about`}>
      <p id={`${id}-about`} class="small">
        {t('remarks.about', { target: about })}
      </p>
      <label for={id}>{t('remarks.text')}</label>
      <textarea id={id} rows={3} maxLength={REMARK_TEXT_MAX_CHARS} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-invalid={problem ? 'true' : undefined} />
      {problem && (
        <p class="field-error" role="alert" data-remark-problem={problem}>
          {t(`remarks.problem.${problem}`, { max: REMARK_TEXT_MAX_CHARS })}
        </p>
      )}
      <div class="stage-move">
        <button type="submit" disabled={busy}>
          {busy ? t('remarks.sending') : t('remarks.send')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={close} data-remark-cancel>
          {t('remarks.cancel')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}
