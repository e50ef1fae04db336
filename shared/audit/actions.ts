/**
 * Every audited action. A use case that changes state names one of these when
 * it commits through the audit log; the supervisor timeline labels them from
 * the message catalogue (`audit.<action>`).
 */
export const AUDIT_ACTIONS = [
  'programme.created',
  'round.created',
  'round.configured',
  'round.stageMoved',
  'round.noticeOpened',
  'person.bootstrapped',
  'person.invited',
  'person.revoked',
  'person.selfRegistered',
  'application.registered',
  'application.submitted',
  'application.withdrawn',
  'application.eligibilityDecided',
  'application.eligibilityChanged',
  'application.infoRequested',
  'application.infoAnswered',
  'application.shortlistDecided',
  'application.defenseScored',
  'application.evaluated',
  'application.proposalDecided',
  'application.awarded',
  'application.notAwarded',
  'package.sectionSaved',
  'document.uploadStarted',
  'document.verified',
  'document.rejected',
  'declaration.made',
  'assignment.made',
  'recusal.logged',
  'scorecard.saved',
  'scorecard.submitted',
  'scorecard.read',
  'consensus.recorded',
  'evaluation.recorded',
  'opinion.recorded',
  'opinion.letterRecorded',
  'vote.cast',
  'vote.tableRecorded',
  'publication.published',
  'letter.sent',
  'certificate.issued',
  'objection.filed',
  'objection.resolved',
  'remark.recorded',
  'remark.answered',
  'pool.imported',
  'draw.committed',
  'draw.drawn',
  'draw.replaced',
  'reminder.scheduled',
  'reminder.sent',
  'visit.scheduled',
  'visit.changed',
  'visit.cancelled',
  'defense.scheduled',
  'defense.rescheduled',
] as const;

/** An audited action. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The actor of changes made by the system itself (first start, bootstrap of the first administrator). */
export const SYSTEM_ACTOR = { personId: 'system', role: 'system' } as const;
