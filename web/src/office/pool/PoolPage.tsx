import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PoolPreviewResponse } from '../../../../shared/api/pool';
import type { PersonView } from '../../../../shared/api/schemas';
import { GBT4754_SECTIONS, INDUSTRY_SECTIONS, type IndustrySection } from '../../../../shared/pool/industries';
import { POOL_ROLES } from '../../../../shared/pool/profile';
import type { MessageKey } from '../../../../shared/messages';
import { useLocale, useT, type Translate } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import '../../texts/admin';
import '../../texts/pool';
import './pool.css';

/** Base64 of a file's bytes, for the JSON body (the server reads CSV in any of its encodings and .xlsx). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function saveText(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fieldName = (section: string, locale: 'zh-CN' | 'en') => GBT4754_SECTIONS[section as IndustrySection]?.[locale] ?? section;

/** Each problem of a row in the reader's language. */
function problemText(t: Translate, p: PoolPreviewResponse['rows'][number]['problems'][number]): string {
  return t(`pool.problem.${p.code}` as MessageKey, { column: p.column, value: p.value, firstRow: p.firstRow ?? '' });
}

/** The import: choose a file, read the preview (every row's problem, or what it would do), then import it all at once. */
function PoolImport({ onImported }: { onImported: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [preview, setPreview] = useState<PoolPreviewResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const chosen = input.files?.[0];
    setPreview(null);
    setNotice(null);
    setError(null);
    if (!chosen) return;
    setBusy(true);
    try {
      const body = { fileName: chosen.name, content: await base64Of(chosen) };
      setFile(body);
      setPreview(await call('pool.preview', { body }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!file || !preview) return;
    setBusy(true);
    setError(null);
    try {
      const res = await call('pool.import', { body: { ...file, digest: preview.digest } });
      setNotice(t('pool.import.done', { created: res.created, updated: res.updated, unchanged: res.unchanged }));
      setPreview(null);
      setFile(null);
      onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const invalid = preview ? preview.counts.invalid + preview.fileProblems.length : 0;
  const toWrite = preview ? preview.counts.create + preview.counts.update : 0;
  return (
    <section class="card stack" aria-labelledby="pool-import-title">
      <h2 id="pool-import-title">{t('pool.import.title')}</h2>
      <p class="muted small">{t('pool.import.hint')}</p>
      <label>
        {t('pool.import.file')}
        <input type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={choose} disabled={busy} data-pool-file />
      </label>
      {error !== null && <ErrorMessage error={error} />}
      {notice && (
        <p class="notice" role="status" data-pool-imported>
          {notice}
        </p>
      )}
      {preview && (
        <div class="stack" data-pool-preview>
          <p>
            {t('pool.import.read', { file: preview.fileName, encoding: t(`pool.import.encoding.${preview.encoding}` as MessageKey) })}{' '}
            {t('pool.import.counts', preview.counts)}
          </p>
          {preview.fileProblems.map((p) => (
            <p class="error" role="alert">
              {t(`pool.file.${p.code}` as MessageKey, { column: p.column ?? '', max: p.max ?? '' })}
            </p>
          ))}
          {preview.rows.length > 0 && (
            <div class="table-scroll">
              <table class="pool-table">
                <thead>
                  <tr>
                    <th>{t('pool.col.line')}</th>
                    <th>{t('pool.col.name')}</th>
                    <th>{t('pool.col.email')}</th>
                    <th>{t('pool.col.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.line} class={r.problems.length ? 'pool-bad' : ''} data-pool-row={r.line}>
                      <td>{r.line}</td>
                      <td>{r.name ?? ''}</td>
                      <td class="pool-email">{r.email ?? ''}</td>
                      <td>
                        {r.problems.length > 0 ? (
                          <ul class="pool-problems">
                            {r.problems.map((p) => (
                              <li>{problemText(t, p)}</li>
                            ))}
                          </ul>
                        ) : (
                          t(`pool.action.${r.action}` as MessageKey)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {invalid > 0 ? (
            <p class="error" role="alert" data-pool-blocked>
              {t('pool.import.blocked', { count: invalid })}
            </p>
          ) : (
            <p class="actions">
              <button type="button" onClick={confirm} disabled={busy || toWrite === 0} data-pool-confirm>
                {t('pool.import.confirm', { count: toWrite })}
              </button>
              <button type="button" class="secondary" onClick={() => setPreview(null)} disabled={busy}>
                {t('pool.import.cancel')}
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** The office's pools (专家库 · 审议员库 · 监督员库): import, export, and the people with filters by pool, field, district and status. */
export function PoolPage() {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [people, setPeople] = useState<readonly PersonView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filters, setFilters] = useState({ q: '', role: '', field: '', district: '', status: '' });

  const load = useCallback(() => {
    setError(null);
    call('people.list').then((res) => setPeople(res.people.filter((p) => (POOL_ROLES as readonly string[]).includes(p.role))), setError);
  }, [call]);
  useEffect(load, [load]);

  const exportCsv = async () => {
    try {
      const res = await call('pool.export');
      saveText(res.csv, res.fileName);
    } catch (e) {
      setError(e);
    }
  };
  // The same cells as an Excel workbook; the writer loads only on this click.
  const [exporting, setExporting] = useState(false);
  const exportXlsx = async () => {
    setExporting(true);
    setError(null);
    try {
      const [res, { downloadWorkbook }, { poolSheet, baseName }] = await Promise.all([
        call('pool.export'),
        import('../../ui/export/workbook'),
        import('./pool-export'),
      ]);
      await downloadWorkbook(baseName(res.fileName), [poolSheet(res.csv, t('pool.sheetName'))]);
    } catch (e) {
      setError(e);
    } finally {
      setExporting(false);
    }
  };

  const districts = [...new Set((people ?? []).map((p) => p.profile?.district).filter((d): d is string => !!d))].sort();
  const needle = filters.q.trim().toLowerCase();
  const shown = (people ?? []).filter((p) => {
    const active = p.status === 'active' && (p.profile?.active ?? true);
    return (
      (!filters.role || p.role === filters.role) &&
      (!filters.field || (p.profile?.fields ?? []).includes(filters.field)) &&
      (!filters.district || p.profile?.district === filters.district) &&
      (!filters.status || (filters.status === 'active') === active) &&
      (!needle || [p.name, p.email, p.organisation ?? ''].some((f) => f.toLowerCase().includes(needle)))
    );
  });
  const set = (key: keyof typeof filters) => (e: Event) => setFilters({ ...filters, [key]: (e.currentTarget as HTMLInputElement).value });

  return (
    <div class="stack" data-pool-page>
      <h1>{t('pool.open')}</h1>
      <p>
        <a href="/admin">← {t('admin.title')}</a>
      </p>
      <PoolImport onImported={load} />
      <section class="card stack" aria-labelledby="pool-list-title">
        <h2 id="pool-list-title">{t('pool.title')}</h2>
        <div class="pool-filters">
          <div class="pool-filter">
            <label for="pool-q">
              {t('pool.filter.search')}
            </label>
            <input id="pool-q" type="search" value={filters.q} onInput={set('q')} />
          </div>
          <div class="pool-filter">
            <label for="pool-role">
              {t('pool.filter.role')}
            </label>
            <select id="pool-role" value={filters.role} onChange={set('role')}>
              <option value="">{t('pool.filter.all')}</option>
              {POOL_ROLES.map((r) => (
                <option value={r}>{t(`pool.role.${r}` as MessageKey)}</option>
              ))}
            </select>
          </div>
          <div class="pool-filter">
            <label for="pool-field">
              {t('pool.filter.field')}
            </label>
            <select id="pool-field" value={filters.field} onChange={set('field')}>
              <option value="">{t('pool.filter.all')}</option>
              {INDUSTRY_SECTIONS.map((s) => (
                <option value={s}>{fieldName(s, locale)}</option>
              ))}
            </select>
          </div>
          <div class="pool-filter">
            <label for="pool-district">
              {t('pool.filter.district')}
            </label>
            <select id="pool-district" value={filters.district} onChange={set('district')}>
              <option value="">{t('pool.filter.all')}</option>
              {districts.map((d) => (
                <option value={d}>{d}</option>
              ))}
            </select>
          </div>
          <div class="pool-filter">
            <label for="pool-status">
              {t('pool.filter.status')}
            </label>
            <select id="pool-status" value={filters.status} onChange={set('status')}>
              <option value="">{t('pool.filter.all')}</option>
              <option value="active">{t('pool.status.active')}</option>
              <option value="inactive">{t('pool.status.inactive')}</option>
            </select>
          </div>
        </div>
        <p class="actions">
          <button type="button" class="secondary" onClick={exportCsv} data-pool-export>
            {t('pool.export')}
          </button>{' '}
          <button type="button" class="secondary" onClick={exportXlsx} disabled={exporting} aria-busy={exporting} data-pool-export-xlsx>
            {t('pool.exportXlsx')}
          </button>
        </p>
        {error !== null && <ErrorMessage error={error} onRetry={load} />}
        {!people ? (
          <p class="muted">{t('site.loading')}</p>
        ) : people.length === 0 ? (
          <p class="muted">{t('pool.empty')}</p>
        ) : (
          <>
            <p class="muted small" data-pool-count={shown.length}>
              {t('pool.shown', { count: shown.length })}
            </p>
            <ul class="pool-people">
              {shown.map((p) => (
                <li key={p.personId} data-pool-person={p.email}>
                  <strong>{p.name}</strong> · {t(`pool.role.${p.role}` as MessageKey)}
                  {p.profile?.title ? ` · ${p.profile.title}` : ''}
                  <br />
                  <span class="muted small">
                    {[p.organisation, p.profile?.district, (p.profile?.fields ?? []).map((f) => fieldName(f, locale)).join('、'), t(p.status === 'active' && (p.profile?.active ?? true) ? 'pool.status.active' : 'pool.status.inactive')]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  <br />
                  <span class="muted small pool-email">{p.email}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
