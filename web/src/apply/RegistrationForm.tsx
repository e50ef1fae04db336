import { useMemo, useRef, useState } from 'preact/hooks';
import type { ApplicationFormResponse, ApplicationView } from '../../../shared/api/applications';
import { ORGANISATION_SIZES } from '../../../shared/api/application-constants';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatMoment } from './format';
import {
  creditCodeHint,
  emptyDeclarations,
  emptyOrganisation,
  FIELD_MAX,
  registrationBody,
  validateRegistration,
  type DeclarationFields,
  type FieldProblem,
  type OrganisationFields,
  type Problems,
} from './registration';
import '../texts/apply';
import '../texts/terms';

const TEXT_FIELDS = [
  ['name', 'register.name', 'organization'],
  ['creditCode', 'register.creditCode', 'off'],
  ['district', 'register.district', 'address-level2'],
  ['industry', 'register.industry', 'off'],
  ['address', 'register.address', 'street-address'],
  ['legalRepresentative', 'register.legalRepresentative', 'off'],
  ['contactPerson', 'register.contactPerson', 'name'],
  ['phone', 'register.phone', 'tel'],
  ['email', 'register.email', 'email'],
] as const;

/** Registers the organisation for an open round: its details and the self-declarations of the round's checklist. */
export function RegistrationForm({ form, onRegistered }: { form: ApplicationFormResponse; onRegistered: (app: ApplicationView) => void }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [org, setOrg] = useState<OrganisationFields>(emptyOrganisation);
  const [decl, setDecl] = useState<DeclarationFields>(emptyDeclarations);
  const [problems, setProblems] = useState<Problems>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const kinds = useMemo(() => new Set(form.checklist.map((c) => c.kind)), [form]);
  // The round's own numbers (years, rounds) for the declarations' wording; DOMAIN.md defaults if a rule leaves one out.
  const numberOf = (kind: string, key: 'years' | 'minYears' | 'rounds', fallback: number) => form.checklist.find((c) => c.kind === kind)?.[key] ?? fallback;
  const say = (p: FieldProblem) => t(p.key, p.params);

  const setField = (field: keyof OrganisationFields, value: string) => {
    const next = { ...org, [field]: value };
    setOrg(next);
    if (tried) setProblems(validateRegistration(next, decl, kinds));
  };
  const setDeclaration = (patch: Partial<DeclarationFields>) => {
    const next = { ...decl, ...patch };
    setDecl(next);
    if (tried) setProblems(validateRegistration(org, next, kinds));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    const found = validateRegistration(org, decl, kinds);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      // Move to the first field with a problem, in the form's order.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onRegistered(await call('applications.register', { body: registrationBody(form.roundId, org, decl, kinds) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const codeHint = creditCodeHint(org.creditCode);
  const fieldError = (id: string) => {
    const p = problems[id];
    return p ? (
      <p class="field-error" id={`reg-${id}-error`}>
        {say(p)}
      </p>
    ) : null;
  };
  const invalid = (id: string) => (problems[id] ? { 'aria-invalid': true as const, 'aria-describedby': `reg-${id}-error` } : {});
  const problemCount = Object.keys(problems).length;

  return (
    <section class="card" aria-labelledby="register-title">
      <h2 id="register-title">{t('register.title')}</h2>
      <p>{form.name[locale]}</p>
      <p class="muted small">
        {t('register.window', { closes: formatMoment(form.registrationCloses, locale), deadline: formatMoment(form.submissionDeadline, locale) })}
      </p>
      <form ref={formRef} class="apply-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('register.organisation')}</legend>
          {TEXT_FIELDS.map(([field, label, autoComplete]) => (
            <div class="apply-field" key={field}>
              <label for={`reg-${field}`}>{t(label)}</label>
              <input
                id={`reg-${field}`}
                name={field}
                type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                autoComplete={autoComplete}
                maxLength={field === 'creditCode' ? 40 : FIELD_MAX[field]}
                value={org[field]}
                onInput={(e) => setField(field, e.currentTarget.value)}
                {...invalid(field)}
                {...(field === 'creditCode' && !problems.creditCode ? { 'aria-describedby': 'reg-creditCode-hint' } : {})}
              />
              {field === 'creditCode' && !problems.creditCode && (
                <p class="muted small" id="reg-creditCode-hint" data-credit-code={codeHint === 'valid' ? 'valid' : codeHint ? 'invalid' : 'empty'}>
                  {codeHint === 'valid' ? t('register.creditCode.valid') : codeHint ? say(codeHint) : t('register.creditCode.hint')}
                </p>
              )}
              {fieldError(field)}
            </div>
          ))}
          <div class="apply-field">
            <label for="reg-size">{t('register.size')}</label>
            <select id="reg-size" value={org.size} onChange={(e) => setField('size', e.currentTarget.value)} {...invalid('size')}>
              <option value="">{t('register.choose')}</option>
              {ORGANISATION_SIZES.map((size) => (
                <option key={size} value={size}>
                  {t(`application.size.${size}`)}
                </option>
              ))}
            </select>
            {fieldError('size')}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('register.declarations')}</legend>
          <p class="muted small">{t('register.declarationsIntro')}</p>
          <div class="apply-field">
            <label for="reg-establishedOn">{t('register.establishedOn')}</label>
            {kinds.has('operatingYears') && <p class="muted small">{t('register.operatingYearsHint', { minYears: numberOf('operatingYears', 'minYears', 3) })}</p>}
            <input
              id="reg-establishedOn"
              type="date"
              value={decl.establishedOn}
              onInput={(e) => setDeclaration({ establishedOn: e.currentTarget.value })}
              {...invalid('establishedOn')}
            />
            {fieldError('establishedOn')}
          </div>
          {kinds.has('legalPerson') && (
            <label class="check">
              <input type="checkbox" checked={decl.legalPerson} onChange={(e) => setDeclaration({ legalPerson: e.currentTarget.checked })} />
              {t('register.declare.legalPerson')}
            </label>
          )}
          {kinds.has('noMajorIncident') && (
            <div class="apply-field">
              <label class="check">
                <input type="checkbox" checked={decl.noMajorIncident} onChange={(e) => setDeclaration({ noMajorIncident: e.currentTarget.checked })} />
                {t('register.declare.noMajorIncident', { years: numberOf('noMajorIncident', 'years', 3) })}
              </label>
              {!decl.noMajorIncident && (
                <div class="date-list" role="group" aria-label={t('register.incidents')}>
                  {decl.incidents.map((incident, i) => (
                    <div class="date-row" key={i}>
                      <input
                        type="date"
                        aria-label={t('register.incidentDate', { n: i + 1 })}
                        value={incident.date}
                        onInput={(e) => setDeclaration({ incidents: decl.incidents.map((x, j) => (j === i ? { ...x, date: e.currentTarget.value } : x)) })}
                        {...invalid(`incident.${i}`)}
                      />
                      <select
                        aria-label={t('register.incidentKind', { n: i + 1 })}
                        value={incident.kind}
                        onChange={(e) =>
                          setDeclaration({
                            incidents: decl.incidents.map((x, j) => (j === i ? { ...x, kind: e.currentTarget.value as typeof x.kind } : x)),
                          })
                        }
                      >
                        {(['quality', 'safety', 'environment'] as const).map((k) => (
                          <option key={k} value={k}>
                            {t(`register.incident.${k}`)}
                          </option>
                        ))}
                      </select>
                      <button type="button" class="secondary" onClick={() => setDeclaration({ incidents: decl.incidents.filter((_, j) => j !== i) })}>
                        {t('register.remove')}
                      </button>
                      {fieldError(`incident.${i}`)}
                    </div>
                  ))}
                  <button type="button" class="secondary" onClick={() => setDeclaration({ incidents: [...decl.incidents, { date: '', kind: 'quality' }] })}>
                    {t('register.addIncident')}
                  </button>
                  {fieldError('incidents')}
                </div>
              )}
            </div>
          )}
          {kinds.has('noSeriousPenalty') && (
            <div class="apply-field">
              <label class="check">
                <input type="checkbox" checked={decl.noSeriousPenalty} onChange={(e) => setDeclaration({ noSeriousPenalty: e.currentTarget.checked })} />
                {t('register.declare.noSeriousPenalty', { years: numberOf('noSeriousPenalty', 'years', 1) })}
              </label>
              {!decl.noSeriousPenalty && (
                <div class="date-list" role="group" aria-label={t('register.penalties')}>
                  {decl.penalties.map((date, i) => (
                    <div class="date-row" key={i}>
                      <input
                        type="date"
                        aria-label={t('register.penaltyDate', { n: i + 1 })}
                        value={date}
                        onInput={(e) => setDeclaration({ penalties: decl.penalties.map((x, j) => (j === i ? e.currentTarget.value : x)) })}
                        {...invalid(`penalty.${i}`)}
                      />
                      <button type="button" class="secondary" onClick={() => setDeclaration({ penalties: decl.penalties.filter((_, j) => j !== i) })}>
                        {t('register.remove')}
                      </button>
                      {fieldError(`penalty.${i}`)}
                    </div>
                  ))}
                  <button type="button" class="secondary" onClick={() => setDeclaration({ penalties: [...decl.penalties, ''] })}>
                    {t('register.addPenalty')}
                  </button>
                  {fieldError('penalties')}
                </div>
              )}
            </div>
          )}
          {kinds.has('goodCredit') && (
            <label class="check">
              <input type="checkbox" checked={decl.goodCreditRecord} onChange={(e) => setDeclaration({ goodCreditRecord: e.currentTarget.checked })} />
              {t('register.declare.goodCredit')}
            </label>
          )}
          {kinds.has('performanceExcellence') && (
            <label class="check">
              <input
                type="checkbox"
                checked={decl.appliesPerformanceExcellence}
                onChange={(e) => setDeclaration({ appliesPerformanceExcellence: e.currentTarget.checked })}
              />
              {t('register.declare.performanceExcellence')}
            </label>
          )}
          {kinds.has('notRecentWinner') && (
            <div class="apply-field">
              <label class="check">
                <input type="checkbox" checked={decl.wonBefore} onChange={(e) => setDeclaration({ wonBefore: e.currentTarget.checked })} />
                {t('register.declare.wonBefore')}
              </label>
              <p class="muted small">{t('register.cooldownHint', { rounds: numberOf('notRecentWinner', 'rounds', 3) })}</p>
              {decl.wonBefore && (
                <>
                  <label for="reg-roundsSinceLastWin">{t('register.roundsSinceLastWin')}</label>
                  <input
                    id="reg-roundsSinceLastWin"
                    type="number"
                    min={1}
                    max={100}
                    value={decl.roundsSinceLastWin}
                    onInput={(e) => setDeclaration({ roundsSinceLastWin: e.currentTarget.value })}
                    {...invalid('roundsSinceLastWin')}
                  />
                  {fieldError('roundsSinceLastWin')}
                </>
              )}
            </div>
          )}
          <p class="muted small">{t('register.officeDecides')}</p>
        </fieldset>

        {problemCount > 0 && (
          <p class="field-error" role="alert">
            {t('register.fix', { count: problemCount })}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t(busy ? 'register.submitting' : 'register.submit')}
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
