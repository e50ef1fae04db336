import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api';

/** Where a draft stands: saved, waiting to be saved, being saved, not saveable as typed, refused as stale, or failed. */
export type AutosaveState = 'saved' | 'dirty' | 'saving' | 'invalid' | 'tooLong' | 'conflict' | 'failed';

/** What a draft saved on the server looks like: its version and when it was last saved. */
export interface Versioned {
  readonly version: number;
  readonly updatedAt?: string;
}

const AUTO_RETRIES = 3;
const RETRY_DELAY_MS = 1500;
const isStale = (e: unknown) => e instanceof ApiError && e.status === 409 && e.code === 'CONFLICT';
// A network failure or a server error may pass: the same save is tried again a few times before saying so.
const isPassing = (e: unknown) => e instanceof ApiError && (e.status === 0 || e.status >= 500);

/**
 * The one autosave of a draft that the server keeps on a version (an expert's
 * scorecard, a deliberator's score): saved after a pause, one save at a time
 * (edits made meanwhile are saved next, on the version just written), always
 * on the version read. A 409 stops it until the user loads the saved draft —
 * what they typed stays in `mine` to copy; nothing is overwritten silently.
 * Leaving the page inside the site saves what is waiting; leaving the site with
 * unsaved changes makes the browser ask first.
 */
export function useAutosave<D, B, V extends Versioned>(options: {
  readonly initial: V;
  readonly draftOf: (saved: V) => D;
  /** What the save sends besides the version; undefined while the draft cannot be saved (see `problemOf`). */
  readonly bodyOf: (draft: D) => B | undefined;
  /** Why a draft cannot be saved, if it cannot. */
  readonly problemOf: (draft: D) => 'invalid' | 'tooLong' | undefined;
  readonly save: (body: B, version: number) => Promise<V>;
  readonly load: () => Promise<V>;
  /** Called with a freshly loaded draft (after a conflict), e.g. to notice it was submitted elsewhere. */
  readonly onLoaded?: (saved: V) => void;
  readonly readOnly: boolean;
  readonly delayMs: number;
}) {
  const { draftOf, bodyOf, problemOf, save, load, onLoaded, readOnly, delayMs } = options;
  const [draft, setDraft] = useState<D>(() => draftOf(options.initial));
  const [saveState, setSaveState] = useState<AutosaveState>('saved');
  const [savedAt, setSavedAt] = useState(options.initial.updatedAt);
  const [error, setError] = useState<unknown>(null);
  const [mine, setMine] = useState<D | null>(null);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const version = useRef(options.initial.version);
  const current = useRef(draft);
  const savedBody = useRef(JSON.stringify(bodyOf(draft)));
  const stateRef = useRef<AutosaveState>('saved');
  const blocked = useRef(false);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const mark = (next: AutosaveState) => {
    stateRef.current = next;
    setSaveState(next);
  };

  const saveOnce = async (body: B, attempt = 0): Promise<V> => {
    try {
      return await save(body, version.current);
    } catch (e) {
      if (isPassing(e) && attempt < AUTO_RETRIES) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * (attempt + 1)));
        return saveOnce(body, attempt + 1);
      }
      throw e;
    }
  };

  /** Saves what is waiting now (and whatever is typed meanwhile); resolves when nothing is left to save. */
  const flush = (): Promise<void> => {
    clearTimeout(timer.current);
    if (readOnly || blocked.current) return Promise.resolve();
    running.current ??= (async () => {
      try {
        for (;;) {
          const body = bodyOf(current.current);
          if (body === undefined) return mark(problemOf(current.current) ?? 'invalid');
          const text = JSON.stringify(body);
          if (text === savedBody.current) return mark('saved');
          mark('saving');
          const saved = await saveOnce(body);
          version.current = saved.version;
          savedBody.current = text;
          setSavedAt(saved.updatedAt);
          setError(null);
        }
      } catch (e) {
        setError(e);
        if (isStale(e)) {
          blocked.current = true;
          setMine(current.current);
          mark('conflict');
        } else mark('failed');
      } finally {
        running.current = null;
      }
    })();
    return running.current;
  };

  /** The user changed the draft: it is saved after the pause (not while a conflict stands). */
  const change = (next: D) => {
    current.current = next;
    setDraft(next);
    if (blocked.current) return;
    mark(problemOf(next) ?? 'dirty');
    clearTimeout(timer.current);
    if (stateRef.current === 'dirty') timer.current = setTimeout(() => void flush(), delayMs);
  };

  /** The user chose to load what was saved elsewhere; what they typed stays in `mine` to copy from. */
  const reload = async () => {
    setReloadError(null);
    try {
      const fresh = await load();
      setMine(current.current);
      version.current = fresh.version;
      current.current = draftOf(fresh);
      savedBody.current = JSON.stringify(bodyOf(current.current));
      setDraft(current.current);
      setSavedAt(fresh.updatedAt);
      blocked.current = false;
      setError(null);
      mark('saved');
      onLoaded?.(fresh);
    } catch (e) {
      setReloadError(e);
    }
  };

  // Leaving the page inside the site (a link) saves what is waiting instead of dropping it.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (stateRef.current === 'dirty') void flush();
    },
    [],
  );

  // Leaving with changes not yet saved: the browser asks first.
  const unsaved = saveState !== 'saved';
  useEffect(() => {
    if (!unsaved || readOnly) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved, readOnly]);

  return {
    draft,
    change,
    flush,
    reload,
    saveState,
    savedAt,
    error,
    mine,
    reloadError,
    /** The state right now (not waiting for a render), e.g. after `await flush()`. */
    stateNow: () => stateRef.current,
    /** The version last saved. */
    versionNow: () => version.current,
    /** The draft right now, including what was typed since the last render. */
    currentNow: () => current.current,
  };
}
