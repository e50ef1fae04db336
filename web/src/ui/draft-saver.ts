import { ApiError } from '../api';

/** Where a draft stands: saved, waiting to be saved, being saved, not saveable as typed, refused as stale, or failed. */
export type AutosaveState = 'saved' | 'dirty' | 'saving' | 'invalid' | 'tooLong' | 'conflict' | 'failed';

/** What a draft saved on the server looks like: its version and when it was last saved. */
export interface Versioned {
  readonly version: number;
  readonly updatedAt?: string;
}

/** The clock the saver waits on (the browser's; tests pass a controlled one). */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** How often a save that failed on a passing condition is tried again: three quick tries, then every `BACKGROUND_RETRY_MS`. */
export const QUICK_RETRIES = 3;
export const QUICK_RETRY_MS = 1500;
export const BACKGROUND_RETRY_MS = 10_000;

/** What the saver holds as stored after a save whose answer never came: equal to no body. */
const UNKNOWN = '\u0000unknown';

const isStale = (e: unknown) => e instanceof ApiError && e.status === 409 && e.code === 'CONFLICT';
// A network failure or a server error may pass: the same save is tried again.
const isPassing = (e: unknown) => e instanceof ApiError && (e.status === 0 || e.status >= 500);

/** What the saver tells the page after every change of its state. */
export interface SaverView<D> {
  readonly draft: D;
  readonly state: AutosaveState;
  readonly savedAt: string | undefined;
  readonly error: unknown;
  /** What the user had typed when a conflict stopped saving (to copy from). */
  readonly mine: D | null;
  readonly reloadError: unknown;
}

/** How a draft is saved. */
export interface SaverOptions<D, B, V extends Versioned> {
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
  /** The pause after typing before a save. */
  readonly delayMs: number;
  readonly timers?: Timers;
  /** Called after every change of what the page shows. */
  readonly onUpdate?: (view: SaverView<D>) => void;
}

/**
 * The autosave of one draft that the server keeps on a version (an expert's
 * scorecard, a deliberator's score), without a framework so that every order
 * of events can be tested (web/src/ui/draft-saver.model.test.ts):
 * - a change is saved after the pause; one save at a time, and what is typed
 *   meanwhile is saved next, on the version the last save returned;
 * - `flush()` saves what is waiting now and resolves when nothing is left
 *   (any number of callers, in any order, at any time: it never wedges);
 * - a network failure or server error is tried again, quickly, then in the
 *   background every few seconds until the server answers — never dropped;
 * - a 409 whose stored draft is exactly what we were saving (a save whose
 *   answer was lost and that was retried) is taken as saved; any other 409
 *   stops saving until the user loads the stored draft — what they typed
 *   stays in `mine` to copy; nothing is overwritten silently.
 */
export class DraftSaver<D, B, V extends Versioned> {
  private current: D;
  /** The body the server holds on `version`; UNKNOWN after a save whose answer never came. */
  private savedText: string;
  /** Bodies sent since the last answer that may or may not have been stored (their answer was lost). */
  private readonly unconfirmed = new Set<string>();
  private version: number;
  private stateNow: AutosaveState = 'saved';
  private savedAt: string | undefined;
  private error: unknown = null;
  private mine: D | null = null;
  private reloadError: unknown = null;
  private blocked = false;
  private running: Promise<void> | null = null;
  private timer: unknown;
  private readonly timers: Timers;
  private disposed = false;

  constructor(private readonly options: SaverOptions<D, B, V>) {
    this.timers = options.timers ?? browserTimers;
    this.current = options.draftOf(options.initial);
    this.savedText = JSON.stringify(options.bodyOf(this.current));
    this.version = options.initial.version;
    this.savedAt = options.initial.updatedAt;
  }

  /** What the page shows. */
  view(): SaverView<D> {
    return { draft: this.current, state: this.stateNow, savedAt: this.savedAt, error: this.error, mine: this.mine, reloadError: this.reloadError };
  }
  /** The state right now. */
  state(): AutosaveState {
    return this.stateNow;
  }
  /** The version last saved. */
  versionNow(): number {
    return this.version;
  }
  /** The draft right now. */
  draft(): D {
    return this.current;
  }
  /** True while a save is under way. */
  busy(): boolean {
    return this.running !== null;
  }

  private update(patch: () => void = () => undefined) {
    patch();
    this.options.onUpdate?.(this.view());
  }

  private mark(next: AutosaveState) {
    this.update(() => {
      this.stateNow = next;
    });
  }

  private schedule(ms: number) {
    this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  /** The user changed the draft: it is saved after the pause (not while a conflict stands). */
  change(next: D): void {
    this.current = next;
    if (this.options.readOnly || this.blocked) return this.update();
    const problem = this.options.problemOf(next);
    const text = problem ? undefined : JSON.stringify(this.options.bodyOf(next));
    // Typing back exactly what is stored is not a change.
    this.mark(problem ?? (text === this.savedText && !this.running ? 'saved' : 'dirty'));
    if (this.stateNow === 'dirty') this.schedule(this.options.delayMs);
    else this.timers.clearTimeout(this.timer);
  }

  /** Saves what is waiting now (and whatever is typed meanwhile); resolves when nothing is left to save or saving stopped. */
  flush(): Promise<void> {
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.options.readOnly || this.blocked || this.disposed) return Promise.resolve();
    // A save is under way: it takes what was typed meanwhile before it ends; wait for it.
    if (this.running) return this.running;
    const run = this.saveAll();
    this.running = run;
    // Cleared by a callback, which always runs after the assignment above (never before it, even when nothing was saved).
    void run.finally(() => {
      if (this.running === run) this.running = null;
    });
    return run;
  }

  private async saveAll(): Promise<void> {
    let attempt = 0;
    for (;;) {
      const draft = this.current;
      const body = this.options.bodyOf(draft);
      if (body === undefined) return this.mark(this.options.problemOf(draft) ?? 'invalid');
      const text = JSON.stringify(body);
      if (text === this.savedText) return this.mark('saved');
      this.mark('saving');
      try {
        const saved = await this.options.save(body, this.version);
        this.update(() => {
          this.version = saved.version;
          this.savedText = text;
          this.savedAt = saved.updatedAt;
          this.error = null;
        });
        this.unconfirmed.clear();
        attempt = 0;
      } catch (e) {
        if (this.disposed) return;
        if (isStale(e) && (await this.storedIs(text))) continue;
        if (isPassing(e)) {
          // The server may have stored it: until it says, nothing counts as saved (not even the old body).
          this.unconfirmed.add(text);
          this.savedText = UNKNOWN;
          attempt++;
          if (attempt <= QUICK_RETRIES) {
            await new Promise((resolve) => this.timers.setTimeout(() => resolve(undefined), QUICK_RETRY_MS * attempt));
            if (this.blocked || this.disposed) return;
            continue;
          }
          // Still failing: say so, and keep trying in the background; typing or "retry" tries at once.
          this.update(() => {
            this.error = e;
            this.stateNow = 'failed';
          });
          this.schedule(BACKGROUND_RETRY_MS);
          return;
        }
        this.update(() => {
          this.error = e;
          if (isStale(e)) {
            this.blocked = true;
            this.mine = this.current;
            this.stateNow = 'conflict';
          } else this.stateNow = 'failed';
        });
        return;
      }
    }
  }

  // After a 409: is what is stored one of our own saves whose answer was lost? Then we go on from its version.
  private async storedIs(text: string): Promise<boolean> {
    try {
      const fresh = await this.options.load();
      const stored = JSON.stringify(this.options.bodyOf(this.options.draftOf(fresh)));
      if (stored !== text && !this.unconfirmed.has(stored)) return false;
      this.unconfirmed.clear();
      this.update(() => {
        this.version = fresh.version;
        this.savedText = stored;
        this.savedAt = fresh.updatedAt;
        this.error = null;
      });
      return true;
    } catch {
      return false;
    }
  }

  /** The user chose to load what was saved elsewhere; what they typed stays in `mine` to copy from. */
  async reload(): Promise<void> {
    this.update(() => {
      this.reloadError = null;
    });
    try {
      const fresh = await this.options.load();
      this.timers.clearTimeout(this.timer);
      this.update(() => {
        this.mine = this.current;
        this.version = fresh.version;
        this.current = this.options.draftOf(fresh);
        this.savedText = JSON.stringify(this.options.bodyOf(this.current));
        this.unconfirmed.clear();
        this.savedAt = fresh.updatedAt;
        this.blocked = false;
        this.error = null;
        this.stateNow = 'saved';
      });
      this.options.onLoaded?.(fresh);
    } catch (e) {
      this.update(() => {
        this.reloadError = e;
      });
    }
  }

  /** The user put away the copy of what they had typed. */
  dismissMine(): void {
    this.update(() => {
      this.mine = null;
    });
  }

  /** The page goes away: what is waiting is saved now (a link inside the site), then nothing more. */
  dispose(): void {
    const waiting = this.stateNow === 'dirty' || this.stateNow === 'failed';
    this.timers.clearTimeout(this.timer);
    if (waiting) void this.flush().finally(() => (this.disposed = true));
    else this.disposed = true;
  }
}
