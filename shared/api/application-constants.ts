import { PACKAGE_DEFAULT_SETTINGS } from '../round/package-defaults';
import { fileTypeList } from '../messages/units';

/**
 * The applicant's constants and package rules, without the request schemas (./applications.ts re-exports them):
 * importing one never loads valibot (issue 11).
 */

/** Sizes of an organisation (国家统计局大中小微型企业划分). */
export const ORGANISATION_SIZES = ['large', 'medium', 'small', 'micro'] as const;
/** A size of an organisation. */
export type OrganisationSize = (typeof ORGANISATION_SIZES)[number];

/** Kinds of supporting document an applicant uploads. */
export const DOCUMENT_CATEGORIES = [
  'businessLicence',
  'selfAssessmentReport',
  'certificates',
  'financialStatements',
  'creditRecords',
  'other',
] as const;
/** A kind of supporting document. */
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/** The section id of the organisational profile (组织概述); the other sections are the 23 item ids (`4.1.2` …). */
export const PROFILE_SECTION = 'profile';

/** The package rules of a round, as the applicant's pages and the submission function apply them. */
export interface PackageRules {
  /** Longest organisational profile, in characters. */
  readonly profileMaxChars: number;
  /** Longest self-assessment text of one item, in characters. */
  readonly itemMaxChars: number;
  /** Categories of which at least one verified document is needed to submit. */
  readonly requiredDocuments: readonly DocumentCategory[];
}

const isDocumentCategory = (category: string): category is DocumentCategory => (DOCUMENT_CATEGORIES as readonly string[]).includes(category);

/**
 * The package rules of a round's (parsed, validated) configuration
 * (`shared/round`, which holds the defaults). A required category the site
 * has no upload slot for is left out rather than making submission impossible.
 */
export function packageRules(pkg: {
  readonly profileMaxChars: number;
  readonly itemMaxChars: number;
  readonly requiredDocuments: readonly string[];
}): PackageRules {
  return { profileMaxChars: pkg.profileMaxChars, itemMaxChars: pkg.itemMaxChars, requiredDocuments: pkg.requiredDocuments.filter(isDocumentCategory) };
}

/** The package rules of a round with the default configuration. */
export const PACKAGE_DEFAULTS: PackageRules = packageRules(PACKAGE_DEFAULT_SETTINGS);

/** The allowed file types of a round as people name them (`PDF, Word, PNG`), for a stored parameter that is one string. */
export function fileTypeLabels(allowedTypes: readonly string[]): string {
  return fileTypeList(allowedTypes).en;
}

/** Longest text of an office request (补正/说明要求), in characters. */
export const OFFICE_REQUEST_MAX_CHARS = 2000;
/** Longest answer of an applicant to an office request, in characters. */
export const OFFICE_ANSWER_MAX_CHARS = 4000;
