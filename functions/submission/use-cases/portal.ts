import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ulid } from 'ulid';
import * as v from 'valibot';
import {
  CALL_ATTACHMENT_TYPES,
  CALL_MAX_ATTACHMENTS,
  EVIDENCE_TYPES,
  INLINE_FILE_MAX_BYTES,
  type AddAttachmentBody,
  type CallAttachment,
  type CallView,
  type EvidenceFileView,
  type OnlineObjectionBody,
  type OnlineObjectionReceipt,
  type ProgrammeContact,
  type RemoveAttachmentBody,
  type RoundCall,
  type SetCallTextBody,
  type SetContactBody,
} from '../../../shared/api/portal';
import type { DownloadResponse } from '../../../shared/api/applications';
import { RoundIdSchema } from '../../../shared/api/rounds';
import { programmeScope, roundScope } from '../../../shared/audit/chain';
import { bytesText, fileTypeList, fileTypeName, lookup } from '../../../shared/messages';
import { isNoticeOpen, type RoundStage } from '../../../shared/stages';
import { WriteConditionError } from '../../lib/audit/log';
import type { RoundRecord } from '../../lib/awards/store';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { proposedWinners } from '../../lib/outcome/progress';
import type { ObjectionRecord, OutcomeStore } from '../../lib/outcome/store';
import { actorOf, type ApplicationDeps } from './context';

// Issue #14 part 2: the public portal's writes and reads. Files come inline and are sniffed by their bytes (file-type,
// as uploaded application documents are) before anything is stored; every change is one audited commit.

/** What the portal needs: the application deps (awards, documents bucket, audit) and the round outcomes (objections). */
export type PortalDeps = ApplicationDeps & { readonly outcome: OutcomeStore };

const fileType = () => import('file-type');

/** The public's actor on the chain (an online objection has no session). */
const PUBLIC_ACTOR = { personId: 'public', role: 'public' } as const;

/** Stages at which the office may still change the call: before registration closes its text is what applicants read. */
const CALL_STAGES: ReadonlySet<string> = new Set(['call', 'registration']);

/** The type each file name extension promises. */
const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** Object key of a call attachment (one per upload: never overwritten). */
export const attachmentKey = (roundId: string, attachmentId: string) => `rounds/${roundId}/call/${attachmentId}`;
/** Object key of an online objection's evidence file. */
export const evidenceKey = (roundId: string, objectionId: string, evidenceId: string) => `rounds/${roundId}/objections/${objectionId}/evidence/${evidenceId}`;

/** A checked inline file: its bytes, sniffed type and digest. */
interface CheckedFile {
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly sha256: string;
}

// A file is what its bytes are, not what its name says: an unknown or disallowed type is refused (415), and so is a
// name whose extension promises another type than the bytes (a disguised file). Nothing is stored before this passes.
/** Decodes and sniffs one inline file against the allowed types. */
export async function checkFile(file: { fileName: string; content: string }, allowed: readonly string[]): Promise<CheckedFile> {
  const bytes = Buffer.from(file.content.replace(/\s+/g, ''), 'base64');
  if (bytes.length === 0) throw new AppError('FILE_EMPTY', 422, { fileName: file.fileName }, { fileName: file.fileName });
  if (bytes.length > INLINE_FILE_MAX_BYTES) {
    throw new AppError('INLINE_FILE_TOO_LARGE', 413, { fileName: file.fileName, maxBytes: INLINE_FILE_MAX_BYTES }, { fileName: file.fileName, maxBytes: bytesText(INLINE_FILE_MAX_BYTES) });
  }
  const { fileTypeFromBuffer } = await fileType();
  const sniffed = (await fileTypeFromBuffer(bytes))?.mime;
  const extension = file.fileName.includes('.') ? file.fileName.split('.').pop()!.toLowerCase() : '';
  if (!sniffed || !allowed.includes(sniffed)) {
    const actual = sniffed ? fileTypeName(sniffed) : lookup('FILE_TYPE_UNKNOWN');
    throw new AppError('FILE_TYPE_REFUSED', 415, { fileName: file.fileName, actual: sniffed ?? 'unknown', allowed }, { fileName: file.fileName, actual, allowed: fileTypeList(allowed) });
  }
  if (EXTENSION_TYPES[extension] !== sniffed) {
    throw new AppError('FILE_NAME_MISLEADING', 415, { fileName: file.fileName, actual: sniffed }, { fileName: file.fileName, actual: fileTypeName(sniffed) });
  }
  return { fileName: file.fileName, bytes, contentType: sniffed, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function store(deps: PortalDeps, key: string, file: CheckedFile): Promise<void> {
  await deps.clients.s3.send(new PutObjectCommand({ Bucket: deps.documents.bucket, Key: key, Body: file.bytes, ContentType: file.contentType }));
}

/** A round of the admin's programme (404 for any other, or an id that cannot be one). */
async function ownRound(deps: PortalDeps, session: Session, roundId: string): Promise<RoundRecord> {
  if (!v.is(RoundIdSchema, roundId)) throw notFound();
  const round = await deps.awards.getProgrammeRound(session.programmeId, roundId);
  if (!round) throw notFound();
  return round;
}

/** Any round, for the public (404 for none). */
async function anyRound(deps: PortalDeps, roundId: string): Promise<RoundRecord> {
  if (!v.is(RoundIdSchema, roundId)) throw notFound();
  const round = await deps.awards.getRound(roundId);
  if (!round) throw notFound();
  // The index may lag a write; the table itself is the truth.
  return (await deps.awards.getProgrammeRound(round.programmeId, roundId)) ?? round;
}

const EMPTY_CALL: RoundCall = { text: { 'zh-CN': '', en: '' }, attachments: [] };

/** The call as anyone reads it: no storage keys. */
function callView(round: RoundRecord): CallView {
  const call = round.call ?? EMPTY_CALL;
  return {
    roundId: round.roundId,
    programmeId: round.programmeId,
    stage: round.stage,
    version: round.version,
    text: call.text,
    attachments: call.attachments.map(({ key: _key, ...a }) => a),
    ...(call.updatedAt ? { updatedAt: call.updatedAt } : {}),
  };
}

/** 422 CALL_CLOSED once registration is over; 409 CONFLICT on a stale version. */
function assertCallEditable(round: RoundRecord, version: number): void {
  if (!CALL_STAGES.has(round.stage)) throw new AppError('CALL_CLOSED', 422, { stage: round.stage }, { stage: lookup(`domain.stage.${round.stage as RoundStage}`) });
  if (round.version !== version) throw new AppError('CONFLICT', 409, { version: round.version });
}

/** Writes the round with its new call, audited on the round's chain; a concurrent change answers 409. */
async function commitCall(deps: PortalDeps, session: Session, round: RoundRecord, call: RoundCall, action: 'call.updated' | 'call.attachmentAdded' | 'call.attachmentRemoved', target: { type: string; id: string }, now: Date, requestId: string) {
  const next: RoundRecord = { ...round, call, version: round.version + 1 };
  try {
    await deps.audit.commit({
      scope: roundScope(round.roundId),
      actor: actorOf(session),
      action,
      target,
      context: { stage: round.stage },
      state: { call, version: next.version },
      requestId,
      now,
      writes: [deps.awards.roundUpdate(next, round.version)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('CONFLICT', 409);
    throw error;
  }
  return callView(next);
}

/** The call of a round, for anyone. */
export async function readCall(deps: PortalDeps, roundId: string): Promise<CallView> {
  return callView(await anyRound(deps, roundId));
}

/** The office sets the call's text in both languages (audited `call.updated`). */
export async function setCallText(deps: PortalDeps, session: Session, roundId: string, input: v.InferOutput<typeof SetCallTextBody>, now: Date, requestId: string): Promise<CallView> {
  const round = await ownRound(deps, session, roundId);
  assertCallEditable(round, input.version);
  const call: RoundCall = { ...(round.call ?? EMPTY_CALL), text: input.text, updatedAt: now.toISOString() };
  return commitCall(deps, session, round, call, 'call.updated', { type: 'round', id: roundId }, now, requestId);
}

/** The office adds an attachment (PDF, Word, Excel by its bytes; audited `call.attachmentAdded`). */
export async function addAttachment(deps: PortalDeps, session: Session, roundId: string, input: v.InferOutput<typeof AddAttachmentBody>, now: Date, requestId: string): Promise<CallView> {
  const round = await ownRound(deps, session, roundId);
  assertCallEditable(round, input.version);
  const current = round.call ?? EMPTY_CALL;
  if (current.attachments.length >= CALL_MAX_ATTACHMENTS) throw new AppError('CALL_ATTACHMENTS_FULL', 422, { max: CALL_MAX_ATTACHMENTS }, { max: CALL_MAX_ATTACHMENTS });
  const file = await checkFile(input, CALL_ATTACHMENT_TYPES);
  const attachmentId = ulid(now.getTime());
  const attachment: CallAttachment = {
    attachmentId,
    kind: input.kind,
    title: input.title,
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.bytes.length,
    sha256: file.sha256,
    key: attachmentKey(roundId, attachmentId),
    addedAt: now.toISOString(),
  };
  await store(deps, attachment.key, file);
  const call: RoundCall = { ...current, attachments: [...current.attachments, attachment], updatedAt: now.toISOString() };
  return commitCall(deps, session, round, call, 'call.attachmentAdded', { type: 'attachment', id: attachmentId }, now, requestId);
}

/** The office takes an attachment off the call (the stored file stays; audited `call.attachmentRemoved`). */
export async function removeAttachment(
  deps: PortalDeps,
  session: Session,
  roundId: string,
  attachmentId: string,
  input: v.InferOutput<typeof RemoveAttachmentBody>,
  now: Date,
  requestId: string,
): Promise<CallView> {
  const round = await ownRound(deps, session, roundId);
  const current = round.call ?? EMPTY_CALL;
  if (!current.attachments.some((a) => a.attachmentId === attachmentId)) throw notFound();
  assertCallEditable(round, input.version);
  const call: RoundCall = { ...current, attachments: current.attachments.filter((a) => a.attachmentId !== attachmentId), updatedAt: now.toISOString() };
  return commitCall(deps, session, round, call, 'call.attachmentRemoved', { type: 'attachment', id: attachmentId }, now, requestId);
}

/** A short-lived link to one attachment of a round's call, for anyone. */
export async function downloadAttachment(deps: PortalDeps, roundId: string, attachmentId: string, now: Date): Promise<DownloadResponse> {
  const round = await anyRound(deps, roundId);
  const attachment = round.call?.attachments.find((a) => a.attachmentId === attachmentId);
  if (!attachment) throw notFound();
  return deps.documents.presignDownload(attachment.key, attachment.fileName, attachment.contentType, undefined, now);
}

/** The programme's contact for written objections (its administrator; audited `programme.contactSet` on the programme's chain). */
export async function setContact(deps: PortalDeps, session: Session, input: v.InferOutput<typeof SetContactBody>, now: Date, requestId: string): Promise<ProgrammeContact> {
  const programme = await deps.awards.getProgramme(session.programmeId);
  if (!programme) throw notFound();
  const read = programme.contact?.version ?? 0;
  if (read !== input.version) throw new AppError('CONFLICT', 409, { version: read });
  const contact: ProgrammeContact = { address: input.address, phone: input.phone, email: input.email, version: read + 1, updatedAt: now.toISOString() };
  try {
    await deps.audit.commit({
      scope: programmeScope(session.programmeId),
      actor: actorOf(session),
      action: 'programme.contactSet',
      target: { type: 'programme', id: session.programmeId },
      state: contact,
      requestId,
      now,
      writes: [deps.awards.programmeReplace({ ...programme, contact }, read)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('CONFLICT', 409);
    throw error;
  }
  return contact;
}

const OBJECTION_WINDOW_SECONDS = 15 * 60;

const ANONYMOUS_NAMES = new Set(['匿名', '无名', '无名氏', '群众', '知情人', 'anonymous', 'anon', 'n/a', 'none', 'unknown', '-']);

// DOMAIN.md stage 10: objections are real-name, with evidence, against a proposed winner, within the notice period.
// The online form checks the same rules as the office's written record (outcome/objections.ts) and lands in the same
// list, where the office resolves it (upheld or not) with a reason.
/** The public files an objection with evidence files on the open notice (audited `objection.filed`, channel online). */
export async function fileOnlineObjection(
  deps: PortalDeps,
  roundId: string,
  input: v.InferOutput<typeof OnlineObjectionBody>,
  sourceIp: string,
  now: Date,
  requestId: string,
): Promise<OnlineObjectionReceipt> {
  // A public write that stores files: counted per client like link requests (the same configured number per 15 minutes).
  if (await deps.identity.hit('objection-client', sourceIp || 'unknown', OBJECTION_WINDOW_SECONDS, deps.config.linkLimits.perClient, now)) {
    throw new AppError('RATE_LIMITED', 429, { retryAfterSeconds: OBJECTION_WINDOW_SECONDS });
  }
  const round = await anyRound(deps, roundId);
  if (round.stage !== 'publicNotice' || !round.noticeOpenedAt || !round.noticeEndsAt) throw new AppError('OBJECTION_NOT_OPEN', 422, { stage: round.stage });
  const state = { roundId, stage: 'publicNotice' as const, noticeOpenedAt: round.noticeOpenedAt, noticeEndsAt: round.noticeEndsAt };
  if (!isNoticeOpen(state, now.toISOString())) throw new AppError('NOTICE_PERIOD_OVER', 422, { endsAt: round.noticeEndsAt });
  const name = input.objectorName.trim();
  if (name.length < 2 || ANONYMOUS_NAMES.has(name.toLowerCase()) || input.objectorId.trim().length < 6 || (!input.phone.trim() && !input.email)) {
    throw new AppError('OBJECTION_ANONYMOUS', 422);
  }
  const outcome = await deps.outcome.ofRound(roundId);
  const standing = proposedWinners(outcome).find((s) => s.organisation.name === input.organisation);
  if (!standing) throw new AppError('NOT_PROPOSED', 422, { organisation: input.organisation });
  const applicationId = standing.applicationId;
  if (input.evidence.length === 0) throw new AppError('OBJECTION_EVIDENCE_REQUIRED', 422);
  const files: CheckedFile[] = [];
  for (const f of input.evidence) files.push(await checkFile(f, EVIDENCE_TYPES));

  const objectionId = ulid(now.getTime());
  const evidenceFiles: EvidenceFileView[] = files.map((f, i) => ({ evidenceId: String(i + 1), fileName: f.fileName, contentType: f.contentType, size: f.bytes.length, sha256: f.sha256 }));
  for (const [i, f] of files.entries()) await store(deps, evidenceKey(roundId, objectionId, evidenceFiles[i]!.evidenceId), f);
  const contact = [input.phone.trim(), input.email].filter(Boolean).join(' · ');
  const record: ObjectionRecord = {
    at: now.toISOString(),
    by: PUBLIC_ACTOR.personId,
    byName: name,
    objectionId,
    applicationId,
    objectorName: name,
    objectorContact: contact,
    statement: input.statement,
    evidence: evidenceFiles.map((f) => f.fileName).join('、'),
    channel: 'online',
    objectorId: input.objectorId.trim(),
    evidenceFiles,
  };
  await deps.audit.commit({
    scope: roundScope(roundId),
    actor: PUBLIC_ACTOR,
    action: 'objection.filed',
    target: { type: 'objection', id: objectionId },
    context: { applicationId, stage: round.stage },
    state: record,
    requestId,
    now,
    // The round must still be where it was read: an objection cannot land after the announcement's guard counted them.
    writes: [deps.outcome.objectionPut(roundId, record), deps.awards.roundUnchanged(round)],
  }).catch((error: unknown) => {
    if (error instanceof WriteConditionError) throw new AppError('CONFLICT', 409);
    throw error;
  });
  return { objectionId, receivedAt: record.at };
}

/** A short-lived link to an online objection's evidence file, for the office and supervisors of the round's programme. */
export async function downloadEvidence(deps: PortalDeps, session: Session, roundId: string, objectionId: string, evidenceId: string, now: Date): Promise<DownloadResponse> {
  await ownRound(deps, session, roundId);
  if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(objectionId)) throw notFound();
  const objection = await deps.outcome.getObjection(roundId, objectionId);
  const file = objection?.evidenceFiles?.find((f) => f.evidenceId === evidenceId);
  if (!file) throw notFound();
  return deps.documents.presignDownload(evidenceKey(roundId, objectionId, evidenceId), file.fileName, file.contentType, undefined, now);
}
