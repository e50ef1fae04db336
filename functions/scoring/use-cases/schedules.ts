import type * as v from 'valibot';
import type {
  CancelVisitBody,
  DefenseScheduleView,
  MyScheduleEntry,
  MyScheduleResponse,
  RoundScheduleResponse,
  ScheduleDefenseBody,
  ScheduleVisitBody,
  VisitMember,
  VisitView,
} from '../../../shared/api/schedules';
import { roundScope } from '../../../shared/audit/chain';
import { BEIJING_TIME, formatMoment, t, type Locale, type MessageKey, type Text } from '../../../shared/messages';
import { writeCalendar, type CalendarEvent, type CalendarMethod, type CalendarPerson } from '../../../shared/schedule/ics';
import { isForward, slotClash, visitClashes } from '../../../shared/schedule/overlap';
import { zonedInstant, zonedParts } from '../../../shared/schedule/time';
import type { RoundStage } from '../../../shared/stages/round';
import type { ApplicationRecord } from '../../lib/applications/repository';
import { onFreshRead } from '../../lib/audit/fresh';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { bilingualMail, type Mail } from '../../lib/mail';
import type { DefenseScheduleRecord, VisitRecord } from '../../lib/reviews/repository';
import { actorOf, assertRoundStage, compareNames, isReviewable, loadNameOrder, organisationOf, programmeApplication, reviewRound, type ReviewDeps, type ReviewRound } from './context';
import { byOrganisation } from './round';
import { visitReports, visitReportView } from './visit-reports';

// DOMAIN.md stages 4–6: visits are planned once the shortlist is decided and run during on-site evaluation; the
// defense day is planned while the visits run and held at the defense.
const VISIT_STAGES: RoundStage[] = ['materialReview', 'onSite'];
const DEFENSE_STAGES: RoundStage[] = ['onSite', 'defense'];

const onTeam = (status: string) => status !== 'recused' && status !== 'conflicted';

/** The site team of an application: its on-site assignments still standing, the leader first, then by name. */
async function siteTeam(deps: ReviewDeps, roundId: string, applicationId: string): Promise<VisitMember[]> {
  const team = (await deps.reviews.assignments(roundId, applicationId, 'onSite')).filter((a) => onTeam(a.status));
  return team
    .map((a) => ({ reviewerId: a.reviewerId, reviewerName: a.reviewerName, leader: a.leader }))
    .sort((a, b) => Number(b.leader) - Number(a.leader) || compareNames(a.reviewerName, b.reviewerName));
}

async function isShortlisted(deps: ReviewDeps, app: ApplicationRecord): Promise<boolean> {
  return isReviewable(app) && (await deps.reviews.shortlistDecision(app.roundId, app.applicationId))?.shortlisted === true;
}

const zoneText = (timeZone: string): Text =>
  timeZone === BEIJING_TIME ? { 'zh-CN': '北京时间', en: 'Beijing time' } : { 'zh-CN': timeZone, en: timeZone };

/** A span as people read it in the round's time zone: "2026年12月10日 09:00–12:30" (the end's day too when it differs). */
export function spanText(start: string, end: string, timeZone: string): Text {
  const sameDay = zonedParts(start, timeZone).date === zonedParts(end, timeZone).date;
  const endText = (locale: Locale) => (sameDay ? zonedParts(end, timeZone).time : formatMoment(end, locale, timeZone));
  return { 'zh-CN': `${formatMoment(start, 'zh-CN', timeZone)}–${endText('zh-CN')}`, en: `${formatMoment(start, 'en', timeZone)}–${endText('en')}` };
}

const both = (key: MessageKey, params: Record<string, string | number | Text>) => `${t(key, 'zh-CN', params)} / ${t(key, 'en', params)}`;

/** The UID of a visit's calendar event: the same for every change, so calendars update it. */
const visitUid = (v: { roundId: string; applicationId: string }) => `visit-${v.applicationId}@${v.roundId}.merit`;
const defenseUid = (roundId: string, applicationId?: string) => `defense-${applicationId ? `${applicationId}-` : ''}${roundId}@merit`;

/** The calendar event of a visit (summary and description in both languages). */
function visitEvent(v: VisitView, now: Date, organizer?: CalendarPerson, attendees: CalendarPerson[] = []): CalendarEvent {
  const team = v.team.map((m) => m.reviewerName).join('、');
  return {
    uid: visitUid(v),
    sequence: v.sequence,
    start: v.start,
    end: v.end,
    stamp: now.toISOString(),
    summary: both('calendar.visit.summary', { organisation: v.organisation.name }),
    location: v.address,
    // The applicant's copy has no team (the applicant never sees the members' names).
    description: `${team ? `现场评审组 / Site team: ${team}\n` : ''}联系人 / Contact: ${v.contactPerson} ${v.contactPhone}`,
    ...(organizer ? { organizer } : {}),
    attendees,
  };
}

function defenseEvents(d: DefenseScheduleView, roundName: Text, now: Date, applicationId?: string): CalendarEvent[] {
  if (d.slots.length === 0) return [];
  if (applicationId) {
    const slot = d.slots.find((s) => s.applicationId === applicationId);
    if (!slot) return [];
    return [{ uid: defenseUid(d.roundId, applicationId), sequence: d.sequence, start: slot.start, end: slot.end, stamp: now.toISOString(), summary: both('calendar.defense.slotSummary', { order: slot.order, organisation: slot.organisationName }), location: d.place }];
  }
  const order = d.slots.map((s) => `${s.order}. ${zonedParts(s.start, d.timeZone).time}–${zonedParts(s.end, d.timeZone).time} ${s.organisationName}`).join('\n');
  return [{ uid: defenseUid(d.roundId), sequence: d.sequence, start: d.slots[0]!.start, end: d.slots.at(-1)!.end, stamp: now.toISOString(), summary: both('calendar.defense.summary', { round: roundName }), location: d.place, description: order }];
}

const attachment = (method: CalendarMethod, events: CalendarEvent[], fileName: string) => ({
  fileName,
  contentType: `text/calendar; charset=UTF-8; method=${method}`,
  content: writeCalendar(method, events),
});

/** Sends each mail, logging (never failing the change that was committed) when one cannot go. */
async function sendAll(deps: ReviewDeps, mails: Mail[], now: Date, what: Record<string, string>): Promise<void> {
  await Promise.all(
    mails.map((m) => deps.mailer.send(m, now).catch((e: unknown) => deps.logger.error('schedule mail failed', { ...what, error: e as Error }))),
  );
}

async function programmeName(deps: ReviewDeps, ctx: ReviewRound): Promise<Text> {
  return (await deps.awards.getProgramme(ctx.round.programmeId))?.name ?? { 'zh-CN': ctx.round.programmeId, en: ctx.round.programmeId };
}

/** Who gets a visit's mails: the applicant (its owner, else the organisation's address) and each team member. */
async function visitPeople(deps: ReviewDeps, app: ApplicationRecord, team: readonly VisitMember[]) {
  const owner = await deps.identity.getPerson(app.ownerPersonId);
  const applicant = { name: app.organisation.contactPerson, email: owner?.email ?? app.organisation.email };
  const members = await Promise.all(team.map(async (m) => ({ ...m, email: (await deps.identity.getPerson(m.reviewerId))?.email })));
  return { applicant, members: members.filter((m): m is typeof m & { email: string } => !!m.email).map((m) => ({ name: m.reviewerName, email: m.email })) };
}

/** Mails everyone concerned by a visit, each with the calendar file: a request when (re)scheduled, a cancellation when cancelled; members taken off the team get a cancellation. */
async function mailVisit(deps: ReviewDeps, ctx: ReviewRound, app: ApplicationRecord, visit: VisitRecord, previous: VisitRecord | undefined, now: Date): Promise<void> {
  const programme = await programmeName(deps, ctx);
  const url = await deps.publicUrl();
  const { applicant, members } = await visitPeople(deps, app, visit.team);
  const organizer = { name: programme['zh-CN'], email: deps.config.mailFrom };
  const cancelled = visit.status === 'cancelled';
  const common = (locale: Locale) => ({
    programme: programme[locale],
    organisation: visit.organisation.name,
    when: spanText(visit.start, visit.end, visit.timeZone)[locale],
    zone: zoneText(visit.timeZone)[locale],
    address: visit.address,
    team: visit.team.map((m) => m.reviewerName).join(locale === 'zh-CN' ? '、' : ', '),
    contact: visit.contactPerson,
    phone: visit.contactPhone,
    reason: visit.cancellation?.reason ?? '',
  });
  const fileName = `site-visit-${visit.applicationId}.ics`;
  const mailTo = (to: CalendarPerson, link: string, method: CalendarMethod, subject: MessageKey, body: MessageKey, attendees: CalendarPerson[], leftTeam = false, applicantCopy = false): Mail => ({
    ...bilingualMail(to.email, subject, body, (locale) => ({
      ...common(locale),
      ...(leftTeam ? { reason: t('mail.visit.leftTeam', locale) } : {}),
      ...(applicantCopy ? { team: t('mail.visit.teamWithheld', locale) } : {}),
      name: to.name,
      intro: t(previous && previous.status === 'scheduled' ? 'mail.visit.introChanged' : 'mail.visit.introNew', locale),
      link,
    })),
    attachments: [attachment(method, [visitEvent(applicantCopy ? { ...visit, team: [] } : visit, now, organizer, attendees)], fileName)],
  });
  const everyone = [applicant, ...members];
  const method: CalendarMethod = cancelled ? 'CANCEL' : 'REQUEST';
  const subject: MessageKey = cancelled ? 'mail.visit.cancelledSubject' : previous ? 'mail.visit.changedSubject' : 'mail.visit.subject';
  const body: MessageKey = cancelled ? 'mail.visit.cancelledBody' : 'mail.visit.body';
  const mails = [
    // The applicant is told when and where, never who: its copy names no member and invites only the applicant.
    mailTo(applicant, `${url}/apply`, method, subject, body, [applicant], false, true),
    ...members.map((m) => mailTo(m, `${url}/review`, method, subject, body, everyone)),
  ];
  // A member no longer on the team: the event leaves their calendar.
  if (previous && !cancelled) {
    const stayed = new Set(visit.team.map((m) => m.reviewerId));
    const gone = previous.team.filter((m) => !stayed.has(m.reviewerId));
    const { members: goneMembers } = await visitPeople(deps, app, gone);
    mails.push(...goneMembers.map((m) => mailTo(m, `${url}/review`, 'CANCEL', 'mail.visit.cancelledSubject', 'mail.visit.cancelledBody', [m], true)));
  }
  await sendAll(deps, mails, now, { applicationId: visit.applicationId });
}

/**
 * The office schedules (or changes) a shortlisted application's site visit: a day and time span in the round's
 * time zone, the address, the applicant's contact; the team is the application's standing on-site assignments
 * (none: 422 VISIT_NO_TEAM). A member already on another visit at an overlapping time is refused (409
 * VISIT_OVERLAP naming that visit), nothing written. Based on the version read (stale: 409 CONFLICT); audited;
 * everyone concerned is mailed with a calendar file whose SEQUENCE rises with each change.
 */
export async function scheduleVisit(
  deps: ReviewDeps,
  session: Session,
  applicationId: string,
  input: v.InferOutput<typeof ScheduleVisitBody>,
  now: Date,
  requestId: string,
): Promise<VisitView> {
  const app = await programmeApplication(deps, session, applicationId);
  const ctx = await reviewRound(deps, app.roundId, session.programmeId);
  assertRoundStage(ctx, ...VISIT_STAGES);
  if (!(await isShortlisted(deps, app))) throw new AppError('NOT_SHORTLISTED', 422);
  const timeZone = ctx.config.timeZone;
  const start = zonedInstant(input.date, input.start, timeZone);
  const end = zonedInstant(input.date, input.end, timeZone);
  if (!start || !end || !isForward({ start, end })) throw new AppError('SCHEDULE_TIME_INVALID', 422, { date: input.date, start: input.start, end: input.end });
  await loadNameOrder();
  const team = await siteTeam(deps, app.roundId, applicationId);
  if (team.length === 0) throw new AppError('VISIT_NO_TEAM', 422);

  const { next, previous } = await onFreshRead(async () => {
    const [writes, current, visits] = await Promise.all([
      deps.reviews.visitWrites(app.roundId),
      deps.reviews.visit(app.roundId, applicationId),
      deps.reviews.visits(app.roundId),
    ]);
    const basedOn = current?.version ?? 0;
    if (input.version !== basedOn) throw new AppError('CONFLICT', 409, { version: basedOn });
    const scheduled = visits.filter((x) => x.status === 'scheduled');
    const clash = visitClashes(
      { visitId: applicationId, start, end, members: team.map((m) => m.reviewerId) },
      scheduled.map((x) => ({ visitId: x.applicationId, start: x.start, end: x.end, members: x.team.map((m) => m.reviewerId) })),
    )[0];
    if (clash) {
      const other = scheduled.find((x) => x.applicationId === clash.visitId)!;
      const reviewerName = team.find((m) => m.reviewerId === clash.reviewerId)?.reviewerName ?? clash.reviewerId;
      throw new AppError(
        'VISIT_OVERLAP',
        409,
        { reviewerId: clash.reviewerId, reviewerName, applicationId: other.applicationId, organisation: other.organisation.name, start: other.start, end: other.end },
        { reviewerName, organisation: other.organisation.name, when: spanText(other.start, other.end, other.timeZone) },
      );
    }
    const at = now.toISOString();
    const visit: VisitRecord = {
      roundId: app.roundId,
      applicationId,
      organisation: organisationOf(app),
      status: 'scheduled',
      start,
      end,
      timeZone,
      address: input.address,
      contactPerson: input.contactPerson,
      contactPhone: input.contactPhone,
      team,
      sequence: current ? current.sequence + 1 : 0,
      version: basedOn + 1,
      updatedAt: at,
      updatedBy: session.personId,
    };
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: current ? 'visit.changed' : 'visit.scheduled',
      target: { type: 'visit', id: applicationId },
      context: { applicationId, stage: ctx.stage },
      state: visit,
      requestId,
      now,
      writes: [deps.reviews.visitPut(visit, basedOn), deps.reviews.visitWritesNext(app.roundId, writes)],
    });
    return { next: visit, previous: current };
  });
  await mailVisit(deps, ctx, app, next, previous, now);
  return visitView(next);
}

/** The office cancels a scheduled visit with a reason (based on the version read); audited; everyone concerned gets a calendar cancellation. */
export async function cancelVisit(
  deps: ReviewDeps,
  session: Session,
  applicationId: string,
  input: v.InferOutput<typeof CancelVisitBody>,
  now: Date,
  requestId: string,
): Promise<VisitView> {
  const app = await programmeApplication(deps, session, applicationId);
  const ctx = await reviewRound(deps, app.roundId, session.programmeId);
  const current = await deps.reviews.visit(app.roundId, applicationId);
  if (!current) throw notFound();
  if (current.status === 'cancelled') throw new AppError('VISIT_CANCELLED', 409);
  if (current.version !== input.version) throw new AppError('CONFLICT', 409, { version: current.version });
  const at = now.toISOString();
  const next: VisitRecord = {
    ...current,
    status: 'cancelled',
    cancellation: { reason: input.reason, at },
    sequence: current.sequence + 1,
    version: current.version + 1,
    updatedAt: at,
    updatedBy: session.personId,
  };
  try {
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'visit.cancelled',
      target: { type: 'visit', id: applicationId },
      context: { applicationId, stage: ctx.stage },
      state: next,
      requestId,
      now,
      writes: [deps.reviews.visitPut(next, current.version)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('CONFLICT', 409);
    throw error;
  }
  await mailVisit(deps, ctx, app, next, current, now);
  return visitView(next);
}

const visitView = (v: VisitRecord): VisitView => {
  const { updatedBy: _u, ...view } = v;
  return view;
};
const defenseView = (d: DefenseScheduleRecord): DefenseScheduleView => {
  const { updatedBy: _u, ...view } = d;
  return view;
};

/**
 * The office sets (or changes) the defense day: the place and the order of presentation, one slot per
 * shortlisted application (422 DEFENSE_SLOT_UNKNOWN otherwise), slots never overlapping (422
 * DEFENSE_SLOTS_OVERLAP naming both). Based on the version read; audited; the panel and each candidate are mailed
 * with a calendar file; a candidate taken out of the order gets a cancellation.
 */
export async function scheduleDefense(
  deps: ReviewDeps,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof ScheduleDefenseBody>,
  now: Date,
  requestId: string,
): Promise<DefenseScheduleView> {
  const ctx = await reviewRound(deps, roundId, session.programmeId);
  assertRoundStage(ctx, ...DEFENSE_STAGES);
  const [apps, shortlist] = await Promise.all([deps.applications.listRound(roundId), deps.reviews.shortlist(roundId)]);
  const listed = new Set(shortlist.filter((s) => s.shortlisted).map((s) => s.applicationId));
  const byId = new Map(apps.filter((a) => isReviewable(a) && listed.has(a.applicationId)).map((a) => [a.applicationId, a]));
  const ids = input.slots.map((s) => s.applicationId);
  if (ids.some((id) => !byId.has(id)) || new Set(ids).size !== ids.length) throw new AppError('DEFENSE_SLOT_UNKNOWN', 422, { applicationIds: ids.filter((id) => !byId.has(id)) });
  const timeZone = ctx.config.timeZone;
  const slots = input.slots.map((s, i) => ({
    applicationId: s.applicationId,
    organisationName: byId.get(s.applicationId)!.organisation.name,
    order: i + 1,
    start: zonedInstant(input.date, s.start, timeZone) ?? '',
    end: zonedInstant(input.date, s.end, timeZone) ?? '',
  }));
  if (slots.some((s) => !s.start || !s.end || !isForward(s))) throw new AppError('SCHEDULE_TIME_INVALID', 422, { date: input.date });
  const clash = slotClash(slots);
  if (clash) {
    const [first, second] = [slots[clash[0]]!.organisationName, slots[clash[1]]!.organisationName];
    throw new AppError('DEFENSE_SLOTS_OVERLAP', 422, { applicationIds: [slots[clash[0]]!.applicationId, slots[clash[1]]!.applicationId] }, { first, second });
  }
  const current = await deps.reviews.defenseSchedule(roundId);
  const basedOn = current?.version ?? 0;
  if (input.version !== basedOn) throw new AppError('CONFLICT', 409, { version: basedOn });
  const next: DefenseScheduleRecord = {
    roundId,
    date: input.date,
    place: input.place,
    timeZone,
    slots,
    sequence: current ? current.sequence + 1 : 0,
    version: basedOn + 1,
    updatedAt: now.toISOString(),
    updatedBy: session.personId,
  };
  try {
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: current ? 'defense.rescheduled' : 'defense.scheduled',
      target: { type: 'defenseSchedule', id: roundId },
      context: { stage: ctx.stage },
      state: next,
      requestId,
      now,
      writes: [deps.reviews.defenseSchedulePut(next, basedOn)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('CONFLICT', 409);
    throw error;
  }
  await mailDefense(deps, ctx, next, current, byId, now);
  return defenseView(next);
}

async function mailDefense(
  deps: ReviewDeps,
  ctx: ReviewRound,
  d: DefenseScheduleRecord,
  previous: DefenseScheduleRecord | undefined,
  apps: ReadonlyMap<string, ApplicationRecord>,
  now: Date,
): Promise<void> {
  const programme = await programmeName(deps, ctx);
  const url = await deps.publicUrl();
  const round = ctx.round.name;
  const subject: MessageKey = previous ? 'mail.defense.changedSubject' : 'mail.defense.subject';
  const intro = (locale: Locale) => t(previous ? 'mail.defense.introChanged' : 'mail.defense.introNew', locale);
  const zone = zoneText(d.timeZone);
  const mails: Mail[] = [];
  const panel = (await deps.reviews.panel(d.roundId)).filter((m) => !m.removal);
  const order = (locale: Locale) => d.slots.map((s) => `${s.order}. ${zonedParts(s.start, d.timeZone).time}–${zonedParts(s.end, d.timeZone).time} ${s.organisationName}`).join('\n');
  for (const member of panel) {
    const person = await deps.identity.getPerson(member.reviewerId);
    if (!person) continue;
    mails.push({
      ...bilingualMail(person.email, subject, 'mail.defense.panelBody', (locale) => ({
        programme: programme[locale], round: round[locale], name: member.reviewerName, intro: intro(locale),
        when: spanText(d.slots[0]!.start, d.slots.at(-1)!.end, d.timeZone)[locale], zone: zone[locale], place: d.place, order: order(locale), link: `${url}/review`,
      })),
      attachments: [attachment('REQUEST', defenseEvents(d, round, now), `defense-${d.roundId}.ics`)],
    });
  }
  const applicantMail = async (app: ApplicationRecord, schedule: DefenseScheduleRecord, cancelled: boolean) => {
    const owner = await deps.identity.getPerson(app.ownerPersonId);
    const slot = schedule.slots.find((s) => s.applicationId === app.applicationId)!;
    mails.push({
      ...bilingualMail(owner?.email ?? app.organisation.email, cancelled ? 'mail.defense.cancelledSubject' : subject, cancelled ? 'mail.defense.cancelledBody' : 'mail.defense.applicantBody', (locale) => ({
        programme: programme[locale], round: round[locale], name: app.organisation.contactPerson, intro: intro(locale),
        when: spanText(slot.start, slot.end, schedule.timeZone)[locale], zone: zone[locale], place: schedule.place, order: slot.order, link: `${url}/apply`,
      })),
      attachments: [attachment(cancelled ? 'CANCEL' : 'REQUEST', defenseEvents({ ...schedule, sequence: d.sequence }, round, now, app.applicationId), `defense-${app.applicationId}.ics`)],
    });
  };
  for (const slot of d.slots) await applicantMail(apps.get(slot.applicationId)!, d, false);
  for (const slot of previous?.slots ?? []) {
    const app = apps.get(slot.applicationId) ?? (await deps.applications.get(slot.applicationId));
    if (app && !d.slots.some((s) => s.applicationId === slot.applicationId)) await applicantMail(app, previous!, true);
  }
  await sendAll(deps, mails, now, { roundId: d.roundId });
}

/** The office's (and supervisors') view of a round's schedules: every shortlisted application with its team and visit; the defense day. */
export async function roundSchedule(deps: ReviewDeps, session: Session, roundId: string): Promise<RoundScheduleResponse> {
  const ctx = await reviewRound(deps, roundId, session.programmeId);
  await loadNameOrder();
  const [apps, shortlist, assignments, visits, defense, reports] = await Promise.all([
    deps.applications.listRound(roundId),
    deps.reviews.shortlist(roundId),
    deps.reviews.assignments(roundId),
    deps.reviews.visits(roundId),
    deps.reviews.defenseSchedule(roundId),
    visitReports(deps).ofRound(roundId),
  ]);
  const listed = new Set(shortlist.filter((s) => s.shortlisted).map((s) => s.applicationId));
  const candidates = apps
    .filter((a) => isReviewable(a) && listed.has(a.applicationId))
    .sort(byOrganisation)
    .map((app) => {
      const team = assignments
        .filter((a) => a.applicationId === app.applicationId && a.stage === 'onSite' && onTeam(a.status))
        .map((a) => ({ reviewerId: a.reviewerId, reviewerName: a.reviewerName, leader: a.leader }))
        .sort((a, b) => Number(b.leader) - Number(a.leader) || compareNames(a.reviewerName, b.reviewerName));
      const visit = visits.find((x) => x.applicationId === app.applicationId);
      const report = reports.find((r) => r.applicationId === app.applicationId);
      return {
        applicationId: app.applicationId,
        organisation: organisationOf(app),
        contactPerson: app.organisation.contactPerson,
        contactPhone: app.organisation.phone,
        address: app.organisation.address,
        team,
        ...(visit ? { visit: visitView(visit) } : {}),
        ...(report ? { report: visitReportView(report) } : {}),
      };
    });
  return { roundId, timeZone: ctx.config.timeZone, candidates, ...(defense ? { defense: defenseView(defense) } : {}) };
}

/** The calendar file of one visit as its page offers it: the current event, or its cancellation. */
function visitFile(visit: VisitView, now: Date): string {
  return writeCalendar(visit.status === 'cancelled' ? 'CANCEL' : 'PUBLISH', [visitEvent(visit, now)]);
}

/**
 * The caller's own schedule: an applicant's visits and defense slots (their own applications only), an expert's
 * visits (only those whose team they are on), a deliberator's defense days (panels they sit on) — each with its
 * calendar file.
 */
export async function mySchedule(deps: ReviewDeps, session: Session, now: Date): Promise<MyScheduleResponse> {
  const entries: MyScheduleEntry[] = [];
  const roundNames = new Map<string, Text>();
  const roundName = async (roundId: string) => {
    if (!roundNames.has(roundId)) roundNames.set(roundId, (await deps.awards.getRound(roundId))?.name ?? { 'zh-CN': roundId, en: roundId });
    return roundNames.get(roundId)!;
  };
  if (session.role === 'applicant') {
    const ids = await deps.applications.idsOfOwner(session.personId);
    for (const id of ids) {
      const app = await deps.applications.get(id);
      if (!app || app.ownerPersonId !== session.personId || app.programmeId !== session.programmeId) continue;
      const [visit, defense] = await Promise.all([deps.reviews.visit(app.roundId, id), deps.reviews.defenseSchedule(app.roundId)]);
      // The applicant never sees the site team's names (nor its report).
      if (visit) {
        const withheld = { ...visitView(visit), team: [] };
        entries.push({ kind: 'visit', visit: withheld, ics: visitFile(withheld, now) });
      }
      if (defense?.slots.some((s) => s.applicationId === id)) {
        const own = { ...defenseView(defense), slots: defense.slots.filter((s) => s.applicationId === id) };
        entries.push({ kind: 'defense', defense: own, applicationId: id, ics: writeCalendar('PUBLISH', defenseEvents(defense, await roundName(app.roundId), now, id)) });
      }
    }
  } else if (session.role === 'expert') {
    const onSite = (await deps.reviews.assignmentsOfReviewer(session.personId)).filter((a) => a.stage === 'onSite');
    for (const a of onSite) {
      const visit = await deps.reviews.visit(a.roundId, a.applicationId);
      if (visit && visit.team.some((m) => m.reviewerId === session.personId)) {
        // The site team reads its visit report; its leader (standing) may record it while the visit is not cancelled.
        const report = await visitReports(deps).get(a.roundId, a.applicationId);
        const canReport = a.leader && a.status !== 'recused' && a.status !== 'conflicted' && visit.status === 'scheduled';
        entries.push({ kind: 'visit', visit: visitView(visit), ics: visitFile(visit, now), ...(report ? { report: visitReportView(report) } : {}), canReport });
      }
    }
  } else if (session.role === 'deliberator') {
    for (const seat of await deps.reviews.panelsOfReviewer(session.personId)) {
      if (seat.removal) continue;
      const defense = await deps.reviews.defenseSchedule(seat.roundId);
      if (defense) entries.push({ kind: 'defense', defense: defenseView(defense), ics: writeCalendar('PUBLISH', defenseEvents(defense, await roundName(seat.roundId), now)) });
    }
  }
  const startOf = (e: MyScheduleEntry) => (e.kind === 'visit' ? e.visit.start : (e.defense.slots[0]?.start ?? ''));
  entries.sort((x, y) => (startOf(x) < startOf(y) ? -1 : startOf(x) > startOf(y) ? 1 : 0));
  return { entries };
}
