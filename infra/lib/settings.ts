import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { Annotations } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import * as v from 'valibot';
import { EmailSchema } from '../../shared/api/schemas';
import { REPO_ROOT } from '../bundling';

/** What an administrator chooses at deploy time (`-c name=value` or cdk.json; README "Deploying to AWS"). */
export interface MeritSettings {
  /** The first administrator; without it nobody can sign in. */
  readonly adminEmail?: string;
  /** The platform operator (issue #14): creates programmes and invites their first administrators. */
  readonly operatorEmail?: string;
  /** Sender of all mail, an SES-verified identity (defaults to adminEmail). */
  readonly mailFrom?: string;
  /**
   * Who is mailed when the audit archive fails or falls behind (defaults to
   * adminEmail); SNS first mails a confirmation link that must be followed.
   */
  readonly alarmEmail?: string;
  /** Id of the first programme. */
  readonly programmeId: string;
  /** The site's URL behind a custom domain; otherwise the CloudFront URL is used. */
  readonly publicUrl?: string;
  /** ACM certificate (us-east-1) for the publicUrl host, so CloudFront serves the custom domain itself. */
  readonly certificateArn?: string;
  /** Years every archived audit entry stays under Object Lock (compliance mode). */
  readonly auditRetentionYears: number;
  /** The built site to deploy to the web bucket (`web/dist`), when it exists at synth time. */
  readonly siteDir?: string;
}

const text = (scope: Construct, key: string): string | undefined => {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
};

/** Reads and checks the context values; warns (does not fail) when the first administrator or the built site is missing. */
export function readSettings(scope: Construct): MeritSettings {
  const adminEmail = text(scope, 'adminEmail')?.toLowerCase();
  if (!adminEmail) {
    Annotations.of(scope).addWarningV2(
      'merit:adminEmail',
      'No adminEmail context value: nobody will be able to sign in. Deploy with -c adminEmail=office@example.org',
    );
  }
  const operatorContext = text(scope, 'operatorEmail');
  const operatorAddress = operatorContext === undefined ? undefined : v.safeParse(EmailSchema, operatorContext);
  if (operatorAddress && !operatorAddress.success) throw new Error(`operatorEmail must be an email address (got ${operatorContext})`);
  const alarmEmail = text(scope, 'alarmEmail') ?? adminEmail;
  const alarmAddress = alarmEmail === undefined ? undefined : v.safeParse(EmailSchema, alarmEmail);
  if (alarmAddress && !alarmAddress.success) {
    throw new Error(`alarmEmail (or adminEmail, its default) must be an email address (got ${alarmEmail})`);
  }
  const publicUrl = text(scope, 'publicUrl')?.replace(/\/+$/, '');
  if (publicUrl && !/^https:\/\/[^/\s]+$/.test(publicUrl)) {
    throw new Error(`publicUrl must be an https origin without a path (got ${publicUrl})`);
  }
  const certificateArn = text(scope, 'certificateArn');
  if (certificateArn && !publicUrl) throw new Error('certificateArn needs publicUrl (the domain the certificate is for)');
  const years = Number(text(scope, 'auditRetentionYears') ?? 10);
  if (!Number.isInteger(years) || years < 1 || years > 100) {
    throw new Error(`auditRetentionYears must be a whole number of years between 1 and 100 (got ${String(years)})`);
  }
  const siteContext = text(scope, 'siteDir') ?? 'web/dist';
  const siteDir = isAbsolute(siteContext) ? siteContext : resolve(REPO_ROOT, siteContext);
  const siteBuilt = existsSync(resolve(siteDir, 'index.html'));
  if (!siteBuilt) {
    Annotations.of(scope).addWarningV2(
      'merit:siteNotBuilt',
      `No built site in ${siteDir}: the site is not uploaded to the web bucket. Run npm run build before cdk deploy.`,
    );
  }
  return {
    adminEmail,
    operatorEmail: operatorAddress?.output,
    mailFrom: text(scope, 'mailFrom') ?? adminEmail,
    alarmEmail: alarmAddress?.output,
    programmeId: text(scope, 'programmeId') ?? 'city',
    publicUrl,
    certificateArn,
    auditRetentionYears: years,
    siteDir: siteBuilt ? siteDir : undefined,
  };
}
