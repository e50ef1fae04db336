import type * as v from 'valibot';
import type { OpinionsResponse, OpinionView, RecordOpinionBody } from '../../../shared/api/outcome';
import { roundScope } from '../../../shared/audit/chain';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { candidatesOf, opinionOutcome } from '../../lib/outcome/progress';
import type { OpinionRecord } from '../../lib/outcome/store';
import { actorOf, assertStage, outcomeRound, recordedBy, type OutcomeDeps } from './evaluation';

/** The view of a recorded opinion. */
const opinionView = (o: OpinionRecord): OpinionView => ({
  applicationId: o.applicationId,
  department: o.department,
  objection: o.objection,
  text: o.text,
  at: o.at,
  by: o.by,
  byName: o.byName,
});

/**
 * Every candidate of the recorded evaluation (best first; none before it is
 * recorded) with each configured department's answer, in configured order,
 * and where the candidate stands (pending, cleared, objected).
 */
export async function readOpinions(deps: OutcomeDeps, session: Session, roundId: string): Promise<OpinionsResponse> {
  const round = await outcomeRound(deps, session, roundId);
  const outcome = await deps.outcome.ofRound(roundId);
  const departments = round.config.opinionDepartments;
  const order = (department: string) => departments.indexOf(department);
  return {
    roundId,
    roundStage: round.stage,
    roundVersion: round.round.version,
    departments: [...departments],
    candidates: candidatesOf(outcome).map((c) => ({
      applicationId: c.applicationId,
      organisation: c.organisation,
      rank: c.rank,
      final: c.final,
      opinions: outcome.opinions
        .filter((o) => o.applicationId === c.applicationId && departments.includes(o.department))
        .sort((a, b) => order(a.department) - order(b.department))
        .map(opinionView),
      outcome: opinionOutcome(c.applicationId, departments, outcome.opinions),
    })),
  };
}

/**
 * The office records one configured department's answer on one candidate
 * (DOMAIN.md stage 8), as received in its letter, once, while opinions are
 * solicited; an objection takes the candidate out of the round.
 */
export async function recordOpinion(
  deps: OutcomeDeps,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof RecordOpinionBody>,
  now: Date,
  requestId: string,
): Promise<OpinionView> {
  const round = await outcomeRound(deps, session, roundId);
  assertStage(round, 'opinions');
  const { applicationId, department } = input;
  if (!round.config.opinionDepartments.includes(department)) throw new AppError('UNKNOWN_DEPARTMENT', 422, { department }, { department });
  const outcome = await deps.outcome.ofRound(roundId);
  if (!candidatesOf(outcome).some((c) => c.applicationId === applicationId)) throw new AppError('NOT_CANDIDATE', 422, { applicationId });
  const recorded = () => new AppError('OPINION_RECORDED', 409, { applicationId, department });
  if (outcome.opinions.some((o) => o.applicationId === applicationId && o.department === department)) throw recorded();
  const record: OpinionRecord = { applicationId, department, objection: input.objection, text: input.text, ...recordedBy(session, now) };
  try {
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: 'opinion.recorded',
      target: { type: 'application', id: applicationId },
      context: { applicationId, stage: round.stage },
      state: record,
      requestId,
      now,
      writes: [deps.outcome.opinionPut(roundId, record)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw recorded();
    throw error;
  }
  return opinionView(record);
}
