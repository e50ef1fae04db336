import { useLocation } from 'preact-iso';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApplicationFormResponse, ApplicationView, Receipt, SectionView } from '../../../shared/api/applications';
import { PROFILE_SECTION } from '../../../shared/api/application-constants';
import { GBT19580_2012 } from '../../../shared/criteria/gbt19580-2012';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { RequireRole } from '../ui/RequireRole';
import './apply.css';
import { Dashboard } from './Dashboard';
import { Documents } from './Documents';
import { LinkRequest } from './LinkRequest';
import { LockedPackage } from './PackageView';
import { ReceiptView } from './ReceiptView';
import { LazyRegistrationForm as RegistrationForm } from './lazy-registration';
import { SectionEditor } from './SectionEditor';
import { SubmitPanel } from './SubmitPanel';
import '../texts/apply';
import '../texts/terms';
import '../route-map-work'; // the work routes, known at once to this area's calls (web/src/route-map.ts)

type Load<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; value: T };

/** The rounds of the applicant's programme that are open for registration now, with their forms. */
async function openForms(call: ReturnType<typeof useAppState>['call'], programmeId: string, programmes: ReturnType<typeof useAppState>['loadProgrammes']) {
  const list = await programmes();
  const rounds = list.find((p) => p.programmeId === programmeId)?.rounds ?? [];
  const forms = await Promise.all(rounds.map((r) => call('applications.form', { params: { roundId: r.roundId } })));
  return forms.filter((f) => f.registrationOpen);
}

/** No application yet: register for an open round (or say that none is open). */
function Register({ onRegistered }: { onRegistered: (app: ApplicationView) => void }) {
  const state = useAppState();
  const t = useT();
  const locale = useLocale();
  const [forms, setForms] = useState<Load<ApplicationFormResponse[]>>({ state: 'loading' });
  const [chosen, setChosen] = useState(0);
  const session = state.session.value!;

  const load = useCallback(() => {
    setForms({ state: 'loading' });
    openForms(state.call, session.programmeId, () => state.loadProgrammes()).then(
      (value) => setForms({ state: 'ready', value }),
      (error: unknown) => setForms({ state: 'error', error }),
    );
  }, [state, session.programmeId]);
  useEffect(load, [load]);

  if (forms.state === 'loading') return <p class="muted">{t('site.loading')}</p>;
  if (forms.state === 'error') return <ErrorMessage error={forms.error} onRetry={load} />;
  if (forms.value.length === 0) {
    return (
      <section class="card">
        <h1>{t('apply.title')}</h1>
        <p>{t('apply.noOpenRound')}</p>
      </section>
    );
  }
  const form = forms.value[chosen] ?? forms.value[0]!;
  return (
    <div class="stack">
      <h1>{t('apply.title')}</h1>
      <p>{t('apply.registerIntro')}</p>
      {forms.value.length > 1 && (
        <div class="apply-field">
          <label for="apply-round">{t('apply.chooseRound')}</label>
          <select id="apply-round" value={String(chosen)} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
            {forms.value.map((f, i) => (
              <option key={f.roundId} value={String(i)}>
                {f.name[locale]}
              </option>
            ))}
          </select>
        </div>
      )}
      <RegistrationForm key={form.roundId} form={form} onRegistered={onRegistered} />
    </div>
  );
}

/** The package of a registered application: profile, 23 item texts, documents, formal submission. */
function Package({ app, form, onChanged, onSubmitted }: {
  app: ApplicationView;
  form: ApplicationFormResponse;
  onChanged: () => void;
  onSubmitted: (receipt: Receipt) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [unsaved, setUnsaved] = useState<readonly string[]>([]);
  const readOnly = app.status !== 'registered' || Date.now() >= Date.parse(app.submissionDeadline);
  const initial = useRef(new Map<string, SectionView>(app.sections.map((s) => [s.section, s]))).current;
  const documents = useRef(app.documents).current;
  const onDirty = useCallback((section: string, dirty: boolean) => {
    setUnsaved((list) => (dirty ? (list.includes(section) ? list : [...list, section]) : list.filter((s) => s !== section)));
  }, []);

  // Leaving with edits not yet saved: the browser asks first.
  useEffect(() => {
    if (unsaved.length === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved.length > 0]);

  const editor = (section: string) => (
    <SectionEditor
      key={section}
      applicationId={app.applicationId}
      section={section}
      initial={initial.get(section)}
      maxChars={section === PROFILE_SECTION ? app.rules.profileMaxChars : app.rules.itemMaxChars}
      readOnly={readOnly}
      onSaved={onChanged}
      onDirty={onDirty}
    />
  );

  return (
    <>
      <section class="card" aria-labelledby="profile-title">
        <h2 id="profile-title">{t('package.profile')}</h2>
        <p class="muted small">{t('package.autosave')}</p>
        {editor(PROFILE_SECTION)}
      </section>
      <section class="card" aria-labelledby="items-title">
        <h2 id="items-title">{t('package.items')}</h2>
        <p class="muted small">{t('package.itemsIntro')}</p>
        <p class="small" data-filled={form.sections.length - app.completeness.missingSections.length}>
          {t('package.filled', { filled: form.sections.length - app.completeness.missingSections.length, total: form.sections.length })}
        </p>
        {GBT19580_2012.categories.map((category) => (
          <fieldset key={category.id} class="category">
            <legend>
              {category.id} {category.name[locale]}
            </legend>
            {category.items.filter((i) => form.sections.includes(i.id)).map((item) => editor(item.id))}
          </fieldset>
        ))}
      </section>
      <section class="card" aria-labelledby="documents-title">
        <h2 id="documents-title">{t('documents.title')}</h2>
        <p class="muted small">{t('documents.intro')}</p>
        <Documents
          applicationId={app.applicationId}
          documents={documents}
          limits={{ allowedTypes: form.allowedTypes, maxFileBytes: form.maxFileBytes, requiredDocuments: app.rules.requiredDocuments }}
          readOnly={readOnly}
          onChange={onChanged}
        />
      </section>
      {app.status === 'registered' && (
        <SubmitPanel
          applicationId={app.applicationId}
          completeness={app.completeness}
          unsaved={unsaved}
          deadline={app.submissionDeadline}
          onSubmitted={onSubmitted}
        />
      )}
    </>
  );
}

/** The signed-in applicant's workspace. */
function Workspace() {
  const state = useAppState();
  const t = useT();
  const locale = useLocale();
  const [apps, setApps] = useState<Load<ApplicationView[]>>({ state: 'loading' });
  const [form, setForm] = useState<Load<ApplicationFormResponse> | null>(null);
  const refreshTimer = useRef<ReturnType<typeof setTimeout>>();

  const load = useCallback(() => {
    setApps({ state: 'loading' });
    state.call('applications.mine').then(
      (res) => setApps({ state: 'ready', value: [...res.applications] }),
      (error: unknown) => setApps({ state: 'error', error }),
    );
  }, [state]);
  useEffect(load, [load]);
  useEffect(() => () => clearTimeout(refreshTimer.current), []);

  // The newest application that is not withdrawn, else the newest.
  const app = apps.state === 'ready' ? (apps.value.find((a) => a.status !== 'withdrawn') ?? apps.value[0]) : undefined;
  const roundId = app?.roundId;

  const loadForm = useCallback(() => {
    if (!roundId) return;
    setForm({ state: 'loading' });
    state.call('applications.form', { params: { roundId } }).then(
      (value) => setForm({ state: 'ready', value }),
      (error: unknown) => setForm({ state: 'error', error }),
    );
  }, [state, roundId]);
  useEffect(loadForm, [loadForm]);

  const replace = (next: ApplicationView) =>
    setApps((current) =>
      current.state === 'ready' ? { state: 'ready', value: current.value.map((a) => (a.applicationId === next.applicationId ? next : a)) } : current,
    );

  // Saves and verified documents change what is missing: read the application again, at most every 700 ms.
  const refresh = useCallback(() => {
    if (!app) return;
    clearTimeout(refreshTimer.current);
    const applicationId = app.applicationId;
    refreshTimer.current = setTimeout(() => {
      state.call('applications.get', { params: { applicationId } }).then(replace, () => undefined);
    }, 700);
  }, [state, app?.applicationId]);

  const roundName = useMemo(() => {
    if (form?.state === 'ready') return form.value.name[locale];
    return undefined;
  }, [form, locale]);

  if (apps.state === 'loading') return <p class="muted">{t('site.loading')}</p>;
  if (apps.state === 'error') return <ErrorMessage error={apps.error} onRetry={load} />;
  if (!app) return <Register onRegistered={(created) => setApps({ state: 'ready', value: [created] })} />;

  return (
    <div class="stack apply">
      <Dashboard app={app} {...(roundName ? { roundName } : {})} onWithdrawn={replace} />
      {app.receipt && <ReceiptView receipt={app.receipt} {...(roundName ? { programmeName: roundName } : {})} />}
      {app.status === 'withdrawn' && <p class="notice">{t('apply.withdrawn')}</p>}
      {app.status !== 'registered' ? (
        <LockedPackage app={app} />
      ) : form === null || form.state === 'loading' ? (
        <p class="muted">{t('site.loading')}</p>
      ) : form.state === 'error' ? (
        <ErrorMessage error={form.error} onRetry={loadForm} />
      ) : (
        <Package
          key={app.applicationId}
          app={app}
          form={form.value}
          onChanged={refresh}
          onSubmitted={(receipt) => {
            replace({ ...app, status: 'submitted', receipt, submittedAt: receipt.submittedAt });
            requestAnimationFrame(() => document.getElementById('receipt-title')?.focus());
            state.call('applications.get', { params: { applicationId: app.applicationId } }).then(
              replace,
              () => undefined,
            );
          }}
        />
      )}
    </div>
  );
}

/** The applicant's area: asking for a link, registering, the package, submission and the dashboard. */
export function ApplyArea() {
  const state = useAppState();
  const t = useT();
  const { query } = useLocation();
  if (state.sessionChecked.value && !state.session.value) return <LinkRequest />;
  // Came from another award's call while signed in to this one (issue #14 part 2): a link for that award, not this dashboard.
  const session = state.session.value;
  if (session && session.role === 'applicant' && query.programme && query.programme !== session.programmeId) return <LinkRequest signedInTo={session.programmeId} />;
  if (!state.sessionChecked.value) return <p class="muted">{t('site.loading')}</p>;
  return (
    <RequireRole roles={['applicant']}>
      <Workspace />
    </RequireRole>
  );
}
