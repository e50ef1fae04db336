import { Duration, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { CLIENT_HEADER } from '../../shared/api/client-header';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from '../../shared/runtime';
import { contentSecurityPolicy, SECURITY_HEADERS } from '../../shared/security-headers';
import { DOWNLOADS_PATH, RESULTS_PREFIX } from '../../shared/tables';

/**
 * Request headers the functions read (content type, idempotency key, language, user agent for logs), the proof of a
 * same-origin request (the site's client header, Origin, Sec-Fetch-Site: issue #16.1) and CloudFront's viewer address.
 */
export const API_HEADERS = ['content-type', 'idempotency-key', 'accept-language', 'user-agent', CLIENT_HEADER, 'origin', 'sec-fetch-site', VIEWER_ADDRESS_HEADER] as const;

export interface SiteProps {
  /** The web bucket (static site and, under results/, published results). */
  readonly webBucket: s3.IBucket;
  /** Host name of the HTTP API. */
  readonly apiDomainName: string;
  /** Sent to the API as {@link ORIGIN_VERIFY_HEADER}: the functions answer only requests that carry it. */
  readonly originSecret: secretsmanager.ISecret;
  /** Where CloudFront writes its standard logs. */
  readonly logBucket: s3.IBucket;
  /**
   * Host of the documents bucket's regional S3 endpoint (`<bucket>.s3.<region>.amazonaws.com`), the host the
   * SDK presigns download links for: `/documents/*` is passed to it with the signed query, so a download comes
   * back through CloudFront with the security headers (nosniff) that S3 itself cannot add.
   */
  readonly documentsHost: string;
  /** Origins the browser may also connect to (the documents bucket, for presigned POST uploads). */
  readonly connectSrc: readonly string[];
  /** A custom domain (host of publicUrl) and its ACM certificate in us-east-1. */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** The built site to upload, if any. */
  readonly siteDir?: string;
}

/** Extension-less paths are routes of the single-page app: serve its index.html. */
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;


/** `/documents/<key>` → `/<key>`: the object key the download link was presigned for, query (signature, version) untouched. */
const DOWNLOADS_REWRITE = `function handler(event) {
  var request = event.request;
  request.uri = request.uri.substring(${DOWNLOADS_PATH.length - 1});
  return request;
}`;

/** Header names CloudFront sets through its own security-header fields; every other header is a custom header. */
const SECURITY_HEADER_FIELDS = new Set(['Strict-Transport-Security', 'X-Content-Type-Options', 'X-Frame-Options', 'Referrer-Policy']);

/** The response headers policy carrying shared/security-headers.ts, so AWS answers like the local gateway. */
export function securityHeadersBehavior(csp: string): cloudfront.ResponseSecurityHeadersBehavior {
  const hsts = SECURITY_HEADERS['Strict-Transport-Security'];
  const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1]);
  const referrer = Object.values(cloudfront.HeadersReferrerPolicy).find((p) => p === SECURITY_HEADERS['Referrer-Policy']);
  const frame = Object.values(cloudfront.HeadersFrameOption).find((f) => f === SECURITY_HEADERS['X-Frame-Options']);
  if (!Number.isInteger(maxAge) || !referrer || !frame || SECURITY_HEADERS['X-Content-Type-Options'] !== 'nosniff') {
    throw new Error('shared/security-headers.ts has a value CloudFront cannot express');
  }
  return {
    contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
    strictTransportSecurity: {
      accessControlMaxAge: Duration.seconds(maxAge),
      includeSubdomains: /includeSubDomains/i.test(hsts),
      preload: /preload/i.test(hsts),
      override: true,
    },
    contentTypeOptions: { override: true },
    frameOptions: { frameOption: frame, override: true },
    referrerPolicy: { referrerPolicy: referrer, override: true },
  };
}

/** The CloudFront distribution: the site, `/api/*` to the HTTP API, `/results/*` (published results). */
export class Site extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly responseHeadersPolicy: cloudfront.ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    this.responseHeadersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Merit: strict CSP and security headers (shared/security-headers.ts)',
      securityHeadersBehavior: securityHeadersBehavior(contentSecurityPolicy({ connectSrc: props.connectSrc })),
      customHeadersBehavior: {
        customHeaders: Object.entries(SECURITY_HEADERS)
          .filter(([name]) => !SECURITY_HEADER_FIELDS.has(name))
          .map(([header, value]) => ({ header, value, override: true })),
      },
    });
    const spaRewrite = new cloudfront.Function(this, 'SpaRewrite', {
      comment: 'Merit: extension-less paths serve /index.html',
      code: cloudfront.FunctionCode.fromInline(SPA_REWRITE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const webOrigin = origins.S3BucketOrigin.withOriginAccessControl(props.webBucket, {
      originAccessLevels: [cloudfront.AccessLevel.READ],
    });
    const apiOrigin = new origins.HttpOrigin(props.apiDomainName, {
      // A dynamic reference: the template holds the secret's ARN, CloudFormation resolves the value at deploy time.
      customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originSecret.secretValue.unsafeUnwrap() },
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    });
    // Published results change when a round is published: short cache, so a correction shows within a minute.
    const resultsCache = new cloudfront.CachePolicy(this, 'ResultsCache', {
      comment: 'Merit: published results',
      defaultTtl: Duration.seconds(60),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(10),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const secure = {
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: this.responseHeadersPolicy,
      compress: true,
    };
    // What the API receives from CloudFront: the headers the functions read (never Host: API Gateway answers to its
    // own name), every cookie and query string, and CloudFront-Viewer-Address — behind CloudFront the connection comes
    // from an edge server, so this names the visitor for the per-client sign-in link limit.
    const apiRequests = new cloudfront.OriginRequestPolicy(this, 'ApiRequests', {
      comment: 'Merit API: headers the functions read, the viewer address, all cookies and query strings',
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...API_HEADERS),
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.all(),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
    });
    // Downloads: S3 cannot add X-Content-Type-Options to a presigned GET, so links point here instead, and CloudFront
    // passes them to the bucket's regional endpoint with their query (SigV4 signature over host = that endpoint,
    // versionId, response-content-disposition) and adds the security headers to the answer. Never cached: each link
    // is short-lived and personal. No origin access control: the presigned signature is the authorisation.
    const downloadsRewrite = new cloudfront.Function(this, 'DownloadsRewrite', {
      comment: 'Merit: /documents/<key> is the object <key>',
      code: cloudfront.FunctionCode.fromInline(DOWNLOADS_REWRITE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const downloadRequests = new cloudfront.OriginRequestPolicy(this, 'DownloadRequests', {
      comment: 'Merit document downloads: the presigned query only (no cookies, no viewer headers)',
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.none(),
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
    });
    const documentsOrigin = new origins.HttpOrigin(props.documentsHost, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Merit',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        ...secure,
        origin: webOrigin,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        functionAssociations: [{ function: spaRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          ...secure,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          origin: apiOrigin,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: apiRequests,
        },
        [`/${RESULTS_PREFIX}*`]: { ...secure, origin: webOrigin, cachePolicy: resultsCache },
        [`${DOWNLOADS_PATH}*`]: {
          ...secure,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          origin: documentsOrigin,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: downloadRequests,
          functionAssociations: [{ function: downloadsRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        },
      },
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Viewers need TLS 1.2 or newer; CloudFront can only enforce it with a certificate of our own.
      ...(props.customDomain
        ? {
            domainNames: [props.customDomain.domainName],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'Annotation::@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
        reason: 'The web bucket policy (stateful stack) already lets CloudFront distributions of this account read it through origin access control.',
      },
      {
        id: 'AwsSolutions-CFR1',
        reason: 'The award is public (registration, public notices of results); no country may be excluded.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF: a CloudFront web ACL must live in us-east-1 and these stacks are region-agnostic. Abuse is limited by API Gateway stage throttling and per-address/per-client limits on sign-in links in the function.',
      },
    );
    if (!props.customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain (context publicUrl + certificateArn) the distribution uses the default *.cloudfront.net certificate, whose security policy CloudFront fixes; with one, TLSv1.2_2021 is the minimum.',
      });
    }

    if (props.siteDir) {
      // Uploads the built site; published results (results/) are the publication function's and never pruned.
      new s3deploy.BucketDeployment(this, 'DeploySite', {
        sources: [s3deploy.Source.asset(props.siteDir, { exclude: [`${RESULTS_PREFIX}*`] })],
        destinationBucket: props.webBucket,
        exclude: [`${RESULTS_PREFIX}*`],
        prune: false,
        distribution: this.distribution,
        distributionPaths: ['/*'],
        memoryLimit: 256,
      });
    }
  }
}
