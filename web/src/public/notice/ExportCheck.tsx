import { useState } from 'preact/hooks';
import type { ChainHead } from '../../../../shared/api/outcome';
import type { HeadCheck } from '../../../../shared/audit/head';
import type { MessageKey } from '../../../../shared/messages';
import { useT } from '../../i18n';
import { HeadCheckResult, type HeadCheckTexts } from '../../ui/HeadCheckResult';
import '../../texts/notice-chain';

/** What checking a chosen file gave: the head check, or why there was none. */
type FileCheck =
  | { readonly state: 'checking' }
  | { readonly state: 'checked'; readonly check: HeadCheck }
  | { readonly state: 'unreadable'; readonly line: number }
  | { readonly state: 'empty' }
  | { readonly state: 'wrongChain'; readonly scope: string }
  | { readonly state: 'failed' };

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

/** How the notice page words a check of an exported chain. */
const CHECK_TEXTS: HeadCheckTexts = {
  ok: 'notice.check.ok',
  brokenAfter: 'notice.check.brokenAfter',
  missing: 'notice.check.missing',
  mismatch: 'notice.check.mismatch',
  broken: 'notice.check.broken',
};

/** Why a file could not be checked, as the page says it. */
function refusal(result: Exclude<FileCheck, { state: 'checking' | 'checked' }>, head: ChainHead): [MessageKey, Record<string, string | number>?] {
  switch (result.state) {
    case 'unreadable':
      return ['notice.check.unreadable', { line: result.line }];
    case 'empty':
      return ['notice.check.empty'];
    case 'wrongChain':
      return ['notice.check.wrongChain', { scope: result.scope, expected: head.scope }];
    case 'failed':
      return ['notice.check.failed'];
  }
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
    // Reading the file or loading the check's code can fail (a dropped connection); that is not the file's fault.
    setResult(await checkFile(file, head).catch((): FileCheck => ({ state: 'failed' })));
  };
  return (
    <div class="export-check" data-export-check={kind}>
      <label for={id}>{t('notice.check.label')}</label>
      <input id={id} type="file" accept=".jsonl,.ndjson,.json,.txt,application/x-ndjson,application/json,text/plain" onChange={(e) => void choose(e.currentTarget)} />
      <p class="muted small">{t('notice.check.hint')}</p>
      <div aria-live="polite">
        {result?.state === 'checking' && <p class="muted">{t('notice.check.checking')}</p>}
        {result?.state === 'checked' && <HeadCheckResult head={head} check={result.check} texts={CHECK_TEXTS} />}
        {result && result.state !== 'checking' && result.state !== 'checked' && (
          <p class="verify-bad" role="alert" data-head-check={result.state}>
            {t(...refusal(result, head))}
          </p>
        )}
      </div>
    </div>
  );
}
