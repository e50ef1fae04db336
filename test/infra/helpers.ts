import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createMeritApp, type MeritApp } from '../../infra/lib/merit-app';

const cdkJson = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};

export interface SynthOptions {
  /** Context values on top of cdk.json's. */
  readonly context?: Record<string, unknown>;
  /** Run esbuild for the functions (slower); otherwise CDK skips asset bundling. */
  readonly bundle?: boolean;
}

/** The Merit app as `cdk synth` builds it (cdk.json's context and feature flags), into a temporary folder. */
export function synthMerit(options: SynthOptions = {}): MeritApp {
  const outdir = mkdtempSync(join(tmpdir(), 'merit-cdk-'));
  const merit = createMeritApp({
    outdir,
    context: {
      ...cdkJson.context,
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...options.context,
    },
  });
  merit.app.synth();
  return merit;
}

/** A built site (an index.html and an asset) in a temporary folder, for the BucketDeployment. */
export function fakeSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'merit-site-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Merit</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
  return dir;
}

/** A folder that certainly holds no site. */
export const NO_SITE = join(tmpdir(), 'merit-no-site-here');

/** A policy statement as it appears in a template. */
export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

export const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
export const resourcesOf = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);
