import type * as v from 'valibot';
import type { VisitReportBody, VisitReportView } from '../../../shared/api/schedules';
import { roundScope } from '../../../shared/audit/chain';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { VisitReportsStore, type VisitReportRecord } from '../../lib/reviews/visit-reports';
import { actorOf, assertRoundStage, reviewRound, type ReviewDeps } from './context';
import { STEPPED_ASIDE } from '../../../shared/api/review-stages';


/** The visit reports of the reviews table. */
export const visitReports = (deps: ReviewDeps) => new VisitReportsStore(deps.clients.ddb, deps.reviews.table);

/** A report as the office, supervisors and the site team read it. */
export const visitReportView = (r: VisitReportRecord): VisitReportView => ({
  applicationId: r.applicationId,
  text: r.text,
  authorName: r.authorName,
  recordedAt: r.recordedAt,
  updatedAt: r.updatedAt,
  version: r.version,
});

/**
 * The site team leader records the short visit report (DOMAIN.md stage 5: "verified consensus item scores, site
 * report"), beside the team's on-site cards: only the leader of the application's on-site team as it stands, only
 * for a visit scheduled (not cancelled), during on-site evaluation; each version is one chain entry
 * (`visit.reported`), based on the version read (a change meanwhile is 409 CONFLICT, nothing overwritten). The
 * office and supervisors read it on the round's schedule; the applicant never does.
 */
export async function recordVisitReport(deps: ReviewDeps, session: Session, applicationId: string, body: v.InferOutput<typeof VisitReportBody>, now: Date, requestId: string): Promise<VisitReportView> {
  const app = await deps.applications.get(applicationId);
  if (!app || app.programmeId !== session.programmeId) throw notFound();
  const mine = await deps.reviews.assignment(app.roundId, applicationId, 'onSite', session.personId);
  // Not on the site team: as if the application did not exist (nobody learns of visits they are not on).
  if (!mine || STEPPED_ASIDE.has(mine.status)) throw notFound();
  if (!mine.leader) throw new AppError('VISIT_REPORT_NOT_LEADER', 403);
  const ctx = await reviewRound(deps, app.roundId, session.programmeId);
  assertRoundStage(ctx, 'onSite');
  const visit = await deps.reviews.visit(app.roundId, applicationId);
  if (!visit) throw new AppError('VISIT_NOT_SCHEDULED', 422);
  if (visit.status === 'cancelled') throw new AppError('VISIT_CANCELLED', 409);
  const store = visitReports(deps);
  const current = await store.get(app.roundId, applicationId);
  if ((current?.version ?? 0) !== body.version) throw new AppError('CONFLICT', 409, { version: current?.version ?? 0 });
  const at = now.toISOString();
  const record: VisitReportRecord = {
    roundId: app.roundId,
    applicationId,
    text: body.text,
    authorId: session.personId,
    authorName: mine.reviewerName,
    recordedAt: current?.recordedAt ?? at,
    updatedAt: at,
    version: body.version + 1,
  };
  try {
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'visit.reported',
      target: { type: 'visitReport', id: applicationId },
      context: { applicationId, stage: ctx.stage },
      state: record,
      requestId,
      now,
      writes: [store.put(record, body.version), deps.reviews.assignmentUnchanged(mine)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('CONFLICT', 409);
    throw error;
  }
  return visitReportView(record);
}
