import type * as v from 'valibot';
import type { FunctionName } from './functions';
import {
  AnswerOfficeRequestBody,
  ApplicantLinkBody,
  CreateDocumentBody,
  CreateOfficeRequestBody,
  BulkEligibilityBody,
  EligibilityDecisionBody,
  type BulkEligibilityResponse,
  RegisterApplicationBody,
  SaveSectionBody,
  SubmitApplicationBody,
  type ApplicationFormResponse,
  type ApplicationListResponse,
  type ApplicationSummary,
  type ApplicationView,
  type CreateDocumentResponse,
  type CsvExportResponse,
  type DocumentView,
  type DownloadResponse,
  type MyApplicationsResponse,
  type OfficeRequestsResponse,
  type OfficeRequestView,
  type SectionView,
  type SubmitResponse,
} from './applications';
import {
  ConsensusBody,
  CreateAssignmentBody,
  DeclarationBody,
  MoveRoundBody,
  RecusalBody,
  SaveScorecardBody,
  SubmitScorecardBody,
  type AssignmentView,
  type ConsensusView,
  type DeclarationResponse,
  type MyAssignmentsResponse,
  type ReviewMaterialResponse,
  type RoundReviewsResponse,
  type RoundStageResponse,
  type ScorecardView,
  type ShortlistResponse,
  type TeamReviewResponse,
} from './reviews';
import {
  AddPanelMemberBody,
  SaveDefenseScoreBody,
  SubmitDefenseScoreBody,
  type DefenseDeclarationResponse,
  type DefenseScoreView,
  type MyDefenseResponse,
  type PanelMemberView,
  type RoundDefenseResponse,
} from './defense';
import {
  FileObjectionBody,
  RecordEvaluationBody,
  RecordLetterBody,
  RecordOpinionBody,
  RecordVoteBody,
  RecordVotesBody,
  RepublishBody,
  ResolveObjectionBody,
  type DeliberationResponse,
  type EvaluationResponse,
  type ObjectionsResponse,
  type OpinionsResponse,
  type ObjectionView,
  type OpinionView,
  type LetterRecordedResponse,
  type PublicationsResponse,
  type VotesRecordedResponse,
  type VoteView,
} from './outcome';
import { AnswerRemarkBody, RecordRemarkBody, type RemarksResponse, type RemarkView } from './remarks';
import type { ApplicationLettersResponse, CertificateView, LettersSentResponse } from './letters';
import { EditFeedbackBody, type FeedbackReleasedResponse, type FeedbackReportView, type RoundFeedbackResponse } from './feedback';
import { ImportPoolBody, PoolFileBody, type PoolExportResponse, type PoolImportResponse, type PoolPreviewResponse } from './pool';
import { DrawTeamsBody, NameDrawnLeaderBody, ReplaceDrawnBody, type DrawSummary, type DrawTeamsResponse, type RoundDrawsResponse } from './draws';
import { CreateProgrammeBody, InviteProgrammeAdminBody, type OperatorProgrammesResponse, type ProgrammeView } from './programmes';
import { AddAttachmentBody, OnlineObjectionBody, RemoveAttachmentBody, SetCallTextBody, SetContactBody, type CallView, type OnlineObjectionReceipt, type ProgrammeContact } from './portal';
import { SendReminderBody, type LateListResponse, type SendReminderResponse } from './reminders';
import type { RoundReliabilityResponse } from './reliability';
import type { RoundExportResponse, RoundReportResponse, RoundSummaryResponse } from './report';
import { ROLES, type Role } from './roles';
import { CancelVisitBody, ScheduleDefenseBody, ScheduleVisitBody, VisitReportBody, type VisitReportView, type DefenseScheduleView, type MyScheduleResponse, type RoundScheduleResponse, type VisitView } from './schedules';
import { ConfigureRoundBody, CreateRoundBody, type RoundsResponse, type RoundView } from './rounds';
import {
  ExchangeTokenBody,
  InvitePersonBody,
  RequestLinkBody,
  type AcceptedResponse,
  type AuditChainsResponse,
  type AuditEntriesResponse,
  type HealthResponse,
  type PersonView,
  type ProgrammesResponse,
  type SessionResponse,
} from './schemas';

export { buildPath, matchPath } from './paths';

/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone (`public`), or a session bound to one of the roles. */
export type Access = 'public' | readonly Role[];

/**
 * One line of the route table. It drives the CDK HTTP API routes, the local
 * gateway, each handler's router and the web client's types.
 */
export interface RouteDefinition<Body extends v.GenericSchema | undefined = v.GenericSchema | undefined, Res = unknown> {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/api/submission/people/{personId}`. */
  readonly path: `/api/${FunctionName}/${string}` | `/api/${FunctionName}`;
  readonly fn: FunctionName;
  readonly access: Access;
  /** Request body schema; a body that fails it never reaches the handler. */
  readonly body?: Body;
  /** Success status (200 unless said). */
  readonly status?: 200 | 201 | 202 | 204;
  /** What the route does, for people reading the table. */
  readonly summary: string;
  /** Phantom: the success response type, for the web client. Never set. */
  readonly response?: Res;
}

const route = <Res, Body extends v.GenericSchema | undefined = undefined>(
  def: RouteDefinition<Body, Res>,
): RouteDefinition<Body, Res> => def;

/** Every signed-in role. */
export const SIGNED_IN: readonly Role[] = ROLES;

/** The route table: every endpoint of Merit, once. Keys are stable route ids. */
export const ROUTES = {
  'submission.health': route<HealthResponse>({
    method: 'GET', path: '/api/submission/health', fn: 'submission', access: 'public',
    summary: 'Whether the submission function reaches its tables and bucket',
  }),
  'scoring.health': route<HealthResponse>({
    method: 'GET', path: '/api/scoring/health', fn: 'scoring', access: 'public',
    summary: 'Whether the scoring function reaches its tables and bucket',
  }),
  'publication.health': route<HealthResponse>({
    method: 'GET', path: '/api/publication/health', fn: 'publication', access: 'public',
    summary: 'Whether the publication function reaches its tables and bucket',
  }),
  'auth.requestLink': route<AcceptedResponse, typeof RequestLinkBody>({
    method: 'POST', path: '/api/submission/auth/links', fn: 'submission', access: 'public', body: RequestLinkBody, status: 202,
    summary: 'Mail a single-use sign-in link to every active membership of an address (same answer for unknown addresses)',
  }),
  'auth.exchange': route<SessionResponse, typeof ExchangeTokenBody>({
    method: 'POST', path: '/api/submission/auth/session', fn: 'submission', access: 'public', body: ExchangeTokenBody,
    summary: 'Exchange a sign-in link token for a session cookie (each token works once)',
  }),
  'auth.session': route<SessionResponse>({
    method: 'GET', path: '/api/submission/auth/session', fn: 'submission', access: SIGNED_IN,
    summary: 'Who is signed in',
  }),
  'auth.signOut': route<undefined>({
    method: 'DELETE', path: '/api/submission/auth/session', fn: 'submission', access: SIGNED_IN, status: 204,
    summary: 'End this session',
  }),
  'operator.programmes': route<OperatorProgrammesResponse>({
    method: 'GET', path: '/api/submission/operator/programmes', fn: 'submission', access: ['operator'],
    summary: 'Every programme with its settings and administrators (the platform operator; nothing of any application, score or chain)',
  }),
  'operator.createProgramme': route<ProgrammeView, typeof CreateProgrammeBody>({
    method: 'POST', path: '/api/submission/operator/programmes', fn: 'submission', access: ['operator'], body: CreateProgrammeBody, status: 201,
    summary: 'Create a programme (a city, district or county award; audited on the platform chain; an id in use: 409 PROGRAMME_EXISTS)',
  }),
  'operator.inviteAdmin': route<{ person: PersonView }, typeof InviteProgrammeAdminBody>({
    method: 'POST', path: '/api/submission/operator/programmes/{programmeId}/admins', fn: 'submission', access: ['operator'], body: InviteProgrammeAdminBody, status: 201,
    summary: "Invite a programme's administrator and mail them a sign-in link (audited on the platform chain)",
  }),
  'people.invite': route<{ person: PersonView }, typeof InvitePersonBody>({
    method: 'POST', path: '/api/submission/people', fn: 'submission', access: ['admin'], body: InvitePersonBody, status: 201,
    summary: 'Invite a reviewer, deliberator, supervisor or administrator into the programme and mail them a link',
  }),
  'people.list': route<{ people: PersonView[] }>({
    method: 'GET', path: '/api/submission/people', fn: 'submission', access: ['admin', 'supervisor'],
    summary: 'Everyone with a role in the programme',
  }),
  'people.revoke': route<{ person: PersonView }>({
    method: 'POST', path: '/api/submission/people/{personId}/revoke', fn: 'submission', access: ['admin'],
    summary: 'Revoke a person: every session of theirs stops working on its next request',
  }),
  'pool.preview': route<PoolPreviewResponse, typeof PoolFileBody>({
    method: 'POST', path: '/api/submission/pool/preview', fn: 'submission', access: ['admin'], body: PoolFileBody,
    summary: 'Read a pool file (CSV in UTF-8/GBK or .xlsx) and name every row\'s problem or what importing it would do; writes nothing',
  }),
  'pool.import': route<PoolImportResponse, typeof ImportPoolBody>({
    method: 'POST', path: '/api/submission/pool/import', fn: 'submission', access: ['admin'], body: ImportPoolBody,
    summary: 'Import a previewed pool file: all rows or none; people already in the pool (same email and role) are updated (audited)',
  }),
  'pool.export': route<PoolExportResponse>({
    method: 'GET', path: '/api/submission/pool/export', fn: 'submission', access: ['admin', 'supervisor'],
    summary: 'The pools as CSV with the import\'s Chinese headers (UTF-8 with BOM)',
  }),
  'audit.chains': route<AuditChainsResponse>({
    method: 'GET', path: '/api/publication/audit', fn: 'publication', access: ['supervisor', 'admin'],
    summary: "The audit chains of the caller's programme (its own and each round's) with their length and head",
  }),
  'audit.entries': route<AuditEntriesResponse>({
    method: 'GET', path: '/api/publication/audit/{scope}/entries', fn: 'publication', access: ['supervisor', 'admin'],
    summary: 'Entries of one chain in order, a page at a time (?after=<seq>&limit=<n ≤ 1000>)',
  }),
  'public.programmes': route<ProgrammesResponse>({
    method: 'GET', path: '/api/publication/programmes', fn: 'publication', access: 'public',
    summary: 'Programmes and their rounds, for the public site',
  }),
  'applicants.requestLink': route<AcceptedResponse, typeof ApplicantLinkBody>({
    method: 'POST', path: '/api/submission/applicants/links', fn: 'submission', access: 'public', body: ApplicantLinkBody, status: 202,
    summary: 'Mail an applicant a sign-in link, or a registration link for a new address while a round is open (same answer always)',
  }),
  'applications.form': route<ApplicationFormResponse>({
    method: 'GET', path: '/api/submission/rounds/{roundId}/form', fn: 'submission', access: 'public',
    summary: "What an applicant fills in for a round: dates, checklist, sections, length limits, accepted file types",
  }),
  'applications.register': route<ApplicationView, typeof RegisterApplicationBody>({
    method: 'POST', path: '/api/submission/applications', fn: 'submission', access: ['applicant'], body: RegisterApplicationBody, status: 201,
    summary: 'Register the organisation for an open round (credit code valid and unique in the round; self-declarations)',
  }),
  'applications.mine': route<MyApplicationsResponse>({
    method: 'GET', path: '/api/submission/applications/mine', fn: 'submission', access: ['applicant'],
    summary: "The applicant's own applications: stage, status, package, documents, decisions with reasons, receipt",
  }),
  'applications.list': route<ApplicationListResponse>({
    method: 'GET', path: '/api/submission/applications', fn: 'submission', access: ['admin', 'supervisor'],
    summary: 'Registrations and submissions of a round with the funnel (?roundId&district&industry&status&q), in pinyin order',
  }),
  'applications.export': route<CsvExportResponse>({
    method: 'GET', path: '/api/submission/applications/export', fn: 'submission', access: ['admin', 'supervisor'],
    summary: 'The same list as CSV (UTF-8 with BOM, for Excel)',
  }),
  'applications.get': route<ApplicationView>({
    method: 'GET', path: '/api/submission/applications/{applicationId}', fn: 'submission', access: ['applicant', 'admin', 'supervisor'],
    summary: "One application with its package and documents (its owner, or the office of its programme; 404 for anyone else)",
  }),
  'applications.saveSection': route<SectionView, typeof SaveSectionBody>({
    method: 'PUT', path: '/api/submission/applications/{applicationId}/package/{section}', fn: 'submission', access: ['applicant'], body: SaveSectionBody,
    summary: 'Save the profile or one item text, based on the version read (stale: 409 CONFLICT, nothing overwritten)',
  }),
  'documents.create': route<CreateDocumentResponse, typeof CreateDocumentBody>({
    method: 'POST', path: '/api/submission/applications/{applicationId}/documents', fn: 'submission', access: ['applicant'], body: CreateDocumentBody, status: 201,
    summary: 'Start an upload: a new document version and a presigned POST (type, size range, own key); the bucket event verifies it',
  }),
  'documents.get': route<DocumentView>({
    method: 'GET', path: '/api/submission/applications/{applicationId}/documents/{documentId}', fn: 'submission', access: ['applicant', 'admin', 'supervisor'],
    summary: 'One document and its verification status (rejected with a reason the applicant sees)',
  }),
  'documents.download': route<DownloadResponse>({
    method: 'GET', path: '/api/submission/applications/{applicationId}/documents/{documentId}/download', fn: 'submission', access: ['applicant', 'admin', 'supervisor'],
    summary: 'A short-lived download link to a verified document',
  }),
  'applications.submit': route<SubmitResponse, typeof SubmitApplicationBody>({
    method: 'POST', path: '/api/submission/applications/{applicationId}/submit', fn: 'submission', access: ['applicant'], body: SubmitApplicationBody,
    summary: 'Submit formally: before the deadline, complete, exactly once (a retry answers the same receipt); then immutable',
  }),
  'applications.withdraw': route<ApplicationView>({
    method: 'POST', path: '/api/submission/applications/{applicationId}/withdraw', fn: 'submission', access: ['applicant'],
    summary: 'Withdraw the application before the deadline',
  }),
  'applications.decideEligibilityMany': route<BulkEligibilityResponse, typeof BulkEligibilityBody>({
    method: 'POST', path: '/api/submission/rounds/{roundId}/eligibility', fn: 'submission', access: ['admin'], body: BulkEligibilityBody,
    summary: 'One eligibility decision with one reason for several submitted applications of the round: all checked first, each then its own audited change',
  }),
  'applications.decideEligibility': route<ApplicationSummary, typeof EligibilityDecisionBody>({
    method: 'POST', path: '/api/submission/applications/{applicationId}/eligibility', fn: 'submission', access: ['admin'], body: EligibilityDecisionBody,
    summary: 'Decide eligibility of a submitted application with the reason the applicant sees',
  }),
  'applications.requests': route<OfficeRequestsResponse>({
    method: 'GET', path: '/api/submission/applications/{applicationId}/requests', fn: 'submission', access: ['applicant', 'admin', 'supervisor'],
    summary: "What the office asked for (补正/说明要求) and the answers, oldest first (its owner, or the office of its programme; 404 for anyone else)",
  }),
  'applications.createRequest': route<OfficeRequestView, typeof CreateOfficeRequestBody>({
    method: 'POST', path: '/api/submission/applications/{applicationId}/requests', fn: 'submission', access: ['admin'], body: CreateOfficeRequestBody, status: 201,
    summary: 'Ask the applicant to correct or explain something (any status but withdrawn; audited, mailed; an idempotency key makes retries safe)',
  }),
  'applications.answerRequest': route<OfficeRequestView, typeof AnswerOfficeRequestBody>({
    method: 'POST', path: '/api/submission/applications/{applicationId}/requests/{requestId}/answer', fn: 'submission', access: ['applicant'], body: AnswerOfficeRequestBody,
    summary: 'Answer an office request once (again: 409 REQUEST_ANSWERED); the submitted package does not change',
  }),
  'rounds.list': route<RoundsResponse>({
    method: 'GET', path: '/api/publication/rounds', fn: 'publication', access: ['admin', 'supervisor'],
    summary: "The rounds of the caller's programme with their configuration (defaults filled), stage and version, newest first",
  }),
  'rounds.create': route<RoundView, typeof CreateRoundBody>({
    method: 'POST', path: '/api/publication/rounds', fn: 'publication', access: ['admin'], body: CreateRoundBody, status: 201,
    summary: 'Create a round of the programme at the call, with its configuration checked by shared/round (422 CONFIG_INVALID with every issue; an id in use: 409 ROUND_EXISTS)',
  }),
  'rounds.get': route<RoundView>({
    method: 'GET', path: '/api/publication/rounds/{roundId}', fn: 'publication', access: ['admin', 'supervisor'],
    summary: 'One round of the programme with its configuration, stage, version and the fields that can no longer change',
  }),
  'rounds.configure': route<RoundView, typeof ConfigureRoundBody>({
    method: 'PUT', path: '/api/publication/rounds/{roundId}', fn: 'publication', access: ['admin'], body: ConfigureRoundBody,
    summary: 'Change the name and configuration based on the version read: everything at the call, then only dates still ahead (422 CONFIG_LOCKED), nothing at the announcement (422 STAGE_CLOSED)',
  }),
  'defense.round': route<RoundDefenseResponse>({
    method: 'GET', path: '/api/scoring/rounds/{roundId}/defense', fn: 'scoring', access: ['admin', 'supervisor', 'deliberator'],
    summary: "The round's defense panel and every application before it: seats, scores the caller may see, panel scores (a deliberator only of a panel they sit on)",
  }),
  'defense.addMember': route<PanelMemberView, typeof AddPanelMemberBody>({
    method: 'POST', path: '/api/scoring/rounds/{roundId}/panel', fn: 'scoring', access: ['admin'], body: AddPanelMemberBody, status: 201,
    summary: "Add an active deliberator of the programme to the round's defense panel (during on-site evaluation or the defense)",
  }),
  'defense.removeMember': route<PanelMemberView, typeof RecusalBody>({
    method: 'POST', path: '/api/scoring/rounds/{roundId}/panel/{reviewerId}/removal', fn: 'scoring', access: ['admin'], body: RecusalBody,
    summary: 'Take a member off the defense panel with a reason (audited as a recusal): their seats stop counting and their scores are set aside; once',
  }),
  'defense.mine': route<MyDefenseResponse>({
    method: 'GET', path: '/api/scoring/defense/mine', fn: 'scoring', access: ['deliberator'],
    summary: "The panels the deliberator sits on, with each application's seat, own score and own declaration",
  }),
  'defense.declare': route<DefenseDeclarationResponse, typeof DeclarationBody>({
    method: 'POST', path: '/api/scoring/applications/{applicationId}/defense/declaration', fn: 'scoring', access: ['deliberator'], body: DeclarationBody, status: 201,
    summary: 'A panel member declares conflicts of interest for an application before the panel, once; a conflict takes them off that application',
  }),
  'defense.score': route<DefenseScoreView>({
    method: 'GET', path: '/api/scoring/applications/{applicationId}/defense/mine', fn: 'scoring', access: ['deliberator'],
    summary: "The panel member's own score for an application (an empty draft, version 0, before the first save)",
  }),
  'defense.saveScore': route<DefenseScoreView, typeof SaveDefenseScoreBody>({
    method: 'PUT', path: '/api/scoring/applications/{applicationId}/defense/mine', fn: 'scoring', access: ['deliberator'], body: SaveDefenseScoreBody,
    summary: 'Save the draft score and comment based on the version read (stale: 409 CONFLICT); only during the defense, after declaring clear',
  }),
  'defense.submitScore': route<DefenseScoreView, typeof SubmitDefenseScoreBody>({
    method: 'POST', path: '/api/scoring/applications/{applicationId}/defense/mine/submit', fn: 'scoring', access: ['deliberator'], body: SubmitDefenseScoreBody,
    summary: 'Submit the saved score (a score is required); then immutable (a retry answers the submitted score)',
  }),
  'rounds.move': route<RoundStageResponse, typeof MoveRoundBody>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/stage', fn: 'publication', access: ['admin'], body: MoveRoundBody,
    summary: "Move the round one stage on when its stage's work is done (the domain's guards; stale version: 409 CONFLICT)",
  }),
  'reminders.late': route<LateListResponse>({
    method: 'GET', path: '/api/publication/rounds/{roundId}/late', fn: 'publication', access: ['admin'],
    summary: 'Who is behind, per stage: applicants with an unsubmitted package and experts/deliberators with open work, near or past the due date',
  }),
  'reminders.send': route<SendReminderResponse, typeof SendReminderBody>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/reminders', fn: 'publication', access: ['admin'], body: SendReminderBody,
    summary: 'Remind one late person of a kind, or all of them (audited; nobody twice within an hour: 429 REMINDER_TOO_SOON)',
  }),
  'outcome.evaluation': route<EvaluationResponse>({
    method: 'GET', path: '/api/publication/rounds/{roundId}/evaluation', fn: 'publication', access: ['admin', 'supervisor'],
    summary: 'The comprehensive evaluation (stage 7): weighted final scores, ranking, candidates — the recorded one, or what recording it now would give',
  }),
  'outcome.recordEvaluation': route<EvaluationResponse, typeof RecordEvaluationBody>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/evaluation', fn: 'publication', access: ['admin'], body: RecordEvaluationBody, status: 201,
    summary: 'Record the comprehensive evaluation once, at that stage, when every application before the panel has all three scores',
  }),
  'outcome.opinions': route<OpinionsResponse>({
    method: 'GET', path: '/api/publication/rounds/{roundId}/opinions', fn: 'publication', access: ['admin', 'supervisor'],
    summary: "Every candidate with each department's recorded opinion and its outcome (stage 8)",
  }),
  'outcome.recordOpinion': route<OpinionView, typeof RecordOpinionBody>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/opinions', fn: 'publication', access: ['admin'], body: RecordOpinionBody, status: 201,
    summary: "Record one configured department's answer on one candidate, once, while soliciting opinions",
  }),
  'outcome.recordLetter': route<LetterRecordedResponse, typeof RecordLetterBody>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/opinions/letters', fn: 'publication', access: ['admin'], body: RecordLetterBody, status: 201,
    summary: "Record one department's letter answering several candidates at once (each objection or not), in one audited change or not at all",
  }),
  'outcome.deliberation': route<DeliberationResponse>({
    method: 'GET', path: '/api/publication/rounds/{roundId}/deliberation', fn: 'publication', access: ['admin', 'supervisor'],
    summary: "The cleared candidates, the ranking's advice and the committee's recorded votes (stage 9)",
  }),
  'outcome.recordVote': route<VoteView, typeof RecordVoteBody>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/votes', fn: 'publication', access: ['admin'], body: RecordVoteBody, status: 201,
    summary: "Record the committee's vote on one cleared candidate, once, during deliberation; proposed on a majority of votes cast, never past the quota",
  }),
  'outcome.recordVotes': route<VotesRecordedResponse, typeof RecordVotesBody>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/votes/table', fn: 'publication', access: ['admin'], body: RecordVotesBody, status: 201,
    summary: "Record the committee's votes on several cleared candidates from one table, in one audited change or not at all; never past the quota",
  }),
  'outcome.objections': route<ObjectionsResponse>({
    method: 'GET', path: '/api/publication/rounds/{roundId}/objections', fn: 'publication', access: ['admin', 'supervisor'],
    summary: 'The notice period, the proposed winners and every objection with its resolution (stage 10)',
  }),
  'outcome.fileObjection': route<ObjectionView, typeof FileObjectionBody>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/objections', fn: 'publication', access: ['admin'], body: FileObjectionBody, status: 201,
    summary: 'Record a written, real-name objection with evidence against a proposed winner, received while the notice is open',
  }),
  'outcome.resolveObjection': route<ObjectionView, typeof ResolveObjectionBody>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/objections/{objectionId}/resolution', fn: 'publication', access: ['admin'], body: ResolveObjectionBody,
    summary: 'Resolve an objection once, with a reason; upheld: the application is not awarded',
  }),
  'outcome.publications': route<PublicationsResponse>({
    method: 'GET', path: '/api/publication/rounds/{roundId}/publications', fn: 'publication', access: ['admin', 'supervisor'],
    summary: "The round's published documents (notice, announcement): path, SHA-256 and the audit chain head each carries",
  }),
  'outcome.republish': route<PublicationsResponse, typeof RepublishBody>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/publications', fn: 'publication', access: ['admin'], body: RepublishBody,
    summary: "Publish the current stage's document again (notice or announcement) when the publication that went with the stage move did not complete",
  }),
  'remarks.list': route<RemarksResponse>({
    method: 'GET', path: '/api/publication/rounds/{roundId}/remarks', fn: 'publication', access: ['admin', 'supervisor'],
    summary: "The supervisors' remarks on the round's steps with the office's answers, oldest first, and how many are open",
  }),
  'remarks.record': route<RemarkView, typeof RecordRemarkBody>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/remarks', fn: 'publication', access: ['supervisor'], body: RecordRemarkBody, status: 201,
    summary: "A supervisor's remark on a step of the round (a submitted card, a consensus, an assignment, a stage move, a publication) or the round itself: the supervisor's only write (audited)",
  }),
  'remarks.answer': route<RemarkView, typeof AnswerRemarkBody>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/remarks/{remarkId}/answer', fn: 'publication', access: ['admin'], body: AnswerRemarkBody,
    summary: 'The office answers a remark once (again: 409 REMARK_ANSWERED); the public notice cannot open while a remark is unanswered',
  }),
  'letters.send': route<LettersSentResponse>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/letters', fn: 'publication', access: ['admin'],
    summary: "Send the result letters (and issue the certificates) the round owes at its stage and has not sent yet — the stage move sends them; this retries what did not go out (never one twice)",
  }),
  'letters.ofApplication': route<ApplicationLettersResponse>({
    method: 'GET', path: '/api/publication/applications/{applicationId}/letters', fn: 'publication', access: ['applicant', 'admin', 'supervisor'],
    summary: "An application's result letters, its status as the round has told it, and its certificate (its owner, or the office and supervisors of its programme; 404 for anyone else)",
  }),
  'certificates.check': route<CertificateView>({
    method: 'GET', path: '/api/publication/certificates/{number}', fn: 'publication', access: 'public',
    summary: 'Check an award certificate number: the certificate (organisation, award, round, date, announcement) or 404 CERTIFICATE_NOT_FOUND',
  }),
  'reviews.round': route<RoundReviewsResponse>({
    method: 'GET', path: '/api/scoring/rounds/{roundId}/reviews', fn: 'scoring', access: ['admin', 'supervisor'],
    summary: "Every eligible application's teams, cards submitted, consensus and shortlist decision, with all declarations and recusals (the office's board, the supervisors' overview)",
  }),
  'reviews.reliability': route<RoundReliabilityResponse>({
    method: 'GET', path: '/api/scoring/rounds/{roundId}/reliability', fn: 'scoring', access: ['admin', 'supervisor'],
    summary: "Reviewer reliability (评审一致性): per team and stage Krippendorff's alpha and ICC(2,1) over the submitted cards, each reviewer's offset from the consensus (flagged beyond the round's offset), each application's drift from material to site-visit consensus",
  }),
  'draws.run': route<DrawTeamsResponse, typeof DrawTeamsBody>({
    method: 'POST', path: '/api/scoring/rounds/{roundId}/draws', fn: 'scoring', access: ['admin'], body: DrawTeamsBody,
    summary: 'Draw the teams of a stage at random from the expert pool in one action (inputs committed to the chain first, then each result)',
  }),
  'draws.list': route<RoundDrawsResponse>({
    method: 'GET', path: '/api/scoring/rounds/{roundId}/draws', fn: 'scoring', access: ['admin', 'supervisor'],
    summary: "Every draw of a round: committed inputs, result and replacements, to replay against the round's chain",
  }),
  'draws.one': route<DrawSummary, typeof DrawTeamsBody>({
    method: 'POST', path: '/api/scoring/applications/{applicationId}/draws', fn: 'scoring', access: ['admin'], body: DrawTeamsBody, status: 201,
    summary: "Draw one application's team for a stage (422 DRAW_TOO_FEW naming how many are missing)",
  }),
  'draws.replace': route<DrawSummary, typeof ReplaceDrawnBody>({
    method: 'POST', path: '/api/scoring/applications/{applicationId}/draws/{stage}/replacements', fn: 'scoring', access: ['admin'], body: ReplaceDrawnBody, status: 201,
    summary: 'Replace a drawn member whose recusal or conflict is logged with the next in the seeded order',
  }),
  'draws.leader': route<DrawSummary, typeof NameDrawnLeaderBody>({
    method: 'PUT', path: '/api/scoring/applications/{applicationId}/draws/{stage}/leader', fn: 'scoring', access: ['admin'], body: NameDrawnLeaderBody,
    summary: 'Name the leader of a drawn team by hand, with a reason (only a member of the team as it stands; audited)',
  }),
  'reviews.assign': route<AssignmentView, typeof CreateAssignmentBody>({
    method: 'POST', path: '/api/scoring/applications/{applicationId}/assignments', fn: 'scoring', access: ['admin'], body: CreateAssignmentBody, status: 201,
    summary: 'Assign an active expert (optionally the leader) to an eligible (material review) or shortlisted (on-site) application; obvious conflicts refused',
  }),
  'reviews.mine': route<MyAssignmentsResponse>({
    method: 'GET', path: '/api/scoring/assignments/mine', fn: 'scoring', access: ['expert'],
    summary: "The expert's own assignments with their declaration status, own card and whether the consensus is in",
  }),
  'reviews.declare': route<DeclarationResponse, typeof DeclarationBody>({
    method: 'POST', path: '/api/scoring/applications/{applicationId}/declaration', fn: 'scoring', access: ['expert'], body: DeclarationBody, status: 201,
    summary: 'Declare conflicts of interest for an assigned applicant and sign both declarations, once; a conflict blocks the assignment',
  }),
  'reviews.recuse': route<AssignmentView, typeof RecusalBody>({
    method: 'POST', path: '/api/scoring/applications/{applicationId}/assignments/{stage}/{reviewerId}/recusal', fn: 'scoring', access: ['expert', 'admin'], body: RecusalBody,
    summary: 'Log a recusal during review with its reason (the expert themself, or the office); the card is set aside',
  }),
  'reviews.material': route<ReviewMaterialResponse>({
    method: 'GET', path: '/api/scoring/applications/{applicationId}/material', fn: 'scoring', access: ['expert'],
    summary: 'The submitted package for an assigned expert who declared no conflict (404 for anyone else)',
  }),
  'reviews.download': route<DownloadResponse>({
    method: 'GET', path: '/api/scoring/applications/{applicationId}/documents/{documentId}/download', fn: 'scoring', access: ['expert'],
    summary: 'A short-lived download link to a verified document of an application the expert may read',
  }),
  'reviews.card': route<ScorecardView>({
    method: 'GET', path: '/api/scoring/applications/{applicationId}/scorecards/{stage}/mine', fn: 'scoring', access: ['expert'],
    summary: "The expert's own card for the stage (an empty draft, version 0, before the first save)",
  }),
  'reviews.saveCard': route<ScorecardView, typeof SaveScorecardBody>({
    method: 'PUT', path: '/api/scoring/applications/{applicationId}/scorecards/{stage}/mine', fn: 'scoring', access: ['expert'], body: SaveScorecardBody,
    summary: 'Save the whole draft card based on the version read (stale: 409 CONFLICT); only during the stage, after declaring clear',
  }),
  'reviews.submitCard': route<ScorecardView, typeof SubmitScorecardBody>({
    method: 'POST', path: '/api/scoring/applications/{applicationId}/scorecards/{stage}/mine/submit', fn: 'scoring', access: ['expert'], body: SubmitScorecardBody,
    summary: 'Submit the saved card: every item scored; then immutable (a retry answers the submitted card)',
  }),
  'reviews.team': route<TeamReviewResponse>({
    method: 'GET', path: '/api/scoring/applications/{applicationId}/reviews/{stage}', fn: 'scoring', access: ['expert', 'admin', 'supervisor'],
    summary: "One team's members, declarations, cards, divergence flags and consensus (a member sees others' cards only after submitting their own)",
  }),
  'reviews.teamCard': route<ScorecardView>({
    method: 'GET', path: '/api/scoring/applications/{applicationId}/reviews/{stage}/cards/{reviewerId}', fn: 'scoring', access: ['expert', 'admin', 'supervisor'],
    summary: "One card of a team: submitted for the office and supervisors; a teammate's after submitting one's own (recorded as a read); another's draft is 403 CARD_SEALED",
  }),
  'reviews.consensus': route<ConsensusView, typeof ConsensusBody>({
    method: 'POST', path: '/api/scoring/applications/{applicationId}/reviews/{stage}/consensus', fn: 'scoring', access: ['expert'], body: ConsensusBody, status: 201,
    summary: "The leader records the team's consensus with rationale, once, when every member has submitted or recused and the team is big enough",
  }),
  'reviews.shortlist': route<ShortlistResponse>({
    method: 'POST', path: '/api/scoring/rounds/{roundId}/shortlist', fn: 'scoring', access: ['admin'],
    summary: 'Choose the site visits by material consensus score alone (top N at or above the threshold, a tie at the cut taken whole); once every eligible application has its consensus',
  }),
  'schedules.round': route<RoundScheduleResponse>({
    method: 'GET', path: '/api/scoring/rounds/{roundId}/schedule', fn: 'scoring', access: ['admin', 'supervisor'],
    summary: "The round's schedules: every shortlisted application with its site team and visit, and the defense day with its slots",
  }),
  'schedules.setVisit': route<VisitView, typeof ScheduleVisitBody>({
    method: 'PUT', path: '/api/scoring/applications/{applicationId}/visit', fn: 'scoring', access: ['admin'], body: ScheduleVisitBody,
    summary: "Schedule or change a shortlisted application's site visit based on the version read (an expert on an overlapping visit: 409 VISIT_OVERLAP; audited; mailed with a calendar file)",
  }),
  'schedules.cancelVisit': route<VisitView, typeof CancelVisitBody>({
    method: 'POST', path: '/api/scoring/applications/{applicationId}/visit/cancellation', fn: 'scoring', access: ['admin'], body: CancelVisitBody,
    summary: 'Cancel a site visit with a reason based on the version read (audited; mailed with a calendar cancellation)',
  }),
  'schedules.setDefense': route<DefenseScheduleView, typeof ScheduleDefenseBody>({
    method: 'PUT', path: '/api/scoring/rounds/{roundId}/defense/schedule', fn: 'scoring', access: ['admin'], body: ScheduleDefenseBody,
    summary: 'Set or change the defense day: place and order of presentation with non-overlapping slots (audited; mailed to the panel and each candidate with a calendar file)',
  }),
  'schedules.visitReport': route<VisitReportView, typeof VisitReportBody>({
    method: 'PUT', path: '/api/scoring/applications/{applicationId}/visit/report', fn: 'scoring', access: ['expert'], body: VisitReportBody,
    summary: "The site team leader's short visit report, based on the version read (0: none yet; audited; read by the office and supervisors on the round's schedule, never by the applicant)",
  }),
  'schedules.mine': route<MyScheduleResponse>({
    method: 'GET', path: '/api/scoring/schedule/mine', fn: 'scoring', access: ['applicant', 'expert', 'deliberator'],
    summary: "The caller's own schedule with calendar files: an applicant's visits and defense slots, an expert's visits, a deliberator's defense days",
  }),
  // The feedback report (评审反馈报告, issue 12 part 1; shared/api/feedback.ts).
  'feedback.round': route<RoundFeedbackResponse>({
    method: 'GET', path: '/api/publication/rounds/{roundId}/feedback', fn: 'publication', access: ['admin', 'supervisor'],
    summary: "The round's feedback reports (every application with a consensus), which the office edited, and whether they are released",
  }),
  'feedback.release': route<FeedbackReleasedResponse>({
    method: 'POST', path: '/api/publication/rounds/{roundId}/feedback/release', fn: 'publication', access: ['admin'],
    summary: 'Release every feedback report of the round at the announcement, in one audited action; final (again: 409 FEEDBACK_RELEASED); mails each applicant in both languages',
  }),
  'feedback.read': route<FeedbackReportView>({
    method: 'GET', path: '/api/publication/applications/{applicationId}/feedback', fn: 'publication', access: ['applicant', 'admin', 'supervisor'],
    summary: "An application's feedback report: its owner once released, the office and supervisors of its programme always; 404 for anyone else (and for the owner before the release)",
  }),
  'feedback.edit': route<FeedbackReportView, typeof EditFeedbackBody>({
    method: 'PUT', path: '/api/publication/applications/{applicationId}/feedback', fn: 'publication', access: ['admin'], body: EditFeedbackBody,
    summary: "The office's wording of one feedback report (strengths, opportunities, themes, findings), whole, on the version read; audited; refused after the release (409 FEEDBACK_RELEASED)",
  }),
  // The round's report with charts, its export and its public summary (issue 12.4).
  'report.round': route<RoundReportResponse>({
    method: 'GET', path: '/api/publication/rounds/{roundId}/report', fn: 'publication', access: ['admin', 'supervisor'],
    summary: "The round's report: the funnel counted from stored records with the share at each step, breakdowns by district, industry and size, score distributions per stage, each applicant's scores and ranks from material review to the final ranking, and the committee papers' ranking with the weights and the departments' advice",
  }),
  'report.export': route<RoundExportResponse>({
    method: 'GET', path: '/api/publication/rounds/{roundId}/export', fn: 'publication', access: ['admin', 'supervisor'],
    summary: "The whole round's scores, consensus, ranking, opinions, votes and objections as sheets with Chinese headers (the browser writes the .xlsx and CSV files)",
  }),
  'report.summary': route<RoundSummaryResponse>({
    method: 'GET', path: '/api/publication/rounds/{roundId}/summary', fn: 'publication', access: 'public',
    summary: "A round's public summary after the announcement: the funnel and the score distributions, and only the winners' published scores (404 before the announcement)",
  }),
  // The public portal of each award (issue #14 part 2): the call, the contact for written objections, online objections.
  'portal.call': route<CallView>({
    method: 'GET', path: '/api/submission/rounds/{roundId}/call', fn: 'submission', access: 'public',
    summary: "A round's call (申报通知) for anyone: its text in both languages and its attachments (timeline, rules and package: applications.form)",
  }),
  'portal.setCallText': route<CallView, typeof SetCallTextBody>({
    method: 'PUT', path: '/api/submission/rounds/{roundId}/call', fn: 'submission', access: ['admin'], body: SetCallTextBody,
    summary: "Set the call's text in both languages based on the round's version read, at the call or during registration (audited)",
  }),
  'portal.addAttachment': route<CallView, typeof AddAttachmentBody>({
    method: 'POST', path: '/api/submission/rounds/{roundId}/call/attachments', fn: 'submission', access: ['admin'], body: AddAttachmentBody, status: 201,
    summary: 'Attach a file to the call (PDF, Word or Excel by its bytes; another type 415 FILE_TYPE_REFUSED, nothing stored; audited)',
  }),
  'portal.removeAttachment': route<CallView, typeof RemoveAttachmentBody>({
    method: 'POST', path: '/api/submission/rounds/{roundId}/call/attachments/{attachmentId}/removal', fn: 'submission', access: ['admin'], body: RemoveAttachmentBody,
    summary: 'Take an attachment off the call (the file stays stored; audited)',
  }),
  'portal.downloadAttachment': route<DownloadResponse>({
    method: 'GET', path: '/api/submission/rounds/{roundId}/call/attachments/{attachmentId}/download', fn: 'submission', access: 'public',
    summary: "A short-lived download link to an attachment of a round's call, for anyone",
  }),
  'portal.setContact': route<ProgrammeContact, typeof SetContactBody>({
    method: 'PUT', path: '/api/submission/programme/contact', fn: 'submission', access: ['admin'], body: SetContactBody,
    summary: "The programme's address, phone and email for written objections, based on the version read (audited on the programme's chain)",
  }),
  'portal.fileObjection': route<OnlineObjectionReceipt, typeof OnlineObjectionBody>({
    method: 'POST', path: '/api/submission/rounds/{roundId}/objections/online', fn: 'submission', access: 'public', body: OnlineObjectionBody, status: 201,
    summary: 'A real-name objection with evidence files against a proposed winner while the notice is open (anonymous, late, not proposed or a disguised file: refused, nothing stored)',
  }),
  'portal.downloadEvidence': route<DownloadResponse>({
    method: 'GET', path: '/api/submission/rounds/{roundId}/objections/{objectionId}/evidence/{evidenceId}/download', fn: 'submission', access: ['admin', 'supervisor'],
    summary: "A short-lived download link to an online objection's evidence file (the office and supervisors of the round's programme)",
  }),
} as const;

/** A route id. */
export type RouteId = keyof typeof ROUTES;
/** The success response type of a route. */
export type ResponseOf<Id extends RouteId> = NonNullable<(typeof ROUTES)[Id]['response']>;
/** The request body type of a route (after parsing). */
export type BodyOf<Id extends RouteId> = (typeof ROUTES)[Id] extends RouteDefinition<infer B, unknown>
  ? B extends v.GenericSchema ? v.InferInput<B> : undefined
  : undefined;

/** The routes one function serves. */
export function routesOf(fn: FunctionName): [RouteId, RouteDefinition][] {
  return (Object.entries(ROUTES) as [RouteId, RouteDefinition][]).filter(([, r]) => r.fn === fn);
}
