import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { catalogueTexts } from './web/catalogue-texts.ts';

// One runner, four kinds of test (ARCHITECTURE.md "Tests"):
// unit (pure, no network), integration (real dynalite + s3rver over HTTP),
// infra (CDK template + cdk-nag), e2e (real headless Chromium against the local stack).
export default defineConfig({
  test: {
    reporters: ['default', './test/setup/summary-reporter.ts', './test/hardening/reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'functions/**/*.unit.test.ts', 'infra/**/*.unit.test.ts', 'web/*.unit.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [preact(), catalogueTexts()],
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // Both languages of every part's texts, as each part loads (components are rendered in either).
          setupFiles: ['web/src/test-setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/local-stack.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // Issue #16: authorization matrix, hostile inputs, forgery, injected faults and the two loads, generated
          // from the route table; test/hardening/reporter.ts prints its last line.
          name: 'hardening',
          include: ['test/hardening/**/*.test.ts'],
          globalSetup: ['test/setup/local-stack.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/setup/local-stack.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
