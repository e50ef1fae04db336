/**
 * When a round's reminders are due (issue 13 part 4). Pure: the clock is
 * passed in. A reminder kind has one deadline in the round's dates and a list
 * of whole days before it; each (kind, deadline, days) is one due moment. A
 * run at `now` sends, per kind, the latest moment already reached while the
 * deadline is still ahead — so a round whose dates moved is reminded from its
 * new dates only (the moments are computed from the dates as they stand), and
 * a run that missed a moment sends it late rather than never.
 */
import type { RoundConfig } from '../round/schema';
import type { RoundStage } from '../stages/round';

/** What a reminder is about: an applicant's package before registration closes or the deadline, or open review work before a due date. */
export const REMINDER_KINDS = ['registrationCloses', 'submissionDeadline', 'materialReview', 'onSite', 'defense'] as const;
/** A kind of reminder. */
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Who a kind reminds: applicants with an unsubmitted package, or experts/deliberators with open work. */
export const reminderAudience = (kind: ReminderKind): 'applicant' | 'reviewer' =>
  kind === 'registrationCloses' || kind === 'submissionDeadline' ? 'applicant' : 'reviewer';

const DEADLINE_OF = {
  registrationCloses: 'registrationCloses',
  submissionDeadline: 'submissionDeadline',
  materialReview: 'materialReviewDeadline',
  onSite: 'onSiteDeadline',
  defense: 'defenseDate',
} as const satisfies Record<ReminderKind, keyof RoundConfig['dates']>;

/** The deadline a kind of reminder is about. */
export const deadlineOf = (config: Pick<RoundConfig, 'dates'>, kind: ReminderKind): string => config.dates[DEADLINE_OF[kind]];

/** One reminder that is due: its kind, its deadline, how many days before it, and the moment it was due (ISO). */
export interface DueReminder {
  readonly kind: ReminderKind;
  readonly deadline: string;
  readonly daysBefore: number;
  readonly moment: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// The days of a kind from the round's settings (a round stored before reminders existed has the defaults).
function daysOf(config: Pick<RoundConfig, 'reminders'>, kind: ReminderKind): readonly number[] {
  const reminders = config.reminders ?? { applicantDays: [7, 1], reviewerDays: [3, 1] };
  return reminderAudience(kind) === 'applicant' ? reminders.applicantDays : reminders.reviewerDays;
}

// Registration reminders are left out when registration closes at the submission deadline itself: the deadline's reminder says it all.
function kindsOf(config: Pick<RoundConfig, 'dates'>): ReminderKind[] {
  const same = Date.parse(config.dates.registrationCloses) === Date.parse(config.dates.submissionDeadline);
  return REMINDER_KINDS.filter((kind) => !(same && kind === 'registrationCloses'));
}

/** Whether a round still sends reminders at its stage: not once the results are announced. */
export const remindsAt = (stage: RoundStage): boolean => stage !== 'announcement';

/**
 * The reminders due at `now`: per kind, the latest moment (deadline minus
 * days) at or before `now`, while the deadline is still ahead. Whether one was
 * already sent is the caller's (a marker per round, kind and moment).
 */
export function dueReminders(config: Pick<RoundConfig, 'dates' | 'reminders'>, stage: RoundStage, now: Date): DueReminder[] {
  if (!remindsAt(stage)) return [];
  const due: DueReminder[] = [];
  for (const kind of kindsOf(config)) {
    const deadline = deadlineOf(config, kind);
    const end = Date.parse(deadline);
    if (!Number.isFinite(end) || now.getTime() >= end) continue;
    const reached = daysOf(config, kind)
      .map((days) => ({ days, at: end - days * DAY_MS }))
      .filter((m) => m.at <= now.getTime())
      .sort((a, b) => b.at - a.at)[0];
    if (reached) due.push({ kind, deadline, daysBefore: reached.days, moment: new Date(reached.at).toISOString() });
  }
  return due;
}

/** How far ahead of a deadline the office's late list starts naming people: the earliest reminder of that kind (at least one day). */
export function lateWindowDays(config: Pick<RoundConfig, 'reminders'>, kind: ReminderKind): number {
  return Math.max(1, ...daysOf(config, kind));
}
