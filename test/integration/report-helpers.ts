import { expect } from 'vitest';
import { api, signInAdmin } from './helpers';
import { endNoticePeriod, objectionBody } from './notice-helpers';
import { consensusCard, outcomePaths, recordOpinion, recordVote, seedOutcomeRound } from './outcome-helpers';
import { moveTo } from './rounds-helpers';

/** The organisations of {@link seedAnnouncedRound}, best first; the first wins, the second is proposed and an objection takes it out. */
export const REPORT_NAMES = ['甲图表测试有限公司', '乙图表测试有限公司', '丙图表测试有限公司', '丁图表测试有限公司', '戊图表测试有限公司', '己图表测试有限公司'] as const;

/**
 * A round taken to the announcement through the office's routes: six applications seeded with their consensus and
 * panel scores (one not shortlisted), the evaluation recorded, one department's answers (one objection), three
 * votes (two proposed), an upheld objection against the second, the notice period over, then the announcement.
 */
export async function seedAnnouncedRound(): Promise<{ roundId: string; applicationIds: readonly string[] }> {
  const admin = await signInAdmin();
  const seeded = await seedOutcomeRound({
    config: { winnersQuota: 3, opinionDepartments: ['credit'] },
    applications: [
      { name: REPORT_NAMES[0], material: consensusCard(80), onSite: consensusCard(85), panelScores: [82_000, 80_000] },
      { name: REPORT_NAMES[1], material: consensusCard(70), onSite: consensusCard(75), panelScores: [75_000, 75_000] },
      { name: REPORT_NAMES[2], material: consensusCard(75), onSite: consensusCard(70), panelScores: [70_000, 72_000] },
      { name: REPORT_NAMES[3], material: consensusCard(65), onSite: consensusCard(65), panelScores: [65_000, 65_000] },
      { name: REPORT_NAMES[4], material: consensusCard(40), onSite: consensusCard(45), panelScores: [40_000, 40_000] },
      { name: REPORT_NAMES[5], material: consensusCard(30), onSite: consensusCard(30), notShortlisted: true },
    ],
  });
  const { roundId, applicationIds: ids } = seeded;
  const ok = (res: { status: number; body: unknown }, status = 200) => expect(res.status, JSON.stringify(res.body)).toBe(status);
  ok(await api('POST', outcomePaths.evaluation(roundId), { cookie: admin, body: { version: seeded.version } }), 201);
  let moved = await moveTo(roundId, 'opinions', seeded.version);
  ok(moved);
  for (const id of ids.slice(0, 3)) ok(await recordOpinion(admin, roundId, id, 'credit'), 201);
  ok(await recordOpinion(admin, roundId, ids[3]!, 'credit', true), 201);
  moved = await moveTo(roundId, 'deliberation', moved.body.version);
  ok(moved);
  ok(await recordVote(admin, roundId, ids[0]!, { for: 9, against: 1 }), 201);
  ok(await recordVote(admin, roundId, ids[1]!, { for: 8, against: 2 }), 201);
  ok(await recordVote(admin, roundId, ids[2]!, { for: 2, against: 8 }), 201);
  moved = await moveTo(roundId, 'publicNotice', moved.body.version);
  ok(moved);
  const filed = await api('POST', `/api/publication/rounds/${roundId}/objections`, { cookie: admin, body: objectionBody(ids[1]!, '王实名') });
  ok(filed, 201);
  ok(await api('POST', `/api/publication/rounds/${roundId}/objections/${filed.body.objectionId}/resolution`, { cookie: admin, body: { upheld: true, reason: '经核实，异议属实。' } }));
  await endNoticePeriod(roundId);
  ok(await moveTo(roundId, 'announcement', moved.body.version));
  return { roundId, applicationIds: ids };
}
