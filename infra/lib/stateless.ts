import { Aws, CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import {
  FUNCTION_ACCESS,
  FUNCTIONS,
  type BucketAccess,
  type FunctionAccess,
  type FunctionName,
  type TableAccess,
} from '../../shared/api/functions';
import { ENV } from '../../shared/runtime';
import { BUCKETS, TABLES, type BucketKey, type TableKey } from '../../shared/tables';
import { MeritApi } from './api';
import { MeritFunction } from './merit-function';
import { acknowledgeFindings, type FindingAcknowledgement } from './nag';
import type { MeritSettings } from './settings';
import { Site } from './site';
import type { StatefulResources } from './stateful';

export interface StatelessStackProps extends StackProps {
  readonly stateful: StatefulResources;
  readonly settings: MeritSettings;
}

/** Functions, API and site: everything that can be replaced without losing data. */
export class StatelessStack extends Stack {
  readonly functions: Record<FunctionName, MeritFunction>;
  readonly api: MeritApi;
  readonly site: Site;
  /** Name of the SSM parameter holding the site's public URL. */
  readonly publicUrlParameterName: string;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stateful, settings } = props;
    // Imported by attributes: a notification or policy added here must not reach back into the stateful stack.
    const buckets = Object.fromEntries(
      (Object.keys(BUCKETS) as BucketKey[]).map((key) => [
        key,
        s3.Bucket.fromBucketAttributes(this, BUCKETS[key].logicalId, {
          bucketArn: stateful.buckets[key].bucketArn,
          bucketName: stateful.buckets[key].bucketName,
          bucketRegionalDomainName: stateful.buckets[key].bucketRegionalDomainName,
        }),
      ]),
    ) as Record<BucketKey, s3.IBucket>;

    // A fixed name, so the functions (which the distribution depends on through the API) can read it without a cycle.
    this.publicUrlParameterName = `/merit/${this.stackName}/public-url`;
    const environment: Record<string, string> = {
      [ENV.stage]: 'aws',
      [ENV.defaultProgrammeId]: settings.programmeId,
      ...(settings.adminEmail ? { [ENV.adminEmail]: settings.adminEmail } : {}),
      ...(settings.mailFrom ? { [ENV.mailFrom]: settings.mailFrom } : {}),
    };

    this.functions = Object.fromEntries(
      FUNCTIONS.map((fn) => {
        const f = new MeritFunction(this, `${fn[0]!.toUpperCase()}${fn.slice(1)}`, { fn, environment });
        const access: FunctionAccess = FUNCTION_ACCESS[fn];
        for (const [key, level] of Object.entries(access.tables) as [TableKey, TableAccess][]) {
          f.bindTable({ table: stateful.tables[key], access: level, envVar: TABLES[key].envVar });
        }
        for (const [key, level] of Object.entries(access.buckets) as [BucketKey, BucketAccess][]) {
          f.bindBucket({ bucket: buckets[key], access: level, envVar: BUCKETS[key].envVar });
        }
        if (access.mail && settings.mailFrom) f.bindMail(settings.mailFrom);
        f.bindSecret({ secretArn: stateful.signingKey.secretArn, envVar: ENV.signingKeySecretArn });
        f.bindParameter({ name: this.publicUrlParameterName, envVar: ENV.publicUrlParam });
        return [fn, f];
      }),
    ) as Record<FunctionName, MeritFunction>;

    this.archiveAuditStream(stateful);

    // Upload verification: every new object in the documents bucket goes to the submission function.
    buckets.documents.addEventNotification(
      s3.EventType.OBJECT_CREATED,
      new s3n.LambdaDestination(this.functions.submission.function),
    );

    this.api = new MeritApi(this, 'Api', { functions: this.functions });
    this.site = new Site(this, 'Site', {
      webBucket: buckets.web,
      apiDomainName: this.api.domainName,
      logBucket: stateful.accessLogs,
      // The browser uploads straight to the bucket, at the URL the SDK presigns for (virtual-hosted, regional).
      connectSrc: [`https://${stateful.buckets.documents.bucketName}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`],
      siteDir: settings.siteDir,
      ...(settings.certificateArn && settings.publicUrl
        ? { customDomain: { domainName: new URL(settings.publicUrl).host, certificateArn: settings.certificateArn } }
        : {}),
    });

    const siteUrl = settings.publicUrl ?? `https://${this.site.distribution.distributionDomainName}`;
    new ssm.StringParameter(this, 'PublicUrl', {
      parameterName: this.publicUrlParameterName,
      stringValue: siteUrl,
      description: 'Merit: base URL of the site, for links in mail',
    });

    this.acknowledgeCdkHandlers();

    new CfnOutput(this, 'SiteUrl', { value: siteUrl });
    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url });
  }

  /** CDK's own singleton functions: the S3 notifications handler and the site upload (BucketDeployment). */
  private acknowledgeCdkHandlers(): void {
    const basicExecution: FindingAcknowledgement = {
      rule: 'AwsSolutions-IAM4',
      finding: /^Policy::arn:<AWS::Partition>:iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole$/,
      reason: 'A CDK-provided deployment-time handler (not ours to build): the managed policy only lets it write its own logs.',
    };
    for (const child of this.node.children) {
      if (child.node.id.startsWith('BucketNotificationsHandler')) {
        acknowledgeFindings(child, basicExecution, {
          rule: 'AwsSolutions-IAM5',
          finding: /^Resource::\*$/,
          reason: 'CDK\'s notifications handler calls s3:PutBucketNotification, which it is given on all buckets; it runs only at deployment time.',
        });
      }
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        acknowledgeFindings(child, basicExecution, {
          rule: 'AwsSolutions-IAM5',
          finding: /^(Action::s3:(GetBucket|GetObject|List|Abort|DeleteObject)\*|Resource::\*|Resource::.*\/\*)$/,
          reason:
            'CDK\'s BucketDeployment copies the built site from the CDK assets bucket into the web bucket (prune: false, results/ excluded) and invalidates the distribution; its grants are CDK\'s.',
        });
        Validations.of(child).acknowledge({
          id: 'AwsSolutions-L1',
          reason: 'CDK\'s BucketDeployment handler picks its own (Python) runtime; it runs only at deployment time.',
        });
      }
    }
  }

  /** The publication function archives every new audit entry from the table's stream (Object Lock bucket). */
  private archiveAuditStream(stateful: StatefulResources): void {
    const failures = new sqs.Queue(this, 'AuditArchiveFailures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the on-failure destination of the audit stream: it holds the stream positions of batches that could not be archived, for an operator to replay.',
    });
    this.functions.publication.function.addEventSource(
      new DynamoEventSource(stateful.tables.audit, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 10,
        onFailure: new SqsDlq(failures),
        filters: [lambda.FilterCriteria.filter({ eventName: lambda.FilterRule.isEqual('INSERT') })],
      }),
    );
    this.functions.publication.acknowledge(
      /^Resource::\*$/,
      'dynamodb:ListStreams (added by the stream event source) has no resource-level permissions; every other action names its resource.',
    );
  }
}
