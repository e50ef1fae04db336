/**
 * Names of the environment variables the functions are configured with
 * (besides the table and bucket names in `tables.ts`). Set by the CDK stack in
 * AWS and by the local stack on a laptop.
 */
export const ENV = {
  /** `aws` or `local`. */
  stage: 'MERIT_STAGE',
  /** Public base URL of the site, for links in mail (`https://award.example.org`). */
  publicUrl: 'MERIT_PUBLIC_URL',
  /** Name of an SSM parameter holding the public URL (AWS, when no custom domain is given: the CloudFront domain is only known after deploy). */
  publicUrlParam: 'MERIT_PUBLIC_URL_PARAM',
  /** Email of the first administrator (CDK context `adminEmail`). */
  adminEmail: 'MERIT_ADMIN_EMAIL',
  /** Email of the platform operator, who creates programmes (CDK context `operatorEmail`; issue #14). */
  operatorEmail: 'MERIT_OPERATOR_EMAIL',
  /** Sender address for mail (CDK context `mailFrom`, an SES-verified identity). */
  mailFrom: 'MERIT_MAIL_FROM',
  /** ARN of the Secrets Manager secret holding the signing key (AWS). */
  signingKeySecretArn: 'MERIT_SIGNING_KEY_SECRET_ARN',
  /** The signing key itself, base64url (local only; never set in AWS). */
  signingKey: 'MERIT_SIGNING_KEY',
  /** Folder where mail is written instead of sent (local only). */
  outboxDir: 'MERIT_OUTBOX_DIR',
  /** Local only: `off` leaves linking to another process (the deadline bench's linker process, as AWS's stream does). */
  localLinker: 'MERIT_LOCAL_LINKER',
  /** DynamoDB endpoint override (local only: dynalite). */
  dynamoEndpoint: 'MERIT_DYNAMODB_ENDPOINT',
  /** S3 endpoint override (local only: s3rver). */
  s3Endpoint: 'MERIT_S3_ENDPOINT',
  /** Sign-in link requests allowed per address in 15 minutes (default 5). */
  linkLimitPerAddress: 'MERIT_LINK_LIMIT_PER_ADDRESS',
  /** Sign-in link requests allowed per client IP in 15 minutes (default 30). */
  linkLimitPerClient: 'MERIT_LINK_LIMIT_PER_CLIENT',
  /** ARN of the Secrets Manager secret CloudFront sends as {@link ORIGIN_VERIFY_HEADER} (AWS): requests without it are refused. */
  originSecretArn: 'MERIT_ORIGIN_SECRET_ARN',
  /** Programme the first administrator belongs to. */
  defaultProgrammeId: 'MERIT_DEFAULT_PROGRAMME',
} as const;

/** Lifetime of a sign-in link (ARCHITECTURE.md: short-lived, single-use). */
export const LINK_TTL_SECONDS = 15 * 60;
/** Lifetime of a session. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;
/** Header in which CloudFront names the visitor (`ip:port`); API Gateway itself only sees the edge server. */
export const VIEWER_ADDRESS_HEADER = 'CloudFront-Viewer-Address';

/**
 * Origin custom header CloudFront adds to every request it sends to the API, holding a secret (Secrets Manager). The
 * functions refuse a request without it, so the API Gateway endpoint cannot be called round CloudFront, and a
 * CloudFront-Viewer-Address header is believed only when it came with it.
 */
export const ORIGIN_VERIFY_HEADER = 'X-Merit-Origin-Verify';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'merit_session';
