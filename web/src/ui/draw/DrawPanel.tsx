import { useState } from 'preact/hooks';
import type { DrawRules, DrawTeamsResponse } from '../../../../shared/api/draws';
import type { ReviewStage } from '../../../../shared/api/reviews';
import type { PersonView } from '../../../../shared/api/schemas';
import type { MessageKey } from '../../../../shared/messages';
import type { RoundStage } from '../../../../shared/stages/round';
import { industrySectionName } from '../../../../shared/pool/industries';
import { useLocale, useT } from '../../i18n';
import { useAppState } from '../../state';
import { ErrorMessage } from '../ErrorMessage';
import { stageLabel } from '../review/format';
import { DRAW_STAGES_AT } from './stages';
import '../../texts/pool';
import '../../office/pool/pool.css';


/** A round's draw rules as its configuration holds them: the load cap, the district rule, the field mix per stage. */
export interface DrawSettings {
  readonly loadCap: number;
  readonly excludeSameDistrict: boolean;
  readonly mix: Readonly<Record<string, DrawRules['mix']>>;
}

/**
 * The office draws every team still needed for a stage in one action, with the supervisor present giving
 * their value; the answer lists each team drawn and each application refused with why.
 */
export function DrawPanel({
  roundId,
  roundStage,
  supervisors,
  supervisorsError = null,
  settings,
  onDrawn,
}: {
  roundId: string;
  roundStage: RoundStage;
  /** The programme's active supervisors (null while the board loads its people); the board reads them once. */
  supervisors: readonly PersonView[] | null;
  /** Why the board could not read its people (the supervisors to choose from are then missing): said, with the error. */
  supervisorsError?: unknown;
  /** The round's draw rules (its configuration's `draw`), shown before drawing; each draw commits them. */
  settings: DrawSettings | null;
  onDrawn: () => void;
}) {
  const { call } = useAppState();
  const t = useT();
  const stages = DRAW_STAGES_AT[roundStage] ?? [];
  const [form, setForm] = useState({ stage: stages[0] ?? 'materialReview', supervisorId: '', value: '', size: '' });
  const [result, setResult] = useState<DrawTeamsResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);

  const draw = async (event: Event) => {
    event.preventDefault();
    if (!form.supervisorId || !form.value.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const res = await call('draws.run', {
        params: { roundId },
        body: {
          stage: form.stage as ReviewStage,
          witness: { supervisorId: form.supervisorId, value: form.value.trim() },
          ...(form.size ? { size: Number(form.size) } : {}),
        },
      });
      setResult(res);
      onDrawn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const set = (key: keyof typeof form) => (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });

  return (
    <section class="card stack" aria-labelledby="draw-title" data-draw-panel>
      <h2 id="draw-title">{t('draw.title')}</h2>
      <p class="muted small">{t('draw.note')}</p>
      <form class="draw-form" onSubmit={draw} noValidate>
        <label>
          {t('draw.stage')}
          <select value={form.stage} onChange={set('stage')} data-draw-stage>
            {stages.map((s) => (
              <option value={s}>{stageLabel(t, s)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('draw.supervisor')}
          <select value={form.supervisorId} onChange={set('supervisorId')} data-draw-supervisor>
            <option value="">{t('draw.chooseSupervisor')}</option>
            {(supervisors ?? []).map((p) => (
              <option value={p.personId}>{p.name}</option>
            ))}
          </select>
        </label>
        <label>
          {t('draw.witness')}
          <input value={form.value} onInput={set('value')} maxLength={200} data-draw-witness />
        </label>
        <label>
          {t('draw.size')}
          <input type="number" min={1} max={30} value={form.size} onInput={set('size')} />
        </label>
        {settings && <RulesLine rules={{ loadCap: settings.loadCap, excludeSameDistrict: settings.excludeSameDistrict, mix: settings.mix[form.stage] ?? [] }} />}
        <button type="submit" disabled={busy} data-draw-run>
          {t('draw.run')}
        </button>
      </form>
      {missing && (
        <p class="error" role="alert">
          {t('WITNESS_REQUIRED')}
        </p>
      )}
      {supervisorsError !== null && <ErrorMessage error={supervisorsError} />}
      {error !== null && <ErrorMessage error={error} />}
      {result && (
        <div class="stack" role="status" data-draw-result={result.draws.length}>
          <p>{result.draws.length > 0 ? t('draw.done', { count: result.draws.length }) : t('draw.none')}</p>
          <RulesLine rules={result.rules} />
          <ul class="draw-list">
            {result.draws.map((d) => (
              <li>
                {t('draw.detail', {
                  organisation: d.organisation,
                  stage: stageLabel(t, d.stage),
                  members: d.members.map((m) => (m.leader ? `${m.name}（${t('draw.leader')}）` : m.name)).join('、'),
                  eligible: d.eligible,
                  excluded: d.excluded,
                })}
              </li>
            ))}
            {result.refused.map((r) => (
              <li class="error">{t('draw.refused', { organisation: r.organisation, reason: t(r.code as MessageKey, r.params) })}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The rules a draw goes by, in words: the load cap, the district rule, the field mix. */
function RulesLine({ rules }: { rules: DrawRules }) {
  const t = useT();
  const locale = useLocale();
  const mix = rules.mix.length > 0 ? rules.mix.map((m) => t('draw.rules.mixItem', { section: industrySectionName(m.section, locale), min: m.min })).join(t('draw.rules.separator')) : t('draw.rules.noMix');
  return (
    <p class="muted small" data-draw-rules={`${rules.loadCap}/${rules.excludeSameDistrict}/${rules.mix.map((m) => `${m.section}${m.min}`).join('')}`}>
      {t('draw.rules', { loadCap: rules.loadCap, district: t(rules.excludeSameDistrict ? 'draw.rules.districtOn' : 'draw.rules.districtOff'), mix })}
    </p>
  );
}
