import { createRequire } from 'node:module';
import { isDiskError, type DiskFaults } from './disk-faults';

/**
 * dynalite answers a failed LevelDB write by throwing from a callback
 * (`if (err) throw err` in its request handler), which ends the whole local
 * stack when the disk fills. An error carrying `statusCode` and `body` is
 * answered instead, so every LevelDB write error is given DynamoDB's own
 * 500 InternalServerError: the SDK retries it, the function answers 503
 * STORAGE_UNAVAILABLE, and the stack serves again once the disk has room.
 * Injected disk faults (tests) fail the same writes as a full disk does.
 */

interface LevelPrototype {
  _put(...args: unknown[]): Promise<unknown>;
  _del(...args: unknown[]): Promise<unknown>;
  _batch(...args: unknown[]): Promise<unknown>;
  location?: string;
}

let faults: DiskFaults | undefined;
let installed = false;

const isLevelIoError = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return isDiskError(error) || code === 'LEVEL_IO_ERROR' || code === 'LEVEL_CORRUPTION';
};

/** Marks a storage error so dynalite answers it as DynamoDB's 500 InternalServerError. */
function asInternalServerError(error: Error): Error {
  return Object.assign(error, {
    statusCode: 500,
    body: { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: `Local storage cannot write: ${error.message}` },
  });
}

/** Installs the guard on dynalite's LevelDB classes (once per process); `diskFaults` are the faults to inject, if any. */
export function guardLevelWrites(diskFaults: DiskFaults | undefined): void {
  faults = diskFaults;
  if (installed) return;
  installed = true;
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const classes = [(fromDynalite('level') as { Level: { prototype: LevelPrototype } }).Level, (fromDynalite('memory-level') as { MemoryLevel: { prototype: LevelPrototype } }).MemoryLevel];
  for (const cls of classes) {
    for (const method of ['_put', '_del', '_batch'] as const) {
      const original = cls.prototype[method];
      cls.prototype[method] = async function (this: LevelPrototype, ...args: unknown[]) {
        try {
          faults?.check('write', this.location ?? 'memory');
          return await original.apply(this, args);
        } catch (error) {
          throw error instanceof Error && isLevelIoError(error) ? asInternalServerError(error) : error;
        }
      };
    }
  }
}
