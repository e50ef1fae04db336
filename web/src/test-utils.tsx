import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { LocationProvider } from 'preact-iso';
import { AppStateContext, createAppState, type AppState, type AppStateOptions } from './state';

/** A Storage kept in memory, so each test starts from a browser that has never chosen anything. */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { readonly data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** A fetch answering every request with one JSON response. */
export function fakeFetch(status: number, body: unknown): typeof fetch & { readonly calls: { url: string; init?: RequestInit }[] } {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fn = async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), ...(init ? { init } : {}) });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return Object.assign(fn, { calls });
}

/** Renders with a fresh app state (and a router), as the site does. */
export function renderWithState(ui: ComponentChildren, options: AppStateOptions = {}): ReturnType<typeof render> & { state: AppState } {
  const state = createAppState({ storage: memoryStorage(), fetch: fakeFetch(404, {}), ...options });
  const result = render(
    <AppStateContext.Provider value={state}>
      <LocationProvider>{ui}</LocationProvider>
    </AppStateContext.Provider>,
  );
  return Object.assign(result, { state });
}
