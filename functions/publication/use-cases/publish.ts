import { createHash } from 'node:crypto';
import { LETTERS_TIME_BUDGET_MS } from '../../../shared/api/letters';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { Logger } from '@aws-lambda-powertools/logger';
import type * as v from 'valibot';
import {
  publicationPath,
  type ChainHead,
  type PublicationKind,
  type PublicationsResponse,
  type PublicationView,
  type PublishedDocument,
  type PublishedEntry,
  type RepublishBody,
} from '../../../shared/api/outcome';
import { roundScope, type AuditEntry } from '../../../shared/audit/chain';
import { parseRoundConfig } from '../../../shared/round';
import { formatFinalScore } from '../../../shared/scoring';
import type { RoundStage } from '../../../shared/stages';
import { WriteConditionError, type AuditLog } from '../../lib/audit/log';
import type { AwardsStore, RoundRecord } from '../../lib/awards/store';
import type { Clients } from '../../lib/clients';
import { bucketName, type Config } from '../../lib/config';
import { AppError, conflict, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { proposedWinners, winnersOf } from '../../lib/outcome/progress';
import type { OutcomeStore, PublicationRecord, RoundOutcome, StandingRecord } from '../../lib/outcome/store';
import { lettersAfter, roundAtVersion, type RoundDeps } from './rounds';

/** What publishing needs: the round and its outcome (read), the web bucket (the published results), the audit log (the only writer). */
export interface PublishDeps {
  readonly audit: AuditLog;
  readonly awards: AwardsStore;
  readonly outcome: OutcomeStore;
  readonly clients: Pick<Clients, 's3'>;
  readonly config: Config;
  readonly logger: Pick<Logger, 'error'>;
}

/** The document a stage publishes when the round reaches it: the notice at the public notice, the winners at the announcement. */
export function publicationOfStage(stage: string): PublicationKind | undefined {
  return stage === 'publicNotice' ? 'notice' : stage === 'announcement' ? 'announcement' : undefined;
}

/** A published document is short-lived in caches: a republication must reach readers within minutes. */
const RESULTS_CACHE_CONTROL = 'public, max-age=60';

/** The key of a published document in the web bucket (`results/<roundId>/<kind>.json`, served at the same path). */
export const publicationKey = (roundId: string, kind: PublicationKind) => publicationPath(roundId, kind).slice(1);

/** The chain head an entry is, as a published document carries it. */
export const chainHeadOf = (entry: Pick<AuditEntry, 'scope' | 'seq' | 'hash'>): ChainHead => ({ scope: entry.scope, sequence: entry.seq, hash: entry.hash });

// DOMAIN.md stages 10–11: the notice lists the proposed winners, the announcement the winners (no upheld objection).
// Only what the public may see: the organisation, its place in the list and its final score — no stage scores, no people.
/** The published entries of a kind, best first; `rank` is the place in the published list (1 + those strictly ahead in the ranking; a full tie shares it). */
export function publishedEntries(kind: PublicationKind, outcome: RoundOutcome): PublishedEntry[] {
  const listed: StandingRecord[] = kind === 'notice' ? proposedWinners(outcome) : winnersOf(outcome);
  return listed.map((s) => ({
    rank: 1 + listed.filter((other) => other.rank < s.rank).length,
    organisation: { name: s.organisation.name, district: s.organisation.district, industry: s.organisation.industry },
    finalScore: formatFinalScore(s.final),
  }));
}

/** What a published document is built from. */
export interface PublicationSource {
  readonly kind: PublicationKind;
  readonly round: Pick<RoundRecord, 'roundId' | 'name' | 'programmeId' | 'noticeOpenedAt' | 'noticeEndsAt'>;
  readonly programmeName: PublishedDocument['programmeName'];
  readonly noticeDays: number;
  readonly outcome: RoundOutcome;
  readonly head: ChainHead;
  readonly now: Date;
}

/** The published document of a round (pure). */
export function publishedDocument(source: PublicationSource): PublishedDocument {
  const { kind, round } = source;
  return {
    kind,
    programmeId: round.programmeId,
    programmeName: source.programmeName,
    roundId: round.roundId,
    roundName: { 'zh-CN': round.name['zh-CN'], en: round.name.en },
    publishedAt: source.now.toISOString(),
    notice: { openedAt: round.noticeOpenedAt ?? '', endsAt: round.noticeEndsAt ?? '', days: source.noticeDays },
    entries: publishedEntries(kind, source.outcome),
    chainHead: source.head,
  };
}

/** SHA-256 (hex) of published bytes. */
export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Publishes the round's document of `kind` carrying `head` (the chain's head
 * once caught up: `AuditLog.caughtUp`, so it covers every change committed
 * before the publication): writes the JSON to the web bucket, then commits one
 * `publication.published` entry with the record of what was written (its
 * SHA-256, the head). The bytes go out first, so a record always describes
 * bytes that were written; a failed commit leaves a document without a record,
 * which the office's republication replaces.
 */
export async function publishRound(
  deps: PublishDeps,
  session: Session,
  round: RoundRecord,
  kind: PublicationKind,
  head: ChainHead,
  now: Date,
  requestId: string,
): Promise<PublicationRecord> {
  const parsed = parseRoundConfig(round.config);
  if (!parsed.ok) throw new AppError('ROUND_NOT_CONFIGURED', 422);
  const [outcome, programme] = await Promise.all([deps.outcome.ofRound(round.roundId), deps.awards.getProgramme(round.programmeId)]);
  const document = publishedDocument({
    kind,
    round,
    programmeName: programme?.name ?? { 'zh-CN': round.programmeId, en: round.programmeId },
    noticeDays: parsed.config.publicNoticeDays,
    outcome,
    head,
    now,
  });
  const bytes = Buffer.from(JSON.stringify(document), 'utf8');
  await deps.clients.s3.send(
    new PutObjectCommand({
      Bucket: bucketName(deps.config, 'web'),
      Key: publicationKey(round.roundId, kind),
      Body: bytes,
      ContentType: 'application/json; charset=utf-8',
      CacheControl: RESULTS_CACHE_CONTROL,
    }),
  );
  const record: PublicationRecord = {
    at: now.toISOString(),
    by: session.personId,
    byName: session.name,
    kind,
    path: publicationPath(round.roundId, kind),
    sha256: sha256Hex(bytes),
    chainHead: head,
  };
  await deps.audit.commit({
    scope: roundScope(round.roundId),
    actor: { personId: session.personId, role: session.role },
    action: 'publication.published',
    target: { type: 'round', id: round.roundId },
    context: { stage: round.stage },
    state: record,
    requestId,
    now,
    writes: [deps.outcome.publicationPut(round.roundId, record)],
  });
  return record;
}

/** A round of the caller's programme, read consistently; any other is "not found". */
export async function programmeRound(deps: Pick<PublishDeps, 'awards'>, session: Session, roundId: string): Promise<RoundRecord> {
  const round = roundId ? await deps.awards.getProgrammeRound(session.programmeId, roundId) : undefined;
  if (!round) throw notFound();
  return round;
}

/** The round's publications, oldest first. */
async function publicationsOf(deps: Pick<PublishDeps, 'outcome'>, round: RoundRecord): Promise<PublicationsResponse> {
  const { publications } = await deps.outcome.ofRound(round.roundId);
  const ordered = [...publications].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind < b.kind ? -1 : 1));
  return { roundId: round.roundId, roundStage: round.stage as RoundStage, publications: ordered satisfies readonly PublicationView[] };
}

/** Every document published for a round of the caller's programme (the office, supervisors). */
export async function listPublications(deps: Pick<PublishDeps, 'awards' | 'outcome'>, session: Session, roundId: string): Promise<PublicationsResponse> {
  return publicationsOf(deps, await programmeRound(deps, session, roundId));
}

/**
 * The office publishes the current stage's document again (the notice at the
 * public notice, the winners at the announcement) with the chain's current
 * head — when the publication that goes with the stage move did not complete.
 * Based on the round version read (stale: 409); another stage: 422 NOTHING_TO_PUBLISH.
 */
export async function republish(
  deps: PublishDeps & Partial<Pick<RoundDeps, 'letters' | 'identity' | 'mailer' | 'applications' | 'reviews'>>,
  session: Session,
  roundId: string,
  input: v.InferOutput<typeof RepublishBody>,
  now: Date,
  requestId: string,
): Promise<PublicationsResponse> {
  const stopAt = performance.now() + LETTERS_TIME_BUDGET_MS;
  const round = await roundAtVersion(deps, session, roundId, input.version);
  const kind = publicationOfStage(round.stage);
  if (!kind) throw new AppError('NOTHING_TO_PUBLISH', 422, { stage: round.stage });
  // The head once the linker has caught up: it covers every change committed before this request.
  const head = await deps.audit.caughtUp(roundScope(roundId));
  // Every round's chain starts with its creation.
  if (!head) throw new Error(`round ${roundId} has no audit chain`);
  try {
    await publishRound(deps, session, round, kind, chainHeadOf(head), now, requestId);
  } catch (error) {
    // Two republications in the same millisecond: the second record's key is taken.
    if (error instanceof WriteConditionError) throw conflict();
    throw error;
  }
  // The letters that waited for this publication (proposed winners, winners and their certificates) go out now.
  await lettersAfter(deps, session, round, now, requestId, stopAt);
  return publicationsOf(deps, round);
}
