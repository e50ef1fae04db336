import { Aws, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionName } from '../../shared/api/functions';
import { ROUTES, type RouteDefinition, type RouteId } from '../../shared/api/routes';
import type { MeritFunction } from './merit-function';

export interface MeritApiProps {
  readonly functions: Readonly<Record<FunctionName, MeritFunction>>;
  /** Steady-state requests per second for the whole API, and the burst above it. */
  readonly throttle?: apigwv2.ThrottleSettings;
}

/** The HTTP API: one route per line of the route table (shared/api/routes.ts), each to its function. */
export class MeritApi extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  /** Host name of the API, for the CloudFront origin. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: MeritApiProps) {
    super(scope, id);
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'Merit API (behind CloudFront at /api/*)',
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR });
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            status: '$context.status',
            bytes: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationOf = (fn: FunctionName) => {
      let integration = integrations.get(fn);
      if (!integration) {
        // One invoke permission per function for the whole API: one per route would grow the function's
        // resource policy towards its 20 KB limit as the route table grows. The router rejects foreign routes.
        integration = new HttpLambdaIntegration(`${fn}-integration`, props.functions[fn].function, {
          scopePermissionToRoute: false,
        });
        integrations.set(fn, integration);
      }
      return integration;
    };
    for (const [routeId, route] of Object.entries(ROUTES) as [RouteId, RouteDefinition][]) {
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [apigwv2.HttpMethod[route.method]],
        integration: integrationOf(route.fn),
      });
      Validations.of(httpRoute!).acknowledge(
        {
          id: 'AwsSolutions-APIG4',
          reason: `${routeId}: sessions are checked inside the function against the route table's roles (${route.access === 'public' ? 'public route' : route.access.join(', ')}); there is no API Gateway authorizer by design.`,
        },
        {
          id: 'AwsSolutions-COG4',
          reason: 'Sign-in is by mailed single-use links and signed session cookies (ARCHITECTURE.md "Identity and access"), not Cognito.',
        },
      );
    }
    this.domainName = `${this.httpApi.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
  }
}
