import { ulid } from 'ulid';
import type * as v from 'valibot';
import { REVIEW_STAGES } from '../../../shared/api/review-stages';
import { remarkTextProblem, REMARK_TEXT_MAX_CHARS, type AnswerRemarkBody, type RecordRemarkBody, type RemarksResponse, type RemarkTarget, type RemarkView } from '../../../shared/api/remarks';
import { roundScope } from '../../../shared/audit/chain';
import { ROUND_STAGES, type RoundStage } from '../../../shared/stages';
import { onFreshRead } from '../../lib/audit/fresh';
import type { AuditLog } from '../../lib/audit/log';
import type { AwardsStore, RoundRecord } from '../../lib/awards/store';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { OutcomeStore, RemarkRecord } from '../../lib/outcome/store';
import type { ReviewProgressReader } from '../../lib/reviews/progress';
import { programmeRound } from './publish';

/** What supervisors' remarks need: the round, its reviews and outcome (read), the audit log (the only writer). */
export interface RemarkDeps {
  readonly audit: AuditLog;
  readonly awards: AwardsStore;
  readonly outcome: OutcomeStore;
  readonly reviews: ReviewProgressReader;
}

const actorOf = (session: Session) => ({ personId: session.personId, role: session.role });

const remarkView = (roundId: string, record: RemarkRecord): RemarkView => ({ roundId, ...record });

/** The text as stored: trimmed, or the refusal of the rule it breaks (nothing is written). */
function checkedText(text: string): string {
  const problem = remarkTextProblem(text);
  if (problem) throw new AppError(problem, 400, { problem }, problem === 'REMARK_TEXT_TOO_LONG' ? { max: REMARK_TEXT_MAX_CHARS } : undefined);
  return text.trim();
}

const unknownTarget = (target: RemarkTarget) => new AppError('REMARK_TARGET_UNKNOWN', 422, { target });

// Issue 15: a remark names a step the round really has — a card only once it is submitted (before, its scores are the
// author's alone), a consensus or assignment that was recorded, a stage the round has reached, a publication made.
/** Refuses a target the round does not have (422 REMARK_TARGET_UNKNOWN, a card not submitted yet REMARK_CARD_NOT_SUBMITTED). */
async function checkTarget(deps: RemarkDeps, round: RoundRecord, target: RemarkTarget): Promise<void> {
  const { roundId } = round;
  const parts = target.id.split('/');
  const isStage = (s: string | undefined) => (REVIEW_STAGES as readonly (string | undefined)[]).includes(s);
  switch (target.kind) {
    case 'round':
      if (target.id !== roundId) throw unknownTarget(target);
      return;
    case 'stageMove': {
      const reached = ROUND_STAGES.indexOf(round.stage as RoundStage);
      const moved = ROUND_STAGES.indexOf(target.id as RoundStage);
      if (moved < 1 || moved > reached) throw unknownTarget(target);
      return;
    }
    case 'publication': {
      const { publications } = await deps.outcome.ofRound(roundId);
      if (!publications.some((p) => `${p.kind}/${p.at}` === target.id)) throw unknownTarget(target);
      return;
    }
    case 'consensus': {
      const [applicationId, stage] = parts;
      if (parts.length !== 2 || !isStage(stage)) throw unknownTarget(target);
      const { consensus } = await deps.reviews.ofRound(roundId);
      if (!consensus.some((c) => c.applicationId === applicationId && c.stage === stage)) throw unknownTarget(target);
      return;
    }
    case 'assignment':
    case 'card': {
      const [applicationId, stage, reviewerId] = parts;
      if (parts.length !== 3 || !isStage(stage)) throw unknownTarget(target);
      const { assignments } = await deps.reviews.ofRound(roundId);
      const assignment = assignments.find((a) => a.applicationId === applicationId && a.stage === stage && a.reviewerId === reviewerId);
      if (!assignment) throw unknownTarget(target);
      if (target.kind === 'card' && assignment.status !== 'submitted') throw new AppError('REMARK_CARD_NOT_SUBMITTED', 422, { target });
      return;
    }
  }
}

/** The round's remarks with their answers, oldest first, and how many are open (the office and the programme's supervisors). */
export async function listRemarks(deps: RemarkDeps, session: Session, roundId: string): Promise<RemarksResponse> {
  const round = await programmeRound(deps, session, roundId);
  const { remarks } = await deps.outcome.ofRound(roundId);
  return {
    roundId,
    roundStage: round.stage as RoundStage,
    remarks: remarks.map((r) => remarkView(roundId, r)),
    open: remarks.filter((r) => r.answer === undefined).length,
  };
}

// Issue 15: the supervisor's only write. It names its target and is audited on the round's chain like any change;
// the round must not have changed under it (a stage move that counted the open remarks sees this one, or it retries).
/** A supervisor records a remark on a step of the round (audited `remark.recorded`). */
export async function recordRemark(
  deps: RemarkDeps,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof RecordRemarkBody>,
  now: Date,
  requestId: string,
): Promise<RemarkView> {
  const text = checkedText(input.text);
  const remarkId = ulid(now.getTime());
  return onFreshRead(async () => {
    const round = await programmeRound(deps, session, roundId);
    await checkTarget(deps, round, input.target);
    const record: RemarkRecord = { at: now.toISOString(), by: session.personId, byName: session.name, remarkId, target: { kind: input.target.kind, id: input.target.id }, text };
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: 'remark.recorded',
      target: { type: 'remark', id: remarkId },
      context: { stage: round.stage, ...(applicationOf(input.target) ? { applicationId: applicationOf(input.target) } : {}) },
      state: record,
      requestId,
      now,
      writes: [deps.outcome.remarkPut(roundId, record), deps.outcome.remarkOpened(roundId), deps.awards.roundUnchanged(round)],
    });
    return remarkView(roundId, record);
  });
}

/** The application a card, assignment or consensus target belongs to (the timeline filters by it). */
function applicationOf(target: RemarkTarget): string | undefined {
  return target.kind === 'card' || target.kind === 'assignment' || target.kind === 'consensus' ? target.id.split('/')[0] : undefined;
}

// Issue 15: the office answers each remark once; the answer is final (a second answer: 409 REMARK_ANSWERED).
/** The office answers a remark (audited `remark.answered`); unknown: 404. */
export async function answerRemark(
  deps: RemarkDeps,
  session: Session,
  roundId: string,
  remarkId: string,
  input: v.InferOutput<typeof AnswerRemarkBody>,
  now: Date,
  requestId: string,
): Promise<RemarkView> {
  return onFreshRead(async () => {
    const round = await programmeRound(deps, session, roundId);
    const remark = remarkId ? await deps.outcome.getRemark(roundId, remarkId) : undefined;
    if (!remark) throw notFound();
    if (remark.answer) throw new AppError('REMARK_ANSWERED', 409, { remarkId });
    const answer = { at: now.toISOString(), by: session.personId, byName: session.name, text: checkedText(input.text) };
    const answered: RemarkRecord = { ...remark, answer };
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: 'remark.answered',
      target: { type: 'remark', id: remarkId },
      context: { stage: round.stage, ...(applicationOf(remark.target) ? { applicationId: applicationOf(remark.target) } : {}) },
      state: answered,
      requestId,
      now,
      writes: [deps.outcome.remarkAnswer(roundId, remark, answer), deps.outcome.remarkClosed(roundId)],
    });
    return remarkView(roundId, answered);
  });
}
