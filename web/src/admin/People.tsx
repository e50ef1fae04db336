import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PersonView } from '../../../shared/api';
import { INVITED_ROLES, type InvitedRole } from '../../../shared/api/roles';
import { formatDate, useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import '../texts/admin';
import '../texts/terms';

/** Everyone with a role in the programme; invite and revoke. */
export function People() {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [people, setPeople] = useState<readonly PersonView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState('');
  const [roleFilter, setRoleFilter] = useState<string>('');
  const [statusFilter, setStatusFilter] = useState<string>('');
  const [form, setForm] = useState<{ email: string; name: string; role: InvitedRole; organisation: string }>({
    email: '',
    name: '',
    role: 'expert',
    organisation: '',
  });

  const load = useCallback(() => {
    setLoadError(null);
    call('people.list').then((res) => setPeople(res.people), setLoadError);
  }, [call]);
  useEffect(load, [load]);

  // The list comes sorted by name as people read them (the server's pinyin order); here it is only narrowed.
  const needle = query.trim().toLowerCase();
  const shown = (people ?? []).filter(
    (p) =>
      (!roleFilter || p.role === roleFilter) &&
      (!statusFilter || p.status === statusFilter) &&
      (!needle || [p.name, p.email, p.organisation ?? ''].some((field) => field.toLowerCase().includes(needle))),
  );

  const invite = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      const organisation = form.organisation.trim();
      const { person } = await call('people.invite', {
        body: { email: form.email, name: form.name, role: form.role, locale, ...(organisation ? { organisation } : {}) },
      });
      setNotice(t('people.invite.sent', { name: person.name, email: person.email }));
      setForm({ email: '', name: '', role: form.role, organisation: '' });
      load();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (person: PersonView) => {
    setBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      await call('people.revoke', { params: { personId: person.personId } });
      setNotice(t('people.revoked', { name: person.name }));
      setConfirming(null);
      load();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="stack">
      <section class="card" aria-labelledby="invite-title">
        <h2 id="invite-title">{t('people.invite.title')}</h2>
        <p class="muted">{t('people.invite.intro')}</p>
        <form class="form grid-form" onSubmit={invite}>
          <label for="invite-name">{t('people.name')}</label>
          <input id="invite-name" required maxLength={100} value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          <label for="invite-email">{t('people.email')}</label>
          <input id="invite-email" type="email" required maxLength={254} value={form.email} onInput={(e) => setForm({ ...form, email: e.currentTarget.value })} />
          <label for="invite-role">{t('people.role')}</label>
          <select id="invite-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value as InvitedRole })}>
            {INVITED_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`platform.role.${role}`)}
              </option>
            ))}
          </select>
          <label for="invite-organisation">{t('people.organisationOptional')}</label>
          <input id="invite-organisation" maxLength={200} value={form.organisation} onInput={(e) => setForm({ ...form, organisation: e.currentTarget.value })} />
          <button type="submit" disabled={busy}>
            {t('people.invite.submit')}
          </button>
        </form>
      </section>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {actionError !== null && <ErrorMessage error={actionError} />}
      <section class="card" aria-labelledby="people-title">
        <h2 id="people-title">{t('people.title')}</h2>
        {loadError !== null ? (
          <ErrorMessage error={loadError} onRetry={load} />
        ) : !people ? (
          <p class="muted">{t('site.loading')}</p>
        ) : people.length === 0 ? (
          <p>{t('people.empty')}</p>
        ) : (
          <>
          <fieldset class="filters people-filters">
            <legend>{t('people.filter')}</legend>
            <label>
              {t('people.search')}
              <input type="search" placeholder={t('people.search.hint')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} data-people-search />
            </label>
            <label>
              {t('people.filter.role')}
              <select value={roleFilter} onChange={(e) => setRoleFilter(e.currentTarget.value)} data-people-role>
                <option value="">{t('people.filter.all')}</option>
                {[...new Set(people.map((p) => p.role))].map((role) => (
                  <option key={role} value={role}>
                    {t(`platform.role.${role}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('people.filter.status')}
              <select value={statusFilter} onChange={(e) => setStatusFilter(e.currentTarget.value)} data-people-status>
                <option value="">{t('people.filter.all')}</option>
                <option value="active">{t('people.status.active')}</option>
                <option value="revoked">{t('people.status.revoked')}</option>
              </select>
            </label>
          </fieldset>
          <p class="muted small" aria-live="polite" data-people-shown>
            {t('people.shown', { shown: shown.length, total: people.length })}
          </p>
          {shown.length === 0 ? (
            <p>{t('people.noMatch')}</p>
          ) : (
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('people.name')}</th>
                  <th scope="col">{t('people.email')}</th>
                  <th scope="col">{t('people.role')}</th>
                  <th scope="col">{t('people.organisation')}</th>
                  <th scope="col">{t('people.status')}</th>
                  <th scope="col">{t('people.since')}</th>
                  <th scope="col">{t('people.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={`${p.personId}`} data-person={p.email}>
                    <td>{p.name}</td>
                    <td>{p.email}</td>
                    <td>{t(`platform.role.${p.role}`)}</td>
                    <td>{p.organisation ?? ''}</td>
                    <td>{t(`people.status.${p.status}`)}</td>
                    <td>{formatDate(p.createdAt, locale)}</td>
                    <td>
                      {p.status === 'active' &&
                        (confirming === p.personId ? (
                          <span class="confirm" role="group" aria-label={t('people.revoke.confirm', { name: p.name })}>
                            <span>{t('people.revoke.confirm', { name: p.name })}</span>
                            <button type="button" class="danger" disabled={busy} onClick={() => revoke(p)}>
                              {t('people.revoke.yes')}
                            </button>
                            <button type="button" class="secondary" onClick={() => setConfirming(null)}>
                              {t('people.revoke.cancel')}
                            </button>
                          </span>
                        ) : (
                          <button type="button" class="secondary" onClick={() => setConfirming(p.personId)}>
                            {t('people.revoke')}
                          </button>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          )}
          </>
        )}
      </section>
    </div>
  );
}
