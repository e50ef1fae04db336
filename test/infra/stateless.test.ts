import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_ACCESS, FUNCTIONS, type FunctionName } from '../../shared/api/functions';
import { ROUTES } from '../../shared/api/routes';
import { CLIENT_HEADER } from '../../shared/api/client-header';
import { ENV, ORIGIN_VERIFY_HEADER } from '../../shared/runtime';
import { SECURITY_HEADERS } from '../../shared/security-headers';
import { BUCKETS, TABLES, type BucketKey, type TableKey } from '../../shared/tables';
import type { MeritApp } from '../../infra/lib/merit-app';
import { actionsOf, fakeSite, NO_SITE, resourcesOf, synthMerit, type Statement } from './helpers';

let merit: MeritApp;
let template: Template;
let resources: Record<string, { Type: string; Properties: Record<string, any>; Metadata?: Record<string, unknown> }>;

beforeAll(() => {
  merit = synthMerit({
    bundle: true,
    context: { adminEmail: 'Office@Example.org', mailFrom: 'award@example.org', siteDir: fakeSite() },
  });
  template = Template.fromStack(merit.stateless);
  resources = template.toJSON().Resources;
});

const id = (construct: { node: { defaultChild?: unknown } }) => {
  const stack = merit.app.node.findChild('Merit-Stateless') as typeof merit.stateless;
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
};
const statefulId = (construct: { node: { defaultChild?: unknown } }) =>
  merit.stateful.getLogicalId(construct.node.defaultChild as CfnElement);
const fnId = (fn: FunctionName) => id(merit.stateless.functions[fn].function);
const roleStatements = (fn: FunctionName): Statement[] =>
  Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles) === JSON.stringify([{ Ref: id(merit.stateless.functions[fn].role) }]))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[]);
const allStatements = (): Statement[] =>
  Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::Role')
    .flatMap((r) =>
      r.Type === 'AWS::IAM::Policy'
        ? (r.Properties.PolicyDocument.Statement as Statement[])
        : ((r.Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]).flatMap((p) => p.PolicyDocument.Statement),
    );
/** True when a statement's resources point at a resource of the stateful stack (by its logical id). */
const touches = (s: Statement, statefulLogicalId: string) => JSON.stringify(s.Resource).includes(statefulLogicalId);

describe('functions', () => {
  it.each(FUNCTIONS)('%s: Node.js 22 on arm64, index.handler, 512 MB, 29 s, its own log group kept a year', (fn) => {
    const p = resources[fnId(fn)]!.Properties;
    expect(p.Runtime).toBe('nodejs22.x');
    expect(p.Architectures).toEqual(['arm64']);
    expect(p.Handler).toBe('index.handler');
    expect(p.MemorySize).toBe(512);
    expect(p.Timeout).toBe(29);
    expect(p.LoggingConfig.LogGroup).toEqual({ Ref: id(merit.stateless.functions[fn].logGroup) });
    expect(resources[id(merit.stateless.functions[fn].logGroup)]!.Properties.RetentionInDays).toBe(365);
  });

  it.each(FUNCTIONS)('%s: code is the bundle of infra/bundling.ts (the entry, one cold-start chunk, lazy chunks, source maps)', (fn) => {
    const key = JSON.stringify(resources[fnId(fn)]!.Properties.Code.S3Key);
    const hash = /"([0-9a-f]{64})\.zip"/.exec(key)?.[1];
    expect(hash).toBeDefined();
    const dir = join(merit.app.outdir, `asset.${hash}`);
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    // bundleFunction: esbuild, then what the entry loads at cold start joined into one chunk (the rest stays lazy).
    const chunks = readdirSync(join(dir, 'chunks'));
    const coldStart = chunks.filter((f) => /^cold-start-.*\.mjs$/.test(f));
    expect(coldStart).toHaveLength(1);
    expect(code).toContain(`./chunks/${coldStart[0]}`);
    expect(code).toMatch(/export\s*\{[^}]*\bhandler\b/);
    expect(chunks.filter((f) => f.endsWith('.mjs')).length).toBeGreaterThan(10);
    expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
    expect(existsSync(join(dir, 'chunks', `${coldStart[0]}.map`))).toBe(true);
  });

  it.each(FUNCTIONS)('%s: environment names exactly the tables and buckets of its FUNCTION_ACCESS line, and the stage settings', (fn) => {
    const vars = resources[fnId(fn)]!.Properties.Environment.Variables as Record<string, unknown>;
    const access = FUNCTION_ACCESS[fn];
    const tableVars = Object.values(TABLES).map((t) => t.envVar).filter((v) => v in vars);
    expect(tableVars.sort()).toEqual((Object.keys(access.tables) as TableKey[]).map((t) => TABLES[t].envVar).sort());
    const bucketVars = Object.values(BUCKETS).map((b) => b.envVar).filter((v) => v in vars);
    expect(bucketVars.sort()).toEqual((Object.keys(access.buckets) as BucketKey[]).map((b) => BUCKETS[b].envVar).sort());
    expect(vars).toMatchObject({
      [ENV.stage]: 'aws',
      [ENV.adminEmail]: 'office@example.org',
      [ENV.mailFrom]: 'award@example.org',
      [ENV.defaultProgrammeId]: 'city',
      [ENV.publicUrlParam]: '/merit/Merit-Stateless/public-url',
    });
    expect(vars[ENV.signingKeySecretArn]).toBeDefined();
    expect(vars).not.toHaveProperty(ENV.signingKey);
    expect(vars).not.toHaveProperty(ENV.dynamoEndpoint);
  });

  it('publication is told the audit archive bucket', () => {
    expect(resources[fnId('publication')]!.Properties.Environment.Variables).toHaveProperty(BUCKETS.auditArchive.envVar);
  });
});

describe('least privilege', () => {
  it('never grants a wildcard action, and no function may delete an object', () => {
    for (const s of allStatements()) {
      for (const action of actionsOf(s)) expect(action).not.toMatch(/^(\*|dynamodb:\*|s3:\*)$/);
    }
    for (const fn of FUNCTIONS) {
      for (const s of roleStatements(fn)) for (const action of actionsOf(s)) expect(action).not.toMatch(/^s3:Delete/);
    }
  });

  it('no role may update, delete or batch-write in the audit table (append only: conditional puts and reads)', () => {
    const audit = statefulId(merit.stateful.tables.audit);
    const onAudit = allStatements().filter((s) => touches(s, audit));
    expect(onAudit.length).toBeGreaterThanOrEqual(FUNCTIONS.length); // every function appends
    const allowed = new Set([
      'dynamodb:PutItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DescribeTable',
      // reading the stream (publication's archiver)
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ]);
    for (const s of onAudit) {
      for (const action of actionsOf(s)) {
        expect(action).not.toMatch(/Update|Delete|BatchWrite|PartiQL|\*/);
        expect(allowed.has(action), `${action} on the audit table`).toBe(true);
      }
    }
    for (const s of allStatements().filter((st) => resourcesOf(st).includes('*'))) {
      for (const action of actionsOf(s)) expect(action).not.toMatch(/^dynamodb:(Put|Update|Delete|BatchWrite|PartiQL)/);
    }
  });

  it('only the publication function (the linker) may delete from the audit intents table; no role may update, batch-write or scan it', () => {
    const intents = statefulId(merit.stateful.tables.auditIntents);
    for (const fn of FUNCTIONS) {
      const actions = roleStatements(fn)
        .filter((s) => touches(s, intents))
        .flatMap(actionsOf);
      expect(actions, `${fn} commits changes with their intents`).toContain('dynamodb:PutItem');
      expect(actions.filter((a) => /Update|BatchWrite|Scan|PartiQL|\*/.test(a))).toEqual([]);
      expect(actions.includes('dynamodb:DeleteItem'), `${fn} deletes intents`).toBe(fn === 'publication');
    }
    // Reading the intents table's stream is the linker's way in; nothing else touches the table.
    const others = allStatements().filter((s) => touches(s, intents) && !FUNCTIONS.some((fn) => roleStatements(fn).includes(s)));
    for (const s of others) for (const action of actionsOf(s)) expect(action).toMatch(/^dynamodb:(DescribeStream|GetRecords|GetShardIterator|ListStreams)$/);
  });

  it.each(FUNCTIONS)('%s: table actions follow FUNCTION_ACCESS (read, readwrite, append, dequeue)', (fn) => {
    for (const [key, level] of Object.entries(FUNCTION_ACCESS[fn].tables) as [TableKey, string][]) {
      const actions = roleStatements(fn)
        .filter((s) => touches(s, statefulId(merit.stateful.tables[key])))
        .flatMap(actionsOf);
      expect(actions).toContain('dynamodb:Query');
      if (level === 'read') expect(actions.filter((a) => /Put|Update|Delete|BatchWrite/.test(a))).toEqual([]);
      if (level === 'readwrite') expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']));
      if (level === 'append') expect(actions).toContain('dynamodb:PutItem');
      if (level === 'append') expect(actions.filter((a) => /Update|Delete|BatchWrite/.test(a))).toEqual([]);
      if (level === 'dequeue') expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:DeleteItem']));
      if (level === 'dequeue') expect(actions.filter((a) => /Update|BatchWrite|Scan/.test(a))).toEqual([]);
    }
    const untouched = (Object.keys(TABLES) as TableKey[]).filter((t) => !(t in FUNCTION_ACCESS[fn].tables));
    for (const t of untouched) {
      expect(roleStatements(fn).filter((s) => touches(s, statefulId(merit.stateful.tables[t])))).toEqual([]);
    }
  });

  it('the audit archive can only be written to (s3:PutObject on objects; ListBucket for the health check)', () => {
    const archive = statefulId(merit.stateful.buckets.auditArchive);
    const actions = allStatements()
      .filter((s) => touches(s, archive))
      .flatMap(actionsOf);
    expect([...new Set(actions)].sort()).toEqual(['s3:ListBucket', 's3:PutObject']);
  });

  it('every function sends mail (links, assignments, result letters, reminders) only with SendEmail and only from mailFrom', () => {
    const ses = (fn: FunctionName) => roleStatements(fn).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));
    for (const fn of ['submission', 'scoring', 'publication'] as const) {
      expect(ses(fn)).toEqual([
        expect.objectContaining({ Action: 'ses:SendEmail', Condition: { StringEquals: { 'ses:FromAddress': 'award@example.org' } } }),
      ]);
    }
  });

  it.each(FUNCTIONS)('%s: reads the signing key and the public URL parameter', (fn) => {
    const actions = roleStatements(fn).flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue', 'ssm:GetParameter']));
  });

  it('uses no AWS managed policies for our functions', () => {
    for (const fn of FUNCTIONS) {
      expect(resources[id(merit.stateless.functions[fn].role)]!.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('HTTP API', () => {
  it('has one route per line of the route table, each to its function', () => {
    const routes = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route');
    expect(routes).toHaveLength(Object.keys(ROUTES).length);
    const integrationFn = new Map(
      Object.entries(resources)
        .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Integration')
        .map(([logical, r]) => [logical, JSON.stringify(r.Properties.IntegrationUri)]),
    );
    for (const route of Object.values(ROUTES)) {
      const found = routes.find((r) => r.Properties.RouteKey === `${route.method} ${route.path}`);
      expect(found, `${route.method} ${route.path}`).toBeDefined();
      const integration = JSON.stringify(found!.Properties.Target).match(/"Ref":"([^"]+)"/)?.[1];
      expect(integrationFn.get(integration!)).toContain(fnId(route.fn));
    }
  });

  it('throttles and logs the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });
});

describe('CloudFront', () => {
  const distribution = () =>
    Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')!.Properties.DistributionConfig;

  it('answers with the strict CSP and the security headers of shared/security-headers.ts', () => {
    const config = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::ResponseHeadersPolicy')!.Properties
      .ResponseHeadersPolicyConfig;
    const csp = JSON.stringify(config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", 'upgrade-insecure-requests']) {
      expect(csp).toContain(directive);
    }
    expect(csp).toContain(statefulId(merit.stateful.buckets.documents)); // presigned POST uploads go straight to the documents bucket
    expect(config.SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Preload: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: SECURITY_HEADERS['X-Frame-Options'] },
      ReferrerPolicy: { ReferrerPolicy: SECURITY_HEADERS['Referrer-Policy'] },
    });
    expect(config.CustomHeadersConfig.Items).toEqual(
      expect.arrayContaining([
        { Header: 'Permissions-Policy', Value: SECURITY_HEADERS['Permissions-Policy'], Override: true },
        { Header: 'Cross-Origin-Opener-Policy', Value: SECURITY_HEADERS['Cross-Origin-Opener-Policy'], Override: true },
      ]),
    );
    const policy = { Ref: id(merit.stateless.site.responseHeadersPolicy) };
    const d = distribution();
    for (const behavior of [d.DefaultCacheBehavior, ...d.CacheBehaviors]) expect(behavior.ResponseHeadersPolicyId).toEqual(policy);
  });

  it('sends /api/* to the HTTP API uncached with the headers the functions read and the viewer address (never Host), all cookies and query strings', () => {
    const d = distribution();
    const api = d.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      ViewerProtocolPolicy: 'https-only',
    });
    const policies = template.findResources('AWS::CloudFront::OriginRequestPolicy');
    const [policyId, policy] = Object.entries(policies)[0]!;
    expect(api.OriginRequestPolicyId).toEqual({ Ref: policyId });
    const config = (policy as { Properties: { OriginRequestPolicyConfig: any } }).Properties.OriginRequestPolicyConfig;
    expect(config.HeadersConfig.HeaderBehavior).toBe('whitelist');
    expect(config.HeadersConfig.Headers).toEqual(expect.arrayContaining(['CloudFront-Viewer-Address', 'content-type', 'idempotency-key']));
    expect(config.HeadersConfig.Headers.map((h: string) => h.toLowerCase())).not.toContain('host');
    expect(config.CookiesConfig.CookieBehavior).toBe('all');
    expect(config.QueryStringsConfig.QueryStringBehavior).toBe('all');
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
    const origin = d.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toContain(id(merit.stateless.api.httpApi));
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
  });

  it('serves the site and /results/* from the web bucket through origin access control, and logs', () => {
    const d = distribution();
    const results = d.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/results/*');
    expect(results.TargetOriginId).toBe(d.DefaultCacheBehavior.TargetOriginId);
    const origin = d.Origins.find((o: { Id: string }) => o.Id === results.TargetOriginId);
    expect(origin.OriginAccessControlId).toBeDefined();
    expect(JSON.stringify(origin.DomainName)).toContain(statefulId(merit.stateful.buckets.web));
    expect(d.Logging.Bucket).toBeDefined();
    expect(d.DefaultRootObject).toBe('index.html');
  });

  it('rewrites extension-less paths to /index.html (single-page app), and nothing else', () => {
    const fn = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Function')!;
    expect(distribution().DefaultCacheBehavior.FunctionAssociations).toEqual([
      expect.objectContaining({ EventType: 'viewer-request' }),
    ]);
    const handler = new Function(`${fn.Properties.FunctionCode as string}; return handler;`)() as (e: unknown) => { uri: string };
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite('/apply/application/01J')).toBe('/index.html');
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/assets/index-abc123.js')).toBe('/assets/index-abc123.js');
    expect(rewrite('/favicon.svg')).toBe('/favicon.svg');
  });

  it('uploads the built site without touching published results', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', { Prune: false, Exclude: ['results/*'] });
  });

  it('publishes the site URL in an SSM parameter the functions read', () => {
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/merit/Merit-Stateless/public-url',
      Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [id(merit.stateless.site.distribution), 'DomainName'] }]] },
    });
    template.hasOutput('SiteUrl', Match.anyValue());
  });
});

describe('the way round CloudFront (issue #16.9)', () => {
  const distribution = () =>
    Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')!.Properties.DistributionConfig;
  it('does not export the API Gateway URL: the API is reached through CloudFront only', () => {
    expect(Object.keys(template.toJSON().Outputs ?? {})).not.toContain('ApiUrl');
    expect(JSON.stringify(template.toJSON().Outputs ?? {})).not.toContain('execute-api');
  });

  it('has CloudFront send the origin secret to the API as a header, by dynamic reference (never the value in the template)', () => {
    const d = distribution();
    const api = d.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    const origin = d.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    const headers = origin.OriginCustomHeaders as { HeaderName: string; HeaderValue: unknown }[];
    const verify = headers.find((h) => h.HeaderName === ORIGIN_VERIFY_HEADER);
    expect(verify, 'origin custom header').toBeDefined();
    const value = JSON.stringify(verify!.HeaderValue);
    expect(value).toContain('{{resolve:secretsmanager:');
    expect(value).toContain(statefulId(merit.stateful.originSecret).slice(0, 20));
    // The web origin gets no secret.
    for (const o of d.Origins.filter((o: { Id: string }) => o.Id !== api.TargetOriginId)) expect(JSON.stringify(o)).not.toContain('resolve:secretsmanager');
  });

  it('gives every function the origin secret (to refuse requests without it) and lets it read that secret only', () => {
    for (const fn of FUNCTIONS) {
      const vars = (resources[fnId(fn)]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(JSON.stringify(vars[ENV.originSecretArn]), fn).toContain(statefulId(merit.stateful.originSecret).slice(0, 20));
      const reads = roleStatements(fn).filter((s) => actionsOf(s).includes('secretsmanager:GetSecretValue'));
      expect(reads.some((s) => JSON.stringify(s.Resource).includes(statefulId(merit.stateful.originSecret).slice(0, 20))), fn).toBe(true);
    }
  });

  it('keeps the secret in the stateful stack, retained, generated (64 characters, no punctuation)', () => {
    const stateful = Template.fromStack(merit.stateful);
    stateful.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }) }),
    });
    expect(Object.keys(stateful.findResources('AWS::SecretsManager::Secret'))).toContain(statefulId(merit.stateful.originSecret));
  });

  it('forwards the proof of a same-origin request (client header, Origin, Sec-Fetch-Site) to the API (issue #16.1)', () => {
    const [, policy] = Object.entries(template.findResources('AWS::CloudFront::OriginRequestPolicy'))[0]!;
    const headers = ((policy as any).Properties.OriginRequestPolicyConfig.HeadersConfig.Headers as string[]).map((h) => h.toLowerCase());
    expect(headers).toEqual(expect.arrayContaining([CLIENT_HEADER.toLowerCase(), 'origin', 'sec-fetch-site']));
    expect(headers.length).toBeLessThanOrEqual(10); // CloudFront's limit for an origin request policy
  });
});

describe('events', () => {
  it('feeds the audit table stream (archiver) and the audit intents table stream (linker) to the publication function, retried, bisected, with an encrypted failure queue', () => {
    const queue = Object.entries(resources).find(([, r]) => r.Type === 'AWS::SQS::Queue')!;
    expect(queue[1].Properties.SqsManagedSseEnabled).toBe(true);
    const mappings = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(2);
    for (const mapping of mappings) {
      expect(mapping.Properties).toMatchObject({
        FunctionName: { Ref: fnId('publication') },
        StartingPosition: 'TRIM_HORIZON',
        BisectBatchOnFunctionError: true,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue[0], 'Arn'] } } },
        FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'] }) }] },
      });
    }
    const sources = mappings.map((m) => JSON.stringify(m.Properties.EventSourceArn));
    for (const table of [merit.stateful.tables.audit, merit.stateful.tables.auditIntents]) {
      expect(sources.filter((s) => new RegExp(`${statefulId(table)}StreamArn`).test(s))).toHaveLength(1);
    }
  });

  it('runs the round reminders every 15 minutes: one schedule invoking the publication function with the scheduled time, by a role that may invoke only it', () => {
    const schedules = Object.values(resources).filter((r) => r.Type === 'AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(1);
    const schedule = schedules[0]!.Properties;
    expect(schedule.ScheduleExpression).toBe('rate(15 minutes)');
    expect(schedule.State).not.toBe('DISABLED');
    expect(JSON.stringify(schedule.Target.Arn)).toContain(fnId('publication'));
    expect(JSON.parse(schedule.Target.Input)).toEqual({ source: 'merit.reminders', time: '<aws.scheduler.scheduled-time>' });
    const roleId = schedule.Target.RoleArn['Fn::GetAtt'][0] as string;
    const policies = Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(roleId));
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    expect(statements.flatMap(actionsOf)).toEqual(['lambda:InvokeFunction']);
    expect(JSON.stringify(statements)).toContain(fnId('publication'));
    expect(JSON.stringify(statements)).not.toContain(fnId('submission'));
  });

  it('sends every object created in the documents bucket to the submission function (upload verification)', () => {
    const notifications = Object.values(resources).find((r) => r.Type === 'Custom::S3BucketNotifications')!.Properties;
    expect(JSON.stringify(notifications.BucketName)).toContain(statefulId(merit.stateful.buckets.documents));
    expect(notifications.NotificationConfiguration.LambdaFunctionConfigurations).toEqual([
      expect.objectContaining({ Events: ['s3:ObjectCreated:*'], LambdaFunctionArn: { 'Fn::GetAtt': [fnId('submission'), 'Arn'] } }),
    ]);
  });
});

describe('alarms', () => {
  const topicRef = () => ({ Ref: id(merit.stateless.alarms.topic) });
  const alarm = (name: string) => {
    const found = Object.values(resources).find((r) => r.Type === 'AWS::CloudWatch::Alarm' && r.Properties.AlarmName === `Merit-Stateless-${name}`);
    expect(found, name).toBeDefined();
    return found!.Properties;
  };
  const subscriptions = (app: MeritApp) =>
    Object.values(Template.fromStack(app.stateless).findResources('AWS::SNS::Subscription')).map(
      (r) => (r as { Properties: { Protocol: string; Endpoint: string } }).Properties,
    );

  it('mails through a topic encrypted with a rotating customer-managed key that CloudWatch may use only for this account and topic', () => {
    const topic = resources[id(merit.stateless.alarms.topic)]!.Properties;
    const keyId = id(merit.stateless.alarms.key);
    expect(topic.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] }); // not alias/aws/sns: CloudWatch cannot publish under it
    const key = resources[keyId]!.Properties;
    expect(key.EnableKeyRotation).toBe(true);
    const forCloudWatch = (key.KeyPolicy.Statement as (Statement & { Principal: unknown })[]).filter(
      (s) => JSON.stringify(s.Principal) === JSON.stringify({ Service: 'cloudwatch.amazonaws.com' }),
    );
    expect(forCloudWatch).toHaveLength(1);
    expect(actionsOf(forCloudWatch[0]!).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
    expect(forCloudWatch[0]!.Condition?.StringEquals).toEqual({
      'aws:SourceAccount': { Ref: 'AWS::AccountId' },
      'kms:EncryptionContext:aws:sns:topicArn': {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:${topic.TopicName as string}`]],
      },
    });
  });

  it('refuses publishing to the topic without TLS, and lets in only this stack\'s CloudWatch alarms', () => {
    const policy = Object.values(resources).find(
      (r) => r.Type === 'AWS::SNS::TopicPolicy' && JSON.stringify(r.Properties.Topics) === JSON.stringify([topicRef()]),
    )!.Properties.PolicyDocument.Statement as (Statement & { Principal: unknown })[];
    expect(policy).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 'sns:Publish', Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    const allows = policy.filter((s) => s.Effect === 'Allow');
    expect(allows).toEqual([
      expect.objectContaining({ Action: 'sns:Publish', Principal: { Service: 'cloudwatch.amazonaws.com' }, Resource: topicRef() }),
    ]);
    expect(allows[0]!.Condition?.StringEquals).toEqual({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } });
    expect(JSON.stringify(allows[0]!.Condition?.ArnLike?.['aws:SourceArn'])).toContain(':alarm:Merit-Stateless-*');
  });

  it('AuditArchiveFailed fires on one failed batch in the failure queue (maximum visible messages over 5 minutes ≥ 1) and mails the topic', () => {
    const queue = Object.entries(resources).find(([, r]) => r.Type === 'AWS::SQS::Queue')![0];
    expect(alarm('AuditArchiveFailed')).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
      Statistic: 'Maximum',
      Period: 300,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      TreatMissingData: 'notBreaching',
      ActionsEnabled: true,
      AlarmActions: [topicRef()],
      OKActions: [topicRef()],
    });
  });

  it('AuditArchiveBehind fires when the stream reaches publication over an hour late for 3 periods of 5 minutes (IteratorAge) and mails the topic', () => {
    expect(alarm('AuditArchiveBehind')).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'IteratorAge',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId('publication') } }],
      Statistic: 'Maximum',
      Period: 300,
      EvaluationPeriods: 3,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 3_600_000,
      TreatMissingData: 'notBreaching',
      ActionsEnabled: true,
      AlarmActions: [topicRef()],
      OKActions: [topicRef()],
    });
  });

  it.each(['AuditArchiveFailed', 'AuditArchiveBehind'])('%s: says what happened and what to do in English and Chinese, within 1024 bytes', (name) => {
    const description = alarm(name).AlarmDescription as string;
    const [english, chinese] = description.split(' / ');
    expect(english).toMatch(/audit/i);
    expect(chinese).toMatch(/审计/);
    expect(description).toContain('npm run verify-audit -- --table <AuditTableName> --archive-bucket <AuditArchiveBucketName>');
    expect(description).toContain('--fill-archive');
    expect(Buffer.byteLength(description, 'utf8')).toBeLessThanOrEqual(1024); // CloudWatch's limit (counted in bytes, to be safe)
  });

  it('mails adminEmail, lower-cased, when no alarmEmail is given', () => {
    expect(subscriptions(merit)).toEqual([expect.objectContaining({ Protocol: 'email', Endpoint: 'office@example.org' })]);
  });

  it('mails alarmEmail, lower-cased, instead of adminEmail when it is given', () => {
    const app = synthMerit({ context: { adminEmail: 'office@example.org', alarmEmail: ' Ops@Example.org ', siteDir: NO_SITE } });
    expect(app.settings.alarmEmail).toBe('ops@example.org');
    expect(subscriptions(app)).toEqual([expect.objectContaining({ Protocol: 'email', Endpoint: 'ops@example.org' })]);
  });

  it('subscribes nobody (and still builds the topic and alarms) when neither alarmEmail nor adminEmail is set', () => {
    const app = synthMerit({ context: { siteDir: NO_SITE } });
    expect(app.settings.alarmEmail).toBeUndefined();
    expect(subscriptions(app)).toEqual([]);
    Template.fromStack(app.stateless).resourceCountIs('AWS::SNS::Topic', 1);
    Template.fromStack(app.stateless).hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'Merit-Stateless-AuditArchiveFailed' });
  });

  it('refuses an alarmEmail that is not an email address', () => {
    expect(() => synthMerit({ context: { adminEmail: 'office@example.org', alarmEmail: 'ops-team', siteDir: NO_SITE } })).toThrow(/alarmEmail/);
  });
});
