import { ROUND_STAGES, type ApplicationStatus, type RoundStage } from '../stages';

/**
 * The result letters (结果通知) an applicant receives, one of each kind at most,
 * in the order the round gives them (DOMAIN.md "The round, stage by stage").
 */
export const LETTER_KINDS = [
  'eligible',
  'ineligible',
  'notShortlisted',
  'siteVisit',
  'belowThreshold',
  'notProposed',
  'proposed',
  'awarded',
  'notAwarded',
] as const;

/** A kind of result letter. */
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The stage whose move sends a kind of letter: the results of the stage before it are recorded by then (the stage guards). */
export const LETTER_STAGE: Readonly<Record<LetterKind, RoundStage>> = {
  eligible: 'materialReview',
  ineligible: 'materialReview',
  notShortlisted: 'onSite',
  siteVisit: 'onSite',
  belowThreshold: 'opinions',
  notProposed: 'publicNotice',
  proposed: 'publicNotice',
  awarded: 'announcement',
  notAwarded: 'announcement',
};

/** What the round has recorded, as the letters read it. */
export interface LetterFacts {
  /** The round's current stage. */
  readonly stage: RoundStage;
  readonly applications: readonly {
    readonly applicationId: string;
    readonly status: 'registered' | 'submitted' | 'withdrawn';
    readonly eligibility?: { readonly decision: 'eligible' | 'ineligible'; readonly reason: string };
  }[];
  /** The site-visit shortlist decisions (stage 4). */
  readonly shortlist: readonly { readonly applicationId: string; readonly shortlisted: boolean }[];
  /** The recorded evaluation's standings (stage 7); empty before it is recorded. */
  readonly standings: readonly { readonly applicationId: string; readonly candidate: boolean }[];
  /** Candidates a department objected to (stage 8): they go to no vote. */
  readonly objected: readonly string[];
  /** Candidates the committee voted on (stage 9), and whether it proposed them. */
  readonly votes: readonly { readonly applicationId: string; readonly proposed: boolean }[];
  /** Proposed winners an upheld objection took out (stage 10). */
  readonly notAwarded: readonly string[];
  /** Whether the public notice and the announcement have been published (their letters point at them). */
  readonly noticePublished: boolean;
  readonly announcementPublished: boolean;
}

/** One letter the round owes an applicant. */
export interface DueLetter {
  readonly applicationId: string;
  readonly kind: LetterKind;
  /** The office's reason (eligibility). */
  readonly reason?: string;
}

const reached = (stage: RoundStage, at: RoundStage) => ROUND_STAGES.indexOf(stage) >= ROUND_STAGES.indexOf(at);

// DOMAIN.md stages 3–11: each stage's result reaches the applicant when the office moves the round past it, never
// before (a decision can still change until then); a withdrawn application gets nothing more.
/** Every letter owed at the round's current stage (those already sent included: the caller skips them). */
export function dueLetters(facts: LetterFacts): DueLetter[] {
  const out: DueLetter[] = [];
  const active = new Set(facts.applications.filter((a) => a.status === 'submitted').map((a) => a.applicationId));
  const add = (applicationId: string, kind: LetterKind, reason?: string) => {
    if (active.has(applicationId)) out.push({ applicationId, kind, ...(reason !== undefined ? { reason } : {}) });
  };
  if (reached(facts.stage, 'materialReview')) {
    for (const a of facts.applications) if (a.eligibility) add(a.applicationId, a.eligibility.decision, a.eligibility.reason);
  }
  const eligible = new Set(facts.applications.filter((a) => a.eligibility?.decision === 'eligible').map((a) => a.applicationId));
  if (reached(facts.stage, 'onSite')) {
    for (const s of facts.shortlist) if (eligible.has(s.applicationId)) add(s.applicationId, s.shortlisted ? 'siteVisit' : 'notShortlisted');
  }
  if (reached(facts.stage, 'opinions')) {
    for (const s of facts.standings) if (!s.candidate) add(s.applicationId, 'belowThreshold');
  }
  if (reached(facts.stage, 'publicNotice') && facts.noticePublished) {
    const candidates = new Set(facts.standings.filter((s) => s.candidate).map((s) => s.applicationId));
    for (const id of facts.objected) if (candidates.has(id)) add(id, 'notProposed');
    for (const v of facts.votes) if (candidates.has(v.applicationId)) add(v.applicationId, v.proposed ? 'proposed' : 'notProposed');
  }
  if (reached(facts.stage, 'announcement') && facts.announcementPublished) {
    const out2 = new Set(facts.notAwarded);
    for (const v of facts.votes) if (v.proposed) add(v.applicationId, out2.has(v.applicationId) ? 'notAwarded' : 'awarded');
  }
  return out;
}

/**
 * Where an application stands as its owner may know it (shared/stages `ApplicationStatus`): the letters it has
 * received and the stages the round has moved through since — never a result whose letter has not gone out.
 */
export function applicationStatusInRound(base: 'registered' | 'submitted' | 'withdrawn', letters: readonly LetterKind[], stage: RoundStage): ApplicationStatus {
  if (base !== 'submitted') return base;
  const latest = [...letters].sort((a, b) => LETTER_KINDS.indexOf(b) - LETTER_KINDS.indexOf(a))[0];
  switch (latest) {
    case undefined:
      return 'submitted';
    case 'eligible':
      return 'eligible';
    case 'siteVisit':
      // Each later stage is entered only once the one before is done for every application before it (the stage guards).
      if (reached(stage, 'opinions')) return 'candidate';
      if (reached(stage, 'comprehensiveEvaluation')) return 'defended';
      return reached(stage, 'defense') ? 'visited' : 'shortlisted';
    case 'awarded':
      return 'winner';
    default:
      return latest;
  }
}

/** A certificate number: the programme, the year of the announcement and the winner's place, `CITY-2026-01`. */
export function certificateNumber(programmeId: string, year: number, n: number): string {
  return `${programmeId.toUpperCase()}-${year}-${String(n).padStart(2, '0')}`;
}

/** Whether a text looks like a certificate number (the public check refuses anything else without a lookup). */
export function isCertificateNumber(text: string): boolean {
  return /^[A-Z0-9][A-Z0-9-]{0,62}-\d{4}-\d{2,4}$/.test(text);
}
