import { SYSTEM_ACTOR } from '../../shared/audit/actions';
import { programmeScope, roundScope } from '../../shared/audit/chain';
import { AwardsStore } from '../../functions/lib/awards/store';
import { tableName } from '../../functions/lib/config';
import type { Runtime } from '../../functions/lib/runtime';

const DAY = 24 * 60 * 60 * 1000;

/**
 * On first start with empty data: a demo city award with one round open for
 * registration, so the site has something to show. Returns whether it seeded.
 */
export async function seedDemo(runtime: Runtime, now: Date): Promise<boolean> {
  const awards = new AwardsStore(runtime.clients.ddb, tableName(runtime.config, 'awards'));
  if ((await awards.listProgrammes()).length > 0) return false;
  const programmeId = runtime.config.defaultProgrammeId;
  const programme = {
    programmeId,
    name: { 'zh-CN': '示范市政府质量奖', en: 'Demo City Government Quality Award' },
    createdAt: now.toISOString(),
  };
  const year = now.getUTCFullYear();
  const round = {
    programmeId,
    roundId: `${programmeId}-${year}`,
    name: { 'zh-CN': `第一届示范市政府质量奖（${year}年）`, en: `Demo City Government Quality Award, first round (${year})` },
    stage: 'registration',
    registrationOpens: now.toISOString(),
    submissionDeadline: new Date(now.getTime() + 60 * DAY).toISOString(),
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
  return true;
}
