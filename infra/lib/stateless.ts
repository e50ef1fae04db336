import { Aws, CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
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
import { OperationalAlarms } from './alarms';
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
  /** The alarms topic (mails alarmEmail) and the audit archive's alarms. */
  readonly alarms: OperationalAlarms;
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
      ...(settings.operatorEmail ? { [ENV.operatorEmail]: settings.operatorEmail } : {}),
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
        f.bindSecret({ secretArn: stateful.originSecret.secretArn, envVar: ENV.originSecretArn });
        f.bindParameter({ name: this.publicUrlParameterName, envVar: ENV.publicUrlParam });
        return [fn, f];
      }),
    ) as Record<FunctionName, MeritFunction>;

    this.alarms = new OperationalAlarms(this, 'Alarms', { email: settings.alarmEmail });
    this.archiveAuditStream(stateful);

    // Upload verification: every new object in the documents bucket goes to the submission function.
    buckets.documents.addEventNotification(
      s3.EventType.OBJECT_CREATED,
      new s3n.LambdaDestination(this.functions.submission.function),
    );

    this.scheduleReminders();

    this.api = new MeritApi(this, 'Api', { functions: this.functions });
    this.site = new Site(this, 'Site', {
      webBucket: buckets.web,
      apiDomainName: this.api.domainName,
      originSecret: stateful.originSecret,
      logBucket: stateful.accessLogs,
      // The browser uploads straight to the bucket, at the URL the SDK presigns for (virtual-hosted, regional);
      // downloads presigned for the same host come through the site (/documents/*) to get the security headers.
      documentsHost: `${stateful.buckets.documents.bucketName}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`,
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

    // No ApiUrl output: the API is reached through CloudFront only (issue #16.9), under SiteUrl/api/.
    new CfnOutput(this, 'SiteUrl', { value: siteUrl });
  }

  /**
   * The round reminders (issue 13 part 4): one EventBridge Scheduler schedule invokes the publication function every
   * 15 minutes with the scheduled time; the function works out from every open round's dates as they stand which
   * reminders are due and sends each once (a marker per round, kind and moment). A round whose dates move has no
   * schedule to update and none left behind; a round that ends simply has nothing due.
   */
  private scheduleReminders(): void {
    const role = new iam.Role(this, 'RemindersSchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } } }),
      description: 'Merit: lets the reminders schedule invoke the publication function',
    });
    acknowledgeFindings(role, {
      rule: 'AwsSolutions-IAM5',
      finding: /^Resource::<PublicationFunction[0-9A-F]*\.Arn>:\*$/,
      reason: "The scheduler's Lambda target grants invoking the publication function's versions and aliases (`<arn>:*`) besides the function itself; no other function.",
    });
    new scheduler.Schedule(this, 'Reminders', {
      description: 'Merit: sends the round reminders that are due (applicants before the deadlines, experts and deliberators before due dates)',
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(15)),
      target: new schedulerTargets.LambdaInvoke(this.functions.publication.function, {
        role,
        input: scheduler.ScheduleTargetInput.fromObject({ source: 'merit.reminders', time: scheduler.ContextAttribute.scheduledTime }),
        // A run missed is caught up by the next one (the latest due moment is sent): retrying for long is not needed.
        retryAttempts: 2,
        maxEventAge: Duration.minutes(15),
      }),
    });
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

  /**
   * The publication function links every new audit intent into its chain (the intents table's stream) and archives
   * every new audit entry (the audit table's stream, Object Lock bucket). Both are retried and bisected; a batch that
   * fails every retry goes to one failure queue.
   */
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
    // Intents first in the code, entries second: two mappings, each its own ordered shard iterators.
    for (const table of [stateful.tables.auditIntents, stateful.tables.audit]) {
      this.functions.publication.function.addEventSource(
        new DynamoEventSource(table, {
          startingPosition: lambda.StartingPosition.TRIM_HORIZON,
          batchSize: 100,
          maxBatchingWindow: Duration.seconds(1),
          bisectBatchOnError: true,
          retryAttempts: 10,
          onFailure: new SqsDlq(failures),
          filters: [lambda.FilterCriteria.filter({ eventName: lambda.FilterRule.isEqual('INSERT') })],
        }),
      );
    }
    this.functions.publication.acknowledge(
      /^Resource::\*$/,
      'dynamodb:ListStreams (added by the stream event source) has no resource-level permissions; every other action names its resource.',
    );
    this.alarmOnAuditArchive(failures);
  }

  // The archive runs unattended: a failed batch or a stream left unread for hours would otherwise go unnoticed until records expire (24 h).
  private alarmOnAuditArchive(failures: sqs.Queue): void {
    const runbook =
      'Command / 命令: `npm run verify-audit -- --table <AuditTableName> --archive-bucket <AuditArchiveBucketName>` lists missing entries; ' +
      'add --fill-archive to archive them / 列出缺失记录；加 --fill-archive 即补归档 (names: Merit-Stateful outputs / 名称见 Merit-Stateful 的输出).';
    this.alarms.add('AuditArchiveFailed', {
      metric: failures.metricApproximateNumberOfMessagesVisible({ statistic: cloudwatch.Stats.MAXIMUM, period: Duration.minutes(5) }),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription:
        'Audit entries could not be archived: a batch of the audit table\'s stream failed every retry and is in the AuditArchiveFailures queue. ' +
        'The entries are still in the audit table, but not under Object Lock yet. Fix the cause (see the publication function\'s log), ' +
        'archive the missing entries (command below), then delete the queue\'s messages (kept 14 days) to clear the alarm. / ' +
        '审计记录未能归档：审计表数据流的一批记录重试均失败，已转入 AuditArchiveFailures 队列。记录仍在审计表中，但尚未受对象锁定保护。' +
        '请按 publication 函数日志查明原因并修复，用下面的命令补归档缺失的记录，再删除队列中的消息（保留 14 天）以解除告警。 ' +
        runbook,
    });
    this.alarms.add('AuditArchiveBehind', {
      metric: this.functions.publication.function.metric('IteratorAge', {
        statistic: cloudwatch.Stats.MAXIMUM,
        period: Duration.minutes(5),
      }),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      threshold: Duration.hours(1).toMilliseconds(),
      evaluationPeriods: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription:
        'The audit archive is falling behind: for 15 minutes, audit stream records have reached the publication function over 1 hour after being written. ' +
        'Stream records expire after 24 hours and are then no longer archived automatically. ' +
        'Fix the publication function (see its log: errors, throttling) before then; if records expired, archive the missing entries (command below). / ' +
        '审计归档滞后：15 分钟以来，审计数据流记录写入 1 小时后才到达 publication 函数。数据流记录 24 小时后过期，过期后不再自动归档。' +
        '请在此之前按 publication 函数日志（错误、限流）修复；若记录已过期，请用下面的命令补归档缺失的记录。 ' +
        runbook,
    });
  }
}
