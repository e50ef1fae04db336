// Test data for the experts' area, shaped as the scoring API answers it; fields can be overridden.
import type { ConsensusView, ReviewMaterialResponse, ScorecardView, TeamReviewResponse } from '../../../shared/api/reviews';
import { REVIEW_CRITERIA } from './scores';
import type { MyAssignment } from './AssignmentList';

export const APP = '01JAPP00000000000000000001';
export const ME = 'expert-li';
export const BASE = `/api/scoring/applications/${APP}`;
export const MINE = 'GET /api/scoring/assignments/mine';
export const CARD = `${BASE}/scorecards/materialReview/mine`;
export const TEAM = `GET ${BASE}/reviews/materialReview`;

export function assignmentFixture(over: Partial<MyAssignment> = {}): MyAssignment {
  return {
    roundId: 'city-2026',
    applicationId: APP,
    stage: 'materialReview',
    reviewerId: ME,
    reviewerName: '李专家',
    leader: false,
    status: 'active',
    organisation: { name: '成都示范质量有限公司', district: '锦江区', industry: '制造业' },
    assignedAt: '2026-09-10T02:00:00.000Z',
    assignedBy: 'admin-1',
    version: 1,
    roundStage: 'materialReview',
    consensusRecorded: false,
    ...over,
  };
}

export function cardFixture(over: Partial<ScorecardView> = {}): ScorecardView {
  return {
    roundId: 'city-2026',
    applicationId: APP,
    stage: 'materialReview',
    reviewerId: ME,
    reviewerName: '李专家',
    status: 'draft',
    items: {},
    scored: 0,
    version: 0,
    ...over,
  };
}

/** Every item at `percent` (with `over` per item). */
export function fullItems(percent: number, over: Record<string, number> = {}): ScorecardView['items'] {
  return Object.fromEntries(REVIEW_CRITERIA.items.map((i) => [i.id, { percent: over[i.id] ?? percent, strengths: '', opportunities: '' }]));
}

export function materialFixture(over: Partial<ReviewMaterialResponse> = {}): ReviewMaterialResponse {
  return {
    applicationId: APP,
    roundId: 'city-2026',
    organisation: { name: '成都示范质量有限公司', district: '锦江区', industry: '制造业' },
    sections: { profile: '本公司成立于 2010 年。', '4.1.2': '高层领导制定了质量方针。' },
    documents: [{ documentId: 'doc-1', category: 'businessLicence', fileName: '营业执照.pdf', size: 204800, sha256: 'a'.repeat(64) }],
    receipt: { submittedAt: '2026-08-30T02:00:00.000Z', receiptId: 'R-1' },
    ...over,
  };
}

export function teamFixture(over: Partial<TeamReviewResponse> = {}): TeamReviewResponse {
  const members = [
    { ...assignmentFixture({ status: 'submitted' }) },
    { ...assignmentFixture({ reviewerId: 'expert-wang', reviewerName: '王专家', status: 'submitted', leader: true }) },
  ].map(({ roundStage: _s, card: _c, consensusRecorded: _r, ...m }) => m);
  return {
    roundId: 'city-2026',
    applicationId: APP,
    stage: 'materialReview',
    organisation: { name: '成都示范质量有限公司', district: '锦江区', industry: '制造业' },
    roundStage: 'materialReview',
    members,
    declarations: [],
    scorecards: [
      cardFixture({ status: 'submitted', items: fullItems(50), scored: 23, total: 50000, version: 3 }),
      cardFixture({ reviewerId: 'expert-wang', reviewerName: '王专家', status: 'submitted', items: fullItems(50, { '4.1.2': 80 }), scored: 23, total: 51500, version: 2 }),
    ],
    flags: [{ itemId: '4.1.2', min: 50, max: 80, spread: 30 }],
    minTeam: 2,
    divergenceThreshold: 20,
    ...over,
  };
}

export function consensusFixture(over: Partial<ConsensusView> = {}): ConsensusView {
  const items = Object.fromEntries(REVIEW_CRITERIA.items.map((i) => [i.id, { percent: 50, rationale: i.id === '4.1.2' ? '经讨论取中间值。' : '' }]));
  return {
    roundId: 'city-2026',
    applicationId: APP,
    stage: 'materialReview',
    items,
    categories: {},
    total: 50000,
    flags: [{ itemId: '4.1.2', min: 50, max: 80, spread: 30 }],
    recordedBy: 'expert-wang',
    recordedByName: '王专家',
    recordedAt: '2026-09-20T02:00:00.000Z',
    basedOn: 2,
    ...over,
  };
}
