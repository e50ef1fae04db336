/**
 * Disk faults of the local stack, for tests: while a fault is set, every write
 * the local storage makes (s3rver's object files, dynalite's transaction
 * journal and its LevelDB writes) fails with the error Node's `fs` gives on a
 * full or broken disk (`ENOSPC: no space left on device, write`), after the
 * first bytes of a file are already out — as a disk that fills mid-write does.
 * Clearing it is the disk getting space back.
 */
export class DiskFaults {
  private code: DiskErrorCode | undefined;

  /** From now on, writes fail with `code` (default ENOSPC). */
  fail(code: DiskErrorCode = 'ENOSPC'): void {
    this.code = code;
  }

  /** Writes work again. */
  clear(): void {
    this.code = undefined;
  }

  /** Throws the injected error for a write to `path`, if any. */
  check(syscall: string, path: string): void {
    if (this.code) throw diskError(this.code, syscall, path);
  }

  /** The injected error for a write to `path`, if any. */
  error(syscall: string, path: string): NodeJS.ErrnoException | undefined {
    return this.code ? diskError(this.code, syscall, path) : undefined;
  }
}

/** Errors a failing disk gives. */
export type DiskErrorCode = 'ENOSPC' | 'EIO' | 'EDQUOT' | 'EROFS';

const ERRNO: Record<DiskErrorCode, [number, string]> = {
  ENOSPC: [-28, 'no space left on device'],
  EIO: [-5, 'i/o error'],
  EDQUOT: [-122, 'disk quota exceeded'],
  EROFS: [-30, 'read-only file system'],
};

/** An error exactly as `fs` raises it (code, errno, syscall, path). */
export function diskError(code: DiskErrorCode, syscall: string, path: string): NodeJS.ErrnoException {
  const [errno, text] = ERRNO[code];
  return Object.assign(new Error(`${code}: ${text}, ${syscall} '${path}'`), { code, errno, syscall, path });
}

/** Whether an error is the disk failing (full, quota, read-only, I/O), as opposed to a bug. */
export function isDiskError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code in ERRNO;
}
