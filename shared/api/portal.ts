import * as v from 'valibot';
import { DocumentNameSchema } from './document-name';
import { EmailSchema } from './schemas';

/**
 * The public portal of each award (issue #14 part 2): the call (申报通知) of a
 * round with its text and attachments, the programme's address for written
 * objections, and online real-name objections with evidence files. Files come
 * inline (base64 in the JSON body, which the request limit of 1 MiB bounds) and
 * are sniffed by their magic bytes before anything is stored.
 */

/** Most characters of the call's text in one language. */
export const CALL_TEXT_MAX_CHARS = 20_000;
/** Most attachments of one round's call. */
export const CALL_MAX_ATTACHMENTS = 10;
/** Most bytes of one inline file (call attachment or evidence): base64 of it stays within the 1 MiB request limit. */
export const INLINE_FILE_MAX_BYTES = 700 * 1024;
/** Most evidence files of one online objection. */
export const OBJECTION_MAX_FILES = 3;

/** What a call attachment may be, sniffed from its bytes: application documents (PDF, Word, Excel). */
export const CALL_ATTACHMENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

/** What an evidence file may be, sniffed from its bytes: the documents above and photos. */
export const EVIDENCE_TYPES = [...CALL_ATTACHMENT_TYPES, 'image/jpeg', 'image/png'] as const;

/** The kinds of call attachment. */
export const ATTACHMENT_KINDS = ['guidelines', 'form', 'other'] as const;
/** A call attachment's kind. */
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

const Text = (min: number, max: number) => v.pipe(v.string(), v.trim(), v.minLength(min), v.maxLength(max));
/** Base64 of a file's bytes. */
const Base64 = v.pipe(v.string(), v.minLength(1), v.maxLength(Math.ceil((INLINE_FILE_MAX_BYTES * 4) / 3) + 8), v.regex(/^[A-Za-z0-9+/=\s]+$/));

/** One inline file. */
export const InlineFileBody = v.object({ fileName: DocumentNameSchema, content: Base64 });

/** PUT /api/submission/rounds/{roundId}/call — the call's text in both languages, based on the round's version read. */
export const SetCallTextBody = v.object({
  text: v.object({ 'zh-CN': Text(0, CALL_TEXT_MAX_CHARS), en: Text(0, CALL_TEXT_MAX_CHARS) }),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/** POST /api/submission/rounds/{roundId}/call/attachments — an attachment of the call (guidelines, forms). */
export const AddAttachmentBody = v.object({
  ...InlineFileBody.entries,
  kind: v.picklist(ATTACHMENT_KINDS),
  title: v.object({ 'zh-CN': Text(1, 100), en: Text(1, 200) }),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/** POST /api/submission/rounds/{roundId}/call/attachments/{attachmentId}/removal */
export const RemoveAttachmentBody = v.object({ version: v.pipe(v.number(), v.integer(), v.minValue(1)) });

/** PUT /api/submission/programme/contact — where written objections go (the programme's administrator). */
export const SetContactBody = v.object({
  address: v.object({ 'zh-CN': Text(1, 200), en: Text(1, 300) }),
  phone: v.pipe(v.string(), v.trim(), v.minLength(5), v.maxLength(40), v.regex(/^[0-9+()\- ]+$/)),
  email: EmailSchema,
  /** The contact's version read (0 before the first). */
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/**
 * POST /api/submission/rounds/{roundId}/objections/online — a real-name objection
 * from the public while the notice is open. Name and contact are checked by
 * the use case (an anonymous one answers 422 OBJECTION_ANONYMOUS, said so).
 */
export const OnlineObjectionBody = v.object({
  /** The proposed winner objected to, by its name as the notice publishes it. */
  organisation: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  objectorName: v.pipe(v.string(), v.trim(), v.maxLength(100)),
  /** The objector's identity document or organisation credit code (real name). */
  objectorId: v.pipe(v.string(), v.trim(), v.maxLength(40)),
  phone: v.pipe(v.string(), v.trim(), v.maxLength(40)),
  email: v.union([v.literal(''), EmailSchema]),
  statement: Text(1, 5000),
  evidence: v.pipe(v.array(InlineFileBody), v.maxLength(OBJECTION_MAX_FILES)),
});

/** A stored attachment of the call. */
export interface CallAttachment {
  readonly attachmentId: string;
  readonly kind: AttachmentKind;
  readonly title: { readonly 'zh-CN': string; readonly en: string };
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly key: string;
  readonly addedAt: string;
}

/** The call as stored on the round (`RoundRecord.call`). */
export interface RoundCall {
  readonly text: { readonly 'zh-CN': string; readonly en: string };
  readonly attachments: readonly CallAttachment[];
  readonly updatedAt?: string;
}

/** An attachment as anyone sees it (no storage key). */
export type CallAttachmentView = Omit<CallAttachment, 'key'>;

/** GET /api/submission/rounds/{roundId}/call — the call as the public reads it (timeline, rules and package from the form route). */
export interface CallView {
  readonly roundId: string;
  readonly programmeId: string;
  readonly stage: string;
  readonly version: number;
  readonly text: { readonly 'zh-CN': string; readonly en: string };
  readonly attachments: readonly CallAttachmentView[];
  readonly updatedAt?: string;
}

/** Where written objections go (a programme's settings). */
export interface ProgrammeContact {
  readonly address: { readonly 'zh-CN': string; readonly en: string };
  readonly phone: string;
  readonly email: string;
  readonly version: number;
  readonly updatedAt: string;
}

/** An evidence file of an online objection, as the office sees it. */
export interface EvidenceFileView {
  readonly evidenceId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
}

/** POST /api/submission/rounds/{roundId}/objections/online — what the objector is told: received, with its number. */
export interface OnlineObjectionReceipt {
  readonly objectionId: string;
  readonly receivedAt: string;
}
