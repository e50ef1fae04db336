import * as v from 'valibot';
import { EmailSchema, LocaleSchema } from './schemas';
import { BilingualNameSchema } from './rounds';

/**
 * Programmes (issue #14 part 1): one deployment hosts a city's award and its
 * districts' and counties' awards. The platform operator (the body hosting the
 * deployment) creates each programme and invites its first administrator; it
 * never reads a programme's applications, scores or chains.
 */

/** The programme id of the platform operator's sessions: no programme can take it. */
export const PLATFORM_ID = 'platform';

/** Ids no programme may take (the operator's own, and words the site's addresses use). */
export const RESERVED_PROGRAMME_IDS: ReadonlySet<string> = new Set([PLATFORM_ID, 'operator', 'admin', 'api', 'system']);

/** The levels of government an award is run at. */
export const PROGRAMME_LEVELS = ['city', 'district', 'county'] as const;
/** A programme's level. */
export type ProgrammeLevel = (typeof PROGRAMME_LEVELS)[number];

/** The time zone a programme's dates are read in unless a round says otherwise (Beijing). */
export const DEFAULT_PROGRAMME_TIME_ZONE = 'Asia/Shanghai';

/** Whether the runtime knows an IANA time zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name);
  } catch {
    return false;
  }
}

/** A programme id: a slug of lower-case letters, digits and single hyphens, 3–40 characters, not reserved (`fz-gulou`). */
export const ProgrammeIdSchema = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/),
  v.minLength(3),
  v.maxLength(40),
  v.check((id) => !RESERVED_PROGRAMME_IDS.has(id), 'reserved'),
);

/** POST /api/submission/operator/programmes — the operator creates a programme. */
export const CreateProgrammeBody = v.object({
  programmeId: ProgrammeIdSchema,
  name: BilingualNameSchema,
  level: v.picklist(PROGRAMME_LEVELS),
  /** Who issues the award (a city or district government), in both languages. */
  issuingBody: BilingualNameSchema,
  timeZone: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(64), v.check(isTimeZone, 'unknown time zone')), DEFAULT_PROGRAMME_TIME_ZONE),
  /** A programme whose award this programme's winners are recommended to (a district's winners to the city's award). */
  recommendsTo: v.optional(ProgrammeIdSchema),
});

/** POST /api/submission/operator/programmes/{programmeId}/admins — the operator invites a programme's administrator. */
export const InviteProgrammeAdminBody = v.object({
  email: EmailSchema,
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  locale: v.optional(LocaleSchema),
});

/** A programme's administrator as the operator sees them: who, and whether still active. */
export interface ProgrammeAdminView {
  readonly personId: string;
  readonly name: string;
  readonly email: string;
  readonly status: 'active' | 'revoked';
}

/** A programme as the operator sees it: its settings and administrators, nothing of its applications. */
export interface ProgrammeView {
  readonly programmeId: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly level?: ProgrammeLevel;
  readonly issuingBody?: { readonly 'zh-CN': string; readonly en: string };
  readonly timeZone: string;
  readonly recommendsTo?: string;
  readonly createdAt: string;
  readonly admins: readonly ProgrammeAdminView[];
}

/** GET /api/submission/operator/programmes */
export interface OperatorProgrammesResponse {
  readonly programmes: readonly ProgrammeView[];
}

/** Another programme whose award an organisation won, recommending it to this one (shown to the office on its registration). */
export interface Recommendation {
  readonly programmeId: string;
  readonly programmeName: { readonly 'zh-CN': string; readonly en: string };
  readonly roundId: string;
  readonly roundName: { readonly 'zh-CN': string; readonly en: string };
}
