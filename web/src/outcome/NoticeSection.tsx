import { useState } from 'preact/hooks';
import type { ObjectionsResponse, ObjectionView } from '../../../shared/api/outcome';
import { OUTCOME_TEXT_MAX_CHARS } from '../../../shared/api/outcome-limits';
import { formatFinalScore } from '../../../shared/scoring/ranking';
import { formatDateTime, useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { stageLabel } from '../ui/review/format';
import { ErrorMessage } from '../ui/ErrorMessage';
import { FinalForm } from './FinalForm';
import { Organisation, Recorded, SectionState, useKeptLoad, type RoundRef } from './parts';

const FIELDS = ['objectorName', 'objectorContact', 'statement', 'evidence'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = { objectorName: '', objectorContact: '', statement: '', evidence: '' };

// The office records a written, real-name objection with evidence against a proposed winner, while the notice is open.
function ObjectionForm({ data, onDone, onStale }: { data: ObjectionsResponse; onDone: (text: string) => void; onStale: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const targets = data.proposed.filter((p) => !p.notAwarded);
  const [applicationId, setApplicationId] = useState('');
  const [fields, setFields] = useState(EMPTY);
  const target = targets.find((p) => p.applicationId === applicationId);
  const name = target?.organisation.name ?? applicationId;
  return (
    <FinalForm
      name="objection"
      title={t('outcome.objection.file')}
      submitLabel={t('outcome.objection.file')}
      confirmText={t('outcome.objection.confirm', { name, objector: fields.objectorName.trim() })}
      check={() => {
        if (!target) return t('outcome.objection.chooseApplication');
        const empty = FIELDS.find((f) => !fields[f].trim());
        return empty ? t('outcome.objection.fill', { field: t(`outcome.objection.${empty}`) }) : null;
      }}
      send={() =>
        call('outcome.fileObjection', {
          params: { roundId: data.roundId },
          body: {
            applicationId,
            objectorName: fields.objectorName.trim(),
            objectorContact: fields.objectorContact.trim(),
            statement: fields.statement.trim(),
            evidence: fields.evidence.trim(),
          },
        })
      }
      onDone={() => {
        setApplicationId('');
        setFields(EMPTY);
        onDone(t('outcome.objection.done', { name }));
      }}
      onStale={onStale}
    >
      <div class="field">
        <label for="objection-application">{t('outcome.objection.application')}</label>
        <select id="objection-application" value={applicationId} onChange={(e) => setApplicationId(e.currentTarget.value)}>
          <option value="">{t('outcome.choose')}</option>
          {targets.map((p) => (
            <option key={p.applicationId} value={p.applicationId}>
              {p.rank}. {p.organisation.name}
            </option>
          ))}
        </select>
      </div>
      {FIELDS.map((f) => (
        <div class={`field ${f === 'statement' || f === 'evidence' ? 'wide' : ''}`} key={f}>
          <label for={`objection-${f}`}>{t(`outcome.objection.${f}`)}</label>
          {f === 'statement' || f === 'evidence' ? (
            <textarea id={`objection-${f}`} rows={3} maxLength={OUTCOME_TEXT_MAX_CHARS} value={fields[f]} onInput={(e) => setFields({ ...fields, [f]: e.currentTarget.value })} />
          ) : (
            <input id={`objection-${f}`} type="text" maxLength={OUTCOME_TEXT_MAX_CHARS} value={fields[f]} onInput={(e) => setFields({ ...fields, [f]: e.currentTarget.value })} />
          )}
        </div>
      ))}
    </FinalForm>
  );
}

// The office resolves an open objection once: upheld (the application is not awarded) or not, with a reason.
function ResolveForm({ objection, onDone, onStale }: { objection: ObjectionView; onDone: (text: string) => void; onStale: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const [upheld, setUpheld] = useState<boolean | null>(null);
  const [reason, setReason] = useState('');
  const id = objection.objectionId;
  const name = objection.organisation.name;
  return (
    <FinalForm
      name={`resolve-${id}`}
      title={t('outcome.resolve.title', { name })}
      submitLabel={t('outcome.resolve.submit')}
      confirmText={t(upheld ? 'outcome.resolve.confirmUpheld' : 'outcome.resolve.confirmDismissed', { name })}
      check={() => (upheld === null ? t('outcome.resolve.choose') : !reason.trim() ? t('outcome.resolve.writeReason') : null)}
      send={() => call('outcome.resolveObjection', { params: { roundId: objection.roundId, objectionId: id }, body: { upheld: upheld === true, reason: reason.trim() } })}
      onDone={(o) => onDone(t(o.resolution?.upheld ? 'outcome.resolve.doneUpheld' : 'outcome.resolve.doneDismissed', { name }))}
      onStale={onStale}
    >
      <fieldset class="field choice">
        <legend>{t('outcome.resolve.decision')}</legend>
        <label>
          <input type="radio" name={`resolve-${id}`} checked={upheld === true} onChange={() => setUpheld(true)} /> {t('outcome.resolve.upheld')}
        </label>
        <label>
          <input type="radio" name={`resolve-${id}`} checked={upheld === false} onChange={() => setUpheld(false)} /> {t('outcome.resolve.dismissed')}
        </label>
      </fieldset>
      <div class="field wide">
        <label for={`resolve-reason-${id}`}>{t('outcome.resolve.reason')}</label>
        <textarea id={`resolve-reason-${id}`} rows={3} maxLength={OUTCOME_TEXT_MAX_CHARS} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </div>
    </FinalForm>
  );
}

/** An online objection's evidence files, each downloaded through a short-lived link (the office and supervisors). */
function EvidenceFiles({ objection }: { objection: ObjectionView }) {
  const t = useT();
  const { call } = useAppState();
  const [error, setError] = useState<unknown>(null);
  const open = async (evidenceId: string) => {
    setError(null);
    try {
      const link = await call('portal.downloadEvidence', { params: { roundId: objection.roundId, objectionId: objection.objectionId, evidenceId } });
      globalThis.location.assign(link.url);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <ul class="evidence-files">
        {objection.evidenceFiles!.map((f) => (
          <li key={f.evidenceId}>
            <button type="button" class="secondary" data-evidence={f.evidenceId} onClick={() => void open(f.evidenceId)}>
              {t('outcome.objection.download', { file: f.fileName })}
            </button>
          </li>
        ))}
      </ul>
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
}

function Objection({ objection, canResolve, onDone, onStale }: { objection: ObjectionView; canResolve: boolean; onDone: (text: string) => void; onStale: () => void }) {
  const t = useT();
  const r = objection.resolution;
  return (
    <li class="objection" data-objection={objection.objectionId} data-resolution={r ? (r.upheld ? 'upheld' : 'dismissed') : 'open'}>
      <h3>{t('outcome.objection.against', { name: objection.organisation.name })}</h3>
      <dl class="facts">
        <dt>{t('outcome.objection.channel')}</dt>
        <dd data-channel={objection.channel ?? 'written'}>{t(objection.channel === 'online' ? 'outcome.objection.channel.online' : 'outcome.objection.channel.written')}</dd>
        <dt>{t('outcome.objection.objectorName')}</dt>
        <dd data-objector>{objection.objectorName}</dd>
        {objection.objectorId && (
          <>
            <dt>{t('outcome.objection.objectorId')}</dt>
            <dd>{objection.objectorId}</dd>
          </>
        )}
        <dt>{t('outcome.objection.objectorContact')}</dt>
        <dd data-objector-contact>{objection.objectorContact}</dd>
        <dt>{t('outcome.objection.statement')}</dt>
        <dd class="user-text">{objection.statement}</dd>
        <dt>{t('outcome.objection.evidence')}</dt>
        <dd class="user-text">
          {objection.evidenceFiles?.length ? <EvidenceFiles objection={objection} /> : objection.evidence}
        </dd>
        <dt>{t('outcome.objection.received')}</dt>
        <dd>
          <Recorded recorded={objection} />
        </dd>
        <dt>{t('outcome.objection.resolution')}</dt>
        <dd>
          {r ? (
            <>
              <span class={`status-badge ${r.upheld ? 'status-badge-conflicted' : 'shortlist-no'}`}>{t(r.upheld ? 'outcome.resolve.upheld' : 'outcome.resolve.dismissed')}</span>
              <p class="user-text">{r.reason}</p>
              <Recorded recorded={r} />
            </>
          ) : (
            <span class="status-badge status-badge-awaitingDeclaration">{t('outcome.objection.open')}</span>
          )}
        </dd>
      </dl>
      {canResolve && !r && <ResolveForm objection={objection} onDone={onDone} onStale={onStale} />}
    </li>
  );
}

/**
 * Stage 10, the public notice (公示): its period, the proposed winners (marked when an upheld objection
 * took one out) and every objection with its objector — whose name and contact only the office and the
 * supervisors see — and its resolution. The office records objections while the period is open and
 * resolves each one.
 */
export function NoticeSection({ round, isAdmin, generation, onDone, onStale }: { round: RoundRef; isAdmin: boolean; generation: number; onDone: (text: string) => void; onStale: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const { value: data, error, loading, reload } = useKeptLoad(() => call('outcome.objections', { params: { roundId: round.roundId } }), [call, round.roundId, generation]);
  const atNotice = isAdmin && round.roundStage === 'publicNotice';
  const open = data?.notice ? Date.now() < Date.parse(data.notice.endsAt) : false;
  return (
    <section class="card" aria-labelledby="outcome-notice-title" data-section="notice">
      <h2 id="outcome-notice-title">{stageLabel(t, 'publicNotice')}</h2>
      <SectionState error={error} loading={loading} hasValue={data !== null} onRetry={reload} />
      {data && (
        <>
          {data.notice ? (
            <p data-notice-period={open ? 'open' : 'over'}>
              {t(open ? 'outcome.notice.open' : 'outcome.notice.over', {
                opened: formatDateTime(data.notice.openedAt, locale),
                ends: formatDateTime(data.notice.endsAt, locale),
              })}
            </p>
          ) : (
            <p class="muted" data-notice-period="none">
              {t('outcome.notice.none')}
            </p>
          )}
          <h3>{t('outcome.notice.proposed')}</h3>
          {data.proposed.length === 0 ? (
            <p class="muted">{t('outcome.notice.noProposed')}</p>
          ) : (
            <div class="table-wrap">
              <table class="table outcome-table" data-proposed>
                <thead>
                  <tr>
                    <th scope="col">{t('outcome.col.rank')}</th>
                    <th scope="col">{t('outcome.col.organisation')}</th>
                    <th scope="col" class="num">{t('outcome.col.final')}</th>
                    <th scope="col">{t('outcome.col.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.proposed.map((p) => (
                    <tr key={p.applicationId} data-proposed-row={p.applicationId}>
                      <td>{p.rank}</td>
                      <th scope="row">
                        <Organisation organisation={p.organisation} />
                      </th>
                      <td class="num">{formatFinalScore(p.final)}</td>
                      <td>
                        <span class={`status-badge ${p.notAwarded ? 'status-badge-conflicted' : 'shortlist-yes'}`} data-not-awarded={String(p.notAwarded)}>
                          {t(p.notAwarded ? 'outcome.notice.notAwarded' : 'outcome.notice.standing')}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>{t('outcome.objection.title')}</h3>
          <p class="muted small">{t('outcome.objection.private')}</p>
          {data.objections.length === 0 ? (
            <p class="muted">{t('outcome.objection.none')}</p>
          ) : (
            <ul class="plain objections">
              {data.objections.map((o) => (
                <Objection key={o.objectionId} objection={o} canResolve={atNotice} onDone={onDone} onStale={onStale} />
              ))}
            </ul>
          )}
          {atNotice &&
            (open ? (
              <ObjectionForm data={data} onDone={onDone} onStale={onStale} />
            ) : (
              data.notice && <p class="muted small">{t('outcome.objection.periodOver')}</p>
            ))}
        </>
      )}
    </section>
  );
}
