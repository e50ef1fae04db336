import type { RemarkTarget } from '../../../../shared/api/remarks';
import type { AuditEntry } from '../../../../shared/audit/chain';
import { isMessageKey } from '../../../../shared/messages/registry';
import { formatMoment } from '../../../../shared/messages/units';
import type { Locale } from '../../../../shared/messages/types';
import type { Translate } from '../../i18n';
import '../../texts/remarks';
import '../../texts/terms';

/** Names the page knows: person id → name, application id → organisation name. */
export interface KnownNames {
  readonly people: Readonly<Record<string, string>>;
  readonly organisations: Readonly<Record<string, string>>;
}

const stageName = (t: Translate, stage: string | undefined) => {
  const key = `domain.stage.${stage}`;
  return stage && isMessageKey(key) ? t(key) : '';
};

/**
 * The step a remark is about, as people read it: its kind, then the organisation, the stage, the expert, the
 * publication and its time in Beijing time — never the ids (an unknown organisation or person is left out).
 */
export function targetLabel(t: Translate, locale: Locale, target: RemarkTarget, names: KnownNames): string {
  const kind = t(`remarks.target.${target.kind}`);
  const parts: string[] = [];
  switch (target.kind) {
    case 'card':
    case 'assignment':
    case 'consensus': {
      const [applicationId = '', stage, reviewerId] = target.id.split('/');
      parts.push(names.organisations[applicationId] ?? '', stageName(t, stage), reviewerId ? (names.people[reviewerId] ?? '') : '');
      break;
    }
    case 'stageMove':
      parts.push(stageName(t, target.id));
      break;
    case 'publication': {
      const [kindOf = '', ...at] = target.id.split('/');
      const key = `remarks.publication.${kindOf}`;
      parts.push(isMessageKey(key) ? t(key) : '', formatMoment(at.join('/'), locale));
      break;
    }
    case 'round':
      break;
  }
  return [kind, ...parts.filter(Boolean)].join(' · ');
}

/** The publication kind a stage publishes (the notice at the public notice, the winners at the announcement). */
const publicationOfStage = (stage: string | undefined) => (stage === 'publicNotice' ? 'notice' : stage === 'announcement' ? 'announcement' : undefined);

/**
 * The step an audit entry of a round's chain records, when a remark can be made on it: a submitted card, a
 * consensus, an assignment, a stage move, a publication. Other entries (saves, reads, declarations…) have none.
 */
export function remarkTargetOf(entry: Pick<AuditEntry, 'action' | 'target' | 'context' | 'at'>): RemarkTarget | undefined {
  switch (entry.action) {
    case 'scorecard.submitted':
      return { kind: 'card', id: entry.target.id };
    case 'consensus.recorded':
      return { kind: 'consensus', id: entry.target.id };
    case 'assignment.made':
      return { kind: 'assignment', id: entry.target.id };
    case 'round.stageMoved':
      return entry.context?.stage ? { kind: 'stageMove', id: entry.context.stage } : undefined;
    case 'publication.published': {
      const kind = publicationOfStage(entry.context?.stage);
      return kind ? { kind: 'publication', id: `${kind}/${entry.at}` } : undefined;
    }
    default:
      return undefined;
  }
}
