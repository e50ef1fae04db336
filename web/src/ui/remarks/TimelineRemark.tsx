import type { RemarkTarget } from '../../../../shared/api/remarks';
import { useLocale, useT } from '../../i18n';
import { RemarkControl } from './RemarkControl';
import { targetLabel, type KnownNames } from './targets';

/** A supervisor's remark on the step a timeline entry records, named as people read it. */
export function TimelineRemark({ roundId, target, names, onDone }: { roundId: string; target: RemarkTarget; names: KnownNames; onDone?: () => void }) {
  const t = useT();
  const locale = useLocale();
  return <RemarkControl roundId={roundId} target={target} about={targetLabel(t, locale, target, names)} {...(onDone ? { onDone } : {})} />;
}
