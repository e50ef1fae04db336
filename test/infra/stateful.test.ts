import { Template, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUCKETS, TABLES, TABLE_KEYS } from '../../shared/tables';
import type { MeritApp } from '../../infra/lib/merit-app';
import { NO_SITE, synthMerit } from './helpers';

let merit: MeritApp;
let template: Template;
let stateless: Template;

beforeAll(() => {
  merit = synthMerit({ context: { adminEmail: 'office@example.org', siteDir: NO_SITE } });
  template = Template.fromStack(merit.stateful);
  stateless = Template.fromStack(merit.stateless);
});

const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  merit.stateful.getLogicalId(construct.node.defaultChild as Parameters<typeof merit.stateful.getLogicalId>[0]);

describe('stateful stack: tables', () => {
  it('has exactly one table per entry of TABLES', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', TABLE_KEYS.length);
  });

  it.each(TABLE_KEYS)('%s: keys, indexes, TTL and stream from shared/tables.ts; on-demand, PITR, deletion protection, encrypted, retained', (key) => {
    const def = TABLES[key];
    const table = template.toJSON().Resources[logicalId(merit.stateful.tables[key])];
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    const p = table.Properties;
    expect(p.KeySchema).toEqual([
      { AttributeName: def.partitionKey, KeyType: 'HASH' },
      { AttributeName: def.sortKey, KeyType: 'RANGE' },
    ]);
    expect(p.BillingMode).toBe('PAY_PER_REQUEST');
    expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(p.DeletionProtectionEnabled).toBe(true);
    expect(p.SSESpecification).toEqual({ SSEEnabled: true });
    expect((p.GlobalSecondaryIndexes ?? []).map((i: { IndexName: string; KeySchema: unknown }) => [i.IndexName, i.KeySchema])).toEqual(
      def.indexes.map((i) => [
        i.name,
        [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
      ]),
    );
    const ttl = 'ttlAttribute' in def ? def.ttlAttribute : undefined;
    expect(p.TimeToLiveSpecification).toEqual(ttl ? { AttributeName: ttl, Enabled: true } : undefined);
    const stream = 'stream' in def ? def.stream : undefined;
    expect(p.StreamSpecification).toEqual(stream ? { StreamViewType: stream } : undefined);
  });
});

describe('stateful stack: buckets', () => {
  const bucket = (key: keyof typeof BUCKETS) => template.toJSON().Resources[logicalId(merit.stateful.buckets[key])];
  const policyOf = (key: keyof typeof BUCKETS) =>
    Object.values(template.findResources('AWS::S3::BucketPolicy')).find(
      (p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: logicalId(merit.stateful.buckets[key]) }),
    )?.Properties.PolicyDocument.Statement as { Effect: string; Condition?: Record<string, Record<string, unknown>> }[];

  it.each(['documents', 'web', 'auditArchive'] as const)('%s: private, encrypted, TLS only, logged, retained', (key) => {
    const b = bucket(key);
    expect(b.DeletionPolicy).toBe('Retain');
    expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(b.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(b.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: logicalId(merit.stateful.accessLogs) });
    expect(policyOf(key)).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('documents: versioned, CORS for presigned POST from the site, incomplete uploads aborted, nothing expired', () => {
    const p = bucket('documents').Properties;
    expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(p.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({
        AllowedMethods: expect.arrayContaining(['POST']),
        AllowedOrigins: ['https://*.cloudfront.net'],
      }),
    ]);
    expect(p.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }),
    ]);
    for (const rule of p.LifecycleConfiguration.Rules) {
      expect(rule).not.toHaveProperty('ExpirationInDays');
      expect(rule).not.toHaveProperty('NoncurrentVersionExpiration');
      expect(rule).not.toHaveProperty('ExpiredObjectDeleteMarker');
    }
  });

  it('documents: the publicUrl origin may upload too when given', () => {
    const custom = synthMerit({ context: { adminEmail: 'office@example.org', publicUrl: 'https://award.example.org/', siteDir: NO_SITE } });
    Template.fromStack(custom.stateful).hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://award.example.org', 'https://*.cloudfront.net'] })] },
    });
  });

  it('web: only CloudFront distributions of this account read it (origin access control)', () => {
    expect(policyOf('web')).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Condition: expect.objectContaining({ StringEquals: { 'AWS:SourceAccount': { Ref: 'AWS::AccountId' } } }),
      }),
    );
  });

  it('audit archive: Object Lock in compliance mode for 10 years by default, versioned', () => {
    const p = bucket('auditArchive').Properties;
    expect(p.ObjectLockEnabled).toBe(true);
    expect(p.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 10 } },
    });
    expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });

  it('audit archive: every put must carry If-None-Match, so an archived entry never gets a second version', () => {
    expect(policyOf('auditArchive')).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:PutObject',
        Condition: { Null: { 's3:if-none-match': 'true' } },
      }),
    );
  });

  it('audit archive: the retention follows the auditRetentionYears context value', () => {
    const longer = synthMerit({ context: { adminEmail: 'office@example.org', auditRetentionYears: '30', siteDir: NO_SITE } });
    Template.fromStack(longer.stateful).hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 30 } } },
    });
    expect(() => synthMerit({ context: { auditRetentionYears: 'ten', siteDir: NO_SITE } })).toThrow(/auditRetentionYears/);
  });

  it('access logs: private, encrypted, TLS only, retained', () => {
    const b = template.toJSON().Resources[logicalId(merit.stateful.accessLogs)];
    expect(b.DeletionPolicy).toBe('Retain');
    expect(b.Properties.PublicAccessBlockConfiguration.RestrictPublicBuckets).toBe(true);
  });
});

describe('stateful stack: signing key and outputs', () => {
  it('generates the signing key in Secrets Manager and keeps it on deletion', () => {
    template.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: { GenerateSecretString: Match.objectLike({ PasswordLength: 64 }) },
    });
  });

  it('outputs the audit table name (for npm run verify-audit -- --table)', () => {
    template.hasOutput('AuditTableName', { Value: { Ref: logicalId(merit.stateful.tables.audit) } });
  });

  it('outputs the audit intents table name (for npm run verify-audit -- --intents-table), whose stream feeds the linker', () => {
    template.hasOutput('AuditIntentsTableName', { Value: { Ref: logicalId(merit.stateful.tables.auditIntents) } });
    expect(template.toJSON().Resources[logicalId(merit.stateful.tables.auditIntents)].Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
  });
});

describe('site upload', () => {
  it('is left out when there is no built site at synth time', () => {
    stateless.resourceCountIs('Custom::CDKBucketDeployment', 0);
  });
});
