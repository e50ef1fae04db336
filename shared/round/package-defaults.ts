/**
 * The application package's default settings (text limits in characters for
 * the profile, one item's self-assessment and the whole report; the document
 * categories required to submit). A module of its own so the site can read
 * them without loading the whole round schema.
 */
export const PACKAGE_DEFAULT_SETTINGS = {
  profileMaxChars: 10_000,
  itemMaxChars: 8_000,
  maxTotalChars: 100_000,
  requiredDocuments: ['businessLicence', 'selfAssessmentReport'],
} as const;
