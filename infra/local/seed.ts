import { SYSTEM_ACTOR } from '../../shared/audit/actions';
import { defaultRoundConfig } from '../../shared/round';
import { programmeScope, roundScope } from '../../shared/audit/chain';
import { AwardsStore } from '../../functions/lib/awards/store';
import { tableName } from '../../functions/lib/config';
import type { Runtime } from '../../functions/lib/runtime';
import { seedFinalRound } from './seed-final';
import { reviewRoundId, seedReviewRound } from './seed-review';

const DAY = 24 * 60 * 60 * 1000;

/** How to seed: `later` writes the round at comprehensive evaluation (some 460 audited changes) after returning. */
export interface SeedOptions {
  readonly later?: boolean;
}

let pending: Promise<{ readonly ok: boolean; readonly seconds: number }> = Promise.resolve({ ok: true, seconds: 0 });
/**
 * Settles once a seed started with `later` is written (or failed), with how long the last round took: a stop waits
 * for it, so no round is left half-written, and `npm start` says the demo is ready only then.
 */
export const demoSeedSettled = (): Promise<{ readonly ok: boolean; readonly seconds: number }> => pending;

/**
 * On first start with empty data: a demo city award with one round open for
 * registration, so the site has something to show, and a second round already
 * in material review (seed-review.ts), so the review board, the experts' area
 * and the supervisors' overview do too, and a third one that has reached the
 * comprehensive evaluation (seed-final.ts), so the round's outcome (stages
 * 7–11) can be tried at once. Returns whether it seeded; with `later`
 * (`npm start`, so its URL is printed at once) the third round is still being
 * written for some seconds after.
 */
export async function seedDemo(runtime: Runtime, now: Date, options: SeedOptions = {}): Promise<boolean> {
  const awards = new AwardsStore(runtime.clients.ddb, tableName(runtime.config, 'awards'));
  if ((await awards.listProgrammes()).length > 0) return false;
  const programmeId = runtime.config.defaultProgrammeId;
  const programme = {
    programmeId,
    name: { 'zh-CN': '示范市政府质量奖', en: 'Demo City Government Quality Award' },
    // A city's award: the home page lists programmes by level (issue #14 part 2).
    level: 'city' as const,
    issuingBody: { 'zh-CN': '示范市人民政府', en: 'Demo City Government' },
    createdAt: now.toISOString(),
  };
  const year = now.getUTCFullYear();
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  // Registration open now for 45 days, materials due in 60; every other setting is the default of a round.
  const config = defaultRoundConfig({
    registrationOpens: at(0),
    registrationCloses: at(45),
    submissionDeadline: at(60),
    materialReviewDeadline: at(90),
    onSiteDeadline: at(120),
    defenseDate: at(150),
  });
  const round = {
    programmeId,
    roundId: `${programmeId}-${year}`,
    name: { 'zh-CN': `第一届示范市政府质量奖（${year}年）`, en: `Demo City Government Quality Award, first round (${year})` },
    stage: 'registration',
    registrationOpens: config.dates.registrationOpens,
    submissionDeadline: config.dates.submissionDeadline,
    config,
    createdAt: now.toISOString(),
    version: 1,
  };
  const seedChange = { actor: SYSTEM_ACTOR, requestId: 'seed', now };
  await runtime.audit.commit({
    ...seedChange,
    scope: programmeScope(programmeId),
    action: 'programme.created',
    target: { type: 'programme', id: programmeId },
    state: programme,
    writes: [awards.programmePut(programme)],
  });
  await runtime.audit.commit({
    ...seedChange,
    scope: roundScope(round.roundId),
    action: 'round.created',
    target: { type: 'round', id: round.roundId },
    state: round,
    writes: [awards.roundPut(round)],
  });
  const people = await seedReviewRound(runtime, programmeId, now);
  // The demo chains end fully linked (and archived) before anyone reads them; the final round's seed links its own.
  for (const scope of [programmeScope(programmeId), roundScope(round.roundId), roundScope(reviewRoundId(programmeId, year))]) await runtime.audit.caughtUp(scope);
  const final = seedFinalRound(runtime, programmeId, now, people);
  if (!options.later) {
    await final;
    return true;
  }
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  pending = final.then(
    () => ({ ok: true, seconds: seconds() }),
    (error: unknown) => {
      console.error('The demo round at comprehensive evaluation could not be seeded:', error);
      return { ok: false, seconds: seconds() };
    },
  );
  return true;
}
