import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApplicationListResponse, Funnel } from '../../../shared/api/applications';
import { formatDateTime, useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { BulkEligibility } from './BulkEligibility';
import '../texts/office-review';
import '../texts/apply';
import '../texts/office';
import '../texts/terms';

/** The filters of the list, as the query string of 'applications.list' and 'applications.export'. */
export interface ListFilters {
  district: string;
  industry: string;
  status: string;
  q: string;
}

const NO_FILTERS: ListFilters = { district: '', industry: '', status: '', q: '' };

/** The query of a filter set (empty filters left out). */
export function queryOf(filters: ListFilters): Record<string, string | undefined> {
  const q = filters.q.trim();
  return {
    district: filters.district || undefined,
    industry: filters.industry || undefined,
    status: filters.status || undefined,
    q: q || undefined,
  };
}

/** Saves text as a file in the browser (a Blob and a temporary link; no server round trip). */
export function saveFile(text: string, fileName: string, contentType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One filter of the list: a labelled select whose first choice is "all". */
function FilterSelect(props: { id: string; label: string; value: string; options: readonly { value: string; label: string }[]; onChange: (value: string) => void }) {
  const t = useT();
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{t('supervise.filter.all')}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function FunnelView({ funnel }: { funnel: Funnel }) {
  const t = useT();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  return (
    <section aria-labelledby="funnel-title" class="card" data-funnel={`${funnel.registered}/${funnel.submitted}`}>
      <h2 id="funnel-title">{t('office.funnel')}</h2>
      <dl class="funnel">
        <div data-count="registered">
          <dt>{t('domain.funnel.registered')}</dt>
          <dd>{number.format(funnel.registered)}</dd>
        </div>
        <div data-count="submitted">
          <dt>{t('domain.funnel.submitted')}</dt>
          <dd>{number.format(funnel.submitted)}</dd>
        </div>
        <div data-count="percent">
          <dt>{t('office.submittedPercent')}</dt>
          <dd>{new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(funnel.submittedPercent)}%</dd>
        </div>
        <div data-count="withdrawn">
          <dt>{t('application.status.withdrawn')}</dt>
          <dd>{number.format(funnel.withdrawn)}</dd>
        </div>
        <div data-count="eligible">
          <dt>{t('domain.funnel.eligible')}</dt>
          <dd>{number.format(funnel.eligible)}</dd>
        </div>
        <div data-count="ineligible">
          <dt>{t('eligibility.ineligible')}</dt>
          <dd>{number.format(funnel.ineligible)}</dd>
        </div>
      </dl>
      <div class="funnel-bar">
        <progress max={100} value={funnel.submittedPercent} aria-label={t('office.submittedPercent')} />
      </div>
    </section>
  );
}

/** Registrations and submissions of the round: the funnel, filters, search, CSV export, a link to each package. */
export function ApplicationList() {
  const { call, session, programmes, loadProgrammes } = useAppState();
  const t = useT();
  const locale = useLocale();
  // The round shown: the newest unless the office picks another of its programme's rounds.
  const [roundId, setRoundId] = useState('');
  const rounds = programmes.value?.find((p) => p.programmeId === session.value?.programmeId)?.rounds ?? [];
  useEffect(() => {
    loadProgrammes().catch(() => undefined); // without the list the picker is simply not shown
  }, [loadProgrammes]);
  const [filters, setFilters] = useState<ListFilters>(NO_FILTERS);
  const [search, setSearch] = useState('');
  const [list, setList] = useState<ApplicationListResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  // Districts and industries offered as filters: every value seen in the round so far.
  const [options, setOptions] = useState<{ districts: string[]; industries: string[] }>({ districts: [], industries: [] });
  const latest = useRef(0);
  // Applications ticked for one eligibility decision (issue #13.5), by id; only the office's administrators decide.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const deciding = session.value?.role === 'admin';

  const load = useCallback(() => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    call('applications.list', { query: { ...queryOf(filters), roundId: roundId || undefined } }).then(
      (res) => {
        if (ticket !== latest.current) return;
        setList(res);
        // Keep only what is still shown and still open to a decision.
        setChosen((c) => new Set(res.applications.filter((a) => c.has(a.applicationId) && a.status === 'submitted').map((a) => a.applicationId)));
        setLoading(false);
        setOptions((o) => ({
          districts: [...new Set([...o.districts, ...res.applications.map((a) => a.organisation.district)])].sort(),
          industries: [...new Set([...o.industries, ...res.applications.map((a) => a.organisation.industry)])].sort(),
        }));
      },
      (e: unknown) => {
        if (ticket !== latest.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, [call, filters, roundId]);
  useEffect(load, [load]);

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const res = await call('applications.export', { query: { ...queryOf(filters), ...(list ? { roundId: list.roundId } : {}) } });
      saveFile(res.csv, res.fileName, res.contentType);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  const set = (patch: Partial<ListFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const open = list?.applications.filter((a) => a.status === 'submitted') ?? [];
  const filtered = filters.district || filters.industry || filters.status || filters.q;

  return (
    <div class="stack">
      {rounds.length > 1 && (
        <div class="field">
          <label for="office-round">{t('office.round')}</label>
          <select
            id="office-round"
            value={roundId || list?.roundId || ''}
            onChange={(e) => {
              setRoundId(e.currentTarget.value);
              setFilters(NO_FILTERS);
              setSearch('');
              setOptions({ districts: [], industries: [] });
            }}
          >
            {rounds.map((r) => (
              <option key={r.roundId} value={r.roundId}>
                {r.name[locale]}
              </option>
            ))}
          </select>
        </div>
      )}
      {list && (
        <p>
          <a href={`/office/rounds/${encodeURIComponent(list.roundId)}`} data-round-board-link>
            {t('officeReview.open')}
          </a>
        </p>
      )}
      {list && <FunnelView funnel={list.funnel} />}
      <section class="card" aria-labelledby="office-list-title">
        <h2 id="office-list-title">{t('office.list')}</h2>
        <form
          class="filters"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: search });
          }}
        >
          <div class="field">
            <label for="office-q">{t('office.search')}</label>
            <input id="office-q" type="search" value={search} maxLength={200} onInput={(e) => setSearch(e.currentTarget.value)} />
          </div>
          <FilterSelect
            id="office-district"
            label={t('register.district')}
            value={filters.district}
            options={options.districts.map((d) => ({ value: d, label: d }))}
            onChange={(district) => set({ district })}
          />
          <FilterSelect
            id="office-industry"
            label={t('register.industry')}
            value={filters.industry}
            options={options.industries.map((d) => ({ value: d, label: d }))}
            onChange={(industry) => set({ industry })}
          />
          <FilterSelect
            id="office-status"
            label={t('dashboard.status')}
            value={filters.status}
            options={(['registered', 'submitted', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`application.status.${s}`) }))}
            onChange={(status) => set({ status })}
          />
          <button type="submit">{t('office.searchButton')}</button>
          {filtered && (
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setSearch('');
                setFilters(NO_FILTERS);
              }}
            >
              {t('supervise.filter.clear')}
            </button>
          )}
          <button type="button" class="secondary" disabled={exporting || !list} onClick={() => void exportCsv()}>
            {t('office.export')}
          </button>
        </form>
        {exportError !== null && <ErrorMessage error={exportError} />}
        {error !== null ? (
          <ErrorMessage error={error} onRetry={load} />
        ) : !list || loading ? (
          <p class="muted">{t('site.loading')}</p>
        ) : list.applications.length === 0 ? (
          <p>{t(filtered ? 'office.noMatch' : 'office.empty')}</p>
        ) : (
          <>
            <p class="muted small">{t('office.shown', { count: list.applications.length })}</p>
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    {deciding && (
                      <th scope="col">
                        <input
                          type="checkbox"
                          aria-label={t('office.bulk.selectAll')}
                          checked={open.length > 0 && open.every((a) => chosen.has(a.applicationId))}
                          disabled={open.length === 0}
                          onChange={(e) => setChosen(e.currentTarget.checked ? new Set(open.map((a) => a.applicationId)) : new Set())}
                        />
                      </th>
                    )}
                    <th scope="col">{t('register.name')}</th>
                    <th scope="col">{t('register.creditCode')}</th>
                    <th scope="col">{t('register.district')}</th>
                    <th scope="col">{t('register.industry')}</th>
                    <th scope="col">{t('register.size')}</th>
                    <th scope="col">{t('dashboard.status')}</th>
                    <th scope="col">{t('office.registeredAt')}</th>
                    <th scope="col">{t('dashboard.submittedAt')}</th>
                    <th scope="col">{t('office.eligibility')}</th>
                    <th scope="col">{t('office.openRequests')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.applications.map((a) => (
                    <tr key={a.applicationId} data-application={a.applicationId} data-credit-code={a.organisation.creditCode}>
                      {deciding && (
                        <td>
                          {a.status === 'submitted' && (
                            <input
                              type="checkbox"
                              aria-label={t('office.bulk.select', { name: a.organisation.name })}
                              checked={chosen.has(a.applicationId)}
                              onChange={(e) => {
                                const next = new Set(chosen);
                                if (e.currentTarget.checked) next.add(a.applicationId);
                                else next.delete(a.applicationId);
                                setChosen(next);
                              }}
                            />
                          )}
                        </td>
                      )}
                      <td>
                        <a href={`/office/${encodeURIComponent(a.applicationId)}`}>{a.organisation.name}</a>
                      </td>
                      <td>
                        <code>{a.organisation.creditCode}</code>
                      </td>
                      <td>{a.organisation.district}</td>
                      <td>{a.organisation.industry}</td>
                      <td>{t(`application.size.${a.organisation.size}`)}</td>
                      <td>{t(`application.status.${a.status}`)}</td>
                      <td>{formatDateTime(a.createdAt, locale)}</td>
                      <td>{a.submittedAt ? formatDateTime(a.submittedAt, locale) : ''}</td>
                      <td>{a.eligibility ? t(`eligibility.${a.eligibility.decision}`) : ''}</td>
                      <td data-open-requests={a.openRequests}>{a.openRequests || ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      {deciding && list && (
        <BulkEligibility
          roundId={list.roundId}
          roundStage={rounds.find((r) => r.roundId === list.roundId)?.stage}
          chosen={list.applications.filter((a) => chosen.has(a.applicationId))}
          onClear={() => setChosen(new Set())}
          onDecided={() => {
            setChosen(new Set());
            load();
          }}
        />
      )}
    </div>
  );
}
