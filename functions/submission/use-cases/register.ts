import { ulid } from 'ulid';
import type * as v from 'valibot';
import type { ApplicationView, RegisterApplicationBody, SelfCheck } from '../../../shared/api/applications';
import { roundScope } from '../../../shared/audit/chain';
import { evaluateEligibility, validateCreditCode } from '../../../shared/eligibility';
import type { ApplicationRecord } from '../../lib/applications/repository';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { recommendationsFor, roundsSinceRecordedWin } from '../../lib/awards/wins';
import { actorOf, applicationView, registrationOpen, roundContext, type ApplicationDeps } from './context';

/**
 * Registers the caller's organisation for an open round of their programme
 * (audited): a valid unified social credit code (GB 32100-2015), at most once
 * per code and once per applicant in a round. The declarations are checked
 * against the round's checklist as a self-check; the office decides. A
 * retry of a registration that went through (same applicant, same code)
 * answers the registered application instead of an error.
 */
export async function registerApplication(
  deps: ApplicationDeps,
  session: Session,
  input: v.InferOutput<typeof RegisterApplicationBody>,
  now: Date,
  requestId: string,
): Promise<{ application: ApplicationView; created: boolean }> {
  const ctx = await roundContext(deps, input.roundId, session.programmeId);
  if (!registrationOpen(ctx.round, ctx.config, now)) {
    throw new AppError('REGISTRATION_CLOSED', 422, { opens: ctx.config.dates.registrationOpens, closes: ctx.config.dates.registrationCloses });
  }
  const code = validateCreditCode(input.organisation.creditCode);
  if (!code.ok) {
    throw new AppError('CREDIT_CODE_INVALID', 400, { reason: code.error.reason, ...code.error.details }, { reason: code.error.reason });
  }
  const organisation = { ...input.organisation, creditCode: code.value };
  // Issue #14: the cooldown is checked against the system's own winners of this programme (by credit code), not only the
  // applicant's answer; and wins of awards that recommend their winners here are shown to the office.
  const wins = { ddb: deps.clients.ddb, awards: deps.awards, applications: deps.applications };
  const [won, recommendations] = await Promise.all([
    roundsSinceRecordedWin(wins, ctx.round.programmeId, ctx.round.roundId, code.value),
    recommendationsFor(wins, ctx.round.programmeId, code.value),
  ]);
  const declaredSince = input.declarations.roundsSinceLastWin;
  const since = won === undefined ? declaredSince : declaredSince === undefined ? won.since : Math.min(declaredSince, won.since);
  const result = evaluateEligibility(
    ctx.config.eligibility,
    { ...input.declarations, selfAssessmentSubmitted: true },
    {
      organisationName: organisation.name,
      creditCode: organisation.creditCode,
      legalPerson: input.declarations.legalPerson,
      establishedOn: input.declarations.establishedOn,
      ...(since !== undefined ? { roundsSinceLastWin: since } : {}),
    },
    now.toISOString(),
  );
  const selfCheck: SelfCheck = {
    eligible: result.eligible,
    failures: result.failures.map((f) => ({ ruleId: f.ruleId, code: f.reason?.code ?? 'UNKNOWN', params: f.reason?.params ?? {} })),
  };
  const app: ApplicationRecord = {
    applicationId: ulid(now.getTime()),
    roundId: ctx.round.roundId,
    programmeId: ctx.round.programmeId,
    ownerPersonId: session.personId,
    status: 'registered',
    organisation,
    declarations: input.declarations,
    selfCheck,
    ...(won ? { recordedWin: { roundId: won.round.roundId, roundName: won.round.name, roundsSince: won.since } } : {}),
    ...(recommendations.length ? { recommendations } : {}),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  try {
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'application.registered',
      target: { type: 'application', id: app.applicationId },
      context: { applicationId: app.applicationId, stage: ctx.round.stage },
      state: app,
      requestId,
      now,
      writes: deps.applications.registration(app),
    });
  } catch (error) {
    if (error instanceof WriteConditionError) {
      if (error.index === 1) {
        const holder = await deps.applications.idOfCreditCode(app.roundId, code.value);
        const existing = holder ? await deps.applications.bundle(holder) : undefined;
        if (existing?.application.ownerPersonId === session.personId) return { application: applicationView(ctx, existing, now), created: false };
        throw new AppError('CREDIT_CODE_TAKEN', 409, { creditCode: code.value });
      }
      if (error.index === 2) throw new AppError('ALREADY_REGISTERED', 409);
      throw new AppError('CONFLICT', 409);
    }
    throw error;
  }
  return { application: applicationView(ctx, { application: app, sections: [], documents: [] }, now), created: true };
}
