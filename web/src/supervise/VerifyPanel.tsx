import { useEffect, useState } from 'preact/hooks';
import { verifyChain, type AuditEntry, type ChainVerification, type Sha256 } from '../../../shared/audit/chain';
import { useT } from '../i18n';
import { abbreviate, webCryptoSha256 } from './timeline';
import '../texts/supervise';

/** Recomputes the whole chain in this browser and says whether it holds, or names the first entry that does not. */
export function VerifyPanel({
  scope,
  entries,
  sha256 = webCryptoSha256,
  onResult,
}: {
  scope: string;
  entries: readonly AuditEntry[];
  sha256?: Sha256;
  onResult?: (result: ChainVerification | null) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ChainVerification | null>(null);
  const [error, setError] = useState<string | null>(null);

  // A result belongs to the entries it was computed from.
  useEffect(() => {
    setResult(null);
    setError(null);
    onResult?.(null);
  }, [scope, entries]);

  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await verifyChain(sha256, scope, entries);
      setResult(next);
      onResult?.(next);
    } catch (e) {
      setError(String((e as Error).message ?? e));
    } finally {
      setBusy(false);
    }
  };

  const bad = result?.firstMismatch;
  return (
    <div class="verify">
      <button type="button" onClick={verify} disabled={busy} aria-describedby="verify-note">
        {t(busy ? 'supervise.verifying' : 'supervise.verify')}
      </button>
      <p id="verify-note" class="muted small">
        {t('supervise.verifyNote')}
      </p>
      <div aria-live="polite">
        {result?.ok && (
          <p class="verify-ok" data-verify="ok" title={result.head}>
            {result.head ? t('supervise.verified', { count: result.entries, head: abbreviate(result.head) }) : t('supervise.verifiedEmpty')}
          </p>
        )}
        {bad && (
          <div class="verify-bad" data-verify="mismatch" data-seq={bad.seq} role="alert">
            <p>{t('supervise.mismatch', { seq: bad.seq, reason: t(`supervise.reason.${bad.reason}`) })}</p>
            <p class="small">
              <code>{t('supervise.mismatchDetail', { expected: abbreviate(bad.expected), found: abbreviate(bad.found) })}</code>
            </p>
          </div>
        )}
        {error && (
          <p class="verify-bad" role="alert">
            {t('error.title')} <code>{error}</code>
          </p>
        )}
      </div>
    </div>
  );
}
