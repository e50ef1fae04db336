import type { BreakdownDimension, BreakdownRow, FunnelStep, RankMovement, StageDistribution } from '../report/report';
import type { PublishedEntry } from './outcome';

export type { BreakdownDimension, BreakdownRow, FunnelStep, FunnelStepId, Histogram, RankMovement, ScoreStage, StageDistribution } from '../report/report';

/** GET /api/publication/rounds/{roundId}/report — the round's report (issue 12.4) for the office and supervisors. */
export interface RoundReportResponse {
  readonly roundId: string;
  readonly roundName: { readonly 'zh-CN': string; readonly en: string };
  readonly roundStage: string;
  readonly funnel: readonly FunnelStep[];
  readonly breakdowns: Readonly<Record<BreakdownDimension, readonly BreakdownRow[]>>;
  readonly distributions: readonly StageDistribution[];
  /** Every application with a material-review consensus: its scores and rank at each stage, with its name. */
  readonly movements: readonly (RankMovement & { readonly organisationName: string })[];
  /** What the committee papers need: the weights, threshold and quota, and the ranking's advice (ids, best first). */
  readonly committee: {
    readonly weights: { readonly material: number; readonly onSite: number; readonly defense: number };
    readonly candidateThreshold: number;
    readonly winnersQuota: number;
    readonly evaluationRecorded: boolean;
    readonly standings: readonly CommitteeStanding[];
    readonly departments: readonly string[];
  };
}

/** One line of the committee's ranking: the recorded standing with the departments' advice. */
export interface CommitteeStanding {
  readonly applicationId: string;
  readonly organisationName: string;
  readonly district: string;
  readonly industry: string;
  readonly rank: number;
  readonly material: number;
  readonly onSite: number;
  readonly defense: number;
  readonly final: number;
  readonly candidate: boolean;
  /** The ranking's advice: within the quota (a tie across the last place is left to the vote). */
  readonly suggested: boolean;
  readonly tiedAtCutoff: boolean;
  /** Each configured department's answer: objection or not, the letter's summary; absent: not answered yet. */
  readonly opinions: readonly { readonly department: string; readonly objection: boolean; readonly text: string }[];
}

/** One sheet of the export: a name (Chinese), its column headers (Chinese) and its rows. */
export interface ExportSheet {
  readonly key: 'scores' | 'consensus' | 'ranking' | 'opinions' | 'votes' | 'objections';
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/** GET /api/publication/rounds/{roundId}/export — the whole round's records as sheets (the browser writes the .xlsx and CSV). */
export interface RoundExportResponse {
  readonly roundId: string;
  /** The file name without its extension. */
  readonly fileName: string;
  readonly sheets: readonly ExportSheet[];
}

/** GET /api/publication/rounds/{roundId}/summary — the public summary after the announcement (404 before). */
export interface RoundSummaryResponse {
  readonly roundId: string;
  readonly roundName: { readonly 'zh-CN': string; readonly en: string };
  readonly programmeName: { readonly 'zh-CN': string; readonly en: string };
  readonly funnel: readonly FunnelStep[];
  readonly distributions: readonly StageDistribution[];
  /** The winners as the announcement published them (organisation, place, final score): no other organisation's scores. */
  readonly winners: readonly PublishedEntry[];
}
