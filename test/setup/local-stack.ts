import type { TestProject } from 'vitest/node';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminEmail: string;
    operatorEmail: string;
    dynamoEndpoint: string;
    s3Endpoint: string;
    outboxDir: string;
    /** Environment the functions run with (table and bucket names, endpoints). */
    stackEnv: Record<string, string>;
  }
}

// One in-memory stack per test run, shared by the integration and e2e projects
// (the handlers run in this process and read their configuration from process.env).
const shared = globalThis as typeof globalThis & { __meritStack?: Promise<LocalStack>; __meritStackUsers?: number };

/** Starts the local stack on free ports with empty in-memory data and the demo seed. */
export default async function setup(project: TestProject) {
  // Every test signs in from 127.0.0.1: the per-client limit is raised. The per-address one stays testable but must
  // hold the administrator's sign-ins (one per test file, ~90 in a run that CI finishes within one 15-minute window).
  shared.__meritStack ??= startLocalStack({
    port: 0,
    adminEmail: 'admin@merit.test',
    operatorEmail: 'operator@merit.test',
    env: { MERIT_LINK_LIMIT_PER_ADDRESS: '200', MERIT_LINK_LIMIT_PER_CLIENT: '100000' },
  });
  shared.__meritStackUsers = (shared.__meritStackUsers ?? 0) + 1;
  const stack = await shared.__meritStack;
  project.provide('baseUrl', stack.url);
  project.provide('adminEmail', stack.adminEmail);
  project.provide('operatorEmail', stack.operatorEmail);
  project.provide('dynamoEndpoint', stack.dynamoEndpoint);
  project.provide('s3Endpoint', stack.s3Endpoint);
  project.provide('outboxDir', stack.outboxDir);
  project.provide('stackEnv', { ...stack.env });
  return async () => {
    shared.__meritStackUsers = (shared.__meritStackUsers ?? 1) - 1;
    if (shared.__meritStackUsers === 0) {
      await stack.stop();
      shared.__meritStack = undefined;
    }
  };
}
