import type * as v from 'valibot';
import type { LetterRecordedResponse, OpinionsResponse, OpinionView, RecordLetterBody, RecordOpinionBody } from '../../../shared/api/outcome';
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

/**
 * The office records one department's letter answering several candidates at once (issue #13.5: a letter answers
 * many): every answer is checked first — the department configured, each a candidate, none already answered by that
 * department — then all of them are recorded in one audited change (`opinion.letterRecorded`, one record per
 * candidate), or nothing is.
 */
export async function recordLetter(
  deps: OutcomeDeps,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof RecordLetterBody>,
  now: Date,
  requestId: string,
): Promise<LetterRecordedResponse> {
  const round = await outcomeRound(deps, session, roundId);
  assertStage(round, 'opinions');
  const { department } = input;
  if (!round.config.opinionDepartments.includes(department)) throw new AppError('UNKNOWN_DEPARTMENT', 422, { department }, { department });
  const outcome = await deps.outcome.ofRound(roundId);
  const candidates = new Set(candidatesOf(outcome).map((c) => c.applicationId));
  const strangers = input.answers.filter((a) => !candidates.has(a.applicationId)).map((a) => a.applicationId);
  if (strangers.length > 0) throw new AppError('NOT_CANDIDATE', 422, { applicationId: strangers[0], applicationIds: strangers });
  const recorded = (ids: readonly string[]) => new AppError('OPINION_RECORDED', 409, { applicationId: ids[0], applicationIds: ids, department });
  const answered = input.answers.filter((a) => outcome.opinions.some((o) => o.applicationId === a.applicationId && o.department === department));
  if (answered.length > 0) throw recorded(answered.map((a) => a.applicationId));
  const records: OpinionRecord[] = input.answers.map((a) => ({ applicationId: a.applicationId, department, objection: a.objection, text: input.text, ...recordedBy(session, now) }));
  try {
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: 'opinion.letterRecorded',
      target: { type: 'round', id: roundId },
      context: { stage: round.stage },
      state: { department, text: input.text, answers: records.map((r) => ({ applicationId: r.applicationId, objection: r.objection })) },
      requestId,
      now,
      writes: records.map((r) => deps.outcome.opinionPut(roundId, r)),
    });
  } catch (error) {
    // Another request recorded one of them meanwhile: which one, read again.
    if (error instanceof WriteConditionError) {
      const again = await deps.outcome.ofRound(roundId);
      throw recorded(input.answers.filter((a) => again.opinions.some((o) => o.applicationId === a.applicationId && o.department === department)).map((a) => a.applicationId));
    }
    throw error;
  }
  return { department, opinions: records.map(opinionView) };
}
