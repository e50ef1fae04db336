import type { RemarkTarget } from '../../../../shared/api/remarks';
import type { AuditEntry } from '../../../../shared/audit/chain';

// Kept apart from the remarks' texts and components: the timeline decides which entries offer a remark before any
// of them load.

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
