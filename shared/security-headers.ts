/**
 * Security headers for the site, the API and published results. The same
 * values go into the CloudFront response-headers policy (infra) and the local
 * gateway, so the laptop behaves like AWS.
 */
export interface CspOptions {
  /** Extra origins the browser may fetch/upload to (the documents bucket for presigned POSTs). */
  readonly connectSrc?: readonly string[];
  /** Ask browsers to upgrade http: subresources (on in AWS; off on a plain-http laptop). */
  readonly upgradeInsecureRequests?: boolean;
}

/** A strict Content-Security-Policy: same-origin scripts and styles only, no inline script, no framing. */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'", ...(options.connectSrc ?? [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.upgradeInsecureRequests === false ? [] : ['upgrade-insecure-requests']),
  ].join('; ');
}

/** The other security headers, as name → value. */
export const SECURITY_HEADERS = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;
