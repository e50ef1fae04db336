import * as v from 'valibot';
import type { ReviewedOrganisation } from './reviews';

/**
 * Schedules (现场评审安排 / 答辩安排, issue 13.3): the office sets each shortlisted application's site visit — a day
 * and a time span in the round's time zone (Beijing time by default), the address, the site team (its on-site
 * assignments) and the applicant's contact — and the defense day: a place and the order of presentation with a
 * time slot per candidate. Nobody is in two places at once: an expert on two overlapping visits is refused (409
 * VISIT_OVERLAP), and slots may not overlap (422 DEFENSE_SLOTS_OVERLAP). Each change is versioned, audited and
 * mailed to everyone concerned with an iCalendar file.
 */

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[A-Za-z0-9_-]+$/));
const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const Clock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const Version = v.pipe(v.number(), v.integer(), v.minValue(0));

/** PUT /api/scoring/applications/{applicationId}/visit — schedule or change the site visit, based on the version read (0: none yet). */
export const ScheduleVisitBody = v.object({
  /** The day, in the round's time zone (YYYY-MM-DD). */
  date: Day,
  /** Start and end on that day (HH:MM, round's time zone). */
  start: Clock,
  end: Clock,
  address: Text(300),
  contactPerson: Text(100),
  contactPhone: v.pipe(v.string(), v.trim(), v.regex(/^[0-9+\-() ]{5,30}$/)),
  version: Version,
});

/** POST /api/scoring/applications/{applicationId}/visit/cancellation — cancel the visit with a reason. */
export const CancelVisitBody = v.object({
  reason: Text(500),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/** Most characters of a site visit report. */
export const VISIT_REPORT_MAX_CHARS = 5000;

/** PUT /api/scoring/applications/{applicationId}/visit/report — the site team leader's short visit report, based on the version read (0: none yet). */
export const VisitReportBody = v.object({
  text: Text(VISIT_REPORT_MAX_CHARS),
  version: Version,
});

/** A site visit report as the office, supervisors and the site team read it (never the applicant). */
export interface VisitReportView {
  readonly applicationId: string;
  readonly text: string;
  readonly authorName: string;
  readonly recordedAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** Most presentation slots of one defense day. */
export const DEFENSE_SLOTS_MAX = 40;

/** PUT /api/scoring/rounds/{roundId}/defense/schedule — the defense day, place and order of presentation, based on the version read. */
export const ScheduleDefenseBody = v.object({
  date: Day,
  place: Text(300),
  /** In the order of presentation. */
  slots: v.pipe(
    v.array(v.object({ applicationId: Id, start: Clock, end: Clock })),
    v.minLength(1),
    v.maxLength(DEFENSE_SLOTS_MAX),
  ),
  version: Version,
});

/** A member of a site team as a schedule shows them. */
export interface VisitMember {
  readonly reviewerId: string;
  readonly reviewerName: string;
  readonly leader: boolean;
}

/** A site visit: when (UTC instants; shown in `timeZone`), where, who, and whom to call. */
export interface VisitView {
  readonly roundId: string;
  readonly applicationId: string;
  readonly organisation: ReviewedOrganisation;
  readonly status: 'scheduled' | 'cancelled';
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly address: string;
  readonly contactPerson: string;
  readonly contactPhone: string;
  readonly team: readonly VisitMember[];
  readonly cancellation?: { readonly reason: string; readonly at: string };
  /** The calendar file's SEQUENCE: 0 when first scheduled, one more with each change or the cancellation. */
  readonly sequence: number;
  readonly version: number;
  readonly updatedAt: string;
}

/** One candidate's presentation slot. */
export interface DefenseSlotView {
  readonly applicationId: string;
  readonly organisationName: string;
  /** 1 for the first to present. */
  readonly order: number;
  readonly start: string;
  readonly end: string;
}

/** The defense day of a round. */
export interface DefenseScheduleView {
  readonly roundId: string;
  readonly date: string;
  readonly place: string;
  readonly timeZone: string;
  readonly slots: readonly DefenseSlotView[];
  readonly sequence: number;
  readonly version: number;
  readonly updatedAt: string;
}

/** A shortlisted application the office can schedule a visit for, with its site team so far. */
export interface VisitCandidate {
  readonly applicationId: string;
  readonly organisation: ReviewedOrganisation;
  /** The contact the applicant registered, to prefill the form. */
  readonly contactPerson: string;
  readonly contactPhone: string;
  readonly address: string;
  readonly team: readonly VisitMember[];
  readonly visit?: VisitView;
  /** The site team leader's visit report, once recorded. */
  readonly report?: VisitReportView;
}

/** GET /api/scoring/rounds/{roundId}/schedule — the office's view of a round's schedules. */
export interface RoundScheduleResponse {
  readonly roundId: string;
  readonly timeZone: string;
  readonly candidates: readonly VisitCandidate[];
  readonly defense?: DefenseScheduleView;
}

/** A schedule entry on a person's own page, with its calendar file to download. */
export type MyScheduleEntry =
  | {
      readonly kind: 'visit';
      readonly visit: VisitView;
      readonly ics: string;
      /** For the site team only (never the applicant): the visit report so far, and whether the caller (the leader) may record it. */
      readonly report?: VisitReportView;
      readonly canReport?: boolean;
    }
  | { readonly kind: 'defense'; readonly defense: DefenseScheduleView; readonly applicationId?: string; readonly ics: string };

/** GET /api/scoring/schedule/mine — the visits and defense slots of the caller (applicant: own applications; expert: visits they are on; deliberator: panels they sit on). */
export interface MyScheduleResponse {
  readonly entries: readonly MyScheduleEntry[];
}
