import * as v from 'valibot';
import { EmailSchema, LocaleSchema } from './schemas';
import { DocumentNameSchema } from './document-name';
import { fileTypeList } from '../messages/units';
import { DOCUMENT_CATEGORIES, OFFICE_ANSWER_MAX_CHARS, OFFICE_REQUEST_MAX_CHARS, ORGANISATION_SIZES, type DocumentCategory, type PackageRules } from './application-constants';

/**
 * Requests and answers of the applicant's routes (registration, package,
 * documents, formal submission) and the office's view of them.
 */

// The plain constants and rules live in ./application-constants.ts: a page that needs one does not load valibot.
export { ORGANISATION_SIZES, type OrganisationSize, DOCUMENT_CATEGORIES, type DocumentCategory, PROFILE_SECTION, type PackageRules, packageRules, PACKAGE_DEFAULTS, fileTypeLabels, OFFICE_REQUEST_MAX_CHARS, OFFICE_ANSWER_MAX_CHARS } from './application-constants';

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const IsoDate = v.pipe(v.string(), v.isoDate());
const Sha256Hex = v.pipe(v.string(), v.toLowerCase(), v.regex(/^[0-9a-f]{64}$/));

/** POST /api/submission/applicants/links — an applicant asks for a sign-in link that registers them if they are new. */
export const ApplicantLinkBody = v.object({
  email: EmailSchema,
  /** The programme to register with; the deployment's default programme when absent. */
  programmeId: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/))),
  locale: v.optional(LocaleSchema),
});

/** What the applicant declares against the round's eligibility checklist. */
export const DeclarationsSchema = v.object({
  /** Registered as a legal person (法人). */
  legalPerson: v.boolean(),
  /** Date of establishment. */
  establishedOn: IsoDate,
  /** Major quality, safety or environmental incidents (dates), if any. */
  majorIncidents: v.optional(
    v.pipe(v.array(v.object({ date: IsoDate, kind: v.picklist(['quality', 'safety', 'environment']) })), v.maxLength(50)),
    [],
  ),
  /** Dates of serious administrative penalties, if any. */
  seriousPenalties: v.optional(v.pipe(v.array(IsoDate), v.maxLength(50)), []),
  goodCreditRecord: v.boolean(),
  appliesPerformanceExcellence: v.boolean(),
  /** Rounds since the organisation last won this programme's award; absent if it never won. */
  roundsSinceLastWin: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
});

/** POST /api/submission/applications — register the organisation for an open round. */
export const RegisterApplicationBody = v.object({
  roundId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  organisation: v.object({
    name: Text(200),
    /** Unified social credit code (统一社会信用代码); checked against GB 32100-2015 by the use case. */
    creditCode: v.pipe(v.string(), v.trim(), v.toUpperCase(), v.maxLength(40)),
    district: Text(50),
    industry: Text(100),
    size: v.picklist(ORGANISATION_SIZES),
    address: Text(300),
    legalRepresentative: Text(100),
    contactPerson: Text(100),
    phone: v.pipe(v.string(), v.trim(), v.regex(/^[0-9+\-() ]{5,30}$/)),
    email: EmailSchema,
  }),
  declarations: DeclarationsSchema,
});

/** PUT /api/submission/applications/{applicationId}/package/{section} — save one section, based on the version read. */
export const SaveSectionBody = v.object({
  text: v.pipe(v.string(), v.maxLength(200_000)),
  /** The version this text was based on: 0 for a section never saved. */
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** POST /api/submission/applications/{applicationId}/documents — start an upload. */
export const CreateDocumentBody = v.object({
  category: v.picklist(DOCUMENT_CATEGORIES),
  /** The file's name (shared rules: well-formed, no control or bidi characters, at most 255 UTF-8 bytes). */
  fileName: DocumentNameSchema,
  contentType: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(200)),
  size: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** SHA-256 of the file as the browser computed it (hex). */
  sha256: Sha256Hex,
  /** A document this upload replaces (a new version; the old one is kept). */
  replaces: v.optional(v.pipe(v.string(), v.maxLength(40))),
});

/** POST /api/submission/applications/{applicationId}/submit — formal submission. */
export const SubmitApplicationBody = v.object({
  /** Makes retries safe; the `idempotency-key` header works too. */
  idempotencyKey: v.optional(v.pipe(v.string(), v.minLength(8), v.maxLength(100))),
});

/** POST /api/submission/applications/{applicationId}/eligibility — the office's decision. */
export const EligibilityDecisionBody = v.pipe(
  v.object({
    decision: v.picklist(['eligible', 'ineligible']),
    /** The reason the applicant sees; required for `ineligible`. */
    reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2000)), ''),
    /**
     * After the eligibility stage a decision is an exception (issue #16.10): why the office changes it now, for the
     * record (supervisors and the office see it). Required then, refused before.
     */
    exceptionReason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2000))),
  }),
  v.forward(
    v.check((b) => b.decision === 'eligible' || b.reason.length > 0, 'a reason is required when refusing'),
    ['reason'],
  ),
);

/** Most applications one bulk eligibility decision names. */
export const ELIGIBILITY_BULK_MAX = 100;

/**
 * POST /api/submission/rounds/{roundId}/eligibility — one decision with one reason for several submitted applications
 * of the round (issue #13.5). Every application is checked before anything is written; each decision is then its own
 * audited change (the application's history names it), and the answer lists what was decided and what was not.
 */
export const BulkEligibilityBody = v.pipe(
  v.object({
    applicationIds: v.pipe(
      v.array(v.pipe(v.string(), v.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/))),
      v.minLength(1),
      v.maxLength(ELIGIBILITY_BULK_MAX),
      v.check((ids) => new Set(ids).size === ids.length, 'each application once'),
    ),
    decision: v.picklist(['eligible', 'ineligible']),
    reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2000)), ''),
    exceptionReason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2000))),
  }),
  v.forward(
    v.check((b) => b.decision === 'eligible' || b.reason.length > 0, 'a reason is required when refusing'),
    ['reason'],
  ),
);

/** What a bulk eligibility decision did: the applications decided, and any another change overtook meanwhile (decide them again). */
export interface BulkEligibilityResponse {
  readonly decided: readonly ApplicationSummary[];
  readonly failed: readonly { readonly applicationId: string; readonly code: string }[];
}

/** Where an application is. */
export type ApplicationStatus = 'registered' | 'submitted' | 'withdrawn';

/** The organisation as registered. */
export type OrganisationDetails = v.InferOutput<typeof RegisterApplicationBody>['organisation'];
/** The applicant's declarations. */
export type Declarations = v.InferOutput<typeof DeclarationsSchema>;

/** A failed rule of the self-check, with the catalogue code of its reason. */
export interface SelfCheckFailure {
  readonly ruleId: string;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The applicant's own declarations checked against the round's checklist (the office decides). */
export interface SelfCheck {
  readonly eligible: boolean;
  readonly failures: readonly SelfCheckFailure[];
}

/** A decision made after the eligibility stage, as a recorded exception (issue #16.10). */
export interface EligibilityException {
  /** Why the office changed it after the stage. */
  readonly reason: string;
  /** The round's stage when it was changed. */
  readonly stage: string;
  /** The decision it replaced, if there was one. */
  readonly previous?: 'eligible' | 'ineligible';
}

/** The office's eligibility decision. */
export interface EligibilityDecision {
  readonly decision: 'eligible' | 'ineligible';
  readonly reason: string;
  readonly decidedAt: string;
  /** Set when the decision was made after the eligibility stage. */
  readonly exception?: EligibilityException;
}

/** One saved section of the package. */
export interface SectionView {
  readonly section: string;
  readonly text: string;
  readonly version: number;
  readonly updatedAt: string;
}

/** Verification status of a document. */
export type DocumentStatus = 'pending' | 'verified' | 'rejected';

/** Codes a rejected document carries (catalogue keys `DOCUMENT_…`). */
export type DocumentRejection =
  | 'DOCUMENT_TOO_LARGE'
  | 'DOCUMENT_EMPTY'
  | 'DOCUMENT_TYPE_NOT_ALLOWED'
  | 'DOCUMENT_TYPE_MISMATCH'
  | 'DOCUMENT_SIZE_MISMATCH'
  | 'DOCUMENT_CHECKSUM_MISMATCH';

/** A document as its owner and the office see it. */
export interface DocumentView {
  readonly documentId: string;
  readonly applicationId: string;
  readonly category: DocumentCategory;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly status: DocumentStatus;
  /** Why it was rejected, with both languages. */
  readonly rejection?: { readonly code: DocumentRejection; readonly message: { readonly 'zh-CN': string; readonly en: string } };
  readonly replaces?: string;
  /** Set when a later upload replaced it. */
  readonly replacedBy?: string;
  readonly createdAt: string;
  readonly verifiedAt?: string;
}

/** One file of the receipt's manifest. */
export interface ManifestEntry {
  readonly documentId: string;
  readonly category: DocumentCategory;
  readonly fileName: string;
  readonly size: number;
  readonly sha256: string;
}

/** The receipt of a formal submission. */
export interface Receipt {
  readonly receiptId: string;
  readonly applicationId: string;
  readonly roundId: string;
  readonly organisationName: string;
  readonly creditCode: string;
  readonly submittedAt: string;
  /** SHA-256 of the canonical JSON of the profile and the 23 texts. */
  readonly textsSha256: string;
  readonly manifest: readonly ManifestEntry[];
  /** SHA-256 of the canonical JSON of the manifest and the texts' hash. */
  readonly packageSha256: string;
}

/** What is still missing before the package can be submitted. */
export interface Completeness {
  readonly complete: boolean;
  /** Sections (`profile`, `4.1.2` …) with no text. */
  readonly missingSections: readonly string[];
  /** Required categories without a verified document. */
  readonly missingDocuments: readonly DocumentCategory[];
  /** Documents still being verified. */
  readonly pendingDocuments: readonly string[];
}

/** An application summary (lists and the dashboard). */
export interface ApplicationSummary {
  readonly applicationId: string;
  readonly roundId: string;
  readonly programmeId: string;
  readonly status: ApplicationStatus;
  readonly organisation: OrganisationDetails;
  readonly selfCheck: SelfCheck;
  readonly eligibility?: EligibilityDecision;
  readonly createdAt: string;
  readonly submittedAt?: string;
  readonly withdrawnAt?: string;
  /** Office requests the applicant has not answered yet. */
  readonly openRequests: number;
  readonly version: number;
}

/** An application with its package, documents and receipt. */
export interface ApplicationView extends ApplicationSummary {
  readonly declarations: Declarations;
  /** The round's current stage. */
  readonly stage: string;
  readonly submissionDeadline: string;
  readonly rules: PackageRules;
  readonly sections: readonly SectionView[];
  readonly documents: readonly DocumentView[];
  readonly completeness: Completeness;
  readonly receipt?: Receipt;
}

/** GET /api/submission/applications/mine */
export interface MyApplicationsResponse {
  readonly applications: readonly ApplicationView[];
}

/** POST …/documents: the document and how to upload it (a presigned POST). */
export interface CreateDocumentResponse {
  readonly document: DocumentView;
  readonly upload: { readonly url: string; readonly fields: Readonly<Record<string, string>>; readonly expiresAt: string };
}

/** POST …/submit */
export interface SubmitResponse {
  readonly receipt: Receipt;
  /** True when this was a retry of an earlier successful submission. */
  readonly replayed: boolean;
}

/** A short-lived download link. */
export interface DownloadResponse {
  readonly url: string;
  readonly expiresAt: string;
}

/** The registration funnel of a round. */
export interface Funnel {
  readonly registered: number;
  readonly submitted: number;
  readonly withdrawn: number;
  readonly eligible: number;
  readonly ineligible: number;
  /** submitted / registered, in percent with one decimal. */
  readonly submittedPercent: number;
}

/** GET /api/submission/applications (office). */
export interface ApplicationListResponse {
  readonly roundId: string;
  /** Counts over the whole round (before filters). */
  readonly funnel: Funnel;
  /** Filtered, sorted by name in pinyin order. */
  readonly applications: readonly ApplicationSummary[];
}

/** GET /api/submission/applications/export (office). */
export interface CsvExportResponse {
  readonly fileName: string;
  readonly contentType: 'text/csv; charset=utf-8';
  /** The file's text, starting with a UTF-8 byte order mark so Excel reads it as UTF-8. */
  readonly csv: string;
}

/** GET /api/submission/rounds/{roundId}/form — what an applicant needs to fill in for a round. */
export interface ApplicationFormResponse {
  readonly roundId: string;
  readonly programmeId: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly registrationOpen: boolean;
  readonly registrationOpens: string;
  readonly registrationCloses: string;
  readonly submissionDeadline: string;
  readonly rules: PackageRules;
  readonly sections: readonly string[];
  readonly allowedTypes: readonly string[];
  readonly maxFileBytes: number;
  /** The round's eligibility rules with their numbers (years, rounds), so the declarations can say "in the last 3 years". */
  readonly checklist: readonly ChecklistRuleView[];
}

/** One rule of a round's eligibility checklist as the form shows it. */
export interface ChecklistRuleView {
  readonly id: string;
  readonly kind: string;
  /** Years an incident or penalty counts (noMajorIncident, noSeriousPenalty). */
  readonly years?: number;
  /** Minimum years of operation (operatingYears). */
  readonly minYears?: number;
  /** Rounds a past winner waits (notRecentWinner). */
  readonly rounds?: number;
}


/** POST /api/submission/applications/{applicationId}/requests — the office asks the applicant to correct or explain something. */
export const CreateOfficeRequestBody = v.object({
  /** What the office asks for; the limit ({@link OFFICE_REQUEST_MAX_CHARS} characters) is checked by the use case. */
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(OFFICE_REQUEST_MAX_CHARS * 4)),
  /** Sections it concerns (`profile`, `4.1.2` …), if any. */
  sections: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(20))), v.maxLength(30)), []),
  /** Document categories it concerns, if any. */
  documentCategories: v.optional(v.pipe(v.array(v.picklist(DOCUMENT_CATEGORIES)), v.maxLength(DOCUMENT_CATEGORIES.length)), []),
  /** Makes retries safe: the same key answers the request already made. */
  idempotencyKey: v.optional(v.pipe(v.string(), v.minLength(8), v.maxLength(100))),
});

/** POST /api/submission/applications/{applicationId}/requests/{requestId}/answer — the applicant answers an office request. */
export const AnswerOfficeRequestBody = v.object({
  /** The answer; the limit ({@link OFFICE_ANSWER_MAX_CHARS} characters) is checked by the use case. */
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(OFFICE_ANSWER_MAX_CHARS * 4)),
});

/** Whether the applicant has answered an office request. */
export type OfficeRequestStatus = 'open' | 'answered';

/** The applicant's answer to an office request. */
export interface OfficeAnswer {
  readonly text: string;
  readonly answeredAt: string;
  /** Person id of the applicant who answered. */
  readonly answeredBy: string;
}

/** An office request (补正/说明要求) as the office and the applicant see it. Answering never changes the submitted package. */
export interface OfficeRequestView {
  readonly requestId: string;
  readonly applicationId: string;
  readonly text: string;
  readonly sections: readonly string[];
  readonly documentCategories: readonly DocumentCategory[];
  readonly status: OfficeRequestStatus;
  readonly createdAt: string;
  /** Person id of the administrator who asked. */
  readonly createdBy: string;
  readonly answer?: OfficeAnswer;
}

/** GET /api/submission/applications/{applicationId}/requests — oldest first. */
export interface OfficeRequestsResponse {
  readonly applicationId: string;
  readonly requests: readonly OfficeRequestView[];
}
