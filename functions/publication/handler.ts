import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, DynamoDBStreamEvent } from 'aws-lambda';
import { LETTERS_TIME_BUDGET_MS } from '../../shared/api/letters';
import { ApplicationsRepository } from '../lib/applications/repository';
import { archiveStream, isStreamEvent } from '../lib/audit/archive';
import { scopesWithNewIntents } from '../lib/audit/linker';
import { AwardsStore } from '../lib/awards/store';
import { bucketName, tableName } from '../lib/config';
import { createRouter } from '../lib/http/router';
import { LettersStore } from '../lib/letters/store';
import { FeedbackStore } from '../lib/feedback/store';
import { OutcomeStore } from '../lib/outcome/store';
import { ReminderStore } from '../lib/reminders/store';
import { ReviewProgressReader } from '../lib/reviews/progress';
import { once } from '../lib/once';
import { checkHealth, lazyRuntime, type Runtime } from '../lib/runtime';
import type { AuditTrailDeps } from './use-cases/audit-trail';
import type { ReminderDeps } from './use-cases/reminders';
import type { RoundDeps } from './use-cases/rounds';

// Each route's use cases load on its first request, in their own chunk (as in submission and scoring).
const auditTrailUseCases = once(() => import('./use-cases/audit-trail'));
const deliberationUseCases = once(() => import('./use-cases/deliberation'));
const evaluationUseCases = once(() => import('./use-cases/evaluation'));
const lettersUseCases = once(() => import('./use-cases/letters'));
const feedbackUseCases = once(() => import('./use-cases/feedback'));
const opinionsUseCases = once(() => import('./use-cases/opinions'));
const objectionsUseCases = once(() => import('./use-cases/objections'));
const publishUseCases = once(() => import('./use-cases/publish'));
const remarksUseCases = once(() => import('./use-cases/remarks'));
const reportUseCases = once(() => import('./use-cases/report'));
const roundConfigUseCases = once(() => import('./use-cases/round-config'));
const roundsUseCases = once(() => import('./use-cases/rounds'));
const reminderUseCases = once(() => import('./use-cases/reminders'));

const runtime = lazyRuntime('publication');
let deps: Promise<AuditTrailDeps & RoundDeps & ReminderDeps & Runtime & { letters: LettersStore; feedback: FeedbackStore }> | undefined;
const publicationDeps = () =>
  (deps ??= runtime().then((rt) => ({
    ...rt,
    awards: new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards')),
    applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
    reviews: new ReviewProgressReader(rt.clients.ddb, tableName(rt.config, 'reviews')),
    outcome: new OutcomeStore(rt.clients.ddb, tableName(rt.config, 'awards')),
    letters: new LettersStore(rt.clients.ddb, tableName(rt.config, 'awards')),
    feedback: new FeedbackStore(rt.clients.ddb, tableName(rt.config, 'awards')),
    reminders: new ReminderStore(rt.clients.ddb, tableName(rt.config, 'awards')),
  })));

/** The publication function's HTTP routes: the public site's data, the audit trail, rankings, notices, results. */
const http = createRouter(
  'publication',
  {
    'publication.health': async () => {
      const health = await checkHealth(await runtime());
      return { body: health, status: health.ok ? 200 : 503 };
    },
    'public.programmes': async () => ({ body: { programmes: await (await publicationDeps()).awards.listProgrammes() } }),
    'audit.chains': async (req) => ({ body: { chains: await (await auditTrailUseCases()).listChains(await publicationDeps(), req.session) } }),
    'audit.entries': async (req) => ({ body: await (await auditTrailUseCases()).readEntries(await publicationDeps(), req.session, req.params.scope ?? '', req.query) }),
    'rounds.list': async (req) => ({ body: { rounds: await (await roundConfigUseCases()).listRounds(await publicationDeps(), req.session, req.now) } }),
    'rounds.create': async (req) => ({ body: await (await roundConfigUseCases()).createRound(await publicationDeps(), req.session, req.body, req.now, req.requestId) }),
    'rounds.get': async (req) => ({ body: await (await roundConfigUseCases()).getRound(await publicationDeps(), req.session, req.params.roundId ?? '', req.now) }),
    'rounds.configure': async (req) => ({
      body: await (await roundConfigUseCases()).configureRound(await publicationDeps(), req.session, req.params.roundId ?? '', req.body, req.now, req.requestId),
    }),
    // Stages 7–11 (shared/api/outcome.ts): the round's outcome.
    'outcome.evaluation': async (req) => ({ body: await (await evaluationUseCases()).readEvaluation(await publicationDeps(), req.session, req.params.roundId ?? '') }),
    'outcome.recordEvaluation': async (req) => ({
      body: await (await evaluationUseCases()).recordEvaluation(await publicationDeps(), req.session, req.params.roundId ?? '', req.body, req.now, req.requestId),
    }),
    'outcome.opinions': async (req) => ({ body: await (await opinionsUseCases()).readOpinions(await publicationDeps(), req.session, req.params.roundId ?? '') }),
    'outcome.recordOpinion': async (req) => ({
      body: await (await opinionsUseCases()).recordOpinion(await publicationDeps(), req.session, req.params.roundId ?? '', req.body, req.now, req.requestId),
    }),
    'outcome.recordLetter': async (req) => ({
      body: await (await opinionsUseCases()).recordLetter(await publicationDeps(), req.session, req.params.roundId ?? '', req.body, req.now, req.requestId),
    }),
    'outcome.deliberation': async (req) => ({ body: await (await deliberationUseCases()).readDeliberation(await publicationDeps(), req.session, req.params.roundId ?? '') }),
    'outcome.recordVote': async (req) => ({
      body: await (await deliberationUseCases()).recordVote(await publicationDeps(), req.session, req.params.roundId ?? '', req.body, req.now, req.requestId),
    }),
    'outcome.recordVotes': async (req) => ({
      body: await (await deliberationUseCases()).recordVotes(await publicationDeps(), req.session, req.params.roundId ?? '', req.body, req.now, req.requestId),
    }),
    'outcome.objections': async (req) => ({ body: await (await objectionsUseCases()).listObjections(await publicationDeps(), req.session, req.params.roundId ?? '') }),
    'outcome.fileObjection': async (req) => ({
      body: await (await objectionsUseCases()).fileObjection(await publicationDeps(), req.session, req.params.roundId ?? '', req.body, req.now, req.requestId),
    }),
    'outcome.resolveObjection': async (req) => ({
      body: await (await objectionsUseCases()).resolveObjection(await publicationDeps(), req.session, req.params.roundId ?? '', req.params.objectionId ?? '', req.body, req.now, req.requestId),
    }),
    'outcome.publications': async (req) => ({ body: await (await publishUseCases()).listPublications(await publicationDeps(), req.session, req.params.roundId ?? '') }),
    'outcome.republish': async (req) => ({
      body: await (await publishUseCases()).republish(await publicationDeps(), req.session, req.params.roundId ?? '', req.body, req.now, req.requestId),
    }),
    // Supervisors' remarks (issue 15): the supervisor's only write, answered by the office once.
    'remarks.list': async (req) => ({ body: await (await remarksUseCases()).listRemarks(await publicationDeps(), req.session, req.params.roundId ?? '') }),
    'remarks.record': async (req) => ({
      body: await (await remarksUseCases()).recordRemark(await publicationDeps(), req.session, req.params.roundId ?? '', req.body, req.now, req.requestId),
    }),
    'remarks.answer': async (req) => ({
      body: await (await remarksUseCases()).answerRemark(await publicationDeps(), req.session, req.params.roundId ?? '', req.params.remarkId ?? '', req.body, req.now, req.requestId),
    }),
    // Result letters and certificates (shared/letters).
    'letters.send': async (req) => ({ body: await (await lettersUseCases()).sendRoundLetters(await publicationDeps(), req.session, req.params.roundId ?? '', req.now, req.requestId) }),
    'letters.ofApplication': async (req) => ({ body: await (await lettersUseCases()).readApplicationLetters(await publicationDeps(), req.session, req.params.applicationId ?? '') }),
    'certificates.check': async (req) => ({ body: await (await lettersUseCases()).checkCertificate(await publicationDeps(), req.params.number ?? '') }),
    // The feedback report (issue 12 part 1).
    'feedback.round': async (req) => ({ body: await (await feedbackUseCases()).listRoundFeedback(await publicationDeps(), req.session, req.params.roundId ?? '') }),
    'feedback.release': async (req) => ({ body: await (await feedbackUseCases()).releaseFeedback(await publicationDeps(), req.session, req.params.roundId ?? '', req.now, req.requestId) }),
    'feedback.read': async (req) => ({ body: await (await feedbackUseCases()).readFeedback(await publicationDeps(), req.session, req.params.applicationId ?? '') }),
    'feedback.edit': async (req) => ({
      body: await (await feedbackUseCases()).editFeedback(await publicationDeps(), req.session, req.params.applicationId ?? '', req.body, req.now, req.requestId),
    }),
    'reminders.late': async (req) => ({ body: await (await reminderUseCases()).lateList(await publicationDeps(), req.session, req.params.roundId ?? '', req.now) }),
    'reminders.send': async (req) => ({
      body: await (await reminderUseCases()).sendReminder(await publicationDeps(), req.session, req.params.roundId ?? '', req.body, req.now, req.requestId),
    }),
    // The round's report, its export and its public summary (issue 12.4).
    'report.round': async (req) => ({ body: await (await reportUseCases()).roundReport(await publicationDeps(), req.session, req.params.roundId ?? '') }),
    'report.export': async (req) => ({ body: await (await reportUseCases()).roundExport(await publicationDeps(), req.session, req.params.roundId ?? '') }),
    'report.summary': async (req) => ({ body: await (await reportUseCases()).roundSummary(await publicationDeps(), req.params.roundId ?? '') }),
    'rounds.move': async (req) => ({
      body: await (await roundsUseCases()).moveRoundStage(await publicationDeps(), req.session, req.params.roundId ?? '', req.body, req.now, req.requestId),
    }),
  },
  runtime,
);

/** The event that runs the scheduled reminders: EventBridge Scheduler's input in AWS, the timer of `npm start` locally. */
export interface RemindersEvent {
  readonly source: 'merit.reminders';
  /** The moment to decide for (ISO): the schedule's time; absent, the clock's. */
  readonly time?: string;
  /** Only this round (an operator re-running one round; tests on a shared stack); absent, every open round. */
  readonly roundId?: string;
}

const isRemindersEvent = (event: unknown): event is RemindersEvent => (event as { source?: unknown } | null)?.source === 'merit.reminders';

/**
 * Sends every reminder due at the event's time (or now) for every open round, then the result letters that rounds
 * moved in the last few days still owe (a move answers within its time, letters pending); answers what it sent.
 */
async function reminders(event: RemindersEvent) {
  const stopAt = performance.now() + LETTERS_TIME_BUDGET_MS;
  const rt = await runtime();
  const time = event.time ? new Date(event.time) : rt.clock();
  const now = Number.isNaN(time.getTime()) ? rt.clock() : time;
  const requestId = `reminders-${now.toISOString()}`;
  const { runDueReminders } = await reminderUseCases();
  const sent = await runDueReminders(await publicationDeps(), now, requestId, event.roundId);
  rt.logger.info('reminders run', { at: now.toISOString(), runs: sent.length, reminded: sent.reduce((n, r) => n + r.reminded, 0) });
  const { sendOwedLetters } = await lettersUseCases();
  const letters = await sendOwedLetters(await publicationDeps(), now, requestId, stopAt, event.roundId);
  if (letters.length > 0) rt.logger.info('owed letters sent', { at: now.toISOString(), rounds: letters });
  return { at: now.toISOString(), sent, letters };
}

/**
 * The publication function: its HTTP routes, the scheduled reminders, and (AWS) the audit streams: the
 * intents table's, whose new intents it links into their chains (the linker),
 * and the audit table's, whose new entries it archives. A failed drain fails
 * the batch, which the stream retries (linking is idempotent).
 */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
export async function handler(event: DynamoDBStreamEvent): Promise<void>;
export async function handler(event: RemindersEvent): Promise<Awaited<ReturnType<typeof reminders>>>;
export async function handler(
  event: APIGatewayProxyEventV2 | DynamoDBStreamEvent | RemindersEvent,
): Promise<APIGatewayProxyStructuredResultV2 | Awaited<ReturnType<typeof reminders>> | void> {
  if (isRemindersEvent(event)) return reminders(event);
  if (!isStreamEvent(event)) return http(event);
  const { audit, clients, config, logger } = await runtime();
  const scopes = scopesWithNewIntents(event);
  for (const scope of scopes) await audit.caughtUp(scope);
  const archived = await archiveStream(clients.s3, bucketName(config, 'auditArchive'), event);
  logger.info('audit stream handled', { chainsLinked: scopes.length, archived, records: event.Records.length });
}
