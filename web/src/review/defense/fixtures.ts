// Test data for the deliberators' defense pages, shaped as the scoring API answers it.
import type { DefenseScoreView, MyDefenseResponse } from '../../../../shared/api/defense';
import type { DeclarationView } from '../../../../shared/api/reviews';

export const ROUND = 'city-2026';
export const APP = '01JAPP00000000000000000001';
export const ME = 'D1';
export const DEF_MINE = 'GET /api/scoring/defense/mine';
export const SCORE = `/api/scoring/applications/${APP}/defense/mine`;
export const DECLARE = `POST /api/scoring/applications/${APP}/defense/declaration`;
export const ROUND_DEFENSE = `GET /api/scoring/rounds/${ROUND}/defense`;

type Round = MyDefenseResponse['rounds'][number];
export type Seat = Round['applications'][number];

export function seatFixture(over: Partial<Seat> = {}): Seat {
  return { applicationId: APP, organisation: { name: '成都示范质量有限公司', district: '锦江区', industry: '制造业' }, status: 'scoring', ...over };
}

export function mineFixture(seats: Seat[], roundStage: Round['roundStage'] = 'defense'): MyDefenseResponse {
  return { rounds: [{ roundId: ROUND, roundStage, applications: seats }] };
}

export function scoreFixture(over: Partial<DefenseScoreView> = {}): DefenseScoreView {
  return { roundId: ROUND, applicationId: APP, reviewerId: ME, reviewerName: '赵审议', status: 'draft', comment: '', version: 0, ...over };
}

export function declarationFixture(over: Partial<DeclarationView> = {}): DeclarationView {
  return {
    roundId: ROUND,
    applicationId: APP,
    reviewerId: ME,
    reviewerName: '赵审议',
    declaredAt: '2026-10-11T02:00:00.000Z',
    relations: [],
    confidentialitySigned: true,
    impartialitySigned: true,
    conflicts: [],
    ...over,
  };
}
