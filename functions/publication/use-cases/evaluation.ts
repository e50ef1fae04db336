import type * as v from 'valibot';
import type { EvaluationResponse, RecordEvaluationBody, RecordedBy, UnevaluableView } from '../../../shared/api/outcome';
import type { ReviewedOrganisation } from '../../../shared/api/reviews';
import { roundScope } from '../../../shared/audit/chain';
import type { Criteria } from '../../../shared/criteria';
import type { RoundConfig } from '../../../shared/round';
import {
  candidates,
  checkScorecard,
  proposeWinners,
  rankApplications,
  scorecardTotals,
  standingOf,
  weightsPerMille,
  type Hundredths,
  type RankedStanding,
  type Scorecard,
} from '../../../shared/scoring';
import type { RoundStage } from '../../../shared/stages';
import type { ApplicationRecord } from '../../lib/applications/repository';
import { configuredRound, type ConfiguredRound } from '../../lib/awards/configured-round';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { EvaluationRecord, StandingRecord } from '../../lib/outcome/store';
import { applicationsBeforePanel, defenseOutcome } from '../../lib/reviews/defense';
import { roundAtVersion, type RoundDeps } from './rounds';

/** What the outcome use cases (stages 7–9) need: the round, its applications and reviews (read), its outcome records, the audit log (the only writer). */
export type OutcomeDeps = RoundDeps;

/** A round of the caller's programme (any other: 404) with its configuration and criteria, at its current stage. */
export interface OutcomeRound extends ConfiguredRound {
  readonly stage: RoundStage;
}

/** The round of the caller's programme, configured (422 ROUND_NOT_CONFIGURED without a valid configuration). */
export async function outcomeRound(deps: Pick<OutcomeDeps, 'awards'>, session: Session, roundId: string): Promise<OutcomeRound> {
  const configured = await configuredRound(deps.awards, roundId, session.programmeId);
  return { ...configured, stage: configured.round.stage as RoundStage };
}

/** 422 STAGE_CLOSED unless the round is at `stage`. */
export function assertStage(round: OutcomeRound, stage: RoundStage): void {
  if (round.stage !== stage) throw new AppError('STAGE_CLOSED', 422, { roundStage: round.stage, expected: [stage] });
}

/** Who records something now: the acting person and their display name. */
export const recordedBy = (session: Session, now: Date): RecordedBy => ({ at: now.toISOString(), by: session.personId, byName: session.name });

/** Who did it, as the audit chain records it. */
export const actorOf = (session: Session) => ({ personId: session.personId, role: session.role });

/** What the office sees of the applicant (never the contact details). */
const organisationOf = (app: ApplicationRecord): ReviewedOrganisation => ({
  name: app.organisation.name,
  district: app.organisation.district,
  industry: app.organisation.industry,
});

/** One application the defense reached, with whatever of its three scores is stored. */
export interface EvaluationInput {
  readonly applicationId: string;
  readonly organisation: ReviewedOrganisation;
  /** The material-review consensus: item id → percentage. */
  readonly material?: Readonly<Record<string, number>>;
  /** The on-site consensus: item id → percentage. */
  readonly onSite?: Readonly<Record<string, number>>;
  /** The panel score, hundredths. */
  readonly defense?: Hundredths;
}

/** The settings an evaluation uses, from the round's configuration. */
export type EvaluationSettings = EvaluationResponse['settings'];

/** The settings of a round's configuration that the comprehensive evaluation uses. */
export const settingsOf = (config: RoundConfig): EvaluationSettings => ({
  weights: { ...config.weights },
  candidateThreshold: config.candidateThreshold,
  winnersQuota: config.winnersQuota,
});

/** A consensus card that is complete and on the grid, as the domain's scorecard; anything else cannot be scored. */
function completeCard(percents: Readonly<Record<string, number>> | undefined, criteria: Criteria): Scorecard | undefined {
  if (!percents || checkScorecard(percents, criteria).length > 0) return undefined;
  return percents as Scorecard;
}

// DOMAIN.md stage 7: final = weighted material, on-site and defense scores; ranked with the tie-breaks (results items 4.7 of
// the on-site consensus, then the on-site total); a final score at or above the threshold makes a recommended candidate.
/**
 * The comprehensive evaluation of the applications the defense reached: each
 * one with all three scores is ranked (best first); one lacking any is listed
 * apart with what it lacks.
 */
export function evaluateStandings(
  inputs: readonly EvaluationInput[],
  settings: EvaluationSettings,
  criteria: Criteria,
): { standings: StandingRecord[]; unevaluable: UnevaluableView[] } {
  const weights = weightsPerMille(settings.weights);
  const unevaluable: UnevaluableView[] = [];
  const scored = new Map<string, { input: EvaluationInput; material: Hundredths; onSite: Hundredths }>();
  const standings = [];
  for (const input of inputs) {
    const material = completeCard(input.material, criteria);
    const onSite = completeCard(input.onSite, criteria);
    const missing = [...(material ? [] : ['material' as const]), ...(onSite ? [] : ['onSite' as const]), ...(input.defense === undefined ? ['defense' as const] : [])];
    if (!material || !onSite || input.defense === undefined) {
      unevaluable.push({ applicationId: input.applicationId, organisation: input.organisation, missing });
      continue;
    }
    const results = { applicationId: input.applicationId, material: scorecardTotals(material, criteria).total, onSite: scorecardTotals(onSite, criteria), defense: input.defense };
    scored.set(input.applicationId, { input, material: results.material, onSite: results.onSite.total });
    standings.push(standingOf(results, weights, criteria));
  }
  const ranked = rankApplications(standings);
  const chosen = new Set(candidates(ranked, settings.candidateThreshold).map((s) => s.applicationId));
  return {
    standings: ranked.map((s) => {
      const { input, material, onSite } = scored.get(s.applicationId)!;
      return {
        applicationId: s.applicationId,
        organisation: input.organisation,
        material,
        onSite,
        defense: input.defense!,
        results: s.results,
        final: s.final,
        rank: s.rank,
        candidate: chosen.has(s.applicationId),
      };
    }),
    unevaluable: unevaluable.sort((a, b) => (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0)),
  };
}

/** The ranking's advice over ranked standings: at most `quota` proposed, a tie straddling the last place left to the vote (ids). */
export function suggestionOf(ranked: readonly RankedStanding[], quota: number): EvaluationResponse['suggestion'] {
  const { proposed, tiedAtCutoff } = proposeWinners(ranked, quota);
  return { proposed: proposed.map((s) => s.applicationId), tiedAtCutoff: tiedAtCutoff.map((s) => s.applicationId) };
}

/** What the stored consensus records and panel scores give for every application the defense reached. */
async function storedInputs(deps: OutcomeDeps, round: OutcomeRound): Promise<EvaluationInput[]> {
  const roundId = round.round.roundId;
  const [applications, progress, scores, defense] = await Promise.all([
    deps.applications.listRound(roundId),
    deps.reviews.ofRound(roundId),
    deps.reviews.consensusScoresOfRound(roundId),
    deps.reviews.defenseOfRound(roundId),
  ]);
  const before = applicationsBeforePanel(
    applications.filter((a) => a.eligibility?.decision === 'eligible'),
    progress.shortlist,
    progress.consensus,
  );
  const percents = (applicationId: string, stage: 'materialReview' | 'onSite') => scores.find((c) => c.applicationId === applicationId && c.stage === stage)?.percents;
  return before.map((app) => {
    const material = percents(app.applicationId, 'materialReview');
    const onSite = percents(app.applicationId, 'onSite');
    const { panelScore } = defenseOutcome(app.applicationId, defense, round.config.teams.defensePanelMin);
    return {
      applicationId: app.applicationId,
      organisation: organisationOf(app),
      ...(material ? { material } : {}),
      ...(onSite ? { onSite } : {}),
      ...(panelScore !== undefined ? { defense: panelScore } : {}),
    };
  });
}

/** The response for a round: the recorded evaluation, or what recording now would give. */
function evaluationView(round: OutcomeRound, settings: EvaluationSettings, standings: readonly StandingRecord[], unevaluable: readonly UnevaluableView[], recorded?: RecordedBy): EvaluationResponse {
  return {
    roundId: round.round.roundId,
    roundName: { 'zh-CN': round.round.name['zh-CN'], en: round.round.name.en },
    roundStage: round.stage,
    roundVersion: round.round.version,
    settings,
    standings,
    unevaluable,
    suggestion: suggestionOf(standings.filter((s) => s.candidate), settings.winnersQuota),
    ...(recorded ? { recorded } : {}),
  };
}

/**
 * The comprehensive evaluation of a round of the caller's programme: the
 * recorded one, or — before it is recorded — what recording it now would give,
 * computed from the stored consensus records and panel scores.
 */
export async function readEvaluation(deps: OutcomeDeps, session: Session, roundId: string): Promise<EvaluationResponse> {
  const round = await outcomeRound(deps, session, roundId);
  const { evaluation } = await deps.outcome.ofRound(roundId);
  if (evaluation) {
    const { at, by, byName } = evaluation;
    return evaluationView(round, evaluation.settings, evaluation.standings, [], { at, by, byName });
  }
  const settings = settingsOf(round.config);
  const { standings, unevaluable } = evaluateStandings(await storedInputs(deps, round), settings, round.criteria);
  return evaluationView(round, settings, standings, unevaluable);
}

/**
 * The office records the comprehensive evaluation (DOMAIN.md stage 7), once,
 * at that stage, based on the round version it read (stale: 409 CONFLICT),
 * when every application before the panel has all three scores; then it is final.
 */
export async function recordEvaluation(
  deps: OutcomeDeps,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof RecordEvaluationBody>,
  now: Date,
  requestId: string,
): Promise<EvaluationResponse> {
  await roundAtVersion(deps, session, roundId, input.version);
  const round = await outcomeRound(deps, session, roundId);
  assertStage(round, 'comprehensiveEvaluation');
  if ((await deps.outcome.ofRound(roundId)).evaluation) throw new AppError('EVALUATION_RECORDED', 409);
  const settings = settingsOf(round.config);
  const { standings, unevaluable } = evaluateStandings(await storedInputs(deps, round), settings, round.criteria);
  if (unevaluable.length > 0) throw new AppError('EVALUATION_INCOMPLETE', 422, { count: unevaluable.length }, { count: unevaluable.length });
  const by = recordedBy(session, now);
  const record: EvaluationRecord = { roundId, standings, settings, ...by };
  try {
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: 'evaluation.recorded',
      target: { type: 'round', id: roundId },
      context: { stage: round.stage },
      state: record,
      requestId,
      now,
      writes: [deps.outcome.evaluationPut(record)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('EVALUATION_RECORDED', 409);
    throw error;
  }
  return evaluationView(round, settings, standings, [], by);
}
