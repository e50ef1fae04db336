import { randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import { SYSTEM_ACTOR } from '../../shared/audit/actions';
import { roundScope } from '../../shared/audit/chain';
import { GBT19580_2012 } from '../../shared/criteria';
import { defaultRoundConfig, type RoundConfig } from '../../shared/round';
import { scorecardTotals, type Scorecard } from '../../shared/scoring';
import type { RoundStage } from '../../shared/stages/round';
import { ApplicationsRepository, type ApplicationRecord } from '../../functions/lib/applications/repository';
import type { TransactItem } from '../../functions/lib/audit/log';
import { AwardsStore, type RoundRecord } from '../../functions/lib/awards/store';
import { tableName } from '../../functions/lib/config';
import { ReviewsRepository } from '../../functions/lib/reviews/repository';
import { registration, stackRuntime } from './applications-helpers';
import { api } from './helpers';
import { roundDates } from './rounds-helpers';

/** A consensus card: every process item at `process` %, every results item (4.7) at `results` % (item id → percentage). */
export function consensusCard(process: number, results = process): Record<string, number> {
  return Object.fromEntries(GBT19580_2012.items.map((i) => [i.id, i.kind === 'results' ? results : process]));
}

/** One application to seed: what its teams agreed and, once the panel scored it, each panel member's submitted score (hundredths). */
export interface SeededApplication {
  readonly name: string;
  readonly material: Record<string, number>;
  readonly onSite: Record<string, number>;
  /** One score per panel member, in order; absent: the panel has not scored it (no declarations, no scores). */
  readonly panelScores?: readonly number[];
  /** The office found it ineligible, with this reason: no review records at all. */
  readonly ineligible?: string;
  /** The material review did not shortlist it: no on-site consensus. */
  readonly notShortlisted?: boolean;
  /** The teams agreed feedback texts (issue 12): strengths and opportunities per item, a theme per category, on-site findings. */
  readonly feedback?: boolean;
}

/** The feedback texts a seeded consensus carries when asked (`<stage> <item> 优势` …). */
export function seededFeedback(stage: 'materialReview' | 'onSite') {
  return {
    item: (itemId: string) => ({ strengths: `${stage} ${itemId} 优势`, opportunities: `${stage} ${itemId} 改进机会` }),
    themes: Object.fromEntries(GBT19580_2012.categories.map((c) => [c.id, `${stage} ${c.id} 关键主题`])),
    findings: `${stage} 现场发现：过程记录完整。`,
  };
}

/** A seeded round and the ids of its applications, in the order given. */
export interface SeededOutcomeRound {
  readonly roundId: string;
  readonly version: number;
  readonly applicationIds: readonly string[];
  /** The panel members' ids (they are no people of the identity table: the evaluation reads only their scores). */
  readonly panel: readonly string[];
}

const stores = async () => {
  const rt = await stackRuntime();
  return {
    rt,
    awards: new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards')),
    applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
    reviews: new ReviewsRepository(rt.clients.ddb, tableName(rt.config, 'reviews')),
  };
};

/** Commits seed writes the way the functions do: in one transaction with an entry of the round's chain. */
async function seed(roundId: string, action: 'round.created' | 'application.registered' | 'consensus.recorded' | 'scorecard.submitted', id: string, state: unknown, writes: TransactItem[]) {
  const { rt } = await stores();
  await rt.audit.commit({ scope: roundScope(roundId), actor: SYSTEM_ACTOR, action, target: { type: 'seed', id }, state, requestId: 'test', now: new Date(), writes });
}

/** Each panel member's declaration (clear) and submitted score for one application, in the layout the scoring function writes. */
function panelWrites(reviews: ReviewsRepository, roundId: string, applicationId: string, panel: readonly string[], scores: readonly number[]): TransactItem[] {
  const at = new Date().toISOString();
  return panel.flatMap((reviewerId, index) => [
    reviews.declarationPut({ roundId, applicationId, reviewerId, reviewerName: reviewerId, declaredAt: at, relations: [], confidentialitySigned: true, impartialitySigned: true, conflicts: [] }),
    reviews.defenseScorePut(
      { roundId, applicationId, reviewerId, reviewerName: reviewerId, status: 'submitted', score: scores[index]!, comment: '陈述清楚。', version: 1, updatedAt: at, submittedAt: at },
      0,
    ),
  ]);
}

/**
 * A round of the `city` programme straight in the tables (audited like the
 * seed), at `stage` (default: comprehensive evaluation), with every given
 * application eligible, shortlisted, with both consensus records (items,
 * categories, totals as the scoring function stores them) and — where given —
 * the panel's submitted scores. The configuration is the default one with
 * closed submission dates and `config` on top.
 */
export async function seedOutcomeRound(options: {
  readonly applications: readonly SeededApplication[];
  readonly stage?: RoundStage;
  readonly config?: Partial<RoundConfig>;
  readonly panelSize?: number;
  /** The owners' person ids, in the order of the applications (default: made-up owners no one signs in as). */
  readonly owners?: readonly string[];
}): Promise<SeededOutcomeRound> {
  const { awards, applications, reviews } = await stores();
  const now = new Date();
  const base = defaultRoundConfig(roundDates('closed', now.getTime()));
  const panelSize = options.panelSize ?? 2;
  const config: RoundConfig = { ...base, teams: { ...base.teams, defensePanelMin: panelSize }, ...options.config };
  const roundId = `city-outcome-${now.getTime().toString(36)}-${randomInt(1e6)}`;
  const round: RoundRecord = {
    programmeId: 'city',
    roundId,
    name: { 'zh-CN': '综合评价测试轮次', en: 'Outcome test round' },
    stage: options.stage ?? 'comprehensiveEvaluation',
    stageSince: now.toISOString(),
    registrationOpens: config.dates.registrationOpens,
    submissionDeadline: config.dates.submissionDeadline,
    config,
    createdAt: now.toISOString(),
    version: 1,
  };
  const panel = Array.from({ length: panelSize }, (_, i) => `deliberator-${i + 1}`);
  const at = now.toISOString();
  await seed(roundId, 'round.created', roundId, round, [
    awards.roundPut(round),
    ...panel.map((reviewerId) => reviews.panelMemberPut({ roundId, reviewerId, reviewerName: reviewerId, addedAt: at, addedBy: 'test' })),
  ]);

  const applicationIds: string[] = [];
  for (const [index, seeded] of options.applications.entries()) {
    const body = registration(roundId, { name: seeded.name });
    const app: ApplicationRecord = {
      applicationId: ulid(),
      roundId,
      programmeId: 'city',
      ownerPersonId: options.owners?.[index] ?? `owner-${ulid()}`,
      status: 'submitted',
      organisation: { ...body.organisation, size: 'medium' },
      declarations: { ...body.declarations, majorIncidents: [], seriousPenalties: [] },
      selfCheck: { eligible: true, failures: [] },
      eligibility: seeded.ineligible
        ? { decision: 'ineligible', reason: seeded.ineligible, decidedAt: at, decidedBy: 'test' }
        : { decision: 'eligible', reason: '符合申报条件。', decidedAt: at, decidedBy: 'test' },
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      version: 1,
    };
    const { applicationId } = app;
    const consensus = (stage: 'materialReview' | 'onSite', percents: Record<string, number>) => {
      const totals = scorecardTotals(percents as Scorecard, GBT19580_2012);
      return reviews.consensusPut({
        roundId,
        applicationId,
        stage,
        items: Object.fromEntries(
          Object.entries(percents).map(([itemId, percent]) => [itemId, { percent, rationale: '组内合议一致。', ...(seeded.feedback ? seededFeedback(stage).item(itemId) : {}) }]),
        ),
        ...(seeded.feedback ? { themes: seededFeedback(stage).themes, ...(stage === 'onSite' ? { findings: seededFeedback(stage).findings } : {}) } : {}),
        categories: totals.categories,
        total: totals.total,
        flags: [],
        recordedBy: 'leader',
        recordedByName: '组长',
        recordedAt: at,
        basedOn: 5,
      });
    };
    const shortlisted = !seeded.notShortlisted;
    await seed(roundId, 'application.registered', applicationId, app, [
      ...applications.registration(app),
      ...(seeded.ineligible
        ? []
        : [
            consensus('materialReview', seeded.material),
            reviews.shortlistPut({ roundId, applicationId, shortlisted, materialScore: scorecardTotals(seeded.material as Scorecard, GBT19580_2012).total, decidedAt: at, decidedBy: 'test' }),
            ...(shortlisted ? [consensus('onSite', seeded.onSite)] : []),
            ...(shortlisted && seeded.panelScores ? panelWrites(reviews, roundId, applicationId, panel, seeded.panelScores) : []),
          ]),
    ]);
    applicationIds.push(applicationId);
  }
  return { roundId, version: round.version, applicationIds, panel };
}

/** The panel declares clear for an application and submits its scores (one per member, in order), straight in the reviews table. */
export async function seedPanelScores(round: SeededOutcomeRound, applicationId: string, scores: readonly number[]): Promise<void> {
  const { reviews } = await stores();
  await seed(round.roundId, 'scorecard.submitted', applicationId, { applicationId, scores }, panelWrites(reviews, round.roundId, applicationId, round.panel, scores));
}

/** API paths of the round's outcome (publication function). */
export const outcomePaths = {
  evaluation: (roundId: string) => `/api/publication/rounds/${roundId}/evaluation`,
  opinions: (roundId: string) => `/api/publication/rounds/${roundId}/opinions`,
  deliberation: (roundId: string) => `/api/publication/rounds/${roundId}/deliberation`,
  votes: (roundId: string) => `/api/publication/rounds/${roundId}/votes`,
};

/** The office records one department's answer on one candidate. */
export const recordOpinion = (cookie: string, roundId: string, applicationId: string, department: string, objection = false) =>
  api('POST', outcomePaths.opinions(roundId), { cookie, body: { applicationId, department, objection, text: `${department} 函复：${objection ? '有异议' : '无异议'}。` } });

/** The office records the committee's vote on one candidate. */
export const recordVote = (cookie: string, roundId: string, applicationId: string, votes: { for: number; against: number; abstain?: number }) =>
  api('POST', outcomePaths.votes(roundId), { cookie, body: { applicationId, for: votes.for, against: votes.against, abstain: votes.abstain ?? 0 } });
