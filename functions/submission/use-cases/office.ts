import type * as v from 'valibot';
import type {
  ApplicationListResponse,
  ApplicationSummary,
  BulkEligibilityBody,
  BulkEligibilityResponse,
  CsvExportResponse,
  EligibilityDecisionBody,
  Funnel,
} from '../../../shared/api/applications';
import { roundScope } from '../../../shared/audit/chain';
import { t } from '../../../shared/messages';
import { pastEligibilityStage, type RoundStage } from '../../../shared/stages/round';
import { share } from '../../../shared/statistics';
import type { ApplicationRecord } from '../../lib/applications/repository';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { actorOf, roundContext, summaryOf, visibleBundle, type ApplicationDeps } from './context';
import { bilingualMail } from '../../lib/mail';

/** Filters of the office's list (query string). */
export interface ListQuery {
  readonly roundId?: string;
  readonly district?: string;
  readonly industry?: string;
  readonly status?: string;
  /** Part of the organisation's name or credit code. */
  readonly q?: string;
}

/** The round to list: the one asked for (of the caller's programme), or the programme's newest. */
async function roundOf(deps: ApplicationDeps, session: Session, roundId: string | undefined): Promise<string> {
  if (roundId) {
    const round = await deps.awards.getRound(roundId);
    if (!round || round.programmeId !== session.programmeId) throw notFound();
    return roundId;
  }
  const programme = (await deps.awards.listProgrammes()).find((p) => p.programmeId === session.programmeId);
  const newest = [...(programme?.rounds ?? [])].sort((a, b) => (a.registrationOpens < b.registrationOpens ? 1 : -1))[0];
  if (!newest) throw notFound();
  return newest.roundId;
}

/** The funnel of a round: registered vs submitted (the model round: 541 registered, 170 submitted, 31.4%). */
export function funnelOf(apps: readonly ApplicationRecord[]): Funnel {
  const count = (p: (a: ApplicationRecord) => boolean) => apps.filter(p).length;
  const registered = apps.length;
  const submitted = count((a) => a.status === 'submitted');
  return {
    registered,
    submitted,
    withdrawn: count((a) => a.status === 'withdrawn'),
    eligible: count((a) => a.eligibility?.decision === 'eligible'),
    ineligible: count((a) => a.eligibility?.decision === 'ineligible'),
    // The domain's one rule for shares (rounded half up to a tenth of a percent).
    submittedPercent: (share(submitted, registered).permille ?? 0) / 10,
  };
}

function matches(app: ApplicationRecord, query: ListQuery): boolean {
  const o = app.organisation;
  if (query.district && o.district !== query.district) return false;
  if (query.industry && o.industry !== query.industry) return false;
  if (query.status && app.status !== query.status) return false;
  const q = query.q?.trim();
  if (q && !o.name.includes(q) && !o.creditCode.includes(q.toUpperCase())) return false;
  return true;
}

/** Registrations and submissions of a round with the funnel, filtered and sorted by name in pinyin order (shared/names). */
export async function listApplications(deps: ApplicationDeps, session: Session, query: ListQuery): Promise<ApplicationListResponse> {
  const roundId = await roundOf(deps, session, query.roundId);
  const all = await deps.applications.listRound(roundId);
  // Chinese names in pinyin order as people read them; the reading's dictionary is loaded only for this list (a lazy chunk).
  const { sortByPinyin } = await import('../../../shared/names/pinyin-order');
  const shown = sortByPinyin(
    all.filter((a) => matches(a, query)),
    (a) => a.organisation.name,
  );
  return { roundId, funnel: funnelOf(all), applications: shown.map(summaryOf) };
}

// The round's time zone: rounds are run in Beijing time (no round sets another zone yet), as the site shows them.
const ROUND_TIME_ZONE = 'Asia/Shanghai';

/** A moment as a spreadsheet reads it, in the round's time zone: "2026-08-01 09:00". */
export function csvTime(iso: string | undefined, timeZone = ROUND_TIME_ZONE): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A column: Chinese and English heading, the value, and whether it must stay text (codes and numbers with leading zeros). */
type CsvColumn = readonly [string, string, (a: ApplicationSummary) => string, 'text'?];

const CSV_COLUMNS: readonly CsvColumn[] = [
  ['申报编号', 'Application id', (a) => a.applicationId],
  ['组织名称', 'Organisation', (a) => a.organisation.name],
  ['统一社会信用代码', 'Credit code', (a) => a.organisation.creditCode, 'text'],
  ['区县', 'District', (a) => a.organisation.district],
  ['行业', 'Industry', (a) => a.organisation.industry],
  ['规模', 'Size', (a) => t(`application.size.${a.organisation.size}`, 'zh-CN')],
  ['地址', 'Address', (a) => a.organisation.address],
  ['法定代表人', 'Legal representative', (a) => a.organisation.legalRepresentative],
  ['联系人', 'Contact', (a) => a.organisation.contactPerson],
  ['电话', 'Phone', (a) => a.organisation.phone, 'text'],
  ['邮箱', 'Email', (a) => a.organisation.email],
  ['状态', 'Status', (a) => t(`application.status.${a.status}`, 'zh-CN')],
  ['登记时间（北京时间）', 'Registered at (Beijing time)', (a) => csvTime(a.createdAt)],
  ['提交时间（北京时间）', 'Submitted at (Beijing time)', (a) => csvTime(a.submittedAt)],
  ['资格审查', 'Eligibility', (a) => (a.eligibility ? t(`eligibility.${a.eligibility.decision}`, 'zh-CN') : '')],
  ['理由', 'Reason', (a) => a.eligibility?.reason ?? ''],
];

// RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula (CSV injection).
/** One CSV field: quoted per RFC 4180, formula-like text neutralised. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A field that a spreadsheet must keep as text: Excel and WPS read an 18-digit credit code as a number
 * (9.13501E+17, its last digits lost) and drop a phone number's leading 0. Written as the formula ="…",
 * which both open as that text; the value sits inside a string literal (quotes doubled), so nothing in it runs.
 */
export function csvTextCell(value: string): string {
  if (value === '') return '';
  return csvQuoted(`="${value.replace(/"/g, '""')}"`);
}

const csvQuoted = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** The office's list as CSV that Excel and WPS open correctly: UTF-8 with a byte order mark, CRLF lines, bilingual header. */
export async function exportApplications(deps: ApplicationDeps, session: Session, query: ListQuery): Promise<CsvExportResponse> {
  const list = await listApplications(deps, session, query);
  const lines = [
    CSV_COLUMNS.map(([zh, en]) => csvCell(`${zh} ${en}`)).join(','),
    ...list.applications.map((a) => CSV_COLUMNS.map(([, , get, kind]) => (kind === 'text' ? csvTextCell(get(a)) : csvCell(get(a)))).join(',')),
  ];
  return { fileName: `applications-${list.roundId}.csv`, contentType: 'text/csv; charset=utf-8', csv: `\uFEFF${lines.join('\r\n')}\r\n` };
}

/**
 * The office decides a submitted application's eligibility (audited), with
 * the reason the applicant sees; a later decision replaces an earlier one
 * (both stay in the audit chain). Decisions belong to the eligibility stage
 * (and the stages before it, as packages arrive): from material review on, a
 * decision is an exception (issue #16.10) — refused without a reason
 * (422 ELIGIBILITY_STAGE_PASSED), recorded with it as its own entry type
 * (`application.eligibilityChanged`), kept on the decision for the office
 * and supervisors to see.
 */
export async function decideEligibility(
  deps: ApplicationDeps,
  session: Session,
  applicationId: string,
  input: v.InferOutput<typeof EligibilityDecisionBody>,
  now: Date,
  requestId: string,
): Promise<ApplicationSummary> {
  const { application: app } = await visibleBundle(deps, session, applicationId);
  if (app.status !== 'submitted') throw new AppError('NOT_SUBMITTED', 422, { status: app.status });
  const ctx = await roundContext(deps, app.roundId);
  const late = assertDecisionStage(ctx.round.stage as RoundStage, input);
  try {
    const next = await commitEligibility(deps, session, app, ctx.round.stage, late, input, now, requestId);
    await mailDecision(deps, next).catch((e: unknown) => deps.logger.error('decision mail failed', { applicationId, error: e as Error }));
    return summaryOf(next);
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('CONFLICT', 409);
    throw error;
  }
}

/** Whether a decision at `stage` is late (an exception, whose reason is then required); 422 otherwise as the rules say. */
function assertDecisionStage(stage: RoundStage, input: { readonly exceptionReason?: string | undefined }): boolean {
  const late = pastEligibilityStage(stage);
  const exceptionReason = input.exceptionReason ?? '';
  if (late && !exceptionReason) throw new AppError('ELIGIBILITY_STAGE_PASSED', 422, { stage });
  if (!late && exceptionReason) throw new AppError('EXCEPTION_NOT_NEEDED', 422, { stage });
  return late;
}

/** Writes one application's decision with its audit entry (WriteConditionError when the application changed meanwhile). */
async function commitEligibility(
  deps: ApplicationDeps,
  session: Session,
  app: ApplicationRecord,
  stage: string,
  late: boolean,
  input: v.InferOutput<typeof EligibilityDecisionBody>,
  now: Date,
  requestId: string,
): Promise<ApplicationRecord> {
  const { applicationId } = app;
  const exception = late ? { reason: input.exceptionReason ?? '', stage, ...(app.eligibility ? { previous: app.eligibility.decision } : {}) } : undefined;
  const eligibility = {
    decision: input.decision,
    reason: input.reason,
    decidedAt: now.toISOString(),
    decidedBy: session.personId,
    ...(exception ? { exception } : {}),
  };
  const next: ApplicationRecord = { ...app, eligibility, updatedAt: now.toISOString(), version: app.version + 1 };
  await deps.audit.commit({
    scope: roundScope(app.roundId),
    actor: actorOf(session),
    action: late ? 'application.eligibilityChanged' : 'application.eligibilityDecided',
    target: { type: 'application', id: applicationId },
    context: { applicationId, stage },
    state: { applicationId, eligibility },
    requestId,
    now,
    writes: [deps.applications.applicationUpdate(next, app.version)],
  });
  return next;
}

/**
 * One decision with one reason for several submitted applications of a round (issue #13.5: the office decides a batch
 * of clear cases at once). Every application is checked before anything is written — of this round (422
 * NOT_IN_ROUND naming the others, whatever they are), submitted (422 NOT_SUBMITTED naming the rest), the stage's rule
 * as for one — then each decision is its own audited change, so each application's history names it; one that another
 * change overtook meanwhile is listed as failed (decide it again), the others stand. Each applicant is mailed.
 */
export async function decideEligibilityMany(
  deps: ApplicationDeps,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof BulkEligibilityBody>,
  now: Date,
  requestId: string,
): Promise<BulkEligibilityResponse> {
  const ctx = await roundContext(deps, roundId, session.programmeId);
  const apps = await Promise.all(input.applicationIds.map((id) => deps.applications.get(id)));
  const strangers = input.applicationIds.filter((_, i) => apps[i]?.roundId !== roundId || apps[i]?.programmeId !== session.programmeId);
  if (strangers.length > 0) throw new AppError('NOT_IN_ROUND', 422, { applicationIds: strangers, count: strangers.length }, { count: strangers.length });
  const found = apps as ApplicationRecord[];
  const unsubmitted = found.filter((a) => a.status !== 'submitted').map((a) => a.applicationId);
  if (unsubmitted.length > 0) throw new AppError('NOT_SUBMITTED', 422, { applicationIds: unsubmitted, count: unsubmitted.length });
  const late = assertDecisionStage(ctx.round.stage as RoundStage, input);

  const decided: ApplicationRecord[] = [];
  const failed: { applicationId: string; code: string }[] = [];
  // One at a time: a round's office decides tens, not thousands, and each entry stays in the order the office listed.
  for (const app of found) {
    try {
      decided.push(await commitEligibility(deps, session, app, ctx.round.stage, late, input, now, requestId));
    } catch (error) {
      if (!(error instanceof WriteConditionError)) throw error;
      failed.push({ applicationId: app.applicationId, code: 'CONFLICT' });
    }
  }
  await Promise.all(decided.map((next) => mailDecision(deps, next).catch((e: unknown) => deps.logger.error('decision mail failed', { applicationId: next.applicationId, error: e as Error }))));
  return { decided: decided.map(summaryOf), failed };
}

/** Tells the applicant the decision and its reason, in Chinese then English. */
async function mailDecision(deps: ApplicationDeps, app: ApplicationRecord): Promise<void> {
  const owner = await deps.identity.getPerson(app.ownerPersonId);
  if (!owner || !app.eligibility) return;
  const programme = (await deps.awards.getProgramme(app.programmeId))?.name ?? { 'zh-CN': app.programmeId, en: app.programmeId };
  const params = (locale: 'zh-CN' | 'en') => ({
    programme: programme[locale],
    organisation: app.organisation.name,
    decision: t(`eligibility.${app.eligibility!.decision}`, locale),
    reason: app.eligibility!.reason || '—',
  });
  await deps.mailer.send(bilingualMail(owner.email, 'mail.eligibility.subject', 'mail.eligibility.body', params), new Date(app.updatedAt));
}
