import { useEffect, useRef, useState } from 'preact/hooks';
import { DraftSaver, type SaverOptions, type SaverView, type Versioned } from './draft-saver';

export type { AutosaveState, Versioned } from './draft-saver';

/**
 * The one autosave of a draft that the server keeps on a version (an expert's
 * scorecard, a deliberator's score): the page's side of `DraftSaver`
 * (draft-saver.ts, where the rules are). Leaving the page inside the site
 * saves what is waiting; leaving the site with unsaved changes makes the
 * browser ask first.
 */
export function useAutosave<D, B, V extends Versioned>(options: Omit<SaverOptions<D, B, V>, 'onUpdate' | 'timers'>) {
  const [view, setView] = useState<SaverView<D> | null>(null);
  const saver = useRef<DraftSaver<D, B, V>>();
  // The latest callbacks, so a re-render's new closures are the ones used.
  const latest = useRef(options);
  latest.current = options;
  saver.current ??= new DraftSaver<D, B, V>({
    ...options,
    save: (body, version) => latest.current.save(body, version),
    load: () => latest.current.load(),
    onLoaded: (saved) => latest.current.onLoaded?.(saved),
    get readOnly() {
      return latest.current.readOnly;
    },
    onUpdate: setView,
  });
  const s = saver.current;
  const shown = view ?? s.view();

  // Leaving the page inside the site (a link) saves what is waiting instead of dropping it.
  useEffect(() => () => s.dispose(), []);

  // Leaving with changes not yet saved: the browser asks first.
  const unsaved = shown.state !== 'saved';
  useEffect(() => {
    if (!unsaved || options.readOnly) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved, options.readOnly]);

  return {
    draft: shown.draft,
    change: (next: D) => s.change(next),
    flush: () => s.flush(),
    reload: () => s.reload(),
    dismissMine: () => s.dismissMine(),
    saveState: shown.state,
    savedAt: shown.savedAt,
    error: shown.error,
    mine: shown.mine,
    reloadError: shown.reloadError,
    /** The state right now (not waiting for a render), e.g. after `await flush()`. */
    stateNow: () => s.state(),
    /** The version last saved. */
    versionNow: () => s.versionNow(),
    /** The draft right now, including what was typed since the last render. */
    currentNow: () => s.draft(),
  };
}
