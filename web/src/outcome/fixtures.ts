// Test data for the outcome page: one round's evaluation, opinions, votes, objections and publications, as the contract answers them.
import type {
  DeliberationResponse,
  EvaluationResponse,
  ObjectionsResponse,
  ObjectionView,
  OpinionsResponse,
  PublicationsResponse,
  PublicationView,
} from '../../../shared/api/outcome';
import type { RoundStage } from '../../../shared/stages/round';

export const ROUND = 'city-2026';
const base = `/api/publication/rounds/${ROUND}`;
/** `METHOD /path` keys of the routes the page calls (see routedFetch). */
export const ROUTES = {
  evaluation: `GET ${base}/evaluation`,
  recordEvaluation: `POST ${base}/evaluation`,
  opinions: `GET ${base}/opinions`,
  recordOpinion: `POST ${base}/opinions`,
  recordLetter: `POST ${base}/opinions/letters`,
  deliberation: `GET ${base}/deliberation`,
  recordVote: `POST ${base}/votes`,
  recordVotes: `POST ${base}/votes/table`,
  objections: `GET ${base}/objections`,
  fileObjection: `POST ${base}/objections`,
  resolve: (objectionId: string) => `POST ${base}/objections/${objectionId}/resolution`,
  publications: `GET ${base}/publications`,
  remarks: `GET ${base}/remarks`,
  republish: `POST ${base}/publications`,
  move: `POST ${base}/stage`,
  entries: `GET /api/publication/audit/round%3A${ROUND}/entries`,
} as const;

export const ORGS = {
  A1: { name: '成都甲公司', district: '锦江区', industry: '制造业' },
  B2: { name: '成都乙公司', district: '青羊区', industry: '服务业' },
  C3: { name: '成都丙公司', district: '武侯区', industry: '建筑业' },
  D4: { name: '成都丁公司', district: '金牛区', industry: '软件业' },
} as const;
type AppId = keyof typeof ORGS;

const ADMIN = { by: 'P-admin', byName: '王主任' };
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`;

/** The evaluation at `stage`: a preview until `recorded`. */
export function evaluation(stage: RoundStage = 'comprehensiveEvaluation', recorded = false, version = 7): EvaluationResponse {
  return {
    roundId: ROUND,
    roundName: { 'zh-CN': '2026 年度成都市政府质量奖', en: 'Chengdu Government Quality Award 2026' },
    roundStage: stage,
    roundVersion: version,
    settings: { weights: { material: 0.3, onSite: 0.5, defense: 0.2 }, candidateThreshold: 500, winnersQuota: 2 },
    standings: [
      { applicationId: 'A1', organisation: ORGS.A1, material: 61725, onSite: 70050, defense: 80000, results: 30025, final: 69_542_500, rank: 1, candidate: true },
      { applicationId: 'B2', organisation: ORGS.B2, material: 60000, onSite: 65000, defense: 70000, results: 28000, final: 64_500_000, rank: 2, candidate: true },
      { applicationId: 'C3', organisation: ORGS.C3, material: 60000, onSite: 65000, defense: 70000, results: 27000, final: 64_500_000, rank: 3, candidate: true },
      { applicationId: 'D4', organisation: ORGS.D4, material: 45000, onSite: 48000, defense: 50000, results: 20000, final: 47_500_000, rank: 4, candidate: false },
    ],
    unevaluable: recorded ? [] : [{ applicationId: 'E5', organisation: { name: '成都戊公司', district: '成华区', industry: '物流业' }, missing: ['onSite', 'defense'] }],
    suggestion: { proposed: ['A1'], tiedAtCutoff: ['B2', 'C3'] },
    ...(recorded ? { recorded: { ...ADMIN, at: at(1) } } : {}),
  };
}

/** Opinions at `stage`: A1 cleared, B2 objected by tax, C3 waiting for safety and tax. */
export function opinions(stage: RoundStage = 'opinions'): OpinionsResponse {
  const op = (applicationId: AppId, department: string, objection: boolean, text: string, day: number) => ({ applicationId, department, objection, text, ...ADMIN, at: at(day) });
  return {
    roundId: ROUND,
    roundStage: stage,
    roundVersion: 8,
    departments: ['credit', 'safety', 'tax', 'market-supervision'],
    candidates: [
      {
        applicationId: 'A1', organisation: ORGS.A1, rank: 1, final: 69_542_500, outcome: 'cleared',
        opinions: [op('A1', 'credit', false, '信用函〔2026〕12号：无不良记录', 2), op('A1', 'safety', false, '安监复〔2026〕3号', 2), op('A1', 'tax', false, '税务复函', 3), op('A1', 'market-supervision', false, '市场监管复函', 3)],
      },
      { applicationId: 'B2', organisation: ORGS.B2, rank: 2, final: 64_500_000, outcome: 'objected', opinions: [op('B2', 'tax', true, '<b>欠税</b>未缴清', 3)] },
      { applicationId: 'C3', organisation: ORGS.C3, rank: 3, final: 64_500_000, outcome: 'pending', opinions: [op('C3', 'credit', false, '无不良记录', 2)] },
    ],
  };
}

/** The deliberation at `stage`: A1 voted and proposed, C3 still to vote on. */
export function deliberation(stage: RoundStage = 'deliberation'): DeliberationResponse {
  return {
    roundId: ROUND,
    roundStage: stage,
    roundVersion: 9,
    winnersQuota: 2,
    candidates: [
      { applicationId: 'A1', organisation: ORGS.A1, rank: 1, final: 69_542_500, vote: { applicationId: 'A1', for: 9, against: 2, abstain: 1, proposed: true, ...ADMIN, at: at(5) } },
      { applicationId: 'C3', organisation: ORGS.C3, rank: 3, final: 64_500_000 },
    ],
    suggestion: { proposed: ['A1', 'C3'], tiedAtCutoff: [] },
    proposedCount: 1,
  };
}

/** One objection against C3, resolved when `resolution` is given. */
export function objection(objectionId: string, resolution?: { upheld: boolean; reason: string }): ObjectionView {
  return {
    roundId: ROUND,
    objectionId,
    applicationId: 'C3',
    organisation: ORGS.C3,
    objectorName: '赵实名',
    objectorContact: '138-0000-0000',
    statement: '该公司去年发生质量事故。',
    evidence: '事故通报复印件一份',
    ...ADMIN,
    at: at(10),
    ...(resolution ? { resolution: { ...resolution, ...ADMIN, at: at(11) } } : {}),
  };
}

/** The public notice at `stage`: open until `endsAt`, A1 and C3 proposed, one objection resolved and one open. */
export function objections(stage: RoundStage = 'publicNotice', endsAt = '2999-01-01T00:00:00.000Z'): ObjectionsResponse {
  return {
    roundId: ROUND,
    roundStage: stage,
    roundVersion: 10,
    notice: { openedAt: at(9), endsAt },
    proposed: [
      { applicationId: 'A1', organisation: ORGS.A1, rank: 1, final: 69_542_500, notAwarded: false },
      { applicationId: 'C3', organisation: ORGS.C3, rank: 3, final: 64_500_000, notAwarded: true },
    ],
    objections: [objection('O1', { upheld: true, reason: '事故属实' }), objection('O2')],
  };
}

/** A publication of `kind` carrying the head `{ scope, sequence, hash }`. */
export function publication(kind: PublicationView['kind'], sequence: number, hash: string): PublicationView {
  return {
    kind,
    path: `/results/${ROUND}/${kind}.json`,
    sha256: 'ab'.repeat(32),
    chainHead: { scope: `round:${ROUND}`, sequence, hash },
    ...ADMIN,
    at: at(9),
  };
}

/** The publications at `stage`. */
export function publications(stage: RoundStage, list: PublicationView[] = []): PublicationsResponse {
  return { roundId: ROUND, roundStage: stage, publications: list };
}

/** A refusal as the API answers it. */
export const refusal = (status: number, code: string, zh: string, en: string) => ({ status, body: { error: { code, message: { 'zh-CN': zh, en } } } });
