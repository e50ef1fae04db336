import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AuditEntry, ChainVerification } from '../../../shared/audit/chain';
import type { AuditChainSummary } from '../../../shared/api';
import type { Call } from '../api';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Timeline } from './Timeline';
import { exportFileName } from '../../../shared/audit/export-name';
import { NO_FILTER, toJsonLines, type TimelineFilter } from './timeline';
import { VerifyPanel } from './VerifyPanel';
// In the chain view's own chunk (loaded when a chain is opened); it reads the teams only when asked.
import { IndependencePanel } from './IndependencePanel';
import { remarkTargetOf } from '../ui/remarks/entry-target';
import { LazyRemarksSection, LazyTimelineRemark } from '../ui/remarks/lazy';
import '../texts/team-view';
import '../texts/supervise';

const PAGE = 1000;

/** Reads a whole chain, a page at a time, in order. */
export async function readChain(call: Call, scope: string, onProgress?: (count: number) => void): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let after = 0;
  for (;;) {
    const page = await call('audit.entries', { params: { scope }, query: { after, limit: PAGE } });
    entries.push(...page.entries);
    onProgress?.(entries.length);
    if (page.nextAfter === undefined || page.entries.length === 0) return entries;
    after = page.nextAfter;
  }
}

/** Downloads the chain as JSON lines (one entry per line, as stored), for anyone to verify elsewhere. */
function download(scope: string, entries: readonly AuditEntry[]): void {
  const url = URL.createObjectURL(new Blob([toJsonLines(entries)], { type: 'application/x-ndjson' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(scope);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One chain: its timeline with filters, in-browser verification and export. Read-only. */
export function ChainView({ scope }: { scope: string }) {
  const { call, session } = useAppState();
  const t = useT();
  const [entries, setEntries] = useState<readonly AuditEntry[] | null>(null);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  const [names, setNames] = useState<Record<string, string>>({});
  const [organisations, setOrganisations] = useState<Record<string, string>>({});
  const [verification, setVerification] = useState<ChainVerification | null>(null);
  const [summary, setSummary] = useState<AuditChainSummary | null>(null);
  const locale = useLocale();
  const [remarksRead, setRemarksRead] = useState(0);
  const roundId = scope.startsWith('round:') ? scope.slice('round:'.length) : null;

  const load = useCallback(() => {
    setError(null);
    setEntries(null);
    setProgress(0);
    readChain(call, scope, setProgress).then(setEntries, setError);
  }, [call, scope]);
  useEffect(load, [load]);

  // Names make the timeline readable; without them it shows person ids and the scope.
  useEffect(() => {
    // Each is optional: a failure (or an answer without the expected list) leaves ids in place of names.
    const quietly = (work: Promise<void>) => void work.catch(() => undefined);
    quietly(call('audit.chains').then((res) => setSummary(res.chains.find((c) => c.scope === scope) ?? null)));
    quietly(call('people.list').then((res) => setNames(Object.fromEntries(res.people.map((p) => [p.personId, p.name])))));
    // A round's chain: applicants are filtered by their organisation's name, not an id.
    if (scope.startsWith('round:')) {
      quietly(
        call('applications.list', { query: { roundId: scope.slice('round:'.length) } }).then((res) =>
          setOrganisations(Object.fromEntries(res.applications.map((a) => [a.applicationId, a.organisation.name]))),
        ),
      );
    }
  }, [call, scope]);

  return (
    <div class="stack">
      <p>
        <a href="/supervise">← {t('supervise.back')}</a>
        {scope.startsWith('round:') && (
          <>
            {' · '}
            <a href={`/supervise/rounds/${encodeURIComponent(scope.slice('round:'.length))}`} data-round-reviews-link>
              {t('superviseReview.link')}
            </a>
          </>
        )}
      </p>
      <h2 class="chain-title">
        {summary && <span class="chain-name">{summary.name[locale]} </span>}
        <code>{scope}</code>
      </h2>
      {error !== null ? (
        <ErrorMessage error={error} onRetry={load} />
      ) : !entries ? (
        <p class="muted" role="status">
          {t('supervise.loadingEntries', { count: progress })}
        </p>
      ) : (
        <>
          <section class="card tools">
            <VerifyPanel scope={scope} entries={entries} onResult={setVerification} />
            <button type="button" class="secondary" onClick={() => download(scope, entries)}>
              {t('supervise.export')}
            </button>
          </section>
          {scope.startsWith('round:') && <IndependencePanel entries={entries} call={call} />}
          <Timeline
            entries={entries}
            filter={filter}
            onFilter={setFilter}
            names={names}
            organisations={organisations}
            badSeq={verification?.firstMismatch?.seq}
            action={(e) => {
              // A supervisor remarks on the step an entry records (a submitted card, a consensus, an assignment, a stage move, a publication).
              const target = roundId && session.value?.role === 'supervisor' ? remarkTargetOf(e) : undefined;
              return target && roundId ? (
                <LazyTimelineRemark roundId={roundId} target={target} names={{ people: names, organisations }} onDone={() => setRemarksRead((n) => n + 1)} />
              ) : null;
            }}
          />
          {roundId && <LazyRemarksSection roundId={roundId} generation={remarksRead} />}
        </>
      )}
    </div>
  );
}
