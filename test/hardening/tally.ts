import type { RunnerTestCase } from 'vitest';

/** What the hardening suite counts (its last line: `hardening: A route-role checks, H hostile inputs, F faults, C concurrent operations, L lost, K leaked`). */
export interface Tally {
  /** Route × identity checks of the authorization matrix (and the forgery checks, one per route and kind). */
  A: number;
  /** Hostile bodies, paths and queries sent. */
  H: number;
  /** Faults injected into the SDK clients. */
  F: number;
  /** Concurrent operations of the two loads. */
  C: number;
  /** Acknowledged writes not found stored as acknowledged (or stored twice). */
  L: number;
  /** Answers that carried another's record to someone not entitled to it. */
  K: number;
}

declare module 'vitest' {
  interface TaskMeta {
    hardening?: Tally;
  }
}

/** A fresh tally, recorded on the test's meta so the reporter (test/hardening/reporter.ts) can add them up. */
export function tallyOf(task: RunnerTestCase | { meta: Record<string, unknown> }): Tally {
  const meta = task.meta as { hardening?: Tally };
  meta.hardening ??= { A: 0, H: 0, F: 0, C: 0, L: 0, K: 0 };
  return meta.hardening;
}

/** Failures collected while a generated test runs: every check runs, then the test fails once with all of them. */
export class Findings {
  readonly list: string[] = [];
  add(message: string): void {
    this.list.push(message);
  }
  /** The findings as one readable block (at most `max` lines). */
  report(max = 60): string {
    const shown = this.list.slice(0, max).join('\n');
    return this.list.length > max ? `${shown}\n… and ${this.list.length - max} more` : shown;
  }
}
