import { useState } from 'preact/hooks';
import type { BodyOf } from '../../../shared/api';
import type { DeclarationResponse, ReviewedOrganisation } from '../../../shared/api/reviews';
import { REVIEW_NOTE_MAX_CHARS } from '../../../shared/api/review-stages';
import { CONFLICT_KINDS, type ConflictKind } from '../../../shared/conflicts/conflicts';
import { useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { lengthOf } from './scores';
import '../texts/review';
import '../texts/terms';

/** What a declaration sends (the same body for experts and deliberators). */
export type DeclarationSent = BodyOf<'reviews.declare'>;

type Relation = { ticked: boolean; endedOn: string; note: string };
const EMPTY: Relation = { ticked: false, endedOn: '', note: '' };

/**
 * The conflict-of-interest declaration (DOMAIN.md "Conflicts of interest"),
 * made once before any material is shown: every relation kind with an
 * optional note (employment with the day it ended), and both the
 * confidentiality and the impartiality declarations signed. `send` makes the
 * call (an expert's assignment by default; the defense page sends its own).
 */
export function Declaration<R = DeclarationResponse>({ applicationId, organisation, onDeclared, send: sendBody }: {
  applicationId: string;
  organisation: ReviewedOrganisation;
  onDeclared: (result: R) => void;
  send?: (body: DeclarationSent) => Promise<R>;
}) {
  const { call } = useAppState();
  const t = useT();
  const [relations, setRelations] = useState<Readonly<Record<ConflictKind, Relation>>>(
    () => Object.fromEntries(CONFLICT_KINDS.map((k) => [k, EMPTY])) as Record<ConflictKind, Relation>,
  );
  const [confidentiality, setConfidentiality] = useState(false);
  const [impartiality, setImpartiality] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const set = (kind: ConflictKind, patch: Partial<Relation>) => {
    setConfirming(false);
    setRelations((all) => ({ ...all, [kind]: { ...all[kind], ...patch } }));
  };
  const ticked = CONFLICT_KINDS.filter((k) => relations[k].ticked);

  const check = (event: Event) => {
    event.preventDefault();
    setError(null);
    if (!confidentiality || !impartiality) return setProblem(t('review.declare.signBoth'));
    if (ticked.some((k) => lengthOf(relations[k].note.trim()) > REVIEW_NOTE_MAX_CHARS)) return setProblem(t('review.declare.noteTooLong', { max: REVIEW_NOTE_MAX_CHARS }));
    setProblem(null);
    setConfirming(true);
  };

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: DeclarationSent = {
        relations: ticked.map((kind) => {
          const r = relations[kind];
          const note = r.note.trim();
          return { kind, ...(kind === 'employment' && r.endedOn ? { endedOn: r.endedOn } : {}), ...(note ? { note } : {}) };
        }),
        confidentialitySigned: confidentiality,
        impartialitySigned: impartiality,
      };
      const result = sendBody ? await sendBody(body) : ((await call('reviews.declare', { params: { applicationId }, body })) as R);
      onDeclared(result);
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="declare-title">
      <h2 id="declare-title">{t('review.declare.title')}</h2>
      <p>{t('review.declare.intro', { name: organisation.name })}</p>
      <p class="notice-warn" data-declaration-rules>
        {t('review.declare.rules')}
      </p>
      <form class="review-form" onSubmit={check} noValidate>
        <fieldset>
          <legend>{t('review.declare.relations')}</legend>
          {CONFLICT_KINDS.map((kind) => {
            const r = relations[kind];
            const id = `relation-${kind}`;
            return (
              <div key={kind} class="relation" data-relation={kind}>
                <label class="check" for={id}>
                  <input id={id} type="checkbox" checked={r.ticked} onChange={(e) => set(kind, { ticked: e.currentTarget.checked })} />
                  <span>{t(`domain.conflict.${kind}`)}</span>
                </label>
                {r.ticked && (
                  <div class="relation-details">
                    {kind === 'employment' && (
                      <div class="field">
                        <label for={`${id}-ended`}>{t('review.declare.endedOn')}</label>
                        <input id={`${id}-ended`} type="date" value={r.endedOn} onInput={(e) => set(kind, { endedOn: e.currentTarget.value })} />
                      </div>
                    )}
                    <div class="field">
                      <label for={`${id}-note`}>{t('review.declare.note')}</label>
                      <input id={`${id}-note`} type="text" value={r.note} onInput={(e) => set(kind, { note: e.currentTarget.value })} />
                    </div>
                  </div>
                )}
              </div>
            );
          })}
        </fieldset>
        <fieldset>
          <legend>{t('review.declare.signatures')}</legend>
          <label class="check" for="sign-confidentiality">
            <input id="sign-confidentiality" type="checkbox" checked={confidentiality} onChange={(e) => (setConfirming(false), setConfidentiality(e.currentTarget.checked))} />
            <span>{t('review.declare.confidentiality')}</span>
          </label>
          <label class="check" for="sign-impartiality">
            <input id="sign-impartiality" type="checkbox" checked={impartiality} onChange={(e) => (setConfirming(false), setImpartiality(e.currentTarget.checked))} />
            <span>{t('review.declare.impartiality')}</span>
          </label>
        </fieldset>
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        {!confirming ? (
          <button type="submit">{t('review.declare.submit')}</button>
        ) : (
          <div class="confirm-box" role="group" aria-labelledby="declare-confirm">
            <p id="declare-confirm">
              {ticked.length === 0 ? t('review.declare.confirmNone') : t('review.declare.confirmSome', { count: ticked.length })}{' '}
              <strong>{t('review.declare.confirmFinal')}</strong>
            </p>
            <div class="button-row">
              <button type="button" disabled={busy} onClick={() => void send()} data-action="send-declaration">
                {t('review.declare.confirm')}
              </button>
              <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                {t('review.declare.cancel')}
              </button>
            </div>
          </div>
        )}
        {error !== null && <ErrorMessage error={error} />}
      </form>
    </section>
  );
}
