import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { BACKGROUND_RETRY_MS, DraftSaver, type Timers } from './draft-saver';

// Model-based test of the autosave (issue: "the scorecard stops saving, silently"): any sequence of what a person
// and the network do — type, pause, flush (submit… then cancel), a server that answers ok, 503, not at all, or
// saves but loses its answer, another tab saving, loading the stored draft after a conflict, reloading the page —
// and after every step: what the page shows as saved is what the server last acknowledged to it; and once the
// server answers, a changed draft reaches it within the pause plus the background retry.

const DELAY = 1200;

/** A clock the test moves by hand; timers run in order, and every promise they start settles before the next. */
class Clock implements Timers {
  now = 0;
  private next = 1;
  private readonly timers = new Map<number, { at: number; run: () => void }>();
  setTimeout(run: () => void, ms: number) {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, run });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.timers.delete(handle as number);
  }
  async advance(ms: number) {
    const until = this.now + ms;
    for (;;) {
      await settle();
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].run();
    }
    this.now = until;
    await settle();
  }
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

type Draft = { readonly a: number | null; readonly b: number | null; readonly note: string };
type Stored = { readonly version: number; readonly updatedAt: string; readonly body: Draft };
type Mode = 'ok' | 'unavailable' | 'offline' | 'lostAnswer';
const MAX_NOTE = 6;

const fail = (status: number, code: string) => new ApiError(status, code, { 'zh-CN': code, en: code });

/** The server: one stored draft on a version; answers as its mode says. */
class Server {
  stored: Stored = { version: 0, updatedAt: 't0', body: { a: null, b: null, note: '' } };
  mode: Mode = 'ok';
  saves = 0;
  async save(body: Draft, version: number): Promise<Stored> {
    await Promise.resolve();
    if (this.mode === 'unavailable') throw fail(503, 'BUSY');
    if (this.mode === 'offline') throw fail(0, 'NETWORK');
    if (version !== this.stored.version) throw fail(409, 'CONFLICT');
    this.saves++;
    this.stored = { version: version + 1, updatedAt: `t${version + 1}`, body };
    if (this.mode === 'lostAnswer') throw fail(0, 'NETWORK');
    return this.stored;
  }
  async load(): Promise<Stored> {
    await Promise.resolve();
    if (this.mode === 'unavailable') throw fail(503, 'BUSY');
    if (this.mode === 'offline' || this.mode === 'lostAnswer') throw fail(0, 'NETWORK');
    return this.stored;
  }
}

interface Real {
  clock: Clock;
  server: Server;
  saver: DraftSaver<Draft, Draft, Stored>;
  /** What the server last acknowledged to this page (a save's answer, or a load). */
  acked: string;
  /** Another tab saved since the server last answered this page. */
  elsewhere: boolean;
}

const text = (d: Draft) => JSON.stringify(d);

function open(real: Omit<Real, 'saver' | 'acked' | 'elsewhere'>): Real {
  const r = real as Real;
  r.acked = text(r.server.stored.body);
  r.elsewhere = false;
  r.saver = new DraftSaver<Draft, Draft, Stored>({
    initial: r.server.stored,
    draftOf: (s) => s.body,
    bodyOf: (d) => (d.note.length > MAX_NOTE ? undefined : d),
    problemOf: (d) => (d.note.length > MAX_NOTE ? 'tooLong' : undefined),
    save: async (body, version) => {
      const saved = await r.server.save(body, version);
      r.acked = text(saved.body);
      r.elsewhere = false;
      return saved;
    },
    load: async () => {
      const loaded = await r.server.load();
      r.acked = text(loaded.body);
      r.elsewhere = false;
      return loaded;
    },
    readOnly: false,
    delayMs: DELAY,
    timers: r.clock,
  });
  return r;
}

/** After every step: the page never shows as saved what the server did not acknowledge. */
function checkSavedIsAcknowledged(r: Real) {
  if (r.saver.state() === 'saved') expect(text(r.saver.draft())).toBe(r.acked);
}

type Model = { changedElsewhere: boolean };
type Cmd = fc.AsyncCommand<Model, Real>;

class Type implements Cmd {
  constructor(readonly field: 'a' | 'b' | 'note', readonly value: number | string | null) {}
  check = () => true;
  async run(_m: Model, r: Real) {
    r.saver.change({ ...r.saver.draft(), [this.field]: this.value });
    await settle();
    checkSavedIsAcknowledged(r);
  }
  toString = () => `type(${this.field}=${JSON.stringify(this.value)})`;
}
class Pause implements Cmd {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(_m: Model, r: Real) {
    await r.clock.advance(this.ms);
    checkSavedIsAcknowledged(r);
  }
  toString = () => `pause(${this.ms})`;
}
/** 提交评分表… then 取消 (or a blur): a flush nobody waits for. */
class Flush implements Cmd {
  check = () => true;
  async run(_m: Model, r: Real) {
    void r.saver.flush();
    await settle();
    checkSavedIsAcknowledged(r);
  }
  toString = () => 'flush';
}
class ServerMode implements Cmd {
  constructor(readonly mode: Mode) {}
  check = () => true;
  async run(_m: Model, r: Real) {
    r.server.mode = this.mode;
    await settle();
  }
  toString = () => `server(${this.mode})`;
}
/** Another tab (or device) of the same expert saves the card. */
class OtherTab implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    const s = r.server.stored;
    r.server.stored = { version: s.version + 1, updatedAt: `t${s.version + 1}`, body: { ...s.body, b: (s.body.b ?? 0) + 7 } };
    m.changedElsewhere = true;
    r.elsewhere = true;
    await settle();
  }
  toString = () => 'otherTab';
}
/** After a conflict: "load the saved card". */
class LoadStored implements Cmd {
  check = () => true;
  async run(_m: Model, r: Real) {
    if (r.saver.state() !== 'conflict') return;
    void r.saver.reload();
    await settle();
    checkSavedIsAcknowledged(r);
  }
  toString = () => 'loadStored';
}
/** The browser reloads the page (what was not saved is gone; the page shows what is stored). */
class ReloadPage implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    r.saver.dispose();
    const server = r.server;
    await settle();
    open(Object.assign(r, { clock: new Clock() }));
    m.changedElsewhere = false;
    expect(r.saver.state()).toBe('saved');
    expect(text(r.saver.draft())).toBe(text(server.stored.body));
  }
  toString = () => 'reloadPage';
}

const percent = fc.constantFrom(null, 0, 10, 35, 50, 85, 100);
const commands = [
  fc.tuple(fc.constantFrom<'a' | 'b'>('a', 'b'), percent).map(([f, v]) => new Type(f, v)),
  fc.string({ maxLength: MAX_NOTE + 2 }).map((v) => new Type('note', v)),
  fc.constantFrom(10, DELAY - 1, DELAY, 1500, 3000, BACKGROUND_RETRY_MS).map((ms) => new Pause(ms)),
  fc.constant(new Flush()),
  fc.constantFrom<Mode>('ok', 'ok', 'unavailable', 'offline', 'lostAnswer').map((m) => new ServerMode(m)),
  fc.constant(new OtherTab()),
  fc.constant(new LoadStored()),
  fc.constant(new ReloadPage()),
];

describe('the autosave of a draft, model-based', () => {
  it('never shows as saved what the server did not acknowledge, and once the server answers a changed draft reaches it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40 }), async (cmds) => {
        const real = open({ clock: new Clock(), server: new Server() });
        const model: Model = { changedElsewhere: false };
        await fc.asyncModelRun(() => ({ model, real }), cmds);

        // The server answers again; the person waits the pause and the background retry.
        real.server.mode = 'ok';
        await real.clock.advance(DELAY + BACKGROUND_RETRY_MS);
        const state = real.saver.state();
        if (state === 'conflict') {
          // Stopped, not lost: they load the stored card (their text stays beside it to copy), and saving goes on.
          await real.saver.reload();
          expect(real.saver.state()).toBe('saved');
          expect(real.saver.view().mine).not.toBeNull();
        } else if (state === 'tooLong') {
          expect(real.saver.draft().note.length).toBeGreaterThan(MAX_NOTE);
        } else {
          expect(state).toBe('saved');
          // Saved means on the server — unless another tab saved since, which this page learns at its next save.
          if (!real.elsewhere) expect(text(real.server.stored.body)).toBe(text(real.saver.draft()));
        }
        checkSavedIsAcknowledged(real);
        // Whatever happened before, the next change is saved within the pause — or, if another tab saved meanwhile,
        // stops as a conflict that loading the stored card resolves; never silently.
        real.saver.change({ ...real.saver.draft(), a: 42, note: '' });
        await real.clock.advance(DELAY);
        if (real.saver.state() === 'conflict') {
          expect(real.elsewhere || model.changedElsewhere).toBe(true);
          await real.saver.reload();
          real.saver.change({ ...real.saver.draft(), a: 42, note: '' });
          await real.clock.advance(DELAY);
        }
        expect(real.saver.state()).toBe('saved');
        expect(real.server.stored.body.a).toBe(42);
      }),
      { numRuns: 300, seed: Number(process.env.MERIT_SEED ?? Date.now()) },
    );
  }, 60_000);

  it('keeps saving after a flush with nothing to save (the submit dialog opened and cancelled)', async () => {
    // Prepare
    const real = open({ clock: new Clock(), server: new Server() });
    real.saver.change({ a: 50, b: null, note: '' });
    await real.clock.advance(DELAY);
    expect(real.server.stored.body.a).toBe(50);

    // Act: 提交评分表… with nothing waiting, 取消, then a change
    await real.saver.flush();
    real.saver.change({ a: 60, b: null, note: '' });
    await real.clock.advance(DELAY);

    // Assess
    expect(real.saver.state()).toBe('saved');
    expect(real.server.stored.body.a).toBe(60);
  });

  it('takes a 409 whose stored draft is exactly what it saved (its own save, answer lost) as saved', async () => {
    const real = open({ clock: new Clock(), server: new Server() });
    real.server.mode = 'lostAnswer';
    real.saver.change({ a: 35, b: null, note: '' });
    await real.clock.advance(DELAY);
    real.server.mode = 'ok';
    await real.clock.advance(BACKGROUND_RETRY_MS);

    expect(real.saver.state()).toBe('saved');
    expect(real.server.saves).toBe(1);
    expect(real.saver.versionNow()).toBe(1);
  });
});
