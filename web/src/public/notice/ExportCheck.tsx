import { useState } from 'preact/hooks';
import type { ChainHead } from '../../../../shared/api/outcome';
import type { HeadCheck } from '../../../../shared/audit/head';
import { useT } from '../../i18n';

/** What checking a chosen file gave. */
type FileCheck =
  | { readonly state: 'checking' }
  | { readonly state: 'unreadable'; readonly line: number }
  | { readonly state: 'empty' }
  | { readonly state: 'wrongChain'; readonly scope: string }
  | { readonly state: 'checked'; readonly check: HeadCheck };

// The hashing and the chain code load on first use, so the page's chunk stays small; nothing leaves the browser.
async function checkFile(file: File, head: ChainHead): Promise<FileCheck> {
  const [{ checkHead, parseChainExport }, { webCryptoSha256 }] = await Promise.all([import('../../../../shared/audit/head'), import('../../supervise/timeline')]);
  const parsed = parseChainExport(await file.text());
  if (!parsed.ok) return { state: 'unreadable', line: parsed.line };
  const first = parsed.entries[0];
  if (!first) return { state: 'empty' };
  if (first.scope !== head.scope) return { state: 'wrongChain', scope: String(first.scope) };
  return { state: 'checked', check: await checkHead(head, parsed.entries, webCryptoSha256) };
}

/**
 * Anyone holding an export of the round's chain (the supervisors' workspace
 * downloads it as JSON lines) checks a published head against it here: the
 * file is read and every entry recomputed in this browser, with the same code
 * as `npm run verify-audit -- --export`.
 */
export function ExportCheck({ head, kind }: { head: ChainHead; kind: string }) {
  const t = useT();
  const [result, setResult] = useState<FileCheck | null>(null);
  const id = `export-check-${kind}`;
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setResult({ state: 'checking' });
    try {
      setResult(await checkFile(file, head));
    } catch {
      setResult({ state: 'unreadable', line: 1 });
    }
  };
  const reason = (r: string) => t(`supervise.reason.${r as 'hash' | 'prevHash' | 'seq' | 'scope'}`);
  const check = result?.state === 'checked' ? result.check : undefined;
  return (
    <div class="export-check" data-export-check={kind}>
      <label for={id}>{t('notice.check.label')}</label>
      <input id={id} type="file" accept=".jsonl,.ndjson,.json,.txt,application/x-ndjson,application/json,text/plain" onChange={(e) => void choose(e.currentTarget)} />
      <p class="muted small">{t('notice.check.hint')}</p>
      <div aria-live="polite">
        {result?.state === 'checking' && <p class="muted">{t('notice.check.checking')}</p>}
        {check?.result === 'ok' && (
          <p class="verify-ok" data-export-result="ok">
            {t('notice.check.ok', { seq: head.sequence, count: check.entries })}
            {check.brokenAfter && (
              <span class="verify-bad" data-broken-after={check.brokenAfter.seq}>
                {' '}
                {t('notice.check.brokenAfter', { seq: check.brokenAfter.seq, reason: reason(check.brokenAfter.reason) })}
              </span>
            )}
          </p>
        )}
        {result && result.state !== 'checking' && check?.result !== 'ok' && (
          <p class="verify-bad" role="alert" data-export-result={check ? check.result : result.state}>
            {result.state === 'unreadable'
              ? t('notice.check.unreadable', { line: result.line })
              : result.state === 'empty'
                ? t('notice.check.empty')
                : result.state === 'wrongChain'
                  ? t('notice.check.wrongChain', { scope: result.scope, expected: head.scope })
                  : check?.result === 'missing'
                    ? t('notice.check.missing', { seq: head.sequence, count: check.entries })
                    : check?.result === 'mismatch'
                      ? t('notice.check.mismatch', { seq: head.sequence, found: check.found })
                      : check?.result === 'broken'
                        ? t('notice.check.broken', { seq: check.seq, reason: reason(check.reason) })
                        : null}
          </p>
        )}
      </div>
    </div>
  );
}
