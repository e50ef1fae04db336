import type { ApplicationFormResponse, ApplicationView } from '../../../shared/api/applications';
import type { Session } from '../../lib/http/router';
import { applicationView, registrationOpen, roundContext, visibleBundle, type ApplicationDeps } from './context';

/** One application, for its owner or the office of its programme; 404 for anyone else. */
export async function readApplication(deps: ApplicationDeps, session: Session, applicationId: string, now: Date): Promise<ApplicationView> {
  const bundle = await visibleBundle(deps, session, applicationId);
  return applicationView(await roundContext(deps, bundle.application.roundId), bundle, now);
}

/** The caller's own applications (the applicant's dashboard: stage, status, decisions with reasons, receipt). */
export async function myApplications(deps: ApplicationDeps, session: Session, now: Date): Promise<ApplicationView[]> {
  const ids = await deps.applications.idsOfOwner(session.personId);
  const views = await Promise.all(ids.map((id) => readApplication(deps, session, id, now)));
  return views.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** What an applicant fills in for a round: dates, checklist, sections, limits and accepted file types. */
export async function applicationForm(deps: ApplicationDeps, roundId: string, now: Date): Promise<ApplicationFormResponse> {
  const ctx = await roundContext(deps, roundId);
  const { dates, uploads, eligibility } = ctx.config;
  return {
    roundId,
    programmeId: ctx.round.programmeId,
    name: ctx.round.name,
    registrationOpen: registrationOpen(ctx.round, ctx.config, now),
    registrationOpens: dates.registrationOpens,
    registrationCloses: dates.registrationCloses,
    submissionDeadline: dates.submissionDeadline,
    rules: ctx.rules,
    sections: ctx.sections,
    allowedTypes: uploads.allowedTypes,
    maxFileBytes: uploads.maxFileBytes,
    checklist: eligibility.map(({ id, kind, ...numbers }) => ({
      id,
      kind,
      ...('years' in numbers ? { years: numbers.years } : {}),
      ...('minYears' in numbers ? { minYears: numbers.minYears } : {}),
      ...('rounds' in numbers ? { rounds: numbers.rounds } : {}),
    })),
  };
}
