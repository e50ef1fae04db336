import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeritApp } from '../../infra/lib/merit-app';
import { synthMerit } from './helpers';

// S3 cannot put X-Content-Type-Options on a presigned GET; downloads come through CloudFront, which does.
let merit: MeritApp;
let resources: Record<string, { Type: string; Properties: Record<string, any> }>;
beforeAll(() => {
  merit = synthMerit({ context: { adminEmail: 'office@example.org' } });
  resources = Template.fromStack(merit.stateless).toJSON().Resources;
});

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

describe('document downloads in AWS', () => {
  it('serves /documents/* from the documents bucket endpoint through the security-headers policy (nosniff), uncached, query passed on', () => {
    const distribution = ofType('AWS::CloudFront::Distribution')[0]![1];
    const config = distribution.Properties.DistributionConfig;
    const behavior = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/documents/*');
    expect(behavior).toBeDefined();
    expect(behavior).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
    });
    // The security headers policy, whose ContentTypeOptions gives nosniff
    const [policyId, policy] = ofType('AWS::CloudFront::ResponseHeadersPolicy')[0]!;
    expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    expect(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentTypeOptions).toEqual({ Override: true });
    // The origin is the bucket's regional endpoint, the host the SDK presigns for (the signature covers it)
    const origin = config.Origins.find((o: { Id: string }) => o.Id === behavior.TargetOriginId);
    const host = JSON.stringify(origin.DomainName);
    expect(host).toContain('.s3.');
    expect(host).toContain('AWS::URLSuffix');
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
    // Every query parameter (signature, versionId, response-content-disposition) reaches S3; no cookie or viewer header
    const request = ofType('AWS::CloudFront::OriginRequestPolicy').find(([id]) => id === behavior.OriginRequestPolicyId.Ref)![1];
    expect(request.Properties.OriginRequestPolicyConfig).toMatchObject({
      QueryStringsConfig: { QueryStringBehavior: 'all' },
      CookiesConfig: { CookieBehavior: 'none' },
      HeadersConfig: { HeaderBehavior: 'none' },
    });
    // A viewer-request function strips the /documents prefix, leaving the signed object path
    const fn = ofType('AWS::CloudFront::Function').find(([id]) => behavior.FunctionAssociations?.[0]?.FunctionARN?.['Fn::GetAtt']?.[0] === id)![1];
    expect(fn.Properties.FunctionCode).toContain('request.uri.substring(10)');
  });

  it('gives the functions that presign downloads the public URL, so links point at the site', () => {
    const fns = ofType('AWS::Lambda::Function').filter(([, r]) => JSON.stringify(r.Properties.Environment ?? {}).includes('MERIT_PUBLIC_URL_PARAM'));
    expect(fns.length).toBeGreaterThanOrEqual(2);
  });
});
