import { useEffect, useState } from 'preact/hooks';
import type { PanelMemberView, RoundDefenseResponse } from '../../../../shared/api/defense';
import type { PersonView } from '../../../../shared/api/schemas';
import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import '../../texts/defense';

/**
 * Add a deliberator to the round's defense panel: an active deliberator of the programme not yet on it.
 * The server has the last word (DELIBERATOR_UNKNOWN, ALREADY_ON_PANEL, the round's stage); its refusal is shown as it words it.
 */
export function PanelForm({ data, onAdded }: { data: RoundDefenseResponse; onAdded: (member: PanelMemberView) => void }) {
  const { call } = useAppState();
  const t = useT();
  const [people, setPeople] = useState<readonly PersonView[] | null>(null);
  const [peopleError, setPeopleError] = useState<unknown>(null);
  const [reviewerId, setReviewerId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    call('people.list').then((res) => setPeople(res.people.filter((p) => p.role === 'deliberator' && p.status === 'active')), setPeopleError);
  }, [call]);

  if (peopleError !== null) return <p class="muted small">{t('defense.panel.add.failed')}</p>;
  if (!people) return <p class="muted small">{t('site.loading')}</p>;
  const onPanel = new Set(data.panel.map((m) => m.reviewerId));
  const choices = people.filter((p) => !onPanel.has(p.personId));
  if (choices.length === 0) return <p class="muted small">{t('defense.panel.add.none')}</p>;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reviewerId) return setProblem(t('defense.panel.add.chooseFirst'));
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      const member = await call('defense.addMember', { params: { roundId: data.roundId }, body: { reviewerId } });
      setReviewerId('');
      onAdded(member);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="assign-form" onSubmit={submit} aria-label={t('defense.panel.add.title')} data-panel-form>
      <div class="field">
        <label for="panel-add-deliberator">{t('defense.panel.add.deliberator')}</label>
        <select id="panel-add-deliberator" value={reviewerId} onChange={(e) => setReviewerId(e.currentTarget.value)}>
          <option value="">{t('defense.panel.add.choose')}</option>
          {choices.map((p) => (
            <option key={p.personId} value={p.personId}>
              {p.organisation ? `${p.name} · ${p.organisation}` : p.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={busy}>
        {t('defense.panel.add.submit')}
      </button>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}
