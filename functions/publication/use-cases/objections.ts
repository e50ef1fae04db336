import { ulid } from 'ulid';
import type * as v from 'valibot';
import type { FileObjectionBody, ObjectionsResponse, ObjectionView, ResolveObjectionBody } from '../../../shared/api/outcome';
import type { ReviewedOrganisation } from '../../../shared/api/reviews';
import { roundScope } from '../../../shared/audit/chain';
import { isNoticeOpen, type RoundStage, type RoundState } from '../../../shared/stages';
import { onFreshRead } from '../../lib/audit/fresh';
import type { AuditLog } from '../../lib/audit/log';
import type { AwardsStore, RoundRecord } from '../../lib/awards/store';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { notAwardedIds, proposedWinners } from '../../lib/outcome/progress';
import type { ObjectionRecord, OutcomeStore, RoundOutcome } from '../../lib/outcome/store';
import { programmeRound } from './publish';

/** What the public notice's objections need: the round and its outcome (read), the audit log (the only writer). */
export interface ObjectionDeps {
  readonly audit: AuditLog;
  readonly awards: AwardsStore;
  readonly outcome: OutcomeStore;
}

const actorOf = (session: Session) => ({ personId: session.personId, role: session.role });

/** Where the round stands, as the domain's guards read it. */
const roundState = (round: RoundRecord): RoundState => ({
  roundId: round.roundId,
  stage: round.stage as RoundStage,
  ...(round.stageSince ? { stageSince: round.stageSince } : {}),
  ...(round.noticeOpenedAt ? { noticeOpenedAt: round.noticeOpenedAt } : {}),
  ...(round.noticeEndsAt ? { noticeEndsAt: round.noticeEndsAt } : {}),
});

/** The organisation of an application the evaluation recorded (objections are only ever filed against proposed winners). */
function organisationIn(outcome: RoundOutcome, applicationId: string): ReviewedOrganisation {
  const standing = outcome.evaluation?.standings.find((s) => s.applicationId === applicationId);
  return standing?.organisation ?? { name: applicationId, district: '', industry: '' };
}

/** What the office and supervisors see of an objection. */
const objectionView = (roundId: string, record: ObjectionRecord, organisation: ReviewedOrganisation): ObjectionView => ({ roundId, ...record, organisation });

/** The notice period, the proposed winners (with whether an upheld objection took them out) and every objection, oldest first. */
export async function listObjections(deps: ObjectionDeps, session: Session, roundId: string): Promise<ObjectionsResponse> {
  const round = await programmeRound(deps, session, roundId);
  const outcome = await deps.outcome.ofRound(roundId);
  const out = notAwardedIds(outcome);
  return {
    roundId,
    roundStage: round.stage as RoundStage,
    roundVersion: round.version,
    ...(round.noticeOpenedAt && round.noticeEndsAt ? { notice: { openedAt: round.noticeOpenedAt, endsAt: round.noticeEndsAt } } : {}),
    proposed: proposedWinners(outcome).map((s) => ({
      applicationId: s.applicationId,
      organisation: s.organisation,
      rank: s.rank,
      final: s.final,
      notAwarded: out.has(s.applicationId),
    })),
    objections: outcome.objections.map((o) => objectionView(roundId, o, organisationIn(outcome, o.applicationId))),
  };
}

// DOMAIN.md stage 10: written, real-name objections with evidence (the body requires all three), against a proposed
// winner, received only while the notice is open. The write also checks the round did not move meanwhile, so an
// objection cannot land after the announcement's guard counted the open ones.
/** The office records an objection received during the public notice (audited `objection.filed`). */
export async function fileObjection(
  deps: ObjectionDeps,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof FileObjectionBody>,
  now: Date,
  requestId: string,
): Promise<ObjectionView> {
  const objectionId = ulid(now.getTime());
  return onFreshRead(async () => {
    const round = await programmeRound(deps, session, roundId);
    if (round.stage !== 'publicNotice') throw new AppError('STAGE_CLOSED', 422, { stage: round.stage });
    if (!isNoticeOpen(roundState(round), now.toISOString())) throw new AppError('NOTICE_PERIOD_OVER', 422, { endsAt: round.noticeEndsAt });
    const outcome = await deps.outcome.ofRound(roundId);
    const standing = proposedWinners(outcome).find((s) => s.applicationId === input.applicationId);
    if (!standing) throw new AppError('NOT_PROPOSED', 422, { applicationId: input.applicationId });
    const record: ObjectionRecord = {
      at: now.toISOString(),
      by: session.personId,
      byName: session.name,
      objectionId,
      applicationId: input.applicationId,
      objectorName: input.objectorName,
      objectorContact: input.objectorContact,
      statement: input.statement,
      evidence: input.evidence,
    };
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: 'objection.filed',
      target: { type: 'objection', id: objectionId },
      context: { applicationId: input.applicationId, stage: round.stage },
      state: record,
      requestId,
      now,
      writes: [deps.outcome.objectionPut(roundId, record), deps.awards.roundUnchanged(round)],
    });
    return objectionView(roundId, record, standing.organisation);
  });
}

// DOMAIN.md stage 10: each objection is resolved once, with a reason, during the public notice — also after its period
// ended, since the office resolves them before announcing. Upheld: the application is not awarded (`winnersOf`).
/** The office resolves an objection (audited `objection.resolved`); unknown: 404; resolved already: 409 OBJECTION_RESOLVED. */
export async function resolveObjection(
  deps: ObjectionDeps,
  session: Session,
  roundId: string,
  objectionId: string,
  input: v.InferOutput<typeof ResolveObjectionBody>,
  now: Date,
  requestId: string,
): Promise<ObjectionView> {
  return onFreshRead(async () => {
    const round = await programmeRound(deps, session, roundId);
    const objection = objectionId ? await deps.outcome.getObjection(roundId, objectionId) : undefined;
    if (!objection) throw notFound();
    if (objection.resolution) throw new AppError('OBJECTION_RESOLVED', 409, { objectionId });
    if (round.stage !== 'publicNotice') throw new AppError('STAGE_CLOSED', 422, { stage: round.stage });
    const resolution = { at: now.toISOString(), by: session.personId, byName: session.name, upheld: input.upheld, reason: input.reason };
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: 'objection.resolved',
      target: { type: 'objection', id: objectionId },
      context: { applicationId: objection.applicationId, stage: round.stage },
      state: { objectionId, applicationId: objection.applicationId, resolution },
      requestId,
      now,
      writes: [deps.outcome.objectionResolve(roundId, objection, resolution), deps.awards.roundUnchanged(round)],
    });
    const outcome = await deps.outcome.ofRound(roundId);
    return objectionView(roundId, { ...objection, resolution }, organisationIn(outcome, objection.applicationId));
  });
}
