import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MeritNagChecks } from '../../infra/lib/nag';
import type { MeritApp } from '../../infra/lib/merit-app';
import { fakeSite, NO_SITE, synthMerit } from './helpers';

// cdk-nag v3 runs as a CDK validation plugin: `cdk synth` fails on an unacknowledged error.
// Here the pack is run on the synthesized tree directly, so warnings count too.
const violations = (merit: MeritApp): string[] =>
  new MeritNagChecks().validateScope(merit.app).violations.map((v) => {
    const where = v.violatingResources.map((r) => (r as { constructPath?: string }).constructPath ?? r.resourceLogicalId);
    return `${v.severity} ${v.ruleName} at ${where.join(', ')}`;
  });

/** Every acknowledgement in the tree: rule id → reason. */
function acknowledgements(root: IConstruct): [string, string][] {
  const found: [string, string][] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && entry.data) {
        found.push(...Object.entries(entry.data as Record<string, string>));
      }
    }
  }
  return found;
}

describe('cdk-nag (AWS Solutions pack)', () => {
  let withSite: MeritApp;
  let customDomain: MeritApp;

  beforeAll(() => {
    withSite = synthMerit({ context: { adminEmail: 'office@example.org', siteDir: fakeSite() } });
    customDomain = synthMerit({
      context: {
        adminEmail: 'office@example.org',
        mailFrom: 'award@example.org',
        publicUrl: 'https://award.example.org',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
        siteDir: NO_SITE,
      },
    });
  });

  it('finds no unacknowledged error or warning (CloudFront default domain, site uploaded)', () => {
    expect(violations(withSite)).toEqual([]);
  });

  it('finds no unacknowledged error or warning (custom domain with its certificate, no site)', () => {
    expect(violations(customDomain)).toEqual([]);
  });

  it('gives every acknowledgement a written reason', () => {
    const acks = [...acknowledgements(withSite.app), ...acknowledgements(customDomain.app)];
    expect(acks.length).toBeGreaterThan(0);
    for (const [rule, reason] of acks) {
      expect(reason.trim().length, `reason for ${rule}`).toBeGreaterThan(40);
    }
  });

  it('does not acknowledge CFR4 (TLS policy) once a certificate of our own is attached', () => {
    const rules = acknowledgements(customDomain.app).map(([rule]) => rule);
    expect(rules.some((r) => r.includes('AwsSolutions-CFR4'))).toBe(false);
    const distribution = customDomain.stateless.site.distribution.node.defaultChild as unknown as {
      distributionConfig: { viewerCertificate: { minimumProtocolVersion: string } };
    };
    expect(distribution.distributionConfig.viewerCertificate.minimumProtocolVersion).toBe('TLSv1.2_2021');
  });

  it('warns at synth when no first administrator is configured, or the site is not built', () => {
    const warningsOf = (merit: MeritApp) =>
      merit.app.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    const bare = warningsOf(synthMerit({ context: { siteDir: NO_SITE } }));
    expect(bare.some((w) => w.includes('adminEmail'))).toBe(true);
    expect(bare.some((w) => w.includes('npm run build'))).toBe(true);
    expect(warningsOf(withSite)).toEqual([]);
  });
});
