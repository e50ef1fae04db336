// Test data for the defense panel, shaped as the scoring API answers it; fields can be overridden.
import type { DefenseApplicationView, DefenseScoreView, RoundDefenseResponse } from '../../../../../shared/api/defense';
import { APP, ROUND } from '../fixtures';

export const ROUND_DEFENSE = `GET /api/scoring/rounds/${ROUND}/defense`;
export const ADD_MEMBER = `POST /api/scoring/rounds/${ROUND}/panel`;
/** The route that takes a member off the panel. */
export const removeMember = (reviewerId: string) => `POST /api/scoring/rounds/${ROUND}/panel/${reviewerId}/removal`;

/** One panel member's score (hundredths). */
export function defenseScore(reviewerId: string, reviewerName: string, status: DefenseScoreView['status'], score: number | undefined, extra: Partial<DefenseScoreView> = {}): DefenseScoreView {
  return {
    roundId: ROUND,
    applicationId: APP,
    reviewerId,
    reviewerName,
    status,
    ...(score === undefined ? {} : { score }),
    comment: '',
    version: score === undefined ? 0 : 2,
    updatedAt: '2026-10-20T02:00:00.000Z',
    ...(status === 'submitted' ? { submittedAt: '2026-10-20T03:00:00.000Z' } : {}),
    ...extra,
  };
}

export function defenseAppFixture(extra: Partial<DefenseApplicationView> = {}): DefenseApplicationView {
  return {
    applicationId: APP,
    organisation: { name: '成都示范质量有限公司', district: '锦江区', industry: '制造业' },
    onSiteTotal: 61725,
    seats: [
      { reviewerId: 'D1', reviewerName: '赵审议', status: 'submitted' },
      { reviewerId: 'D2', reviewerName: '钱审议', status: 'scoring' },
      { reviewerId: 'D3', reviewerName: '孙审议', status: 'conflicted' },
      { reviewerId: 'D4', reviewerName: '李审议', status: 'awaitingDeclaration' },
    ],
    scores: [
      defenseScore('D1', '赵审议', 'submitted', 81235, { comment: '陈述清晰，<b>数据</b>充分。' }),
      defenseScore('D2', '钱审议', 'draft', 70000, { comment: '草稿意见' }),
    ],
    ...extra,
  };
}

export function defenseFixture(extra: Partial<RoundDefenseResponse> = {}): RoundDefenseResponse {
  return {
    roundId: ROUND,
    roundStage: 'defense',
    panelMin: 3,
    panel: ['赵审议', '钱审议', '孙审议', '李审议'].map((name, i) => ({
      roundId: ROUND,
      reviewerId: `D${i + 1}`,
      reviewerName: name,
      addedAt: '2026-10-01T02:00:00.000Z',
      addedBy: 'admin-1',
    })),
    applications: [defenseAppFixture()],
    declarations: [],
    ...extra,
  };
}

/** The panel after the office took D4 (who never declared) off it: D4 holds no seat any more, and their submitted score is set aside. */
export function removedMemberFixture(): RoundDefenseResponse {
  const data = defenseFixture();
  return {
    ...data,
    panel: data.panel.map((m) =>
      m.reviewerId === 'D4' ? { ...m, removal: { reason: '答辩当日缺席', at: '2026-10-21T02:00:00.000Z', by: 'P-admin', byName: '办公室' } } : m,
    ),
    applications: data.applications.map((a) => ({
      ...a,
      seats: a.seats.filter((s) => s.reviewerId !== 'D4'),
      scores: [...a.scores, defenseScore('D4', '李审议', 'submitted', 95000, { setAside: true })],
    })),
  };
}
