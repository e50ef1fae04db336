import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { BUCKETS, TABLES, TABLE_KEYS, type BucketKey, type TableDefinition, type TableKey } from '../../shared/tables';
import type { MeritSettings } from './settings';

/** What the stateless stack receives. */
export interface StatefulResources {
  readonly tables: Readonly<Record<TableKey, dynamodb.Table>>;
  readonly buckets: Readonly<Record<BucketKey, s3.Bucket>>;
  /** Server access logs of the buckets and CloudFront's logs. */
  readonly accessLogs: s3.Bucket;
  /** HMAC key for sign-in links and session cookies. */
  readonly signingKey: secretsmanager.Secret;
  /** The secret CloudFront adds to every API request; the functions refuse requests without it. */
  readonly originSecret: secretsmanager.Secret;
}

export interface StatefulStackProps extends StackProps {
  readonly settings: MeritSettings;
}

/** Browser origins that may POST documents straight to the bucket (presigned POST from the site). */
export function siteOrigins(settings: MeritSettings): string[] {
  // The CloudFront domain is only known once the stateless stack exists (which depends on this one),
  // so any CloudFront domain is allowed; a presigned POST is authorized by its signature, not by CORS.
  return [...(settings.publicUrl ? [settings.publicUrl] : []), 'https://*.cloudfront.net'];
}

const str = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });

/** Data that must never be lost (ARCHITECTURE.md): retained on stack deletion, protected, encrypted, recoverable. */
export class StatefulStack extends Stack implements StatefulResources {
  readonly tables: Record<TableKey, dynamodb.Table>;
  readonly buckets: Record<BucketKey, s3.Bucket>;
  readonly accessLogs: s3.Bucket;
  readonly signingKey: secretsmanager.Secret;
  readonly originSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.tables = Object.fromEntries(
      TABLE_KEYS.map((key) => [key, this.table(TABLES[key])]),
    ) as Record<TableKey, dynamodb.Table>;

    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      // CloudFront's standard logs are delivered through a bucket ACL.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it into itself would loop, and another bucket would only move the problem.',
    });

    const documents = new s3.Bucket(this, BUCKETS.documents.logicalId, {
      ...this.privateBucket('documents/'),
      versioned: true,
      cors: [
        {
          allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedOrigins: siteOrigins(settings),
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag', 'Location', 'x-amz-version-id'],
          maxAge: 3000,
        },
      ],
      // Submitted materials are never expired; only the parts of uploads that never completed are cleaned up.
      lifecycleRules: [{ id: 'AbortIncompleteMultipartUploads', abortIncompleteMultipartUploadAfter: Duration.days(7) }],
    });

    const web = new s3.Bucket(this, BUCKETS.web.logicalId, {
      ...this.privateBucket('web/'),
      // Published results live under results/: a bad publication can be rolled back to the previous version.
      versioned: true,
    });
    // Only CloudFront (origin access control) reads the site. The distribution lives in the stateless stack,
    // which depends on this one, so the grant names the account's distributions rather than that one.
    web.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudFrontOriginAccessControl',
        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [web.arnForObjects('*')],
        conditions: {
          StringEquals: { 'AWS:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/*` },
        },
      }),
    );

    const auditArchive = new s3.Bucket(this, BUCKETS.auditArchive.logicalId, {
      ...this.privateBucket('audit-archive/'),
      versioned: true,
      objectLockEnabled: true,
    });
    // Compliance mode: no one, not even the account's root user, can shorten or remove the retention.
    (auditArchive.node.defaultChild as s3.CfnBucket).objectLockConfiguration = {
      objectLockEnabled: 'Enabled',
      rule: { defaultRetention: { mode: 'COMPLIANCE', years: settings.auditRetentionYears } },
    };
    // An entry is archived once: a put must say If-None-Match, so no one with write access can stack a new version
    // on an archived entry (the locked original would stay, but a reader of the newest version would be misled).
    auditArchive.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'ArchiveOnceOnly',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:PutObject'],
        resources: [auditArchive.arnForObjects('*')],
        conditions: { Null: { 's3:if-none-match': 'true' } },
      }),
    );

    this.buckets = { documents, web, auditArchive };

    this.signingKey = new secretsmanager.Secret(this, 'SigningKey', {
      description: 'Merit: HMAC key signing sign-in links and session cookies',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.signingKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the signing key invalidates every session and every sign-in link in flight; it is rotated by hand (README) rather than on a schedule.',
    });

    // Issue #16.9: the API Gateway endpoint stays reachable (it is CloudFront's origin), so CloudFront proves itself
    // with this secret in an origin custom header; a direct caller cannot, and cannot fake CloudFront-Viewer-Address.
    this.originSecret = new secretsmanager.Secret(this, 'CloudFrontOriginSecret', {
      description: 'Merit: secret CloudFront adds to every API request (X-Merit-Origin-Verify); requests without it are refused',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'CloudFront reads the value at deploy time (an origin custom header): it is rotated by hand and the stateless stack redeployed (README), not on a schedule that would cut CloudFront off.',
    });

    new CfnOutput(this, 'AuditTableName', { value: this.tables.audit.tableName });
    new CfnOutput(this, 'AuditIntentsTableName', { value: this.tables.auditIntents.tableName });
    new CfnOutput(this, 'AuditArchiveBucketName', { value: auditArchive.bucketName });
  }

  private table(def: TableDefinition): dynamodb.Table {
    const table = new dynamodb.Table(this, def.logicalId, {
      partitionKey: str(def.partitionKey),
      sortKey: str(def.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
      ...(def.ttlAttribute ? { timeToLiveAttribute: def.ttlAttribute } : {}),
      ...(def.stream ? { stream: dynamodb.StreamViewType[def.stream] } : {}),
    });
    for (const index of def.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: str(index.partitionKey),
        sortKey: str(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }

  private privateBucket(logPrefix: string): s3.BucketProps {
    return {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: logPrefix,
      removalPolicy: RemovalPolicy.RETAIN,
    };
  }
}
