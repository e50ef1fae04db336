import type { InputHTMLAttributes } from 'preact';
import type { MessageKey } from '../../../../shared/messages';
import { GBT4754_SECTIONS, INDUSTRY_SECTIONS, industrySectionName } from '../../../../shared/pool/industries';
import { REVIEW_STAGES } from '../../../../shared/api/review-stages';
import { useLocale, useT } from '../../i18n';
import { browserTimeZone, isLocked, mixRows, mixValue, weightSumPerMille, type FieldKey, type FormValues, type IssueTarget, type MixRow } from './config-form';
import { DATE_FIELDS, FORM_DEFAULTS } from './defaults';
import { inputId, TARGET_LABEL, type FormIssues } from './issues';
import '../../texts/rounds';
import '../../texts/terms';

/** What the form shows and where its problems go. */
export interface RoundFieldsProps {
  /** Prefix of the inputs' ids (two forms never share a page, but tests and labels need them unique). */
  readonly prefix: string;
  readonly values: FormValues;
  readonly onChange: (key: FieldKey, value: string) => void;
  readonly issues: FormIssues;
  /** Settings that can no longer change (disabled, marked locked). */
  readonly lockedFields?: readonly string[];
  /** A new round: its id can be chosen (it never changes afterwards). */
  readonly withRoundId: boolean;
  readonly disabled?: boolean;
  /** Id of the note explaining why settings are locked. */
  readonly lockedNoteId?: string;
}

const d = FORM_DEFAULTS;
const DEFAULT_OF: Partial<Record<FieldKey, string | number>> = {
  winnersQuota: d.winnersQuota,
  candidateThreshold: d.candidateThreshold,
  'weights.material': d.weights.material,
  'weights.onSite': d.weights.onSite,
  'weights.defense': d.weights.defense,
  publicNoticeDays: d.publicNoticeDays,
  'teams.materialReviewMin': d.teams.materialReviewMin,
  'teams.onSiteMin': d.teams.onSiteMin,
  'teams.defensePanelMin': d.teams.defensePanelMin,
  divergenceThreshold: d.divergenceThreshold,
  reliabilityFlagOffset: d.reliabilityFlagOffset,
  'draw.loadCap': d.draw.loadCap,
};

/** Number inputs: their bounds as the schema sets them (a hint for the browser; the server decides). */
const NUMBER_INPUT: Partial<Record<FieldKey, { min: number; max: number; step: number | string }>> = {
  winnersQuota: { min: 1, max: 1000, step: 1 },
  candidateThreshold: { min: 0, max: 1000, step: 1 },
  'weights.material': { min: 0, max: 1, step: 0.001 },
  'weights.onSite': { min: 0, max: 1, step: 0.001 },
  'weights.defense': { min: 0, max: 1, step: 0.001 },
  publicNoticeDays: { min: 1, max: 90, step: 1 },
  'teams.materialReviewMin': { min: 2, max: 100, step: 1 },
  'teams.onSiteMin': { min: 2, max: 100, step: 1 },
  'teams.defensePanelMin': { min: 1, max: 100, step: 1 },
  divergenceThreshold: { min: 5, max: 100, step: 1 },
  reliabilityFlagOffset: { min: 1, max: 100, step: 1 },
  siteVisitShortlistSize: { min: 1, max: 1000, step: 1 },
  'draw.loadCap': { min: 1, max: 100, step: 1 },
};

/** The group an input belongs to, where the server may name a problem of the whole group (`weights`: their sum). */
const GROUPS = ['name', 'dates', 'weights', 'teams', 'reminders', 'draw', 'feedback'] as const satisfies readonly IssueTarget[];
const groupOf = (key: FieldKey): IssueTarget | null => GROUPS.find((group) => key.startsWith(`${group}.`)) ?? null;

/** A weight sum in thousandths, written like the weights themselves (1, 0.9, 1.05). */
const perMilleText = (perMille: number) => String(perMille / 1000);

/** The inputs of a round's name and configuration, each with its problems from the server and, when locked, why it cannot change. */
export function RoundFields({ prefix, values, onChange, issues, lockedFields = [], withRoundId, disabled = false, lockedNoteId }: RoundFieldsProps) {
  const t = useT();
  const id = (key: FieldKey | IssueTarget) => inputId(prefix, key);
  const locked = (key: FieldKey) => isLocked(key, lockedFields);

  const problems = (target: IssueTarget) => {
    const texts = issues.at(target);
    return texts.length === 0 ? null : (
      <ul class="field-error" id={`${id(target)}-error`} data-issues-for={target}>
        {texts.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    );
  };

  // Hint, locked note and problems are read out with the input; a problem of its group (the weights' sum …) marks
  // each input of the group, so it is read out with them and the focus has an input to go to after the refusal.
  const described = (key: FieldKey, hint: boolean) => {
    const group = groupOf(key);
    const errors = [issues.at(key).length ? `${id(key)}-error` : '', group && issues.at(group).length ? `${id(group)}-error` : ''].filter(Boolean);
    const ids = [hint ? `${id(key)}-hint` : '', locked(key) && lockedNoteId ? lockedNoteId : '', ...errors].filter(Boolean);
    return {
      ...(ids.length ? { 'aria-describedby': ids.join(' ') } : {}),
      ...(errors.length ? { 'aria-invalid': true as const } : {}),
    };
  };

  const label = (key: FieldKey, text: MessageKey = TARGET_LABEL[key]) => (
    <label for={id(key)}>
      {t(text)}
      {locked(key) && (
        <span class="badge locked-badge" data-locked={key}>
          {t('rounds.edit.locked')}
        </span>
      )}
    </label>
  );

  const hintOf = (key: FieldKey): string | null => {
    if (key === 'roundId') return t('rounds.field.roundIdHint');
    if (key === 'siteVisitShortlistSize') {
      const quota = Number(values.winnersQuota);
      return t('rounds.field.siteVisitShortlistHint', { size: Number.isInteger(quota) && quota > 0 ? quota * d.siteVisitsPerPlace : '—' });
    }
    if (key === 'reliabilityFlagOffset') return `${t('rounds.field.reliabilityFlagHint')} ${t('rounds.field.default', { value: d.reliabilityFlagOffset })}`;
    if (key === 'reminders.applicantDays') return t('rounds.field.reminderApplicantHint', { days: d.reminders.applicantDays.join(', ') });
    if (key === 'reminders.reviewerDays') return t('rounds.field.reminderReviewerHint', { days: d.reminders.reviewerDays.join(', ') });
    if (key === 'divergenceThreshold') return `${t('rounds.field.divergenceHint')} ${t('rounds.field.default', { value: d.divergenceThreshold })}`;
    const fallback = DEFAULT_OF[key];
    return fallback === undefined ? null : t('rounds.field.default', { value: fallback });
  };

  // A setting that is on or off: a box to tick, its label beside it and a hint below (the value is 'true' or 'false').
  const checkbox = (key: FieldKey, hint: MessageKey) => (
    <div class="round-field" key={key}>
      <label class="check" for={id(key)}>
        <input
          id={id(key)}
          name={key}
          type="checkbox"
          checked={values[key] === 'true'}
          disabled={disabled || locked(key)}
          onChange={(e) => onChange(key, String(e.currentTarget.checked))}
          {...described(key, true)}
        />{' '}
        {t(TARGET_LABEL[key])}
        {locked(key) && (
          <span class="badge locked-badge" data-locked={key}>
            {t('rounds.edit.locked')}
          </span>
        )}
      </label>
      <p class="muted small" id={`${id(key)}-hint`}>
        {t(hint)}
      </p>
      {problems(key)}
    </div>
  );

  const input = (key: FieldKey, extra: InputHTMLAttributes<HTMLInputElement> = {}) => {
    const hint = hintOf(key);
    const numeric = NUMBER_INPUT[key];
    return (
      <div class="round-field" key={key}>
        {label(key)}
        <input
          id={id(key)}
          name={key}
          value={values[key]}
          disabled={disabled || locked(key)}
          onInput={(e) => onChange(key, e.currentTarget.value)}
          {...(numeric ? { type: 'number', inputMode: numeric.step === 1 ? 'numeric' : 'decimal', ...numeric } : {})}
          {...described(key, hint !== null)}
          {...extra}
        />
        {hint && (
          <p class="muted small" id={`${id(key)}-hint`}>
            {hint}
          </p>
        )}
        {problems(key)}
      </div>
    );
  };

  const sum = weightSumPerMille(values);
  const sumState = sum === null ? 'unknown' : sum === 1000 ? 'ok' : 'off';

  return (
    <>
      <fieldset class="round-fieldset">
        <legend>{t('rounds.section.round')}</legend>
        {withRoundId && input('roundId', { required: true, pattern: '[a-z0-9][a-z0-9\\-]{2,62}', maxLength: 63, autoComplete: 'off', spellcheck: false })}
        {input('name.zh-CN', { required: true, maxLength: 100, lang: 'zh-CN' })}
        {input('name.en', { required: true, maxLength: 200, lang: 'en' })}
        {problems('name')}
      </fieldset>

      <fieldset class="round-fieldset">
        <legend>{t('rounds.section.dates')}</legend>
        <p class="muted small" id={id('dates')}>
          {t('rounds.dates.timeZone', { zone: browserTimeZone() })}
        </p>
        {DATE_FIELDS.map((f) => input(`dates.${f}`, { type: 'datetime-local', required: true }))}
        {problems('dates')}
      </fieldset>

      <fieldset class="round-fieldset">
        <legend>{t('rounds.section.rules')}</legend>
        {input('winnersQuota', { required: true })}
        {input('candidateThreshold', { required: true })}
        <fieldset class="round-fieldset weights" aria-describedby={`${id('weights')}-sum`}>
          <legend>{t('rounds.weights.legend')}</legend>
          {input('weights.material', { required: true })}
          {input('weights.onSite', { required: true })}
          {input('weights.defense', { required: true })}
          <p class={`weight-sum weight-sum-${sumState}`} id={`${id('weights')}-sum`} aria-live="polite" data-weight-sum={sum ?? ''}>
            {sum === null
              ? t('rounds.weights.sum', { sum: t('rounds.weights.sumUnknown') })
              : `${t('rounds.weights.sum', { sum: perMilleText(sum) })} ${t(sum === 1000 ? 'rounds.weights.sumOk' : 'rounds.weights.sumOff')}`}
          </p>
          {problems('weights')}
        </fieldset>
        {input('publicNoticeDays', { required: true })}
        {input('divergenceThreshold', { required: true })}
        {input('reliabilityFlagOffset', { required: true })}
        {input('siteVisitShortlistSize')}
      </fieldset>

      <fieldset class="round-fieldset">
        <legend>{t('rounds.section.teams')}</legend>
        {input('teams.materialReviewMin', { required: true })}
        {input('teams.onSiteMin', { required: true })}
        {input('teams.defensePanelMin', { required: true })}
        {problems('teams')}
      </fieldset>

      <fieldset class="round-fieldset">
        <legend>{t('rounds.section.opinions')}</legend>
        <DepartmentsField
          inputId={id('opinionDepartments')}
          value={values.opinionDepartments}
          disabled={disabled || locked('opinionDepartments')}
          locked={locked('opinionDepartments')}
          onChange={(value) => onChange('opinionDepartments', value)}
          described={described('opinionDepartments', true)}
          problems={problems('opinionDepartments')}
        />
      </fieldset>

      <fieldset class="round-fieldset">
        <legend>{t('rounds.section.reminders')}</legend>
        {input('reminders.applicantDays', { inputMode: 'numeric', autoComplete: 'off', maxLength: 40 })}
        {input('reminders.reviewerDays', { inputMode: 'numeric', autoComplete: 'off', maxLength: 40 })}
        {problems('reminders')}
      </fieldset>

      <fieldset class="round-fieldset">
        <legend>{t('rounds.section.draw')}</legend>
        {input('draw.loadCap', { required: true })}
        {checkbox('draw.excludeSameDistrict', 'rounds.field.drawExcludeSameDistrictHint')}
        {REVIEW_STAGES.map((stage) => {
          const key = `draw.mix.${stage}` as const;
          return (
            <MixField
              key={key}
              inputId={id(key)}
              label={t(TARGET_LABEL[key])}
              value={values[key]}
              disabled={disabled || locked(key)}
              locked={locked(key)}
              onChange={(value) => onChange(key, value)}
              described={described(key, true)}
              problems={problems(key)}
            />
          );
        })}
        <p class="muted small">{t('rounds.field.drawMixNote')}</p>
        {problems('draw')}
      </fieldset>

      <fieldset class="round-fieldset">
        <legend>{t('rounds.section.feedback')}</legend>
        {checkbox('feedback.showScores', 'rounds.field.feedbackShowScoresHint')}
        {problems('feedback')}
      </fieldset>
    </>
  );
}

// The departments as the office names them: a box for each department the catalogue knows (credit → 信用主管部门) and,
// below, any other department typed by its name, one per line. The form's value stays one line per department.
/** What a field of its own making (a group of inputs for one setting) takes from the form. */
interface CustomFieldProps {
  readonly inputId: string;
  readonly value: string;
  readonly disabled: boolean;
  readonly locked: boolean;
  readonly onChange: (value: string) => void;
  readonly described: Record<string, unknown>;
  readonly problems: preact.ComponentChildren;
}

function DepartmentsField({ inputId, value, disabled, locked, onChange, described, problems }: CustomFieldProps) {
  const t = useT();
  const known: readonly string[] = d.knownDepartments;
  const lines = value.split(/\r?\n/);
  const chosen = new Set(lines.map((l) => l.trim()).filter((l) => known.includes(l)));
  const others = lines.filter((l) => !known.includes(l.trim())).join('\n');
  const write = (nextChosen: ReadonlySet<string>, nextOthers: string) =>
    onChange([...known.filter((k) => nextChosen.has(k)), ...(nextOthers.trim() ? [nextOthers] : [])].join('\n'));
  const labelId = `${inputId}-label`;
  return (
    <div class="round-field" role="group" aria-labelledby={labelId} {...described}>
      <span class="field-label" id={labelId}>
        {t('rounds.field.opinionDepartments')}
        {locked && (
          <span class="badge locked-badge" data-locked="opinionDepartments">
            {t('rounds.edit.locked')}
          </span>
        )}
      </span>
      <p class="muted small" id={`${inputId}-hint`}>
        {t('rounds.field.opinionDepartmentsHint')}
      </p>
      {known.map((department) => (
        <label key={department} class="check">
          <input
            type="checkbox"
            name="opinionDepartments"
            value={department}
            checked={chosen.has(department)}
            disabled={disabled}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.currentTarget.checked) next.add(department);
              else next.delete(department);
              write(next, others);
            }}
          />{' '}
          {t(`domain.department.${department}` as MessageKey)}
        </label>
      ))}
      <label for={inputId}>{t('rounds.field.otherDepartments')}</label>
      <textarea id={inputId} rows={3} value={others} disabled={disabled} onInput={(e) => write(chosen, e.currentTarget.value)} />
      {problems}
    </div>
  );
}

// A stage's field mix (issue 13.2): rows of a GB/T 4754 section, named in the reader's language, and the least number
// of team members from it; a section is offered once per stage. The form keeps the rows as typed (mixValue); the
// server decides, naming a row's problem at the stage's field.
function MixField({ inputId, label, value, disabled, locked, onChange, described, problems }: CustomFieldProps & { readonly label: string }) {
  const t = useT();
  const locale = useLocale();
  const rows = mixRows(value);
  const used = new Set(rows.map((row) => row.section));
  const write = (next: readonly MixRow[]) => onChange(mixValue(next));
  const change = (i: number, part: Partial<MixRow>) => write(rows.map((row, j) => (j === i ? { ...row, ...part } : row)));
  const sectionName = (section: string) => industrySectionName(section, locale);
  const unused = INDUSTRY_SECTIONS.find((section) => !used.has(section));
  const labelId = `${inputId}-label`;
  return (
    <div class="round-field mix-field" role="group" aria-labelledby={labelId} data-mix={inputId} {...described}>
      <span class="field-label" id={labelId}>
        {label}
        {locked && (
          <span class="badge locked-badge" data-locked={inputId}>
            {t('rounds.edit.locked')}
          </span>
        )}
      </span>
      <p class="muted small" id={`${inputId}-hint`}>
        {t('rounds.field.drawMixHint')}
      </p>
      {rows.length > 0 && (
        <ul class="mix-rows">
          {rows.map((row, i) => (
            <li key={i} class="mix-row" data-mix-row={row.section}>
              <label class="visually-hidden" for={`${inputId}-${i}-section`}>
                {t('rounds.field.drawMixSection')}
              </label>
              <select id={`${inputId}-${i}-section`} value={row.section} disabled={disabled} onChange={(e) => change(i, { section: e.currentTarget.value })}>
                {!(row.section in GBT4754_SECTIONS) && (
                  <option value={row.section} disabled>
                    {row.section || t('rounds.field.drawMixChoose')}
                  </option>
                )}
                {INDUSTRY_SECTIONS.filter((section) => section === row.section || !used.has(section)).map((section) => (
                  <option key={section} value={section}>
                    {sectionName(section)}
                  </option>
                ))}
              </select>
              <label for={`${inputId}-${i}-min`}>{t('rounds.field.drawMixMin')}</label>
              <input
                id={`${inputId}-${i}-min`}
                type="number"
                min={1}
                max={100}
                step={1}
                inputMode="numeric"
                value={row.min}
                disabled={disabled}
                onInput={(e) => change(i, { min: e.currentTarget.value })}
              />
              <button
                type="button"
                class="secondary"
                disabled={disabled}
                aria-label={t('rounds.field.drawMixRemoveLabel', { field: sectionName(row.section) })}
                onClick={() => write(rows.filter((_, j) => j !== i))}
              >
                {t('rounds.field.drawMixRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="secondary" disabled={disabled || unused === undefined} onClick={() => unused && write([...rows, { section: unused, min: '1' }])}>
        {t('rounds.field.drawMixAdd')}
      </button>
      {problems}
    </div>
  );
}
