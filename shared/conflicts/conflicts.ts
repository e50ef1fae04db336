import type { RoundConfig } from '../round';
import type { DomainEvent } from '../stages/events';

/**
 * Conflicts of interest (回避, DOMAIN.md): before seeing any material a
 * reviewer declares their relations to the applicant; a declared conflict
 * blocks the assignment, and the system refuses obvious ones on its own.
 */

/** The relations a reviewer declares for an applicant. */
export const CONFLICT_KINDS = [
  /** Current or past employment (past: within the round's `conflicts.employmentYears`). */
  'employment',
  /** Consulting for the applicant. */
  'consulting',
  /** Training the applicant's people. */
  'training',
  /** A close relative works there. */
  'closeRelative',
  /** Shares in the applicant. */
  'shareholding',
  /** The reviewer's organisation competes with the applicant. */
  'competitor',
  /** The reviewer's organisation is a key customer of the applicant. */
  'customer',
  /** The reviewer's organisation is a key supplier of the applicant. */
  'supplier',
] as const;

/** A kind of relation. */
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** One declared relation. */
export interface DeclaredRelation {
  readonly kind: ConflictKind;
  /** For employment: the day it ended (`YYYY-MM-DD`); absent while it lasts. */
  readonly endedOn?: string;
  /** What the reviewer wrote. */
  readonly note?: string;
}

/** A reviewer's declaration for one application (also the record of the signed undertakings). */
export interface ConflictDeclaration {
  readonly reviewerId: string;
  readonly applicationId: string;
  /** ISO timestamp of the declaration. */
  readonly declaredAt: string;
  /** Every relation the reviewer has with the applicant; empty when none. */
  readonly relations: readonly DeclaredRelation[];
  /** Confidentiality declaration signed. */
  readonly confidentialitySigned: boolean;
  /** Impartiality declaration signed. */
  readonly impartialitySigned: boolean;
}

/** An employer of a reviewer; `endedOn` absent for the current one. */
export interface Employment {
  readonly organisationName: string;
  readonly creditCode?: string;
  readonly endedOn?: string;
}

/** What the system knows of a reviewer (from the expert pool). */
export interface ReviewerProfile {
  readonly reviewerId: string;
  readonly employers: readonly Employment[];
}

/** What the system knows of an applicant. */
export interface ApplicantIdentity {
  readonly applicationId: string;
  readonly organisationName: string;
  readonly creditCode: string;
}

/** A conflict found: declared by the reviewer or detected by the system. */
export interface Conflict {
  readonly source: 'declared' | 'detected';
  readonly kind: ConflictKind;
  /** How it was detected (`creditCode` or `name`), for detected conflicts. */
  readonly match?: 'creditCode' | 'name';
}

/** The round settings conflict checks read (a `RoundConfig` satisfies it). */
export type ConflictSettings = Pick<RoundConfig, 'conflicts'>;

/** Codes an assignment can be refused with (catalogue keys). */
export const CONFLICT_ERROR_CODES = ['CONFLICT_OF_INTEREST', 'DECLARATION_REQUIRED', 'DECLARATION_UNSIGNED'] as const;

/** A code of {@link CONFLICT_ERROR_CODES}. */
export type ConflictErrorCode = (typeof CONFLICT_ERROR_CODES)[number];

/** Thrown when a reviewer may not be assigned to (or go on reviewing) an application. */
export class ConflictOfInterestError extends Error {
  constructor(
    readonly code: ConflictErrorCode,
    readonly conflicts: readonly Conflict[] = [],
  ) {
    super(`${code}${conflicts.length ? ` ${conflicts.map((c) => `${c.source}:${c.kind}`).join(',')}` : ''}`);
    this.name = 'ConflictOfInterestError';
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}/;

/** Epoch ms of an ISO date, NaN otherwise. */
function epoch(value: string): number {
  return DATE.test(value) ? Date.parse(value) : Number.NaN;
}

/** Epoch ms of the caller's `now`; a time that cannot be read would clear every past employment, so it is refused. */
function nowOf(value: string): number {
  const at = epoch(value);
  if (!Number.isFinite(at)) throw new RangeError(`now is not an ISO timestamp: ${value}`);
  return at;
}

/** Same calendar moment `years` later (UTC). */
function plusYears(ms: number, years: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

// DOMAIN.md: past employment counts for N years after it ended (default 3); an unreadable end date counts as recent.
function employmentIsRecent(endedOn: string | undefined, years: number, now: number): boolean {
  if (endedOn === undefined) return true;
  const ended = epoch(endedOn);
  return !Number.isFinite(ended) || plusYears(ended, years) > now;
}

/** The declared relations that are conflicts at `now` (ISO timestamp): all of them except employment that ended long enough ago. */
export function declaredConflicts(declaration: ConflictDeclaration, settings: ConflictSettings, now: string): Conflict[] {
  const at = nowOf(now);
  return declaration.relations
    .filter((r) => r.kind !== 'employment' || employmentIsRecent(r.endedOn, settings.conflicts.employmentYears, at))
    .map((r) => ({ source: 'declared' as const, kind: r.kind }));
}

/** An organisation name compared loosely: spaces dropped, full-width brackets folded, case ignored. */
export function normaliseOrganisationName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

// DOMAIN.md: the system refuses obvious conflicts on its own — the reviewer works (or recently worked) for the applicant.
/** Conflicts the system sees without a declaration: a current or recent employer that is the applicant (same credit code or same name). */
export function detectConflicts(reviewer: ReviewerProfile, applicant: ApplicantIdentity, settings: ConflictSettings, now: string): Conflict[] {
  const at = nowOf(now);
  const code = applicant.creditCode.trim().toUpperCase();
  const name = normaliseOrganisationName(applicant.organisationName);
  for (const employer of reviewer.employers) {
    if (!employmentIsRecent(employer.endedOn, settings.conflicts.employmentYears, at)) continue;
    if (employer.creditCode !== undefined && code !== '' && employer.creditCode.trim().toUpperCase() === code) {
      return [{ source: 'detected', kind: 'employment', match: 'creditCode' }];
    }
    if (name !== '' && normaliseOrganisationName(employer.organisationName) === name) return [{ source: 'detected', kind: 'employment', match: 'name' }];
  }
  return [];
}

/** The outcome of {@link checkAssignment}. */
export type AssignmentCheck = { readonly allowed: true } | { readonly allowed: false; readonly code: ConflictErrorCode; readonly conflicts: readonly Conflict[] };

/** Everything {@link checkAssignment} looks at. */
export interface AssignmentCandidate {
  readonly reviewer: ReviewerProfile;
  readonly applicant: ApplicantIdentity;
  /** The reviewer's declaration for this application; absent if none was made. */
  readonly declaration?: ConflictDeclaration;
  readonly now: string;
}

// DOMAIN.md "Conflicts of interest": a reviewer sees an application only after declaring, signing, and having no conflict declared or detected.
/** Whether a reviewer may be assigned to an application (detected conflicts first, then the declaration). */
export function checkAssignment(candidate: AssignmentCandidate, settings: ConflictSettings): AssignmentCheck {
  const { reviewer, applicant, declaration, now } = candidate;
  const detected = detectConflicts(reviewer, applicant, settings, now);
  if (detected.length > 0) return { allowed: false, code: 'CONFLICT_OF_INTEREST', conflicts: detected };
  if (!declaration || declaration.reviewerId !== reviewer.reviewerId || declaration.applicationId !== applicant.applicationId) {
    return { allowed: false, code: 'DECLARATION_REQUIRED', conflicts: [] };
  }
  if (!declaration.confidentialitySigned || !declaration.impartialitySigned) return { allowed: false, code: 'DECLARATION_UNSIGNED', conflicts: [] };
  const declared = declaredConflicts(declaration, settings, now);
  return declared.length > 0 ? { allowed: false, code: 'CONFLICT_OF_INTEREST', conflicts: declared } : { allowed: true };
}

/** Like {@link checkAssignment}, but throws {@link ConflictOfInterestError} when the assignment is refused. */
export function assertAssignable(candidate: AssignmentCandidate, settings: ConflictSettings): void {
  const check = checkAssignment(candidate, settings);
  if (!check.allowed) throw new ConflictOfInterestError(check.code, check.conflicts);
}

/** The event recording a declaration (the audit chain keeps every declaration, with or without conflict). */
export function declarationEvent(roundId: string, declaration: ConflictDeclaration): DomainEvent {
  return {
    type: 'declaration.made',
    at: declaration.declaredAt,
    roundId,
    applicationId: declaration.applicationId,
    data: {
      reviewerId: declaration.reviewerId,
      kinds: declaration.relations.map((r) => r.kind),
      confidentialitySigned: declaration.confidentialitySigned,
      impartialitySigned: declaration.impartialitySigned,
    },
  };
}

// DOMAIN.md: recusals during review are logged.
/** The event recording a reviewer stepping back from an application during review. */
export function recusalEvent(input: { roundId: string; applicationId: string; reviewerId: string; kind: ConflictKind; reason: string; at: string }): DomainEvent {
  return {
    type: 'recusal.logged',
    at: input.at,
    roundId: input.roundId,
    applicationId: input.applicationId,
    data: { reviewerId: input.reviewerId, kind: input.kind, reason: input.reason },
  };
}
