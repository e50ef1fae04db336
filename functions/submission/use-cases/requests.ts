import { ulid } from 'ulid';
import type * as v from 'valibot';
import {
  OFFICE_ANSWER_MAX_CHARS,
  OFFICE_REQUEST_MAX_CHARS,
  type AnswerOfficeRequestBody,
  type CreateOfficeRequestBody,
  type OfficeRequestsResponse,
  type OfficeRequestView,
} from '../../../shared/api/applications';
import { roundScope } from '../../../shared/audit/chain';
import { findItem, getCriteria } from '../../../shared/criteria';
import { t, type Locale } from '../../../shared/messages';
import type { ApplicationRecord, OfficeRequestRecord } from '../../lib/applications/repository';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { actorOf, ownBundle, roundContext, visibleBundle, type ApplicationDeps } from './context';
import { onFreshRead } from '../../lib/audit/fresh';
import { bilingualMail } from '../../lib/mail';

// The requests live on the application item, and DynamoDB items hold at most 400 KB: a new request must leave
// room for its longest answer (4,000 characters, up to 3 bytes each in UTF-8) so an answer never fails to fit.
const ITEM_BUDGET_BYTES = 300 * 1024;
const ANSWER_RESERVE_BYTES = OFFICE_ANSWER_MAX_CHARS * 3 + 512;

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
const charsOf = (text: string) => [...text].length;

/** An office request as the office and the applicant see it (the idempotency key stays internal). */
export function requestView(applicationId: string, r: OfficeRequestRecord): OfficeRequestView {
  return {
    requestId: r.requestId,
    applicationId,
    text: r.text,
    sections: r.sections,
    documentCategories: r.documentCategories,
    status: r.status,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    ...(r.answer ? { answer: r.answer } : {}),
  };
}

/** What the office asked an application for and the answers, oldest first: its owner, or the office (admin, supervisor) of its programme. */
export async function listRequests(deps: ApplicationDeps, session: Session, applicationId: string): Promise<OfficeRequestsResponse> {
  const { application: app } = await visibleBundle(deps, session, applicationId);
  return { applicationId, requests: (app.requests ?? []).map((r) => requestView(applicationId, r)) };
}

/**
 * The office asks an applicant to correct or explain something (补正/说明要求),
 * at any status but withdrawn (audited, mailed in both languages). The
 * submitted package stays as it is: the request and its answer sit beside it.
 * A retry with the same idempotency key answers the request already made.
 */
export async function createRequest(
  deps: ApplicationDeps,
  session: Session,
  applicationId: string,
  input: v.InferOutput<typeof CreateOfficeRequestBody>,
  now: Date,
  requestId: string,
): Promise<{ request: OfficeRequestView; created: boolean }> {
  const length = charsOf(input.text);
  if (length > OFFICE_REQUEST_MAX_CHARS) {
    throw new AppError('REQUEST_TOO_LONG', 422, { max: OFFICE_REQUEST_MAX_CHARS, length }, { max: OFFICE_REQUEST_MAX_CHARS, length });
  }
  // Another change of the application meanwhile means a fresh read: the request is added to the newer state.
  return onFreshRead(async () => {
    const { application: app } = await visibleBundle(deps, session, applicationId);
    const replay = input.idempotencyKey ? app.requests?.find((r) => r.idempotencyKey === input.idempotencyKey) : undefined;
    if (replay) return { request: requestView(applicationId, replay), created: false };
    if (app.status === 'withdrawn') throw new AppError('APPLICATION_WITHDRAWN', 409);
    const ctx = await roundContext(deps, app.roundId);
    const unknown = input.sections.find((s) => !ctx.sections.includes(s));
    if (unknown !== undefined) throw new AppError('SECTION_UNKNOWN', 400, { section: unknown, sections: ctx.sections }, { section: unknown });

    const request: OfficeRequestRecord = {
      requestId: ulid(now.getTime()),
      text: input.text,
      sections: ctx.sections.filter((s) => input.sections.includes(s)),
      documentCategories: [...new Set(input.documentCategories)],
      status: 'open',
      createdAt: now.toISOString(),
      createdBy: session.personId,
      ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
    };
    const next: ApplicationRecord = { ...app, requests: [...(app.requests ?? []), request], updatedAt: now.toISOString(), version: app.version + 1 };
    if (bytesOf(next) + ANSWER_RESERVE_BYTES > ITEM_BUDGET_BYTES) throw new AppError('REQUESTS_FULL', 422, { requests: app.requests?.length ?? 0 });
    const { idempotencyKey: _key, ...audited } = request;
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'application.infoRequested',
      target: { type: 'request', id: `${applicationId}/${request.requestId}` },
      context: { applicationId, stage: ctx.round.stage },
      state: { applicationId, request: audited },
      requestId,
      now,
      writes: [deps.applications.applicationUpdate(next, app.version)],
    });
    const criteria = getCriteria(ctx.config.edition);
    const sectionName = (section: string, locale: Locale) => {
      if (section === 'profile') return t('application.section.profile', locale);
      const item = criteria && findItem(criteria, section);
      return item ? `${item.id} ${item.name[locale]}` : section;
    };
    await mailRequest(deps, next, request, sectionName).catch((e: unknown) => deps.logger.error('request mail failed', { applicationId, error: e as Error }));
    return { request: requestView(applicationId, request), created: true };
  });
}

/**
 * The applicant answers an office request, once (audited). Only the owner;
 * any other caller, or an id that is not a request of this application, gets
 * the 404 that reveals nothing. The submitted package does not change.
 */
export async function answerRequest(
  deps: ApplicationDeps,
  session: Session,
  applicationId: string,
  officeRequestId: string,
  input: v.InferOutput<typeof AnswerOfficeRequestBody>,
  now: Date,
  requestId: string,
): Promise<OfficeRequestView> {
  const length = charsOf(input.text);
  if (length > OFFICE_ANSWER_MAX_CHARS) {
    throw new AppError('ANSWER_TOO_LONG', 422, { max: OFFICE_ANSWER_MAX_CHARS, length }, { max: OFFICE_ANSWER_MAX_CHARS, length });
  }
  // Another change meanwhile means a fresh read (a concurrent answer then gets REQUEST_ANSWERED).
  return onFreshRead(async () => {
    const { application: app } = await ownBundle(deps, session, applicationId);
    const requests = app.requests ?? [];
    const index = requests.findIndex((r) => r.requestId === officeRequestId);
    const current = requests[index];
    if (!current) throw notFound();
    if (current.status === 'answered') throw new AppError('REQUEST_ANSWERED', 409, { requestId: officeRequestId, answeredAt: current.answer?.answeredAt });
    if (app.status === 'withdrawn') throw new AppError('APPLICATION_WITHDRAWN', 409);
    const ctx = await roundContext(deps, app.roundId);

    const answered: OfficeRequestRecord = {
      ...current,
      status: 'answered',
      answer: { text: input.text, answeredAt: now.toISOString(), answeredBy: session.personId },
    };
    const next: ApplicationRecord = {
      ...app,
      requests: requests.map((r, i) => (i === index ? answered : r)),
      updatedAt: now.toISOString(),
      version: app.version + 1,
    };
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'application.infoAnswered',
      target: { type: 'request', id: `${applicationId}/${officeRequestId}` },
      context: { applicationId, stage: ctx.round.stage },
      state: { applicationId, requestId: officeRequestId, answer: answered.answer },
      requestId,
      now,
      writes: [deps.applications.applicationUpdate(next, app.version)],
    });
    return requestView(applicationId, answered);
  });
}

/**
 * Mails the request to the applicant's sign-in address and, when different,
 * the contact address it registered, in Chinese then English.
 */
async function mailRequest(
  deps: ApplicationDeps,
  app: ApplicationRecord,
  request: OfficeRequestRecord,
  sectionName: (section: string, locale: Locale) => string,
): Promise<void> {
  const owner = await deps.identity.getPerson(app.ownerPersonId);
  const programme = (await deps.awards.getProgramme(app.programmeId))?.name ?? { 'zh-CN': app.programmeId, en: app.programmeId };
  const concerns = (locale: Locale) => {
    const sections = request.sections.map((s) => sectionName(s, locale));
    const categories = request.documentCategories.map((c) => t(`document.category.${c}`, locale));
    const all = [...sections, ...categories];
    return all.length ? all.join(locale === 'zh-CN' ? '、' : ', ') : '—';
  };
  const params = (locale: Locale) => ({ programme: programme[locale], organisation: app.organisation.name, text: request.text, concerns: concerns(locale) });
  const to = [owner?.email, app.organisation.email].filter((e): e is string => Boolean(e));
  const unique = [...new Map(to.map((e) => [e.toLowerCase(), e])).values()];
  for (const address of unique) await deps.mailer.send(bilingualMail(address, 'mail.request.subject', 'mail.request.body', params), new Date(request.createdAt));
}
