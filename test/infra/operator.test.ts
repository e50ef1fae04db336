import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../shared/api/functions';
import { ENV } from '../../shared/runtime';
import { NO_SITE, synthMerit } from './helpers';

// Issue #14: the platform operator is a deploy-time setting like the first administrator (`-c operatorEmail=…`), and
// one stack still serves every programme (programmes are data, not resources).

const functionEnvironments = (merit: ReturnType<typeof synthMerit>) =>
  Object.values(Template.fromStack(merit.stateless).toJSON().Resources as Record<string, { Type: string; Properties: Record<string, any> }>)
    .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.[ENV.stage] === 'aws')
    .map((r) => r.Properties.Environment.Variables as Record<string, string>);

describe('the operatorEmail context value', () => {
  it('gives every function the operator, lower-cased; the stacks are the same two', () => {
    const merit = synthMerit({ context: { adminEmail: 'office@example.org', operatorEmail: ' Platform@Example.org ', siteDir: NO_SITE } });
    const envs = functionEnvironments(merit);
    expect(envs).toHaveLength(FUNCTIONS.length);
    for (const env of envs) expect(env[ENV.operatorEmail]).toBe('platform@example.org');
    expect(merit.app.node.children.filter((c) => c.constructor.name.endsWith('Stack')).map((c) => c.node.id).sort()).toEqual(['Merit-Stateful', 'Merit-Stateless']);
  });

  it('leaves the operator out when not given (one programme, as before)', () => {
    const merit = synthMerit({ context: { adminEmail: 'office@example.org', siteDir: NO_SITE } });
    for (const env of functionEnvironments(merit)) expect(env).not.toHaveProperty(ENV.operatorEmail);
  });

  it('refuses an operatorEmail that is not an email address', () => {
    expect(() => synthMerit({ context: { adminEmail: 'office@example.org', operatorEmail: 'not-an-address', siteDir: NO_SITE } })).toThrow(/operatorEmail must be an email address/);
  });
});
