/**
 * Domain events: what a successful transition says happened. A use case
 * appends each one to the round's audit chain in the same transaction as the
 * state change; `type` names the audited action (`shared/audit/actions.ts`
 * where one exists).
 */

/** The kinds of domain event the state machines emit. */
export const DOMAIN_EVENT_TYPES = [
  'round.stageMoved',
  'round.noticeOpened',
  'application.submitted',
  'application.withdrawn',
  'application.eligibilityDecided',
  'consensus.recorded',
  'application.shortlistDecided',
  'application.defenseScored',
  'application.evaluated',
  'opinion.recorded',
  'application.proposalDecided',
  'objection.filed',
  'objection.resolved',
  'application.awarded',
  'application.notAwarded',
  'declaration.made',
  'recusal.logged',
] as const;

/** A kind of domain event. */
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/** One thing that happened, at a time the caller supplied; `data` holds what an auditor needs to replay it. */
export interface DomainEvent {
  readonly type: DomainEventType;
  /** ISO timestamp passed in by the caller (the domain has no clock). */
  readonly at: string;
  readonly roundId: string;
  /** Set for events about one application. */
  readonly applicationId?: string;
  readonly data: Readonly<Record<string, string | number | boolean | readonly string[] | null>>;
}

/** The outcome of a successful transition: the new state and the events to record. */
export interface Transition<S> {
  readonly state: S;
  readonly events: readonly DomainEvent[];
}
