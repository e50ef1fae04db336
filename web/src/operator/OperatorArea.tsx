import { useCallback, useEffect, useState } from 'preact/hooks';
import { DEFAULT_PROGRAMME_TIME_ZONE, PROGRAMME_LEVELS, type ProgrammeLevel, type ProgrammeView } from '../../../shared/api/programmes';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { RequireRole } from '../ui/RequireRole';
import '../texts/operator';
import './operator.css';
import '../route-map-work'; // the work routes, known at once to this area's calls (web/src/route-map.ts)

const EMPTY_FORM = { programmeId: '', nameZh: '', nameEn: '', level: 'district' as ProgrammeLevel, issuingZh: '', issuingEn: '', timeZone: DEFAULT_PROGRAMME_TIME_ZONE, recommendsTo: '' };

/** The platform operator's area (issue #14): the programmes, creating one, inviting a programme's administrator. */
export function OperatorArea() {
  const t = useT();
  return (
    <RequireRole roles={['operator']}>
      <h1>{t('operator.title')}</h1>
      <p class="muted">{t('operator.intro')}</p>
      <Programmes />
    </RequireRole>
  );
}

function Programmes() {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [programmes, setProgrammes] = useState<readonly ProgrammeView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [createError, setCreateError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState(EMPTY_FORM);
  const [inviting, setInviting] = useState<string | null>(null);

  const load = useCallback(() => {
    setLoadError(null);
    call('operator.programmes').then((res) => setProgrammes(res.programmes), setLoadError);
  }, [call]);
  useEffect(load, [load]);

  const nameOf = (programmeId: string) => programmes?.find((p) => p.programmeId === programmeId)?.name[locale] ?? t('operator.recommendsTo.none');

  const create = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setCreateError(null);
    setNotice(null);
    try {
      const created = await call('operator.createProgramme', {
        body: {
          programmeId: form.programmeId.trim(),
          name: { 'zh-CN': form.nameZh, en: form.nameEn },
          level: form.level,
          issuingBody: { 'zh-CN': form.issuingZh, en: form.issuingEn },
          timeZone: form.timeZone.trim() || DEFAULT_PROGRAMME_TIME_ZONE,
          ...(form.recommendsTo ? { recommendsTo: form.recommendsTo } : {}),
        },
      });
      setNotice(t('operator.created', { programme: created.name[locale] }));
      setForm(EMPTY_FORM);
      setInviting(created.programmeId);
      load();
    } catch (e) {
      setCreateError(e);
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof typeof EMPTY_FORM) => ({
    value: form[key],
    onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }),
  });

  return (
    <div class="stack">
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <section class="card" aria-labelledby="operator-list-title">
        <h2 id="operator-list-title">{t('operator.list')}</h2>
        {loadError !== null ? (
          <ErrorMessage error={loadError} onRetry={load} />
        ) : !programmes ? (
          <p class="muted">{t('site.loading')}</p>
        ) : programmes.length === 0 ? (
          <p>{t('operator.empty')}</p>
        ) : (
          <ul class="operator-programmes" data-programmes>
            {programmes.map((p) => (
              <li key={p.programmeId} class="operator-programme" data-programme={p.programmeId}>
                <h3>{p.name[locale]}</h3>
                <dl class="facts">
                  <dt>{t('operator.create.level')}</dt>
                  <dd>{t(p.level ? `operator.level.${p.level}` : 'operator.level.unknown')}</dd>
                  {p.issuingBody && (
                    <>
                      <dt>{t('operator.issuingBody')}</dt>
                      <dd>{p.issuingBody[locale]}</dd>
                    </>
                  )}
                  <dt>{t('operator.timeZone')}</dt>
                  <dd>{p.timeZone === DEFAULT_PROGRAMME_TIME_ZONE ? t('operator.timeZone.beijing') : p.timeZone}</dd>
                  {p.recommendsTo && (
                    <>
                      <dt>{t('operator.recommendsTo')}</dt>
                      <dd>{nameOf(p.recommendsTo)}</dd>
                    </>
                  )}
                  <dt>{t('operator.admins')}</dt>
                  <dd data-admins>
                    {p.admins.length === 0
                      ? t('operator.admins.none')
                      : p.admins.map((a) => `${a.name}（${a.email}）${a.status === 'revoked' ? ` · ${t('operator.admin.revoked')}` : ''}`).join('；')}
                  </dd>
                </dl>
                {inviting === p.programmeId ? (
                  <InviteAdmin programme={p} onDone={(message) => { setInviting(null); setNotice(message); load(); }} onCancel={() => setInviting(null)} />
                ) : (
                  <button type="button" class="secondary" onClick={() => { setNotice(null); setInviting(p.programmeId); }}>
                    {t('operator.invite.open')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="card" aria-labelledby="operator-create-title">
        <h2 id="operator-create-title">{t('operator.create.title')}</h2>
        <form class="form grid-form" onSubmit={create} data-create-programme>
          <label for="programme-id">{t('operator.create.id')}</label>
          <div>
            <input id="programme-id" required minLength={3} maxLength={40} pattern="[a-z][a-z0-9]*(-[a-z0-9]+)*" autoComplete="off" aria-describedby="programme-id-hint" {...field('programmeId')} />
            <p id="programme-id-hint" class="muted">
              {t('operator.create.id.hint')}
            </p>
          </div>
          <label for="programme-name-zh">{t('operator.create.nameZh')}</label>
          <input id="programme-name-zh" required maxLength={100} {...field('nameZh')} />
          <label for="programme-name-en">{t('operator.create.nameEn')}</label>
          <input id="programme-name-en" required maxLength={200} {...field('nameEn')} />
          <label for="programme-level">{t('operator.create.level')}</label>
          <select id="programme-level" value={form.level} onChange={(e) => setForm({ ...form, level: e.currentTarget.value as ProgrammeLevel })}>
            {PROGRAMME_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`operator.level.${level}`)}
              </option>
            ))}
          </select>
          <label for="programme-issuing-zh">{t('operator.create.issuingZh')}</label>
          <input id="programme-issuing-zh" required maxLength={100} {...field('issuingZh')} />
          <label for="programme-issuing-en">{t('operator.create.issuingEn')}</label>
          <input id="programme-issuing-en" required maxLength={200} {...field('issuingEn')} />
          <label for="programme-tz">{t('operator.timeZone')}</label>
          <div>
            <input id="programme-tz" maxLength={64} aria-describedby="programme-tz-hint" {...field('timeZone')} />
            <p id="programme-tz-hint" class="muted">
              {t('operator.timeZone.hint')}
            </p>
          </div>
          <label for="programme-recommends">{t('operator.recommendsTo')}</label>
          <select id="programme-recommends" value={form.recommendsTo} onChange={(e) => setForm({ ...form, recommendsTo: e.currentTarget.value })}>
            <option value="">{t('operator.recommendsTo.none')}</option>
            {(programmes ?? []).map((p) => (
              <option key={p.programmeId} value={p.programmeId}>
                {p.name[locale]}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            {t('operator.create.submit')}
          </button>
        </form>
        {createError !== null && <ErrorMessage error={createError} />}
      </section>
    </div>
  );
}

/** The form that invites a programme's administrator (the invited person is mailed a sign-in link). */
function InviteAdmin({ programme, onDone, onCancel }: { programme: ProgrammeView; onDone: (message: string) => void; onCancel: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = `invite-${programme.programmeId}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { person } = await call('operator.inviteAdmin', { params: { programmeId: programme.programmeId }, body: { name, email, locale } });
      onDone(t('operator.invite.sent', { email: person.email, name: person.name, programme: programme.name[locale] }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form grid-form" onSubmit={submit} aria-labelledby={`${id}-title`} data-invite-admin>
      <h4 id={`${id}-title`}>{t('operator.invite.title', { programme: programme.name[locale] })}</h4>
      <label for={`${id}-name`}>{t('operator.invite.name')}</label>
      <input id={`${id}-name`} required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <label for={`${id}-email`}>{t('operator.invite.email')}</label>
      <input id={`${id}-email`} type="email" required maxLength={254} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('operator.invite.submit')}
        </button>
        <button type="button" class="secondary" onClick={onCancel} disabled={busy}>
          {t('operator.cancel')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}
