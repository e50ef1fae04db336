import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { useAction } from '../../ui/action';
import { ErrorMessage } from '../../ui/ErrorMessage';
import '../../texts/office-review';

/** What a run of the letters did (the stage move's or this panel's). */
export interface LettersRun {
  readonly sent: number;
  readonly failed: number;
  readonly pending: number;
}

/** A run's outcome in words: what went out, what failed, what is still to send. */
export function LettersOutcome({ run }: { run: LettersRun }) {
  const t = useT();
  const nothing = run.sent === 0 && run.failed === 0 && run.pending === 0;
  return (
    <div class="stack" role="status" data-letters-run={`${run.sent}/${run.failed}/${run.pending}`}>
      <p>{nothing ? t('officeReview.letters.none') : t('officeReview.letters.sent', { sent: run.sent })}</p>
      {run.failed > 0 && <p class="error">{t('officeReview.letters.failed', { failed: run.failed })}</p>}
      {run.pending > 0 && <p>{t('officeReview.letters.pending', { pending: run.pending })}</p>}
    </div>
  );
}

/**
 * The office's result letters on the board: the stage move sends what the stage owes within its time; what failed or
 * is still to send goes out here (never a letter twice), and by the scheduled run every 15 minutes.
 */
export function RoundLetters({ roundId, last, onRun }: { roundId: string; last: LettersRun | null; onRun: (run: LettersRun) => void }) {
  const { call } = useAppState();
  const t = useT();
  const { run: send, busy, error } = useAction(async () => {
    const res = await call('letters.send', { params: { roundId } });
    onRun({ sent: res.sent, failed: res.failed, pending: res.pending });
  });
  return (
    <section class="card stack" aria-labelledby="round-letters-title" data-round-letters>
      <h2 id="round-letters-title">{t('officeReview.letters.title')}</h2>
      <p class="muted small">{t('officeReview.letters.hint')}</p>
      {last && <LettersOutcome run={last} />}
      <p>
        <button type="button" class="secondary" disabled={busy} onClick={() => void send()} data-letters-send>
          {busy ? t('officeReview.letters.sending') : t('officeReview.letters.send')}
        </button>
      </p>
      {error !== null && <ErrorMessage error={error} onRetry={() => void send()} />}
    </section>
  );
}
