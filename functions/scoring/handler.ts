import { bucketName, tableName } from '../lib/config';
import { createRouter } from '../lib/http/router';
import { once } from '../lib/once';
import { checkHealth, lazyRuntime } from '../lib/runtime';
import type { ReviewDeps } from './use-cases/context';
import { reviewStage } from './use-cases/review-stage';


// Each route's use cases load on its first request, in their own chunk: a cold start loads only the router and the clients.
const assignmentsUseCases = once(() => import('./use-cases/assignments'));
const defenseUseCases = once(() => import('./use-cases/defense'));
const drawsUseCases = once(() => import('./use-cases/draws'));
const materialUseCases = once(() => import('./use-cases/material'));
const reliabilityUseCases = once(() => import('./use-cases/reliability'));
const roundUseCases = once(() => import('./use-cases/round'));
const schedulesUseCases = once(() => import('./use-cases/schedules'));
const visitReportsUseCases = once(() => import('./use-cases/visit-reports'));
const scorecardsUseCases = once(() => import('./use-cases/scorecards'));
const teamUseCases = once(() => import('./use-cases/team'));

const runtime = lazyRuntime('scoring');
// The stores load on the first request, while the runtime reads the signing key's secret, not at the cold import (issue 11).
const stores = () => Promise.all([import('../lib/awards/store'), import('../lib/applications/repository'), import('../lib/reviews/repository')]);
let deps: Promise<ReviewDeps> | undefined;
const reviewDeps = () =>
  (deps ??= Promise.all([runtime(), stores()]).then(([rt, [{ AwardsStore }, { ApplicationsRepository }, { ReviewsRepository }]]) => ({
    ...rt,
    awards: new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards')),
    applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
    reviews: new ReviewsRepository(rt.clients.ddb, tableName(rt.config, 'reviews')),
    // Loaded on the first download only: presigning and upload sniffing stay out of the cold start.
    documents: once(() => import('../lib/applications/documents').then(({ DocumentStore }) => new DocumentStore(rt.clients.s3, bucketName(rt.config, 'documents'), rt.config.stage === 'aws' ? rt.publicUrl : undefined))),
  })).catch((e: unknown) => { deps = undefined; throw e; }));

const param = (params: Readonly<Record<string, string>>, name: string) => params[name] ?? '';
const app = (params: Readonly<Record<string, string>>) => param(params, 'applicationId');
const stage = (params: Readonly<Record<string, string>>) => reviewStage(param(params, 'stage'));

/** The scoring function: assignments, declarations, recusals, scorecards, consensus, the site-visit shortlist and the defense. */
export const handler = createRouter(
  'scoring',
  {
    'scoring.health': async () => {
      const health = await checkHealth(await runtime());
      return { body: health, status: health.ok ? 200 : 503 };
    },
    'reviews.round': async (req) => ({ body: await (await roundUseCases()).roundReviews(await reviewDeps(), req.session, param(req.params, 'roundId')) }),
    'reviews.reliability': async (req) => ({ body: await (await reliabilityUseCases()).roundReliability(await reviewDeps(), req.session, param(req.params, 'roundId')) }),
    'draws.run': async (req) => ({ body: await (await drawsUseCases()).drawTeams(await reviewDeps(), req.session, param(req.params, 'roundId'), req.body, req.now, req.requestId) }),
    'draws.list': async (req) => ({ body: await (await drawsUseCases()).roundDraws(await reviewDeps(), req.session, param(req.params, 'roundId')) }),
    'draws.one': async (req) => ({ body: await (await drawsUseCases()).drawTeam(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId) }),
    'draws.replace': async (req) => ({
      body: await (await drawsUseCases()).replaceDrawn(await reviewDeps(), req.session, app(req.params), stage(req.params), req.body, req.now, req.requestId),
    }),
    'draws.leader': async (req) => ({
      body: await (await drawsUseCases()).nameDrawnLeader(await reviewDeps(), req.session, app(req.params), stage(req.params), req.body, req.now, req.requestId),
    }),
    'reviews.assign': async (req) => ({ body: await (await assignmentsUseCases()).assignExpert(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId) }),
    'reviews.mine': async (req) => ({ body: await (await assignmentsUseCases()).myAssignments(await reviewDeps(), req.session) }),
    'reviews.declare': async (req) => ({ body: await (await assignmentsUseCases()).declare(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId) }),
    'reviews.recuse': async (req) => ({
      body: await (await assignmentsUseCases()).recuse(await reviewDeps(), req.session, app(req.params), stage(req.params), param(req.params, 'reviewerId'), req.body, req.now, req.requestId),
    }),
    'reviews.material': async (req) => ({ body: await (await materialUseCases()).readMaterial(await reviewDeps(), req.session, app(req.params)) }),
    'reviews.download': async (req) => ({
      body: await (await materialUseCases()).downloadForReview(await reviewDeps(), req.session, app(req.params), param(req.params, 'documentId'), req.now),
    }),
    'reviews.card': async (req) => ({ body: await (await scorecardsUseCases()).readCard(await reviewDeps(), req.session, app(req.params), stage(req.params)) }),
    'reviews.saveCard': async (req) => ({
      body: await (await scorecardsUseCases()).saveCard(await reviewDeps(), req.session, app(req.params), stage(req.params), req.body, req.now, req.requestId),
    }),
    'reviews.submitCard': async (req) => ({
      body: await (await scorecardsUseCases()).submitCard(await reviewDeps(), req.session, app(req.params), stage(req.params), req.body, req.now, req.requestId),
    }),
    'reviews.team': async (req) => ({ body: await (await teamUseCases()).teamReview(await reviewDeps(), req.session, app(req.params), stage(req.params), req.now, req.requestId) }),
    'reviews.teamCard': async (req) => ({
      body: await (await teamUseCases()).readTeamCard(await reviewDeps(), req.session, app(req.params), stage(req.params), param(req.params, 'reviewerId'), req.now, req.requestId),
    }),
    'reviews.consensus': async (req) => ({
      body: await (await teamUseCases()).recordConsensus(await reviewDeps(), req.session, app(req.params), stage(req.params), req.body, req.now, req.requestId),
    }),
    'reviews.shortlist': async (req) => ({ body: await (await roundUseCases()).decideShortlist(await reviewDeps(), req.session, param(req.params, 'roundId'), req.now, req.requestId) }),
    'defense.round': async (req) => ({ body: await (await defenseUseCases()).roundDefense(await reviewDeps(), req.session, param(req.params, 'roundId')) }),
    'defense.addMember': async (req) => ({
      body: await (await defenseUseCases()).addPanelMember(await reviewDeps(), req.session, param(req.params, 'roundId'), req.body, req.now, req.requestId),
    }),
    'defense.removeMember': async (req) => ({
      body: await (await defenseUseCases()).removePanelMember(await reviewDeps(), req.session, param(req.params, 'roundId'), param(req.params, 'reviewerId'), req.body, req.now, req.requestId),
    }),
    'defense.mine': async (req) => ({ body: await (await defenseUseCases()).myDefense(await reviewDeps(), req.session) }),
    'defense.declare': async (req) => ({
      body: await (await defenseUseCases()).declareForDefense(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId),
    }),
    'defense.score': async (req) => ({ body: await (await defenseUseCases()).readDefenseScore(await reviewDeps(), req.session, app(req.params)) }),
    'defense.saveScore': async (req) => ({ body: await (await defenseUseCases()).saveDefenseScore(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId) }),
    'defense.submitScore': async (req) => ({ body: await (await defenseUseCases()).submitDefenseScore(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId) }),
    'schedules.round': async (req) => ({ body: await (await schedulesUseCases()).roundSchedule(await reviewDeps(), req.session, param(req.params, 'roundId')) }),
    'schedules.setVisit': async (req) => ({ body: await (await schedulesUseCases()).scheduleVisit(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId) }),
    'schedules.cancelVisit': async (req) => ({ body: await (await schedulesUseCases()).cancelVisit(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId) }),
    'schedules.setDefense': async (req) => ({
      body: await (await schedulesUseCases()).scheduleDefense(await reviewDeps(), req.session, param(req.params, 'roundId'), req.body, req.now, req.requestId),
    }),
    'schedules.visitReport': async (req) => ({ body: await (await visitReportsUseCases()).recordVisitReport(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId) }),
    'schedules.mine': async (req) => ({ body: await (await schedulesUseCases()).mySchedule(await reviewDeps(), req.session, req.now) }),
  },
  runtime,
);
