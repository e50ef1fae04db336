import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface OperationalAlarmsProps {
  /** Who is mailed when an alarm fires or clears; without it the topic has no subscriber. */
  readonly email?: string;
}

/**
 * Operational alarms and the SNS topic they mail. Every alarm is named
 * `<stack>-<id>`, because the topic and its key admit CloudWatch only for
 * alarms of that name (confused-deputy protection).
 */
export class OperationalAlarms extends Construct {
  readonly topic: sns.Topic;
  /** Customer-managed: CloudWatch cannot publish to a topic under the AWS-managed alias/aws/sns key. */
  readonly key: kms.Key;
  private readonly namePrefix: string;

  constructor(scope: Construct, id: string, props: OperationalAlarmsProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    this.namePrefix = `${stack.stackName}-`;
    const cloudWatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
    const alarmArns = stack.formatArn({
      service: 'cloudwatch',
      resource: 'alarm',
      resourceName: `${this.namePrefix}*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    // A fixed topic name, so the key policy can name the topic without the key and the topic depending on each other.
    const topicName = `${stack.stackName}-alarms`;
    const topicArn = stack.formatArn({ service: 'sns', resource: topicName, arnFormat: ArnFormat.NO_RESOURCE_NAME });

    this.key = new kms.Key(this, 'TopicKey', {
      description: 'Merit: encrypts the operational alarms topic',
      enableKeyRotation: true,
      // It only protects notifications in flight; nothing stored depends on it.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToTopic',
        principals: [cloudWatch],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account, 'kms:EncryptionContext:aws:sns:topicArn': topicArn },
        },
      }),
    );

    this.topic = new sns.Topic(this, 'Topic', {
      topicName,
      displayName: 'Merit alarms',
      masterKey: this.key,
      enforceSSL: true,
    });
    // A topic policy replaces SNS's default one, so CloudWatch must be let in explicitly.
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [cloudWatch],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': alarmArns },
        },
      }),
    );
    if (props.email) this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
  }

  /** An alarm that mails the topic when it fires and again when it clears. */
  add(id: string, props: Omit<cloudwatch.AlarmProps, 'alarmName' | 'actionsEnabled'>): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, { ...props, alarmName: `${this.namePrefix}${id}`, actionsEnabled: true });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    return alarm;
  }
}
