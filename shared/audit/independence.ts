/**
 * Independent scoring, provable (issue 15; DOMAIN.md "every member scores
 * independently first and cannot see the others' scores until submitting").
 * Per team (application and review stage), from the round's chain and the
 * records a supervisor can read: every submitted card is what its
 * `scorecard.submitted` entry committed; no card changed after that commit;
 * the consensus came after every commit it names, and names them by hash; and
 * nobody read a teammate's card (`scorecard.read`) before their own card was
 * committed or they stepped aside. Pure: digests are computed by the caller
 * (the CLI from the tables, the workspace with WebCrypto from the API's views).
 */
import type { AuditEntry } from './chain';

/** A stored card as the check needs it: its status and, once submitted, the digest of its view (its committed hash). */
export interface CardFact {
  readonly applicationId: string;
  readonly stage: string;
  readonly reviewerId: string;
  readonly submitted: boolean;
  readonly digest?: string;
}

/** A stored consensus: the digest of the record and the cards it names. */
export interface ConsensusFact {
  readonly applicationId: string;
  readonly stage: string;
  readonly digest: string;
  readonly cards?: readonly { readonly reviewerId: string; readonly digest: string }[];
}

/** What does not hold, naming the member (when one) and the entry. */
export type IndependenceProblem =
  /** A submitted card differs from what its submission committed (or is gone, or no longer submitted). */
  | 'cardDiffers'
  /** A card was saved or submitted again after its commit. */
  | 'changedAfterCommit'
  /** A card is stored as submitted with no submission in the chain. */
  | 'cardUncommitted'
  /** The consensus stored differs from what its entry committed. */
  | 'consensusDiffers'
  /** The consensus does not name the cards it was based on. */
  | 'consensusNamesNoCards'
  /** The consensus names a card whose commit is not before it, or a different hash. */
  | 'consensusBeforeCard'
  /** A member read a teammate's card before their own card was committed (or they stepped aside). */
  | 'readBeforeOwnSubmission';

/** One finding of the check. */
export interface IndependenceFinding {
  readonly problem: IndependenceProblem;
  readonly reviewerId?: string;
  readonly seq?: number;
}

/** The check of one team. */
export interface TeamIndependence {
  readonly applicationId: string;
  readonly stage: string;
  /** Cards committed by a submission. */
  readonly cards: number;
  /** Recorded reads of teammates' cards. */
  readonly reads: number;
  readonly consensus: boolean;
  readonly findings: readonly IndependenceFinding[];
}

const REVIEW_STAGES = new Set(['materialReview', 'onSite']);

function splitId(id: string): [string, string, string | undefined] | undefined {
  const [applicationId, stage, personId] = id.split('/');
  if (!applicationId || !stage || !REVIEW_STAGES.has(stage)) return undefined;
  return [applicationId, stage, personId];
}

interface TeamTrail {
  readonly submitted: Map<string, AuditEntry>;
  readonly changedAfter: Map<string, AuditEntry>;
  readonly steppedAside: Map<string, AuditEntry>;
  readonly reads: AuditEntry[];
  consensus?: AuditEntry;
}

/** Checks every team the chain or the records mention, in the order of their first mention. */
export function checkIndependence(entries: readonly AuditEntry[], cards: readonly CardFact[], consensuses: readonly ConsensusFact[]): TeamIndependence[] {
  const teams = new Map<string, TeamTrail & { applicationId: string; stage: string }>();
  const team = (applicationId: string, stage: string) => {
    const key = `${applicationId}/${stage}`;
    let t = teams.get(key);
    if (!t) teams.set(key, (t = { applicationId, stage, submitted: new Map(), changedAfter: new Map(), steppedAside: new Map(), reads: [] }));
    return t;
  };
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    const ids = splitId(e.target.id);
    if (!ids) continue;
    const [applicationId, stage, personId] = ids;
    if (e.target.type === 'scorecard' && personId && (e.action === 'scorecard.saved' || e.action === 'scorecard.submitted')) {
      const t = team(applicationId, stage);
      if (t.submitted.has(personId)) {
        if (!t.changedAfter.has(personId)) t.changedAfter.set(personId, e);
      } else if (e.action === 'scorecard.submitted') t.submitted.set(personId, e);
    } else if (e.target.type === 'assignment' && personId && e.action === 'recusal.logged') {
      const t = team(applicationId, stage);
      if (!t.steppedAside.has(personId)) t.steppedAside.set(personId, e);
    } else if (e.target.type === 'cardRead' && personId && e.action === 'scorecard.read') {
      team(applicationId, stage).reads.push(e);
    } else if (e.target.type === 'consensus' && e.action === 'consensus.recorded') {
      team(applicationId, stage).consensus ??= e;
    }
  }
  for (const c of cards) if (REVIEW_STAGES.has(c.stage)) team(c.applicationId, c.stage);
  for (const c of consensuses) if (REVIEW_STAGES.has(c.stage)) team(c.applicationId, c.stage);

  return [...teams.values()].map((t) => {
    const findings: IndependenceFinding[] = [];
    const stored = new Map(cards.filter((c) => c.applicationId === t.applicationId && c.stage === t.stage).map((c) => [c.reviewerId, c]));
    for (const [reviewerId, commit] of t.submitted) {
      const card = stored.get(reviewerId);
      if (!card?.submitted || card.digest !== commit.stateDigest) findings.push({ problem: 'cardDiffers', reviewerId, seq: commit.seq });
      const later = t.changedAfter.get(reviewerId);
      if (later) findings.push({ problem: 'changedAfterCommit', reviewerId, seq: later.seq });
    }
    for (const card of stored.values()) {
      if (card.submitted && !t.submitted.has(card.reviewerId)) findings.push({ problem: 'cardUncommitted', reviewerId: card.reviewerId });
    }
    const consensus = consensuses.find((c) => c.applicationId === t.applicationId && c.stage === t.stage);
    if (t.consensus) {
      const at = t.consensus.seq;
      if (!consensus || consensus.digest !== t.consensus.stateDigest) findings.push({ problem: 'consensusDiffers', seq: at });
      else if (!consensus.cards?.length) findings.push({ problem: 'consensusNamesNoCards', seq: at });
      else {
        for (const named of consensus.cards) {
          const commit = t.submitted.get(named.reviewerId);
          if (!commit || commit.seq > at || commit.stateDigest !== named.digest) findings.push({ problem: 'consensusBeforeCard', reviewerId: named.reviewerId, seq: at });
        }
      }
    } else if (consensus) findings.push({ problem: 'consensusDiffers' });
    for (const read of t.reads) {
      const reader = splitId(read.target.id)![2]!;
      const own = [t.submitted.get(reader), t.steppedAside.get(reader)].filter((e): e is AuditEntry => e !== undefined);
      if (!own.some((e) => e.seq < read.seq)) findings.push({ problem: 'readBeforeOwnSubmission', reviewerId: reader, seq: read.seq });
    }
    return { applicationId: t.applicationId, stage: t.stage, cards: t.submitted.size, reads: t.reads.length, consensus: t.consensus !== undefined, findings };
  });
}
