import * as v from 'valibot';
import { REMINDER_KINDS, type ReminderKind } from '../reminders/schedule';
import { UlidSchema } from './schemas';

export { REMINDER_KINDS, type ReminderKind };

/** POST /api/publication/rounds/{roundId}/reminders — the office reminds one late person of a kind, or all of them. */
export const SendReminderBody = v.strictObject({
  kind: v.picklist(REMINDER_KINDS),
  /** One person; left out: everyone late of that kind. */
  personId: v.optional(UlidSchema),
});

/** What one late person still owes: an organisation's package, or their part in a team or on the panel. */
export interface LateWork {
  readonly organisation: string;
  /** `registered` (package not submitted), `awaitingDeclaration`, `active` (card not submitted) or `scoring` (defense score not submitted). */
  readonly status: 'registered' | 'awaitingDeclaration' | 'active' | 'scoring';
}

/** One late person with their open work. */
export interface LatePerson {
  readonly personId: string;
  readonly name: string;
  readonly role: 'applicant' | 'expert' | 'deliberator';
  readonly work: readonly LateWork[];
  /** When the office last reminded them by hand (ISO). */
  readonly lastRemindedAt?: string;
  /** Whether the office may remind them now (not within the last hour). */
  readonly remindable: boolean;
}

/** The late people of one kind: before or past its deadline. */
export interface LateGroup {
  readonly kind: ReminderKind;
  readonly deadline: string;
  readonly overdue: boolean;
  /** Whether a reminder still makes sense (an applicant can no longer submit after the deadline). */
  readonly canRemind: boolean;
  readonly people: readonly LatePerson[];
}

/** GET /api/publication/rounds/{roundId}/late — who is behind, per stage, for the deadlines near or past. */
export interface LateListResponse {
  readonly roundId: string;
  readonly timeZone: string;
  /** When the round's scheduled reminders go out: days before the applicants' deadlines and before review due dates. */
  readonly schedule: { readonly applicantDays: readonly number[]; readonly reviewerDays: readonly number[] };
  readonly groups: readonly LateGroup[];
}

/** The answer to a reminder the office sent. */
export interface SendReminderResponse {
  readonly reminded: number;
  /** People left out because they were reminded within the last hour. */
  readonly skipped: number;
}

/** A reminder to one person may be sent by hand at most once in this many minutes. */
export const MANUAL_REMINDER_INTERVAL_MINUTES = 60;
