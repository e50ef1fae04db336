import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { AssetHashType, DockerImage, Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { BucketAccess, FunctionName, TableAccess } from '../../shared/api/functions';
import { REPO_ROOT } from '../bundling';
import { acknowledgeFindings } from './nag';

/** DynamoDB actions per access level; `append` can add and read items but never change or remove one (the audit chain); `dequeue` can also remove one, never change it (audit intents). */
export const TABLE_ACTIONS: Readonly<Record<TableAccess, readonly string[]>> = {
  read: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:Scan',
    'dynamodb:ConditionCheckItem',
    'dynamodb:DescribeTable',
  ],
  readwrite: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:Scan',
    'dynamodb:ConditionCheckItem',
    'dynamodb:DescribeTable',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
  // A transaction's Put is authorized as dynamodb:PutItem; the condition keeps it from overwriting.
  append: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:PutItem'],
  // The audit linker: append, and delete an intent once it is linked (a transaction's Delete is authorized as dynamodb:DeleteItem).
  dequeue: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
};

/** S3 object actions per access level; nothing here deletes an object. */
export const BUCKET_OBJECT_ACTIONS: Readonly<Record<BucketAccess, readonly string[]>> = {
  read: ['s3:GetObject', 's3:GetObjectVersion'],
  readwrite: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'],
  write: ['s3:PutObject'],
};

export interface MeritFunctionProps {
  readonly fn: FunctionName;
  readonly environment: Readonly<Record<string, string>>;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  /** How long its logs are kept. */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * A function the way we build functions: Node.js 22 on arm64, the esbuild
 * bundle `npm run build` makes (infra/bundling.ts), its own log group, and a
 * role that starts with nothing but writing its logs.
 */
export class MeritFunction extends Construct {
  readonly fn: FunctionName;
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: MeritFunctionProps) {
    super(scope, id);
    this.fn = props.fn;
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR });
    // An own role instead of AWSLambdaBasicExecutionRole: it may write to this log group only.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Merit ${props.fn} function`,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    this.function = new lambda.Function(this, 'Function', {
      description: `Merit ${props.fn}`,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: bundledCode(props.fn),
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(29),
      role: this.role,
      logGroup: this.logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 on purpose: the bundle targets node22 (infra/bundling.ts) and the code is tested on Node 20 and 22; move the runtime and the esbuild target together.',
    });
  }

  /** Grants the table access the function's line in FUNCTION_ACCESS names, and passes the table's name. */
  bindTable({ table, access, envVar }: { table: dynamodb.ITable; access: TableAccess; envVar: string }): void {
    const indexes = access === 'append' || access === 'dequeue' ? [] : [`${table.tableArn}/index/*`];
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: [...TABLE_ACTIONS[access]], resources: [table.tableArn, ...indexes] }),
    );
    this.function.addEnvironment(envVar, table.tableName);
    if (indexes.length > 0) {
      this.acknowledge(
        new RegExp(`^Resource::.*${table.node.id}[0-9A-F]{8}.*/index/\\*$`),
        `${access} access to the ${table.node.id} table includes querying its secondary indexes, named at run time.`,
      );
    }
  }

  /** Grants the bucket access the function's line in FUNCTION_ACCESS names, and passes the bucket's name. */
  bindBucket({ bucket, access, envVar }: { bucket: s3.IBucket; access: BucketAccess; envVar: string }): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: [...BUCKET_OBJECT_ACTIONS[access]], resources: [bucket.arnForObjects('*')] }),
    );
    // The health check (HeadBucket) needs s3:ListBucket on the bucket itself: it lists keys, reads no object.
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    this.function.addEnvironment(envVar, bucket.bucketName);
    this.acknowledge(
      new RegExp(`^Resource::.*${bucket.node.id}[0-9A-F]{8}.*/\\*$`),
      `Objects of the ${bucket.node.id} bucket are addressed by key at run time (${access}); no delete action is granted.`,
    );
  }

  /** Sends mail through SES, only from the configured sender. */
  bindMail(mailFrom: string): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: '*' })],
        conditions: { StringEquals: { 'ses:FromAddress': mailFrom } },
      }),
    );
    this.acknowledge(
      /^Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity\/\*$/,
      'SES authorizes the sender identity and, in the sandbox, each recipient identity, which are only known at run time; the ses:FromAddress condition pins the sender.',
    );
  }

  /** Reads one secret. */
  bindSecret({ secretArn, envVar }: { secretArn: string; envVar: string }): void {
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secretArn] }));
    this.function.addEnvironment(envVar, secretArn);
  }

  /** Reads one SSM parameter (named, so the function need not depend on the resource that sets it). */
  bindParameter({ name, envVar }: { name: string; envVar: string }): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ssm:GetParameter'],
        resources: [Stack.of(this).formatArn({ service: 'ssm', resource: 'parameter', resourceName: name.replace(/^\//, '') })],
      }),
    );
    this.function.addEnvironment(envVar, name);
  }

  /** Acknowledges wildcard findings (AwsSolutions-IAM5) on this function's role, with the reason. */
  acknowledge(finding: RegExp, reason: string): void {
    acknowledgeFindings(this.role, { rule: 'AwsSolutions-IAM5', finding, reason });
  }
}

/**
 * The function's code: esbuild with exactly the options of `npm run build`
 * (infra/bundling.ts), run by CDK into its staging folder. Works offline, needs
 * no prior build and no Docker.
 */
function bundledCode(fn: FunctionName): lambda.Code {
  return lambda.Code.fromAsset(resolve(REPO_ROOT, 'functions', fn), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always succeeds or throws.
      image: DockerImage.fromRegistry('scratch'),
      local: {
        tryBundle(outputDir: string): boolean {
          // esbuild's plugins (infra/bundling.ts) run only in its asynchronous API; CDK asks synchronously: a child process.
          const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(REPO_ROOT, 'infra/scripts/bundle-function.ts'), fn, outputDir], { cwd: REPO_ROOT, stdio: 'inherit' });
          if (run.status !== 0) throw new Error(`bundling the ${fn} function failed (exit ${run.status ?? run.signal})`);
          return true;
        },
      },
    },
  });
}
