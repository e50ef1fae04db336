import { createContext } from 'preact';
import { useContext, useLayoutEffect, useReducer } from 'preact/hooks';
import type { PublicProgramme, SessionResponse } from '../../shared/api';
import { LOCALES, type Locale } from '../../shared/messages/types';
import { ApiError, createApi, type Call } from './api';
import { chooseLanguage, languageReady, LOCALE_KEY } from './language';

// The session cookie is HttpOnly; this hint only says "ask the server who is signed in", so
// anonymous visitors never cause a 401 (which browsers log as a console error).
const SESSION_HINT_KEY = 'merit.signedIn';

/** A value the site shares; setting `.value` to something else re-renders every component that uses the state. */
export interface Signal<T> {
  value: T;
}

// Four values that change a handful of times per visit (the language, who is signed in, the programmes) do not need
// @preact/signals (≈ 4 KB gzip in every page's first load, issue 11): a component that takes the state
// (`useAppState`, so `useT` too) re-renders when any of them changes, and children follow their parents.
type Listener = () => void;

function signalOf<T>(initial: T, changed: Listener): Signal<T> {
  let current = initial;
  return {
    get value() {
      return current;
    },
    set value(next: T) {
      if (Object.is(next, current)) return;
      current = next;
      changed();
    },
  };
}

/** Everything the site shares between pages, as signals. One per page load (or per test render). */
export interface AppState {
  readonly locale: Signal<Locale>;
  /** Who is signed in; null when nobody (or not known yet, see `sessionChecked`). */
  readonly session: Signal<SessionResponse | null>;
  /** The session has been asked for (or there was nothing to ask). */
  readonly sessionChecked: Signal<boolean>;
  readonly programmes: Signal<readonly PublicProgramme[] | null>;
  readonly call: Call;
  /** Calls `listener` after any of the signals above changes; returns how to stop. */
  subscribe(listener: Listener): () => void;
  /** How many times the signals above have changed. */
  version(): number;
  /** Loads the public programmes once (shared by the header and the home page); a failure can be retried. */
  loadProgrammes(): Promise<readonly PublicProgramme[]>;
  /** Switches the language: at once when its texts are loaded, else once they are (the page never shows a key). */
  setLocale(locale: Locale): Promise<void>;
  /** Asks the server who is signed in, when this browser has signed in before. */
  loadSession(): Promise<void>;
  signedIn(session: SessionResponse): void;
  signOut(): Promise<void>;
}

/** What `createAppState` can be given (tests pass a fake fetch and a memory storage). */
export interface AppStateOptions {
  readonly fetch?: typeof fetch;
  readonly storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  readonly locale?: Locale;
  /** The document whose `<html lang>` follows the locale. */
  readonly document?: Document | null;
}

function browserStorage(): AppStateOptions['storage'] {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/** Creates the site's state: the language remembered per browser, the session, the API client. */
export function createAppState(options: AppStateOptions = {}): AppState {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const doc = options.document === undefined ? (globalThis.document ?? null) : options.document;
  const stored = storage?.getItem(LOCALE_KEY);
  const listeners = new Set<Listener>();
  let changes = 0;
  const changed = () => {
    changes += 1;
    for (const listener of [...listeners]) listener();
  };
  const locale = signalOf<Locale>(options.locale ?? (isLocale(stored) ? stored : 'zh-CN'), changed);
  const session = signalOf<SessionResponse | null>(null, changed);
  const sessionChecked = signalOf(false, changed);
  const programmes = signalOf<readonly PublicProgramme[] | null>(null, changed);
  // Bumped by every sign-in and sign-out: an answer to a session question asked before it is stale (a mailed link opened
  // in a browser signed in as someone else exchanges its token while the old cookie's session is still being asked for).
  let sessionEpoch = 0;
  const forget = () => {
    session.value = null;
    storage?.removeItem(SESSION_HINT_KEY);
  };

  const api = createApi(options.fetch);
  // A 401 means the session ended (expired, revoked, signed out elsewhere): forget it so areas ask to sign in again.
  const call: Call = async (id, callOptions) => {
    const asked = sessionEpoch;
    try {
      return await api(id, callOptions);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && id !== 'auth.exchange' && asked === sessionEpoch) forget();
      throw error;
    }
  };
  if (doc) doc.documentElement.lang = locale.value;

  let programmesLoad: Promise<readonly PublicProgramme[]> | undefined;


  return {
    locale,
    session,
    sessionChecked,
    programmes,
    call,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    version: () => changes,
    loadProgrammes() {
      programmesLoad ??= call('public.programmes').then(
        (res) => (programmes.value = res.programmes),
        (error: unknown) => {
          programmesLoad = undefined;
          throw error;
        },
      );
      return programmesLoad;
    },
    setLocale(next) {
      const show = () => {
        locale.value = next;
        storage?.setItem(LOCALE_KEY, next);
        if (doc) doc.documentElement.lang = next;
      };
      const loaded = chooseLanguage(next);
      if (languageReady(next)) {
        show();
        return loaded;
      }
      return loaded.then(show);
    },
    async loadSession() {
      const asked = sessionEpoch;
      try {
        if (storage?.getItem(SESSION_HINT_KEY)) {
          const answer = await call('auth.session');
          if (asked === sessionEpoch) session.value = answer;
        }
      } catch {
        if (asked === sessionEpoch) forget();
      } finally {
        sessionChecked.value = true;
      }
    },
    signedIn(next) {
      sessionEpoch += 1;
      session.value = next;
      sessionChecked.value = true;
      storage?.setItem(SESSION_HINT_KEY, '1');
    },
    async signOut() {
      sessionEpoch += 1;
      try {
        await call('auth.signOut');
      } finally {
        forget();
      }
    },
  };
}

/** The state of this render tree. */
export const AppStateContext = createContext<AppState | null>(null);

/** The site's state (throws outside an `AppStateContext` provider); the component re-renders when the state changes. */
export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState outside AppStateContext');
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const seen = state.version();
  useLayoutEffect(() => {
    const stop = state.subscribe(() => rerender(undefined));
    if (state.version() !== seen) rerender(undefined); // changed between this render and now
    return stop;
  }, [state]);
  return state;
}
