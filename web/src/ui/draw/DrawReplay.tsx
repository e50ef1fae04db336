import { useState } from 'preact/hooks';
import type { DrawView } from '../../../../shared/api/draws';
import type { AuditEntry } from '../../../../shared/audit/chain';
import { replayDraws, type DrawReplay as Replay } from '../../../../shared/draw/draw';
import type { MessageKey } from '../../../../shared/messages';
import { useT } from '../../i18n';
import { useAppState } from '../../state';
import { webCryptoSha256 } from '../../supervise/timeline';
import { ErrorMessage } from '../ErrorMessage';
import { stageLabel } from '../review/format';
import '../../texts/pool';
import '../../office/pool/pool.css';

/**
 * The supervisors' replay button: reads the round's chain and its draws, recomputes every draw in the browser
 * (SHA-256 by WebCrypto, the same code as `npm run replay-draw`) and says whether each stored team is the one
 * its committed inputs and seed give.
 */
export function DrawReplay({ roundId }: { roundId: string }) {
  const { call } = useAppState();
  const t = useT();
  const [out, setOut] = useState<{ replays: Replay[]; draws: readonly DrawView[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const { draws } = await call('draws.list', { params: { roundId } });
      const entries: AuditEntry[] = [];
      for (let after = 0; ; ) {
        const page = await call('audit.entries', { params: { scope: `round:${roundId}` }, query: { after, limit: 1000 } });
        entries.push(...page.entries);
        if (page.nextAfter === undefined || page.entries.length === 0) break;
        after = page.nextAfter;
      }
      setOut({ replays: await replayDraws(webCryptoSha256, draws, entries), draws });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const names = new Map((out?.draws ?? []).flatMap((d) => d.inputs.eligible.map((c) => [c.personId, c.name] as const)));
  const organisation = new Map((out?.draws ?? []).map((d) => [d.inputs.drawId, d.organisation]));
  const mismatches = out ? out.replays.filter((r) => !r.ok).length : 0;
  return (
    <section class="card stack" aria-labelledby="draw-replay-title" data-draw-replay>
      <h2 id="draw-replay-title">{t('draw.replay.title')}</h2>
      <p class="muted small">{t('draw.replay.note')}</p>
      <p class="actions">
        <button type="button" onClick={run} disabled={busy} data-draw-replay-run>
          {t('draw.replay.run')}
        </button>
      </p>
      {error !== null && <ErrorMessage error={error} onRetry={run} />}
      {out &&
        (out.replays.length === 0 ? (
          <p class="muted">{t('draw.replay.none')}</p>
        ) : (
          <>
            <p role="status" class={mismatches ? 'error' : 'notice'} data-draw-replay-summary={`${out.replays.length}/${mismatches}`}>
              {t('draw.replay.summary', { draws: out.replays.length, mismatches })}
            </p>
            <ul class="draw-list">
              {out.replays.map((r) => (
                <li data-draw-replay-ok={String(r.ok)}>
                  {organisation.get(r.drawId)} · {stageLabel(t, r.stage)}：{r.ok ? t('draw.replay.ok') : t('draw.replay.bad')}
                  {r.members.length > 0 && ` · ${r.members.map((m) => names.get(m) ?? '').join('、')}`}
                  {r.problems.length > 0 && ` · ${r.problems.map((p) => t(`draw.replay.${p}` as MessageKey)).join('；')}`}
                </li>
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
