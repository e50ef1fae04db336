import { ulid } from 'ulid';
import type { ApplicationView, Receipt, SubmitResponse } from '../../../shared/api/applications';
import { roundScope } from '../../../shared/audit/chain';
import type { ApplicationRecord } from '../../lib/applications/repository';
import { AppError } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { actorOf, applicationView, assertBeforeDeadline, completeness, ownBundle, packageReceipt, roundContext, type ApplicationDeps } from './context';
import { onFreshRead } from '../../lib/audit/fresh';
import { bilingualMail } from '../../lib/mail';
import { formatMoment } from '../../../shared/messages';

/**
 * Submits the package formally (audited): only the owner, only before the
 * deadline (server time), only when complete, and exactly once — a retry
 * (same or no idempotency key, or a second press) answers the receipt of the
 * first submission. The receipt's manifest covers every file and the texts,
 * and the transaction checks each section is still the version the receipt
 * hashed, so the receipt describes exactly what is locked.
 */
export async function submitApplication(
  deps: ApplicationDeps,
  session: Session,
  applicationId: string,
  idempotencyKey: string | undefined,
  now: Date,
  requestId: string,
): Promise<SubmitResponse> {
  // A change that lands meanwhile (an office request, the last autosave, or a concurrent retry of this very
  // submission, which then answers its receipt) means a fresh read: the receipt describes exactly what is locked.
  return onFreshRead(async () => {
    const bundle = await ownBundle(deps, session, applicationId);
    const app = bundle.application;
    if (app.status === 'submitted' && app.receipt) return { receipt: app.receipt, replayed: true };
    if (app.status === 'withdrawn') throw new AppError('APPLICATION_WITHDRAWN', 409);
    const ctx = await roundContext(deps, app.roundId);
    assertBeforeDeadline(ctx, now);
    const state = completeness(ctx, bundle, now);
    if (!state.complete) throw new AppError('PACKAGE_INCOMPLETE', 422, state);

    const receipt = packageReceipt(ctx, bundle, ulid(now.getTime()), now);
    const next: ApplicationRecord = {
      ...app,
      status: 'submitted',
      receipt,
      submittedAt: receipt.submittedAt,
      updatedAt: receipt.submittedAt,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      version: app.version + 1,
    };
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'application.submitted',
      target: { type: 'application', id: applicationId },
      context: { applicationId, stage: ctx.round.stage },
      state: receipt,
      requestId,
      now,
      writes: [
        deps.applications.applicationUpdate(next, app.version),
        ...bundle.sections.map((s) => deps.applications.sectionUnchanged(applicationId, s.section, s.version)),
      ],
    });
    await mailReceipt(deps, session, receipt, ctx.config.timeZone, now).catch((e: unknown) => deps.logger.error('receipt mail failed', { applicationId, error: e as Error }));
    return { receipt, replayed: false };
  });
}

// The receipt mail gives the submission time in the round's time zone (Beijing time), as people read it, not as stored.
async function mailReceipt(deps: ApplicationDeps, session: Session, receipt: Receipt, timeZone: string, now: Date): Promise<void> {
  const programme = (await deps.awards.getProgramme(session.programmeId))?.name ?? { 'zh-CN': session.programmeId, en: session.programmeId };
  const params = (locale: 'zh-CN' | 'en') => ({
    programme: programme[locale],
    organisation: receipt.organisationName,
    receiptId: receipt.receiptId,
    submittedAt: formatMoment(receipt.submittedAt, locale, timeZone),
    packageSha256: receipt.packageSha256,
  });
  await deps.mailer.send(bilingualMail(session.email, 'mail.submitted.subject', 'mail.submitted.body', params), now);
}

/**
 * Withdraws an application before the deadline (audited); it then leaves the
 * round for good. Withdrawing again answers the same withdrawn application.
 */
export async function withdrawApplication(
  deps: ApplicationDeps,
  session: Session,
  applicationId: string,
  now: Date,
  requestId: string,
): Promise<ApplicationView> {
  return onFreshRead(async () => {
    const bundle = await ownBundle(deps, session, applicationId);
    const app = bundle.application;
    const ctx = await roundContext(deps, app.roundId);
    if (app.status === 'withdrawn') return applicationView(ctx, bundle, now);
    assertBeforeDeadline(ctx, now);
    const next: ApplicationRecord = { ...app, status: 'withdrawn', withdrawnAt: now.toISOString(), updatedAt: now.toISOString(), version: app.version + 1 };
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'application.withdrawn',
      target: { type: 'application', id: applicationId },
      context: { applicationId, stage: ctx.round.stage },
      state: { applicationId, status: next.status, withdrawnAt: next.withdrawnAt, previousStatus: app.status },
      requestId,
      now,
      writes: [deps.applications.applicationUpdate(next, app.version)],
    });
    return applicationView(ctx, { ...bundle, application: next }, now);
  });
}
