import type { Logger } from '@aws-lambda-powertools/logger';
import type * as v from 'valibot';
import type { EditFeedbackBody, FeedbackReleasedResponse, FeedbackReportView, RoundFeedbackResponse } from '../../../shared/api/feedback';
import { roundScope } from '../../../shared/audit/chain';
import { GBT19580_2012 } from '../../../shared/criteria';
import { momentText, type Text } from '../../../shared/messages';
import { parseRoundConfig } from '../../../shared/round';
import type { RoundStage } from '../../../shared/stages';
import { bandFor } from '../../../shared/scoring/bands';
import type { Percentage } from '../../../shared/scoring/percentage';
import type { ApplicationRecord, ApplicationsRepository } from '../../lib/applications/repository';
import { WriteConditionError, type AuditLog } from '../../lib/audit/log';
import type { AwardsStore, RoundRecord } from '../../lib/awards/store';
import type { FeedbackReleaseRecord, FeedbackStore, FeedbackWordingRecord } from '../../lib/feedback/store';
import { AppError, conflict, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { IdentityStore } from '../../lib/identity/store';
import { bilingualMail, type Mailer } from '../../lib/mail';
import type { ConsensusTexts, ReviewProgressReader } from '../../lib/reviews/progress';

/** What the feedback reports need: the round's records (read), the office's wording and release (written through the audit log), the mailer. */
export interface FeedbackDeps {
  readonly audit: AuditLog;
  readonly awards: AwardsStore;
  readonly applications: ApplicationsRepository;
  readonly reviews: ReviewProgressReader;
  readonly feedback: FeedbackStore;
  readonly identity: Pick<IdentityStore, 'getPerson'>;
  readonly mailer: Mailer;
  readonly logger: Pick<Logger, 'error'>;
}

const actorOf = (session: Session) => ({ personId: session.personId, role: session.role });
const criteria = GBT19580_2012;

/** The round of a programme the caller works in (404 for another programme's). */
async function programmeRound(deps: Pick<FeedbackDeps, 'awards'>, session: Session, roundId: string): Promise<RoundRecord> {
  const round = roundId ? await deps.awards.getProgrammeRound(session.programmeId, roundId) : undefined;
  if (!round) throw notFound();
  return round;
}

const showScoresOf = (round: RoundRecord) => {
  const parsed = parseRoundConfig(round.config);
  return parsed.ok ? parsed.config.feedback?.showScores === true : false;
};
const timeZoneOf = (round: RoundRecord) => {
  const parsed = parseRoundConfig(round.config);
  return parsed.ok ? parsed.config.timeZone : 'Asia/Shanghai';
};

/** The consensus a report rests on: the on-site one for a visited applicant, else the material review's; none: no report. */
function basisOf(consensus: readonly ConsensusTexts[]): { basis: ConsensusTexts; visited: boolean } | undefined {
  const onSite = consensus.find((c) => c.stage === 'onSite');
  const material = consensus.find((c) => c.stage === 'materialReview');
  if (onSite) return { basis: onSite, visited: true };
  return material ? { basis: material, visited: false } : undefined;
}

/**
 * One report (DOMAIN.md stage 11, issue 12): per item the consensus band (the percentage only when the round shows
 * scores), the texts the team agreed or — once the office edited them — the office's wording; never a member's name.
 */
function reportOf(
  app: ApplicationRecord,
  round: RoundRecord,
  programme: Text,
  basis: { basis: ConsensusTexts; visited: boolean },
  wording: FeedbackWordingRecord | undefined,
  release: FeedbackReleaseRecord | undefined,
): FeedbackReportView {
  const showScores = showScoresOf(round);
  const items: Record<string, FeedbackReportView['items'][string]> = {};
  for (const item of criteria.items) {
    const agreed = basis.basis.items[item.id];
    if (!agreed) continue;
    const worded = wording?.items[item.id];
    items[item.id] = {
      band: bandFor(agreed.percent as Percentage).level,
      ...(showScores ? { percent: agreed.percent } : {}),
      strengths: worded ? worded.strengths : agreed.strengths,
      opportunities: worded ? worded.opportunities : agreed.opportunities,
    };
  }
  const themes: Record<string, string> = {};
  for (const category of criteria.categories) {
    const text = wording?.themes[category.id] ?? basis.basis.themes[category.id] ?? '';
    if (text) themes[category.id] = text;
  }
  const findings = basis.visited ? (wording?.findings ?? basis.basis.findings) : '';
  return {
    roundId: round.roundId,
    applicationId: app.applicationId,
    organisation: app.organisation.name,
    programme,
    round: round.name,
    timeZone: timeZoneOf(round),
    stage: basis.basis.stage,
    visited: basis.visited,
    showScores,
    items,
    themes,
    ...(findings ? { findings } : {}),
    version: wording?.version ?? 0,
    ...(wording ? { editedAt: wording.editedAt } : {}),
    ...(release?.applicationIds.includes(app.applicationId) ? { releasedAt: release.releasedAt } : {}),
  };
}

const programmeName = async (deps: Pick<FeedbackDeps, 'awards'>, programmeId: string): Promise<Text> =>
  (await deps.awards.getProgramme(programmeId))?.name ?? { 'zh-CN': programmeId, en: programmeId };

/** Applications that reached material review and may get a report: not withdrawn, with a consensus. */
const reportable = (app: ApplicationRecord) => app.status !== 'withdrawn' && app.eligibility?.decision === 'eligible';

/**
 * One application's report. Its owner reads it only once released; the office and supervisors of its programme
 * always (a draft until released). Anyone else, an application without a report, or an owner before the release:
 * 404, the same answer as for an id that does not exist.
 */
export async function readFeedback(deps: FeedbackDeps, session: Session, applicationId: string): Promise<FeedbackReportView> {
  const app = applicationId ? await deps.applications.get(applicationId) : undefined;
  const owner = session.role === 'applicant';
  const entitled = app && (owner ? app.ownerPersonId === session.personId : app.programmeId === session.programmeId);
  if (!app || !entitled) throw notFound();
  const [round, consensus, wording, release, programme] = await Promise.all([
    deps.awards.getProgrammeRound(app.programmeId, app.roundId),
    deps.reviews.consensusTextsOfRound(app.roundId, applicationId),
    deps.feedback.wording(app.roundId, applicationId),
    deps.feedback.release(app.roundId),
    programmeName(deps, app.programmeId),
  ]);
  const basis = basisOf(consensus);
  if (!round || !basis || !reportable(app)) throw notFound();
  if (owner && !release?.applicationIds.includes(applicationId)) throw notFound();
  return reportOf(app, round, programme, basis, wording, release);
}

/** The round's reports for the office and supervisors: who has one, which were edited, whether they are released. */
export async function listRoundFeedback(deps: FeedbackDeps, session: Session, roundId: string): Promise<RoundFeedbackResponse> {
  const round = await programmeRound(deps, session, roundId);
  const [applications, consensus, stored] = await Promise.all([
    deps.applications.listRound(roundId),
    deps.reviews.consensusTextsOfRound(roundId),
    deps.feedback.ofRound(roundId),
  ]);
  const wordings = new Map(stored.wordings.map((w) => [w.applicationId, w]));
  const reports = applications
    .filter(reportable)
    .flatMap((app) => {
      const basis = basisOf(consensus.filter((c) => c.applicationId === app.applicationId));
      if (!basis) return [];
      const wording = wordings.get(app.applicationId);
      return [{ applicationId: app.applicationId, organisation: app.organisation.name, visited: basis.visited, version: wording?.version ?? 0, ...(wording ? { editedAt: wording.editedAt } : {}) }];
    })
    .sort((a, b) => a.organisation.localeCompare(b.organisation, 'zh-CN'));
  return {
    roundId,
    round: round.name,
    roundStage: round.stage as RoundStage,
    timeZone: timeZoneOf(round),
    showScores: showScoresOf(round),
    reports,
    ...(stored.release ? { released: { at: stored.release.releasedAt, count: stored.release.applicationIds.length } } : {}),
  };
}

/** The refusal of a change after the release: final, and says when it happened. */
const releasedError = (release: FeedbackReleaseRecord, timeZone: string) =>
  new AppError('FEEDBACK_RELEASED', 409, { releasedAt: release.releasedAt }, { releasedAt: momentText(release.releasedAt, timeZone) });

/**
 * The office words one report (issue 12): the whole set of texts, on the version read (stale: 409 CONFLICT), never
 * after the round's release (409 FEEDBACK_RELEASED); one audit entry per edit.
 */
export async function editFeedback(
  deps: FeedbackDeps,
  session: Session,
  applicationId: string,
  input: v.InferOutput<typeof EditFeedbackBody>,
  now: Date,
  requestId: string,
): Promise<FeedbackReportView> {
  const app = applicationId ? await deps.applications.get(applicationId) : undefined;
  if (!app || app.programmeId !== session.programmeId) throw notFound();
  const [round, consensus, current, release, programme] = await Promise.all([
    deps.awards.getProgrammeRound(app.programmeId, app.roundId),
    deps.reviews.consensusTextsOfRound(app.roundId, applicationId),
    deps.feedback.wording(app.roundId, applicationId),
    deps.feedback.release(app.roundId),
    programmeName(deps, app.programmeId),
  ]);
  const basis = basisOf(consensus);
  if (!round || !basis || !reportable(app)) throw notFound();
  if (release) throw releasedError(release, timeZoneOf(round));
  if (input.version !== (current?.version ?? 0)) throw conflict('CONFLICT', { version: current?.version ?? 0 });
  const unknownItem = Object.keys(input.items).find((id) => !basis.basis.items[id]);
  if (unknownItem) throw new AppError('UNKNOWN_ITEM', 422, { itemId: unknownItem }, { itemId: unknownItem });
  const unknownCategory = Object.keys(input.themes).find((id) => !criteria.categories.some((c) => c.id === id));
  if (unknownCategory) throw new AppError('UNKNOWN_CATEGORY', 422, { categoryId: unknownCategory }, { categoryId: unknownCategory });
  if (input.findings !== undefined && !basis.visited) throw new AppError('FINDINGS_ONSITE_ONLY', 422);

  // The wording is whole: what the page sent over what was worded before, over the team's texts.
  const before = reportOf(app, round, programme, basis, current, undefined);
  const items = Object.fromEntries(
    Object.entries(before.items).map(([id, item]) => [id, input.items[id] ?? { strengths: item.strengths, opportunities: item.opportunities }]),
  );
  const record: FeedbackWordingRecord = {
    roundId: app.roundId,
    programmeId: app.programmeId,
    applicationId,
    items,
    themes: { ...before.themes, ...input.themes },
    ...(basis.visited ? { findings: input.findings ?? before.findings ?? '' } : {}),
    version: (current?.version ?? 0) + 1,
    editedAt: now.toISOString(),
    editedBy: session.personId,
  };
  try {
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'feedback.edited',
      target: { type: 'application', id: applicationId },
      context: { applicationId, stage: round.stage },
      state: record,
      requestId,
      now,
      writes: [deps.feedback.wordingPut(record, current?.version ?? 0), deps.feedback.notReleased(app.roundId)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError && error.index === 0) throw conflict('CONFLICT', { version: current?.version ?? 0 });
    if (error instanceof WriteConditionError && error.index === 1) {
      const made = await deps.feedback.release(app.roundId);
      if (made) throw releasedError(made, timeZoneOf(round));
    }
    throw error;
  }
  return reportOf(app, round, programme, basis, record, undefined);
}

/** How many owners are mailed at once. */
const MAIL_CONCURRENCY = 8;

/**
 * The office releases every report of the round in one audited action (issue 12), once the round is at the
 * announcement (DOMAIN.md stage 11): final — no wording changes after it, a second release is refused. Each owner is
 * then mailed, in Chinese and English, that the report is on their dashboard (a failed mail is logged).
 */
export async function releaseFeedback(deps: FeedbackDeps, session: Session, roundId: string, now: Date, requestId: string): Promise<FeedbackReleasedResponse> {
  const round = await programmeRound(deps, session, roundId);
  const existing = await deps.feedback.release(roundId);
  if (existing) throw releasedError(existing, timeZoneOf(round));
  if (round.stage !== 'announcement') throw new AppError('FEEDBACK_NOT_READY', 422, { stage: round.stage });
  const list = await listRoundFeedback(deps, session, roundId);
  if (list.reports.length === 0) throw new AppError('FEEDBACK_NONE', 422);
  const record: FeedbackReleaseRecord = {
    roundId,
    programmeId: round.programmeId,
    releasedAt: now.toISOString(),
    releasedBy: session.personId,
    applicationIds: list.reports.map((r) => r.applicationId),
  };
  try {
    await deps.audit.commit({
      scope: roundScope(roundId),
      actor: actorOf(session),
      action: 'feedback.released',
      target: { type: 'round', id: roundId },
      context: { stage: round.stage },
      state: record,
      requestId,
      now,
      writes: [deps.feedback.releasePut(record)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) {
      const made = await deps.feedback.release(roundId);
      if (made) throw releasedError(made, timeZoneOf(round));
    }
    throw error;
  }

  const programme = await programmeName(deps, round.programmeId);
  let mailed = 0;
  let failed = 0;
  const queue = [...record.applicationIds];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        const app = await deps.applications.get(id);
        const owner = app ? await deps.identity.getPerson(app.ownerPersonId) : undefined;
        if (!app || !owner) throw new Error(`owner of ${id} not found`);
        const params = { organisation: app.organisation.name, programme, round: round.name };
        await deps.mailer.send(bilingualMail(owner.email, 'feedback.mail.subject', 'feedback.mail.body', () => params), now);
        mailed += 1;
      } catch (error) {
        failed += 1;
        deps.logger.error('feedback mail failed', { roundId, applicationId: id, error: String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: MAIL_CONCURRENCY }, worker));
  return { roundId, releasedAt: record.releasedAt, released: record.applicationIds.length, mailed, failed };
}
