import { useCallback, useEffect, useState } from 'preact/hooks';

/** A value being read: loading, failed, or there. */
export type Load<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; value: T };

/** Reads a value when `deps` change; gives the state, a reload and a setter. */
export function useLoad<T>(fetcher: () => Promise<T>, deps: readonly unknown[]): [Load<T>, () => void, (value: T) => void] {
  const [value, setValue] = useState<Load<T>>({ state: 'loading' });
  const load = useCallback(() => {
    setValue({ state: 'loading' });
    fetcher().then(
      (v) => setValue({ state: 'ready', value: v }),
      (error: unknown) => setValue({ state: 'error', error }),
    );
  }, deps);
  useEffect(load, [load]);
  return [value, load, (v: T) => setValue({ state: 'ready', value: v })];
}

