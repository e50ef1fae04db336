import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RoundView } from '../../../../shared/api/rounds';
import type { MessageKey } from '../../../../shared/messages';
import { ApiError } from '../../api';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { industrySectionName } from '../../../../shared/pool/industries';
import { browserTimeZone, CONFIG_FIELD_KEYS, configFromForm, formFromRound, isLocked, valueAt, type ConfigFieldKey, type FormValues } from './config-form';
import { departmentName, roundHref, stageName } from './format';
import { IssueSummary } from './IssueSummary';
import { issuesOf, TARGET_LABEL, useFocusFirstProblem } from './issues';
import { RoundFields } from './RoundFields';
import { deferred } from '../../ui/deferred';
import '../../texts/rounds';
import '../../texts/terms';

/** The form being edited: its values and what they were when it opened (left alone, a date goes back exactly as read). */
interface Draft {
  readonly values: FormValues;
  readonly initial: FormValues;
}

const draftOf = (round: RoundView): Draft => {
  const values = formFromRound(round.roundId, round.name, round.config);
  return { values, initial: values };
};

/** The configuration as it stands, read-only (a missing part as a dash); locked settings are marked. */
function ConfigFacts({ round }: { round: RoundView }) {
  const t = useT();
  const locale = useLocale();
  const shown = (key: ConfigFieldKey): ComponentChildren => {
    const value = valueAt(round.config, key);
    if (key.startsWith('dates.')) return typeof value === 'string' ? formatDateTime(value, locale) : '—';
    if (key === 'opinionDepartments') return Array.isArray(value) ? (value.length ? value.map((d: string) => departmentName(t, d)).join(locale === 'zh-CN' ? '、' : ', ') : t('rounds.field.none')) : '—';
    if (typeof value === 'boolean') return t(value ? 'rounds.field.yes' : 'rounds.field.no');
    // A stage's field mix: each field by its name, with how many members at least.
    if (key.startsWith('draw.mix.') && Array.isArray(value)) {
      if (value.length === 0) return t('rounds.field.drawMixNone');
      return value
        .map((m: { section: string; min: number }) => t('rounds.field.drawMixItem', { field: industrySectionName(m.section, locale), min: m.min }))
        .join(locale === 'zh-CN' ? '；' : '; ');
    }
    return typeof value === 'number' ? value : '—';
  };
  const row = (key: string, label: MessageKey, value: ComponentChildren, locked = false) => (
    <>
      <dt>{t(label)}</dt>
      <dd data-fact={key}>
        {value}
        {locked && <span class="badge locked-badge">{t('rounds.edit.locked')}</span>}
      </dd>
    </>
  );
  const eligibility = round.config.eligibility;
  return (
    <>
      <p class="muted small">{t('rounds.dates.timeZone', { zone: browserTimeZone() })}</p>
      <dl class="facts config-facts">
        {row('name.zh-CN', 'rounds.field.nameZh', <span lang="zh-CN">{round.name['zh-CN']}</span>)}
        {row('name.en', 'rounds.field.nameEn', <span lang="en">{round.name.en}</span>)}
        {CONFIG_FIELD_KEYS.map((key) => row(key, TARGET_LABEL[key], shown(key), isLocked(key, round.lockedFields)))}
        {row('edition', 'rounds.field.edition', round.config.edition ?? '—')}
        {row('eligibility', 'rounds.field.eligibility', Array.isArray(eligibility) ? t('rounds.field.eligibilityCount', { count: eligibility.length }) : '—')}
      </dl>
    </>
  );
}

/**
 * One round: its stage (moved on the review board, not here), its configuration, and the form to change
 * it while that is still fair. The form sends the version it was read at; a change made elsewhere meanwhile
 * is refused (409) and never overwritten — the office reloads and makes its change again.
 */
// The round's public call (issue #14 part 2) loads in its own chunk once the page shows.
const CallEditor = deferred(() => import('../../portal/CallEditor').then((m) => m.CallEditor));

export function RoundPage({ roundId }: { roundId: string }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [round, setRound] = useState<RoundView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const latest = useRef(0);
  const issues = useMemo(() => issuesOf(saveError, locale, t), [saveError, locale]);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstProblem(formRef, issues);

  // Reads the round; an open form starts again from what is stored now.
  const load = useCallback(() => {
    const ticket = ++latest.current;
    setLoadError(null);
    call('rounds.get', { params: { roundId } }).then(
      (res) => {
        if (ticket !== latest.current) return;
        setRound(res);
        setStale(false);
        setSaveError(null);
        setDraft((open) => (open && res.configurable ? draftOf(res) : null));
      },
      (e: unknown) => ticket === latest.current && setLoadError(e),
    );
  }, [call, roundId]);
  useEffect(load, [load]);

  if (loadError !== null && !round) return <ErrorMessage error={loadError} onRetry={load} />;
  if (!round) return <p class="muted">{t('site.loading')}</p>;

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft || stale) return;
    setBusy(true);
    setSaveError(null);
    setNotice(null);
    try {
      const saved = await call('rounds.configure', {
        params: { roundId },
        body: {
          name: { 'zh-CN': draft.values['name.zh-CN'].trim(), en: draft.values['name.en'].trim() },
          config: configFromForm(draft.values, { config: round.config, initial: draft.initial, lockedFields: round.lockedFields }),
          version: round.version,
        },
      });
      setRound(saved);
      setDraft(null);
      setNotice(t('rounds.edit.saved', { version: saved.version }));
    } catch (e) {
      // Changed elsewhere since it was read: say so and offer to reload; the changes are never sent again on their own.
      if (e instanceof ApiError && e.status === 409) setStale(true);
      else setSaveError(e);
    } finally {
      setBusy(false);
    }
  };

  const locked = round.lockedFields.length > 0;

  return (
    <div class="stack" data-round-page={round.roundId}>
      <p>
        <a href="/admin/rounds">{t('rounds.page.back')}</a>
      </p>
      <section class="card" aria-labelledby="round-title">
        <h2 id="round-title">
          {round.name[locale]} <code>{round.roundId}</code>
        </h2>
        <p data-stage={round.stage}>
          {t('rounds.page.stage', { stage: stageName(t, round.stage) })}
          {round.stageSince && ` · ${t('rounds.page.stageSince', { since: formatDateTime(round.stageSince, locale) })}`}
        </p>
        {round.noticeOpenedAt && round.noticeEndsAt && (
          <p>{t('rounds.page.notice', { opened: formatDateTime(round.noticeOpenedAt, locale), ends: formatDateTime(round.noticeEndsAt, locale) })}</p>
        )}
        <p class="muted small">{t('rounds.page.stageNote')}</p>
        <p class="round-links">
          <a class="button" href={roundHref.board(round.roundId)}>
            {t('rounds.link.board')}
          </a>
          <a href={roundHref.supervise(round.roundId)}>{t('rounds.link.supervise')}</a>
        </p>
      </section>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {loadError !== null && <ErrorMessage error={loadError} onRetry={load} />}
      <section class="card" aria-labelledby="round-config-title">
        <h2 id="round-config-title">{t('rounds.page.configuration')}</h2>
        <p class="muted small">{t('rounds.page.meta', { created: formatDateTime(round.createdAt, locale), version: round.version })}</p>
        <ConfigFacts round={round} />
        {!round.configurable ? (
          <p class="notice" data-not-configurable>
            {t('rounds.edit.notConfigurable')}
          </p>
        ) : (
          !draft && (
            <p>
              <button
                type="button"
                onClick={() => {
                  setNotice(null);
                  setSaveError(null);
                  setDraft(draftOf(round));
                }}
              >
                {t('rounds.edit.open')}
              </button>
            </p>
          )
        )}
      </section>
      {round.configurable && draft && (
        <section class="card" aria-labelledby="round-edit-title">
          <h2 id="round-edit-title">{t('rounds.edit.title')}</h2>
          {locked && (
            <p class="notice" id="round-locked-note">
              {t('rounds.edit.lockedNote')}
            </p>
          )}
          <form ref={formRef} class="round-form" onSubmit={save}>
            <RoundFields
              prefix="edit"
              values={draft.values}
              onChange={(key, value) => setDraft((d) => (d ? { ...d, values: { ...d.values, [key]: value } } : d))}
              issues={issues}
              lockedFields={round.lockedFields}
              withRoundId={false}
              disabled={busy}
              {...(locked ? { lockedNoteId: 'round-locked-note' } : {})}
            />
            {stale && (
              <div class="error" role="alert" data-error-code="CONFLICT">
                <p class="error-main">{t('rounds.edit.stale', { version: round.version })}</p>
                <button type="button" class="secondary" onClick={load}>
                  {t('rounds.edit.reload')}
                </button>
              </div>
            )}
            {saveError !== null && <IssueSummary error={saveError} issues={issues} />}
            <div class="form-actions">
              <button type="submit" disabled={busy || stale}>
                {t('rounds.edit.submit')}
              </button>
              <button type="button" class="secondary" disabled={busy} onClick={() => setDraft(null)}>
                {t('rounds.edit.cancel')}
              </button>
            </div>
          </form>
        </section>
      )}
      <CallEditor roundId={round.roundId} onChanged={load} />
    </div>
  );
}
