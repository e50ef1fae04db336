import { createHash } from 'node:crypto';
import {
  packageRules,
  PROFILE_SECTION,
  type ApplicationSummary,
  type ApplicationView,
  type Completeness,
  type DocumentView,
  type ManifestEntry,
  type PackageRules,
  type Receipt,
  type SectionView,
} from '../../../shared/api/applications';
import { canonicalJson } from '../../../shared/audit/chain';
import { bilingual, bytesText, fileTypeName, lookup, momentText, type MessageParams, type Text } from '../../../shared/messages';
import type { RoundConfig } from '../../../shared/round';
import { UPLOAD_TTL_SECONDS, type DocumentStore } from '../../lib/applications/documents';
import type { ApplicationBundle, ApplicationRecord, ApplicationsRepository, DocumentRecord } from '../../lib/applications/repository';
import { configuredRound } from '../../lib/awards/configured-round';
import type { RoundRecord } from '../../lib/awards/store';
import { AppError, notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { Runtime } from '../../lib/runtime';
import type { SignInDeps } from './sign-in';

/** What the application use cases need: the sign-in dependencies plus the applications table and the documents bucket. */
export type ApplicationDeps = SignInDeps & Pick<Runtime, 'clients'> & {
  readonly applications: ApplicationsRepository;
  readonly documents: DocumentStore;
};

/** A round with its parsed configuration and package rules. */
export interface RoundContext {
  readonly round: RoundRecord;
  readonly config: RoundConfig;
  readonly rules: PackageRules;
  /** The sections of the package: the profile, then the 23 items of the round's criteria edition. */
  readonly sections: readonly string[];
  readonly deadline: Date;
}

/** Who did it, as the audit chain records it. */
export const actorOf = (session: Session) => ({ personId: session.personId, role: session.role });

/** Hex SHA-256 of a UTF-8 string. */
export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A round of the caller's programme (404 for any other) with its configuration (422 ROUND_NOT_CONFIGURED without one). */
export async function roundContext(deps: Pick<ApplicationDeps, 'awards'>, roundId: string, programmeId?: string): Promise<RoundContext> {
  const { round, config, criteria } = await configuredRound(deps.awards, roundId, programmeId);
  return {
    round,
    config,
    rules: packageRules(config.package),
    sections: [PROFILE_SECTION, ...criteria.items.map((i) => i.id)],
    deadline: new Date(config.dates.submissionDeadline),
  };
}


/**
 * Whether online registration of a round is open at `now`: the office has moved the round to the
 * registration stage (a round still at the call may yet change its rules) and `now` is within its
 * configured registration window.
 */
export function registrationOpen(round: { readonly stage: string }, config: RoundConfig, now: Date): boolean {
  return round.stage === 'registration' && Date.parse(config.dates.registrationOpens) <= now.getTime() && now.getTime() < Date.parse(config.dates.registrationCloses);
}

/** 422 DEADLINE_PASSED from the deadline on (server time). */
export function assertBeforeDeadline(ctx: RoundContext, now: Date): void {
  if (now.getTime() >= ctx.deadline.getTime()) {
    throw new AppError('DEADLINE_PASSED', 422, { deadline: ctx.deadline.toISOString() }, { deadline: momentText(ctx.deadline.toISOString(), ctx.config.timeZone) });
  }
}

/** 409 when the package can no longer change: submitted (immutable) or withdrawn. */
export function assertOpen(app: ApplicationRecord): void {
  if (app.status === 'submitted') throw new AppError('APPLICATION_LOCKED', 409);
  if (app.status === 'withdrawn') throw new AppError('APPLICATION_WITHDRAWN', 409);
}

const OFFICE_ROLES = new Set(['admin', 'supervisor']);

/**
 * An application the caller may see: its owner, or the office (administrators
 * and supervisors) of its programme. Anything else is 404, exactly as if it
 * did not exist.
 */
export async function visibleBundle(deps: Pick<ApplicationDeps, 'applications'>, session: Session, applicationId: string): Promise<ApplicationBundle> {
  const bundle = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(applicationId) ? await deps.applications.bundle(applicationId) : undefined;
  if (!bundle) throw notFound();
  const app = bundle.application;
  const owner = session.role === 'applicant' && app.ownerPersonId === session.personId;
  const office = OFFICE_ROLES.has(session.role) && app.programmeId === session.programmeId;
  if (!owner && !office) throw notFound();
  return bundle;
}

/** The caller's own application (applicants only); anyone else's is 404. */
export async function ownBundle(deps: Pick<ApplicationDeps, 'applications'>, session: Session, applicationId: string): Promise<ApplicationBundle> {
  const bundle = await visibleBundle(deps, session, applicationId);
  if (bundle.application.ownerPersonId !== session.personId) throw notFound();
  return bundle;
}

/** Documents that count: not rejected and not replaced by a newer verified version. */
export const activeDocuments = (docs: readonly DocumentRecord[]) => docs.filter((d) => d.status !== 'rejected' && !d.replacedBy);

/** Time after which a pending upload whose object never arrived stops blocking submission (its form has expired). */
const ABANDONED_AFTER_MS = (UPLOAD_TTL_SECONDS + 5 * 60) * 1000;

/**
 * Pending documents that hold up submission: not abandoned (the upload form
 * expired without an object arriving) and not superseded by a later upload
 * that replaces them (the page retried).
 */
function blockingPending(docs: readonly DocumentRecord[], now: Date): DocumentRecord[] {
  const superseded = new Set(docs.map((d) => d.replaces).filter(Boolean));
  return activeDocuments(docs).filter(
    (d) => d.status === 'pending' && !superseded.has(d.documentId) && now.getTime() - Date.parse(d.createdAt) < ABANDONED_AFTER_MS,
  );
}

/** What the package still lacks before it can be submitted (profile, 23 texts, required verified documents, nothing pending). */
export function completeness(ctx: RoundContext, bundle: ApplicationBundle, now: Date): Completeness {
  const filled = new Set(bundle.sections.filter((s) => s.text.trim().length > 0).map((s) => s.section));
  const active = activeDocuments(bundle.documents);
  const verified = new Set(active.filter((d) => d.status === 'verified').map((d) => d.category));
  const missingSections = ctx.sections.filter((s) => !filled.has(s));
  const missingDocuments = ctx.rules.requiredDocuments.filter((c) => !verified.has(c));
  const pendingDocuments = blockingPending(bundle.documents, now).map((d) => d.documentId);
  return {
    complete: missingSections.length === 0 && missingDocuments.length === 0 && pendingDocuments.length === 0,
    missingSections,
    missingDocuments,
    pendingDocuments,
  };
}

/** The manifest of a package: every verified, current document with its SHA-256, in a stable order. */
export function manifestOf(bundle: ApplicationBundle): ManifestEntry[] {
  return activeDocuments(bundle.documents)
    .filter((d) => d.status === 'verified')
    .sort((a, b) => (a.category === b.category ? (a.documentId < b.documentId ? -1 : 1) : a.category < b.category ? -1 : 1))
    .map((d) => ({ documentId: d.documentId, category: d.category, fileName: d.fileName, size: d.size, sha256: d.sha256 }));
}

/** SHA-256 of the package's texts, keyed by section, in canonical JSON. */
export function textsDigest(ctx: RoundContext, bundle: ApplicationBundle): string {
  const texts: Record<string, string> = {};
  for (const section of ctx.sections) texts[section] = bundle.sections.find((s) => s.section === section)?.text ?? '';
  return sha256Hex(canonicalJson(texts));
}

/**
 * The receipt of a complete package at its formal submission: the manifest of
 * its verified documents, the hash of its texts, and the hash of both (what
 * the submission locks).
 */
export function packageReceipt(ctx: RoundContext, bundle: ApplicationBundle, receiptId: string, submittedAt: Date): Receipt {
  const app = bundle.application;
  const manifest = manifestOf(bundle);
  const textsSha256 = textsDigest(ctx, bundle);
  return {
    receiptId,
    applicationId: app.applicationId,
    roundId: app.roundId,
    organisationName: app.organisation.name,
    creditCode: app.organisation.creditCode,
    submittedAt: submittedAt.toISOString(),
    textsSha256,
    manifest,
    packageSha256: sha256Hex(canonicalJson({ textsSha256, manifest })),
  };
}

// A rejection stores what was found (content types, byte counts); people read types by name and sizes in MB.
function rejectionParams(params: Readonly<Record<string, string | number>> | undefined): MessageParams | undefined {
  if (!params) return undefined;
  const named: Record<string, string | number | Text> = { ...params };
  for (const key of ['actual', 'declared'] as const) {
    const type = params[key];
    if (typeof type === 'string') named[key] = type === 'unknown' || type === '' ? lookup('document.type.unknown') : fileTypeName(type);
  }
  for (const key of ['size', 'maxBytes'] as const) {
    const bytes = params[key];
    if (typeof bytes === 'number') named[key] = bytesText(bytes);
  }
  return named;
}

/** A document as its owner and the office see it. */
export function documentView(d: DocumentRecord): DocumentView {
  return {
    documentId: d.documentId,
    applicationId: d.applicationId,
    category: d.category,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
    status: d.status,
    ...(d.rejection ? { rejection: { code: d.rejection.code, message: bilingual(d.rejection.code, rejectionParams(d.rejection.params)) } } : {}),
    ...(d.replaces ? { replaces: d.replaces } : {}),
    ...(d.replacedBy ? { replacedBy: d.replacedBy } : {}),
    createdAt: d.createdAt,
    ...(d.verifiedAt ? { verifiedAt: d.verifiedAt } : {}),
  };
}

/** An application summary (office lists). */
export function summaryOf(app: ApplicationRecord): ApplicationSummary {
  return {
    applicationId: app.applicationId,
    roundId: app.roundId,
    programmeId: app.programmeId,
    status: app.status,
    organisation: app.organisation,
    selfCheck: app.selfCheck,
    ...(app.eligibility
      ? {
          eligibility: {
            decision: app.eligibility.decision,
            reason: app.eligibility.reason,
            decidedAt: app.eligibility.decidedAt,
            ...(app.eligibility.exception ? { exception: app.eligibility.exception } : {}),
          },
        }
      : {}),
    createdAt: app.createdAt,
    ...(app.submittedAt ? { submittedAt: app.submittedAt } : {}),
    ...(app.withdrawnAt ? { withdrawnAt: app.withdrawnAt } : {}),
    ...(app.recordedWin ? { recordedWin: app.recordedWin } : {}),
    ...(app.recommendations?.length ? { recommendations: app.recommendations } : {}),
    openRequests: (app.requests ?? []).filter((r) => r.status === 'open').length,
    version: app.version,
  };
}

/** The whole application as its owner (and the office) see it. */
export function applicationView(ctx: RoundContext, bundle: ApplicationBundle, now: Date): ApplicationView {
  const sections: SectionView[] = ctx.sections.flatMap((id) => {
    const s = bundle.sections.find((x) => x.section === id);
    return s ? [{ section: s.section, text: s.text, version: s.version, updatedAt: s.updatedAt }] : [];
  });
  return {
    ...summaryOf(bundle.application),
    declarations: bundle.application.declarations,
    stage: ctx.round.stage,
    submissionDeadline: ctx.deadline.toISOString(),
    rules: ctx.rules,
    sections,
    documents: [...bundle.documents].sort((a, b) => (a.documentId < b.documentId ? -1 : 1)).map(documentView),
    completeness: completeness(ctx, bundle, now),
    ...(bundle.application.receipt ? { receipt: bundle.application.receipt } : {}),
  };
}
