import { useState } from 'preact/hooks';
import type { AssignmentView } from '../../../../shared/api/reviews';
import { REVIEW_NOTE_MAX_CHARS } from '../../../../shared/api/review-stages';
import { useAppState } from '../../state';

/** What is wrong with a recusal reason before it is sent. */
export type RecusalProblem = 'required' | 'tooLong';

/**
 * A form that takes a required reason within the limit the server keeps for
 * recusals (trimmed; blank or too long is a problem shown before anything is
 * sent), then `send`s it; shared by every recusal-like control.
 */
export function useReasonForm<T>(send: (reason: string) => Promise<T>, onDone: (result: T) => void) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<RecusalProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) return setProblem('required');
    if ([...text].length > REVIEW_NOTE_MAX_CHARS) return setProblem('tooLong');
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      const result = await send(text);
      setReason('');
      onDone(result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setProblem(null);
    setError(null);
  };

  return { reason, setReason, problem, busy, error, submit, reset };
}

/**
 * The one way a page logs a recusal (回避: the expert themself, or the office
 * on their behalf): the reason trimmed, required and within the limit the
 * server keeps, then `reviews.recuse` for that assignment.
 */
export function useRecusal(assignment: AssignmentView, onRecused: (next: AssignmentView) => void) {
  const { call } = useAppState();
  return useReasonForm(
    (reason) =>
      call('reviews.recuse', {
        params: { applicationId: assignment.applicationId, stage: assignment.stage, reviewerId: assignment.reviewerId },
        body: { reason },
      }),
    onRecused,
  );
}
