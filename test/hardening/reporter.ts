import type { Reporter, TestModule } from 'vitest/node';
import type { Tally } from './tally';

/** The floors of issue #16's "Done when". */
export const FLOORS = { A: 500, H: 2000, F: 50, C: 1500 } as const;

/**
 * Ends a run that included the hardening project with its one line:
 * `hardening: A route-role checks, H hostile inputs, F faults, C concurrent operations, L lost, K leaked`,
 * and fails the run unless L = 0, K = 0, every hardening test passed and the counts reach their floors.
 */
export default class HardeningReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const total: Tally = { A: 0, H: 0, F: 0, C: 0, L: 0, K: 0 };
    let ran = false;
    let failed = 0;
    for (const module of testModules) {
      if (module.project.name !== 'hardening') continue;
      ran = true;
      for (const test of module.children.allTests()) {
        if (test.result().state === 'failed') failed++;
        const t = (test.meta() as { hardening?: Tally }).hardening;
        if (!t) continue;
        for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += t[k];
      }
    }
    if (!ran) return;
    const short = (Object.keys(FLOORS) as (keyof typeof FLOORS)[]).filter((k) => total[k] < FLOORS[k]);
    if (failed > 0 || total.L > 0 || total.K > 0 || short.length > 0) {
      process.exitCode = 1;
      if (short.length) process.stdout.write(`\nhardening: below the floor: ${short.map((k) => `${k} < ${FLOORS[k]}`).join(', ')}\n`);
      if (failed) process.stdout.write(`\nhardening: ${failed} check(s) failed\n`);
    }
    process.stdout.write(
      `\nhardening: ${total.A} route-role checks, ${total.H} hostile inputs, ${total.F} faults, ${total.C} concurrent operations, ${total.L} lost, ${total.K} leaked\n`,
    );
  }
}
