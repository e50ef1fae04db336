import type { PoolProfile } from '../pool/profile';
import * as v from 'valibot';
import { INVITED_ROLES, ROLES, type Role } from './roles';
import type { FunctionName } from './functions';
import type { AuditEntry } from '../audit/chain';

/** An email address, trimmed and lower-cased. */
export const EmailSchema = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email());
/** A ULID. */
export const UlidSchema = v.pipe(v.string(), v.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/));
/** A UI language. */
export const LocaleSchema = v.picklist(['zh-CN', 'en']);

/** POST /api/submission/auth/links — ask for a sign-in link by mail. */
export const RequestLinkBody = v.object({
  email: EmailSchema,
  locale: v.optional(LocaleSchema),
});

/** POST /api/submission/auth/session — exchange a link's token for a session. */
export const ExchangeTokenBody = v.object({
  token: v.pipe(v.string(), v.minLength(20), v.maxLength(2000)),
});

/** POST /api/submission/people — the office invites a reviewer, deliberator, supervisor or administrator. */
export const InvitePersonBody = v.object({
  email: EmailSchema,
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  role: v.picklist(INVITED_ROLES),
  organisation: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  locale: v.optional(LocaleSchema),
});

/** Health of one dependency of a function. */
export interface HealthCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly error?: string;
}

/** GET /api/<function>/health */
export interface HealthResponse {
  readonly function: FunctionName;
  readonly ok: boolean;
  readonly checks: readonly HealthCheck[];
}

/** A person as the API shows them. */
export interface PersonView {
  readonly personId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly programmeId: string;
  readonly status: 'active' | 'revoked';
  readonly organisation?: string;
  readonly createdAt: string;
  /** What matching needs (expert, deliberator and supervisor pools; shared/pool). */
  readonly profile?: PoolProfile;
}

/** GET /api/submission/auth/session */
export interface SessionResponse {
  readonly person: PersonView;
  readonly role: Role;
  readonly programmeId: string;
  readonly expiresAt: string;
}

/** A round as the public sees it. */
export interface PublicRound {
  readonly roundId: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly stage: string;
  readonly registrationOpens: string;
  readonly submissionDeadline: string;
}

/** A programme (city or district award) with its rounds. */
export interface PublicProgramme {
  readonly programmeId: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  /** City, district or county (issue #14); absent on programmes from before it. */
  readonly level?: 'city' | 'district' | 'county';
  readonly issuingBody?: { readonly 'zh-CN': string; readonly en: string };
  /** Where written objections go (the programme's settings); absent until its office sets it. */
  readonly contact?: { readonly address: { readonly 'zh-CN': string; readonly en: string }; readonly phone: string; readonly email: string; readonly version: number };
  readonly rounds: readonly PublicRound[];
}

/** GET /api/publication/programmes */
export interface ProgrammesResponse {
  readonly programmes: readonly PublicProgramme[];
}

/** One audit chain as listed for supervisors. */
export interface AuditChainSummary {
  readonly scope: string;
  readonly kind: 'programme' | 'round';
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly entries: number;
  /** Hash of the newest entry; absent for an empty chain. */
  readonly head?: string;
}

/** GET /api/publication/audit */
export interface AuditChainsResponse {
  readonly chains: readonly AuditChainSummary[];
}

/** GET /api/publication/audit/{scope}/entries */
export interface AuditEntriesResponse {
  readonly scope: string;
  readonly entries: readonly AuditEntry[];
  /** Pass as `after` to read the next page; absent on the last page. */
  readonly nextAfter?: number;
}

/** 202 answer to a link request; the same whether or not the address is known. */
export interface AcceptedResponse {
  readonly accepted: true;
}

/** The error envelope of every failed request (ARCHITECTURE.md "Errors"). */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: { readonly 'zh-CN': string; readonly en: string };
    readonly details?: unknown;
    readonly requestId?: string;
  };
}

export { ROLES };
