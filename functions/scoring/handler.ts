import { ApplicationsRepository } from '../lib/applications/repository';
import { AwardsStore } from '../lib/awards/store';
import { bucketName, tableName } from '../lib/config';
import { createRouter } from '../lib/http/router';
import { ReviewsRepository } from '../lib/reviews/repository';
import { checkHealth, lazyRuntime } from '../lib/runtime';
import { assignExpert, declare, myAssignments, recuse } from './use-cases/assignments';
import { reviewStage, type ReviewDeps } from './use-cases/context';
import { addPanelMember, declareForDefense, myDefense, readDefenseScore, removePanelMember, roundDefense, saveDefenseScore, submitDefenseScore } from './use-cases/defense';
import { downloadForReview, readMaterial } from './use-cases/material';
import { decideShortlist, roundReviews } from './use-cases/round';
import { readCard, saveCard, submitCard } from './use-cases/scorecards';
import { recordConsensus, teamReview } from './use-cases/team';

/** A promise made on first use and kept. */
const once = <T>(make: () => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => (made ??= make().catch((e: unknown) => { made = undefined; throw e; }));
};

const runtime = lazyRuntime('scoring');
let deps: Promise<ReviewDeps> | undefined;
const reviewDeps = () =>
  (deps ??= runtime().then((rt) => ({
    ...rt,
    awards: new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards')),
    applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
    reviews: new ReviewsRepository(rt.clients.ddb, tableName(rt.config, 'reviews')),
    // Loaded on the first download only: presigning and upload sniffing stay out of the cold start.
    documents: once(() => import('../lib/applications/documents').then(({ DocumentStore }) => new DocumentStore(rt.clients.s3, bucketName(rt.config, 'documents')))),
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
    'reviews.round': async (req) => ({ body: await roundReviews(await reviewDeps(), req.session, param(req.params, 'roundId')) }),
    'reviews.assign': async (req) => ({ body: await assignExpert(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId) }),
    'reviews.mine': async (req) => ({ body: await myAssignments(await reviewDeps(), req.session) }),
    'reviews.declare': async (req) => ({ body: await declare(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId) }),
    'reviews.recuse': async (req) => ({
      body: await recuse(await reviewDeps(), req.session, app(req.params), stage(req.params), param(req.params, 'reviewerId'), req.body, req.now, req.requestId),
    }),
    'reviews.material': async (req) => ({ body: await readMaterial(await reviewDeps(), req.session, app(req.params)) }),
    'reviews.download': async (req) => ({
      body: await downloadForReview(await reviewDeps(), req.session, app(req.params), param(req.params, 'documentId'), req.now),
    }),
    'reviews.card': async (req) => ({ body: await readCard(await reviewDeps(), req.session, app(req.params), stage(req.params)) }),
    'reviews.saveCard': async (req) => ({
      body: await saveCard(await reviewDeps(), req.session, app(req.params), stage(req.params), req.body, req.now, req.requestId),
    }),
    'reviews.submitCard': async (req) => ({
      body: await submitCard(await reviewDeps(), req.session, app(req.params), stage(req.params), req.body, req.now, req.requestId),
    }),
    'reviews.team': async (req) => ({ body: await teamReview(await reviewDeps(), req.session, app(req.params), stage(req.params)) }),
    'reviews.consensus': async (req) => ({
      body: await recordConsensus(await reviewDeps(), req.session, app(req.params), stage(req.params), req.body, req.now, req.requestId),
    }),
    'reviews.shortlist': async (req) => ({ body: await decideShortlist(await reviewDeps(), req.session, param(req.params, 'roundId'), req.now, req.requestId) }),
    'defense.round': async (req) => ({ body: await roundDefense(await reviewDeps(), req.session, param(req.params, 'roundId')) }),
    'defense.addMember': async (req) => ({
      body: await addPanelMember(await reviewDeps(), req.session, param(req.params, 'roundId'), req.body, req.now, req.requestId),
    }),
    'defense.removeMember': async (req) => ({
      body: await removePanelMember(await reviewDeps(), req.session, param(req.params, 'roundId'), param(req.params, 'reviewerId'), req.body, req.now, req.requestId),
    }),
    'defense.mine': async (req) => ({ body: await myDefense(await reviewDeps(), req.session) }),
    'defense.declare': async (req) => ({
      body: await declareForDefense(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId),
    }),
    'defense.score': async (req) => ({ body: await readDefenseScore(await reviewDeps(), req.session, app(req.params)) }),
    'defense.saveScore': async (req) => ({ body: await saveDefenseScore(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId) }),
    'defense.submitScore': async (req) => ({ body: await submitDefenseScore(await reviewDeps(), req.session, app(req.params), req.body, req.now, req.requestId) }),
  },
  runtime,
);
