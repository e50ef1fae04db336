// Test data for the review board, the supervisors' overview and the team view.
import type {
  AssignmentView,
  DeclarationView,
  ReviewStage,
  RoundReviewsResponse,
  ScorecardView,
  TeamReviewResponse,
} from '../../../../shared/api/reviews';
import type { PersonView, SessionResponse } from '../../../../shared/api/schemas';
import { GBT19580_2012 } from '../../../../shared/criteria/gbt19580-2012';

export const ROUND = 'city-2026';
export const APP = 'A1';
const ORG = { name: '成都甲公司', district: '锦江区', industry: '制造业' };

/** A signed-in office member or supervisor. */
export function session(role: 'admin' | 'supervisor'): SessionResponse {
  return {
    person: { personId: `P-${role}`, email: `${role}@example.org`, name: role, role, programmeId: 'city', status: 'active', createdAt: '2026-01-01T00:00:00.000Z' },
    role,
    programmeId: 'city',
    expiresAt: '2999-01-01T00:00:00.000Z',
  };
}

/** A person of the programme. */
export function person(personId: string, name: string, role: PersonView['role'] = 'expert', status: PersonView['status'] = 'active'): PersonView {
  return { personId, name, role, status, email: `${personId}@example.org`, programmeId: 'city', createdAt: '2026-01-01T00:00:00.000Z' };
}

/** One expert's assignment. */
export function member(reviewerId: string, reviewerName: string, status: AssignmentView['status'], extra: Partial<AssignmentView> = {}): AssignmentView {
  return {
    roundId: ROUND,
    applicationId: APP,
    stage: 'materialReview',
    reviewerId,
    reviewerName,
    leader: false,
    status,
    organisation: ORG,
    assignedAt: '2026-09-01T02:00:00.000Z',
    assignedBy: 'P-admin',
    version: 1,
    ...extra,
  };
}

/** A card giving every item `percent` (or only `items` when given). */
export function card(reviewerId: string, reviewerName: string, status: ScorecardView['status'], percent: number | undefined, items: ScorecardView['items'] = {}): ScorecardView {
  const all = Object.fromEntries(
    GBT19580_2012.items.map((i) => [i.id, { ...(percent === undefined ? {} : { percent }), strengths: '', opportunities: '' }]),
  );
  const merged = { ...all, ...items };
  const scored = Object.values(merged).filter((i) => i.percent !== undefined).length;
  const total = scored === GBT19580_2012.items.length ? GBT19580_2012.items.reduce((s, i) => s + merged[i.id]!.percent! * i.points, 0) : undefined;
  return {
    roundId: ROUND,
    applicationId: APP,
    stage: 'materialReview',
    reviewerId,
    reviewerName,
    status,
    items: merged,
    scored,
    ...(total === undefined ? {} : { total }),
    version: 2,
    updatedAt: '2026-09-10T02:00:00.000Z',
    ...(status === 'submitted' ? { submittedAt: '2026-09-11T02:00:00.000Z' } : {}),
  };
}

/** A declaration, clear unless relations and conflicts are given. */
export function declaration(reviewerId: string, reviewerName: string, extra: Partial<DeclarationView> = {}): DeclarationView {
  return {
    roundId: ROUND,
    applicationId: APP,
    reviewerId,
    reviewerName,
    declaredAt: '2026-09-02T02:00:00.000Z',
    relations: [],
    confidentialitySigned: true,
    impartialitySigned: true,
    conflicts: [],
    ...extra,
  };
}

/** A material-review team: a leader who submitted, an expert scoring a draft, one recused, one conflicted. */
export function teamFixture(extra: Partial<TeamReviewResponse> = {}): TeamReviewResponse {
  return {
    roundId: ROUND,
    applicationId: APP,
    stage: 'materialReview',
    organisation: ORG,
    roundStage: 'materialReview',
    members: [
      member('E1', '张专家', 'submitted', { leader: true }),
      member('E2', '李专家', 'active'),
      member('E3', '王专家', 'recused', { recusal: { reason: '其配偶近期入职该公司', at: '2026-09-05T02:00:00.000Z', by: 'P-admin', byName: '办公室' } }),
      member('E4', '赵专家', 'conflicted'),
    ],
    declarations: [
      declaration('E1', '张专家'),
      declaration('E4', '赵专家', {
        relations: [{ kind: 'consulting', note: '2025 年提供过咨询' }],
        impartialitySigned: false,
        conflicts: [{ source: 'declared', kind: 'consulting' }],
      }),
    ],
    scorecards: [
      card('E1', '张专家', 'submitted', 60, { '4.1.2': { percent: 40, strengths: '领导作用明确', opportunities: '' } }),
      card('E2', '李专家', 'draft', undefined, { '4.1.2': { percent: 65, strengths: '', opportunities: '治理待加强' } }),
    ],
    flags: [{ itemId: '4.1.2', min: 40, max: 65, spread: 25 }],
    minTeam: 5,
    divergenceThreshold: 20,
    ...extra,
  };
}

/** The round overview with one application's material-review team, and another with no team yet. */
export function roundFixture(extra: Partial<RoundReviewsResponse> = {}): RoundReviewsResponse {
  return {
    roundId: ROUND,
    roundName: { 'zh-CN': '2026 年度成都市政府质量奖', en: 'Chengdu Government Quality Award 2026' },
    roundStage: 'materialReview',
    roundVersion: 3,
    minTeam: { materialReview: 5, onSite: 3 },
    shortlistSize: 12,
    applications: [
      {
        applicationId: APP,
        organisation: ORG,
        stages: {
          materialReview: {
            members: [member('E1', '张专家', 'submitted', { leader: true }), member('E2', '李专家', 'active'), member('E4', '赵专家', 'conflicted')],
            submittedCards: 1,
          },
        },
      },
      { applicationId: 'B2', organisation: { name: '成都乙公司', district: '青羊区', industry: '服务业' }, stages: {} },
    ],
    declarations: [],
    recusals: [],
    ...extra,
  };
}

/** The path of the round overview route. */
export const ROUND_REVIEWS = `GET /api/scoring/rounds/${ROUND}/reviews`;
/** The path of a team's route. */
export const teamPath = (applicationId: string, stage: ReviewStage) => `GET /api/scoring/applications/${applicationId}/reviews/${stage}`;
