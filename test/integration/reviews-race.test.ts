import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationsRepository } from '../../functions/lib/applications/repository';
import { AwardsStore } from '../../functions/lib/awards/store';
import { tableName } from '../../functions/lib/config';
import { AppError } from '../../functions/lib/http/errors';
import type { Session } from '../../functions/lib/http/router';
import type { ReviewsRepository } from '../../functions/lib/reviews/repository';
import type { ReviewDeps } from '../../functions/scoring/use-cases/context';
import { recordConsensus } from '../../functions/scoring/use-cases/team';
import { api, signInAdmin } from './helpers';
import { stackRuntime } from './applications-helpers';
import {
  assignTeam,
  consensusItems,
  createReviewRound,
  eligibleApplication,
  invitedPerson,
  moveRoundTo,
  paths,
  reviewsTable,
  scoreAndSubmit,
} from './reviews-helpers';

type Person = Awaited<ReturnType<typeof invitedPerson>>;

let roundId: string;
let applicationId: string;
let experts: Person[];

beforeAll(async () => {
  roundId = await createReviewRound({ teams: { materialReviewMin: 2, onSiteMin: 2, defensePanelMin: 1 } });
  applicationId = (await eligibleApplication(roundId, '福州并发合议测试有限公司')).applicationId;
  await moveRoundTo(roundId, 'materialReview');
  experts = [];
  for (let i = 0; i < 3; i++) experts.push(await invitedPerson('expert', { name: `并发专家${i + 1}`, organisation: `研究院${i}` }));
  await assignTeam(applicationId, experts.slice(0, 2));
  for (const expert of experts.slice(0, 2)) await scoreAndSubmit(applicationId, expert, 60);
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('a member assigned while the leader records the consensus', () => {
  it('is never left out: the consensus reads the team again and waits for the new member', async () => {
    const rt = await stackRuntime();
    const reviews = await reviewsTable();
    let landed = false;
    // Fault injection: right after the consensus has read the team, the office assigns a third expert.
    const racing = new Proxy(reviews, {
      get(target, name, receiver) {
        if (name !== 'team') return Reflect.get(target, name, receiver);
        return async (...args: Parameters<ReviewsRepository['team']>) => {
          const read = await target.team(...args);
          if (!landed) {
            landed = true;
            const res = await api('POST', paths.assign(applicationId), { cookie: await signInAdmin(), body: { stage: 'materialReview', reviewerId: experts[2]!.personId } });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
          }
          return read;
        };
      },
    });
    const deps: ReviewDeps = {
      ...rt,
      awards: new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards')),
      applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
      reviews: racing,
      documents: () => Promise.reject(new Error('not used')),
    };
    const leader = experts[0]!;
    const session: Session = {
      sessionId: 'race',
      personId: leader.personId,
      role: 'expert',
      programmeId: 'city',
      email: leader.email,
      name: leader.name,
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    };

    const recorded = recordConsensus(deps, session, applicationId, 'materialReview', { items: consensusItems(60) }, new Date(), 'race-test');
    await expect(recorded).rejects.toBeInstanceOf(AppError);
    await expect(recorded).rejects.toMatchObject({ code: 'ASSIGNMENTS_INCOMPLETE', status: 422 });
    expect(landed).toBe(true);

    const team = await reviews.team(roundId, applicationId, 'materialReview');
    expect(team.consensus).toBeUndefined();
    expect(team.assignments.map((a) => [a.reviewerId, a.status])).toContainEqual([experts[2]!.personId, 'awaitingDeclaration']);
  });
});
