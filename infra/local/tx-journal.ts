import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

type Item = Record<string, unknown>;

/** One write of a committed transaction: the item's whole after-image, or its deletion. */
export interface JournalWrite {
  readonly TableName: string;
  readonly Key: Item;
  /** Absent: the item is deleted. */
  readonly Item?: Item;
}

/**
 * The local front's write-ahead journal: a committed transaction's writes
 * (after-images and deletions, so applying them twice changes nothing) are
 * stored in one file, synced, before the first of them is applied, and the
 * file is removed once all are applied. A file is named only when complete
 * (written as `.tmp`, synced, renamed), so a start finds whole transactions:
 * replaying them finishes any that a crash interrupted.
 */
export class TxJournal {
  private counter = 0;

  private constructor(private readonly dir: string) {}

  static async open(dir: string): Promise<TxJournal> {
    await mkdir(dir, { recursive: true });
    return new TxJournal(dir);
  }

  /** Records a committed transaction; resolves to its entry's name once it is on disk. */
  async record(writes: readonly JournalWrite[]): Promise<string> {
    const name = `${String(Date.now()).padStart(15, '0')}-${String(process.pid)}-${String(++this.counter).padStart(9, '0')}`;
    const temp = join(this.dir, `${name}.tmp`);
    const file = await open(temp, 'w');
    try {
      await file.writeFile(JSON.stringify({ writes }));
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, join(this.dir, `${name}.json`));
    return name;
  }

  /** Forgets a transaction whose writes are all applied. */
  async done(name: string): Promise<void> {
    await rm(join(this.dir, `${name}.json`), { force: true });
  }

  /** Applies every recorded transaction (oldest first) with `apply`, removing each afterwards; drops unfinished records. Returns how many were replayed. */
  async replay(apply: (writes: readonly JournalWrite[]) => Promise<void>): Promise<number> {
    const files = (await readdir(this.dir)).sort();
    let replayed = 0;
    for (const file of files) {
      const path = join(this.dir, file);
      if (file.endsWith('.tmp')) {
        // Never renamed: the transaction was not committed and none of its writes was applied.
        await rm(path, { force: true });
        continue;
      }
      if (!file.endsWith('.json')) continue;
      const { writes } = JSON.parse(await readFile(path, 'utf8')) as { writes: JournalWrite[] };
      await apply(writes);
      await rm(path, { force: true });
      replayed++;
    }
    return replayed;
  }
}
