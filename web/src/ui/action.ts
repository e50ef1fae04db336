import { useState } from 'preact/hooks';

/**
 * A button's action: `busy` while it runs, its failure kept for an ErrorMessage (a new run clears the last one).
 * The panels' "send", "notify", "save" buttons each wrote this by hand; new ones use this.
 */
export function useAction<A extends unknown[]>(act: (...args: A) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      await act(...args);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error };
}
