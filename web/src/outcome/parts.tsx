import { useRef } from 'preact/hooks';
import type { RecordedBy } from '../../../shared/api/outcome';
import type { ReviewedOrganisation } from '../../../shared/api/reviews';
import { isMessageKey } from '../../../shared/messages/registry';
import { formatDateTime, useLocale, useT, type Translate } from '../i18n';
import { useLoad } from '../review/load';
import { ErrorMessage } from '../ui/ErrorMessage';
import '../texts/terms';

/** The round as the page read it last: what the stage controls and the versioned posts go by. */
export interface RoundRef {
  readonly roundId: string;
  readonly roundStage: string;
  readonly roundVersion: number;
}

/**
 * Reads a section's data when `deps` change, keeping the last answer on screen while it reads again
 * (a form the office is filling stays where it is; an action's refusal stays visible).
 */
export function useKeptLoad<T>(fetcher: () => Promise<T>, deps: readonly unknown[]) {
  const [load, reload] = useLoad(fetcher, deps);
  const last = useRef<T | null>(null);
  if (load.state === 'ready') last.current = load.value;
  return { value: last.current, error: load.state === 'error' ? load.error : null, loading: load.state === 'loading', reload };
}

/** A government department's name when the catalogue knows it (`domain.department.<id>`), else its id. */
export function departmentLabel(t: Translate, department: string): string {
  const key = `domain.department.${department}`;
  return isMessageKey(key) ? t(key) : department;
}

/** An organisation: its name, then its district and industry. */
export function Organisation({ organisation }: { organisation: ReviewedOrganisation }) {
  return (
    <>
      <span class="org-name">{organisation.name}</span>
      <br />
      <span class="muted small">
        {organisation.district} · {organisation.industry}
      </span>
    </>
  );
}

/** Who recorded something, and when. */
export function Recorded({ recorded }: { recorded: RecordedBy }) {
  const t = useT();
  const locale = useLocale();
  return (
    <span class="muted small" data-recorded-by={recorded.by}>
      {t('outcome.recordedBy', { name: recorded.byName, at: formatDateTime(recorded.at, locale) })}
    </span>
  );
}

/** A section's loading line, or its failure with a retry (the last answer stays shown under it). */
export function SectionState({ error, loading, hasValue, onRetry }: { error: unknown; loading: boolean; hasValue: boolean; onRetry: () => void }) {
  const t = useT();
  if (error !== null) return <ErrorMessage error={error} onRetry={onRetry} />;
  if (loading)
    return (
      <p class="muted small" role="status">
        {t(hasValue ? 'outcome.reloading' : 'site.loading')}
      </p>
    );
  return null;
}
