import { useMemo, useRef, useState } from 'preact/hooks';
import type { RoundView } from '../../../../shared/api/rounds';
import { useLocale, useT } from '../../i18n';
import { useAppState } from '../../state';
import { configFromForm, emptyForm, type FieldKey, type FormValues } from './config-form';
import { IssueSummary } from './IssueSummary';
import { issuesOf, useFocusFirstProblem } from './issues';
import { RoundFields } from './RoundFields';
import '../../texts/rounds';

/**
 * The call (DOMAIN.md stage 0): a new round of the programme with its id, names, dates and settings,
 * each setting starting at its default. The server checks the configuration and names every problem.
 */
export function CreateRound({ onCreated, onCancel }: { onCreated: (round: RoundView) => void; onCancel: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [values, setValues] = useState<FormValues>(emptyForm);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const issues = useMemo(() => issuesOf(error, locale, t), [error, locale]);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstProblem(formRef, issues);

  const change = (key: FieldKey, value: string) => setValues((current) => ({ ...current, [key]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const round = await call('rounds.create', {
        body: {
          roundId: values.roundId.trim(),
          name: { 'zh-CN': values['name.zh-CN'].trim(), en: values['name.en'].trim() },
          config: configFromForm(values),
        },
      });
      onCreated(round);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="create-round-title">
      <h2 id="create-round-title">{t('rounds.create.title')}</h2>
      <p class="muted">{t('rounds.create.intro')}</p>
      <form ref={formRef} class="round-form" onSubmit={submit}>
        <RoundFields prefix="create" values={values} onChange={change} issues={issues} withRoundId disabled={busy} />
        {error !== null && <IssueSummary error={error} issues={issues} />}
        <div class="form-actions">
          <button type="submit" disabled={busy}>
            {t('rounds.create.submit')}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={onCancel}>
            {t('rounds.create.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
