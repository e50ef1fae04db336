import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, type IApplyRule } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * An acknowledged class of findings of one cdk-nag rule (e.g. AwsSolutions-IAM5
 * wildcards ending in `/index/*`), with the reason it is acceptable.
 */
export interface FindingAcknowledgement {
  readonly rule: `AwsSolutions-${string}`;
  /** Matches the finding id, e.g. `Resource::…/index/*` or `Action::s3:List*`. */
  readonly finding: RegExp;
  readonly reason: string;
}

const acknowledged = new WeakMap<IConstruct, FindingAcknowledgement[]>();

/**
 * Acknowledges findings on a construct and everything below it. Finding ids
 * name resources as they are finally rendered (cross-stack references included),
 * which is only known at validation time, so they are matched by pattern there.
 */
export function acknowledgeFindings(scope: IConstruct, ...acks: FindingAcknowledgement[]): void {
  acknowledged.set(scope, [...(acknowledged.get(scope) ?? []), ...acks]);
}

function acknowledgementsFor(node: IConstruct, rule: string): FindingAcknowledgement[] {
  const found: FindingAcknowledgement[] = [];
  for (let current: IConstruct | undefined = node; current; current = current.node.scope) {
    found.push(...(acknowledged.get(current) ?? []).filter((a) => a.rule === rule));
  }
  return found;
}

/**
 * The AWS Solutions pack, plus pattern acknowledgements (acknowledgeFindings):
 * a finding matching one is recorded as acknowledged, with its reason, just
 * before the rule runs. Everything else is plain cdk-nag.
 */
export class MeritNagChecks extends AwsSolutionsChecks {
  protected override applyRule(params: IApplyRule): void {
    const rule = `${this.readPackName}-${params.ruleSuffixOverride ?? params.rule.name}`;
    const acks = acknowledgementsFor(params.node, rule);
    if (acks.length > 0) {
      let findings: unknown;
      try {
        findings = params.rule(params.node);
      } catch {
        findings = undefined; // the pack reports the rule's own error
      }
      if (Array.isArray(findings)) {
        for (const finding of findings as string[]) {
          const ack = acks.find((a) => a.finding.test(finding));
          if (ack) Validations.of(params.node).acknowledge({ id: `${rule}[${finding}]`, reason: ack.reason });
        }
      }
    }
    super.applyRule(params);
  }
}
