import { useState } from 'preact/hooks';
import { publicationPath } from '../../../shared/api/publication-path';
import type { ChainHead, PublicationKind, PublicationView } from '../../../shared/api/outcome';
import type { HeadCheck } from '../../../shared/audit/head';
import type { Call } from '../api';
import { useT } from '../i18n';
import { useAppState } from '../state';
import { deferred } from '../ui/deferred';
import type { HeadCheckResult as Result, HeadCheckTexts } from '../ui/HeadCheckResult';
import { stageLabel } from '../ui/review/format';
import { FinalForm } from './FinalForm';
import { Recorded, SectionState, useKeptLoad, type RoundRef } from './parts';

// A check's result shows only after a check, so its code loads with the check's.
const loadResult = () => import('../ui/HeadCheckResult').then((m) => m.HeadCheckResult);
const HeadCheckResult = deferred<Parameters<typeof Result>[0]>(loadResult);

// The chain is read and hashed only when asked: the reader and the hashing load on demand, so the page's chunk stays small.
async function readAndCheck(call: Call, head: ChainHead, onProgress: (n: number) => void): Promise<HeadCheck> {
  const [{ readChain }, { webCryptoSha256 }, { checkHead }] = await Promise.all([
    import('../supervise/ChainView'),
    import('../supervise/timeline'),
    import('../../../shared/audit/head'),
    loadResult(),
  ]);
  const entries = await readChain(call, head.scope, onProgress);
  return checkHead(head, entries, webCryptoSha256);
}

/** How the outcome page words a check of the chain as the API serves it. */
const CHECK_TEXTS: HeadCheckTexts = {
  ok: 'outcome.publications.checkOk',
  brokenAfter: 'outcome.publications.brokenAfter',
  missing: 'outcome.publications.checkMissing',
  mismatch: 'outcome.publications.checkMismatch',
  broken: 'outcome.publications.checkBroken',
};

function HeadCheckButton({ head }: { head: ChainHead }) {
  const { call } = useAppState();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [check, setCheck] = useState<HeadCheck | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setCheck(null);
    setError(null);
    setProgress(0);
    try {
      setCheck(await readAndCheck(call, head, setProgress));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="head-check">
      <button type="button" class="secondary" disabled={busy} onClick={() => void run()}>
        {busy ? t('outcome.publications.checking', { count: progress }) : t('outcome.publications.check')}
      </button>
      <div aria-live="polite">
        {check && <HeadCheckResult head={head} check={check} texts={CHECK_TEXTS} />}
        {error !== null && (
          <p class="verify-bad" role="alert" data-head-check="error">
            {t('outcome.publications.checkFailed')}
          </p>
        )}
      </div>
    </div>
  );
}

function Publication({ roundId, publication }: { roundId: string; publication: PublicationView }) {
  const t = useT();
  const head = publication.chainHead;
  return (
    <li class="publication" data-publication={publication.kind}>
      <h3>{t(`outcome.publications.kind.${publication.kind}`)}</h3>
      <dl class="facts">
        <dt>{t('outcome.publications.document')}</dt>
        <dd>
          {/* The link is built from the contract, never from an address the answer carries. */}
          <a href={publicationPath(roundId, publication.kind)} data-document-link>
            <code>{publication.path}</code>
          </a>
        </dd>
        <dt>{t('outcome.publications.page')}</dt>
        <dd>
          <a href={`/notices/${encodeURIComponent(roundId)}`} data-public-page>
            <code>/notices/{roundId}</code>
          </a>
        </dd>
        <dt>{t('outcome.publications.published')}</dt>
        <dd>
          <Recorded recorded={publication} />
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <code class="hash" data-sha256>
            {publication.sha256}
          </code>
        </dd>
        <dt>{t('outcome.publications.head')}</dt>
        <dd data-chain-head>
          <code>{head.scope}</code> · #{head.sequence} · <code class="hash">{head.hash}</code>
        </dd>
      </dl>
      <HeadCheckButton head={head} />
    </li>
  );
}

const KIND_OF_STAGE: Readonly<Record<string, PublicationKind>> = { publicNotice: 'notice', announcement: 'announcement' };

/**
 * Stage 10–11's published documents: where each is, its SHA-256, the chain head it carries, checked
 * against the chain in this browser; the office publishes the current stage's document again when the
 * publication that went with the move did not complete.
 */
export function PublicationsSection({ round, isAdmin, generation, onDone, onStale }: { round: RoundRef; isAdmin: boolean; generation: number; onDone: (text: string) => void; onStale: () => void }) {
  const { call } = useAppState();
  const t = useT();
  const { value: data, error, loading, reload } = useKeptLoad(() => call('outcome.publications', { params: { roundId: round.roundId } }), [call, round.roundId, generation]);
  const due = KIND_OF_STAGE[round.roundStage];
  const missing = data && due && !data.publications.some((p) => p.kind === due) ? due : undefined;
  return (
    <section class="card" aria-labelledby="outcome-publications-title" data-section="publications">
      <h2 id="outcome-publications-title">
        {t('outcome.publications.title')} · {stageLabel(t, 'announcement')}
      </h2>
      <SectionState error={error} loading={loading} hasValue={data !== null} onRetry={reload} />
      {data &&
        (data.publications.length === 0 ? (
          <p class="muted">{t('outcome.publications.none')}</p>
        ) : (
          <ul class="plain publications">
            {data.publications.map((p) => (
              <Publication key={`${p.kind}-${p.at}`} roundId={round.roundId} publication={p} />
            ))}
          </ul>
        ))}
      {missing && <p class="notice" data-publication-missing={missing}>{t('outcome.publications.missing', { kind: t(`outcome.publications.kind.${missing}`) })}</p>}
      {isAdmin && missing && (
        <FinalForm
          name="republish"
          title={t('outcome.publications.republish')}
          submitLabel={t('outcome.publications.republish')}
          confirmText={t('outcome.publications.confirm', { kind: t(`outcome.publications.kind.${missing}`) })}
          send={() => call('outcome.republish', { params: { roundId: round.roundId }, body: { version: round.roundVersion } })}
          onDone={() => onDone(t('outcome.publications.done', { kind: t(`outcome.publications.kind.${missing}`) }))}
          onStale={onStale}
        />
      )}
    </section>
  );
}
