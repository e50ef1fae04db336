import { useState } from 'preact/hooks';
import { REVIEW_NOTE_MAX_CHARS } from '../../../../shared/api/review-stages';
import { ErrorMessage } from '../ErrorMessage';
import { useReasonForm } from './recusal';

/** The texts of a {@link ReasonControl}, in the reader's language. */
export interface ReasonControlTexts {
  readonly open: string;
  readonly label: string;
  readonly required: string;
  readonly submit: string;
  readonly cancel: string;
}

/**
 * An office action on one person that needs a written reason (a recusal on an
 * expert's behalf, taking a deliberator off the panel): a button that opens an
 * inline form; the reason is required and kept within the server's limit by the
 * textarea. `data` marks the button and the form for tests.
 */
export function ReasonControl<T>({
  id,
  texts,
  send,
  onDone,
  data,
}: {
  id: string;
  texts: ReasonControlTexts;
  send: (reason: string) => Promise<T>;
  onDone: (result: T) => void;
  data: { readonly button?: Readonly<Record<string, string>>; readonly form?: Readonly<Record<string, string>> };
}) {
  const [open, setOpen] = useState(false);
  const { reason, setReason, problem, busy, error, submit, reset } = useReasonForm(send, (result) => {
    setOpen(false);
    onDone(result);
  });

  if (!open) {
    return (
      <button type="button" class="secondary small" onClick={() => setOpen(true)} {...data.button}>
        {texts.open}
      </button>
    );
  }

  return (
    <form class="inline-form" onSubmit={submit} {...data.form}>
      <label for={id}>{texts.label}</label>
      <textarea id={id} rows={2} maxLength={REVIEW_NOTE_MAX_CHARS} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      {/* The textarea's maxLength keeps the reason within the limit, so the only problem left is a blank one. */}
      {problem && (
        <p class="field-error" role="alert">
          {texts.required}
        </p>
      )}
      <div class="stage-move">
        <button type="submit" class="danger" disabled={busy}>
          {texts.submit}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={() => {
            setOpen(false);
            reset();
          }}
        >
          {texts.cancel}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}
