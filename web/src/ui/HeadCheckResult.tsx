import type { ChainHead } from '../../../shared/api/outcome';
import type { HeadCheck } from '../../../shared/audit/head';
import type { MessageKey } from '../../../shared/messages';
import { useT } from '../i18n';

/** The texts a page words a head check with (each page says whose chain it checked). */
export interface HeadCheckTexts {
  /** `{seq}`, `{count}` */
  readonly ok: MessageKey;
  /** `{seq}`, `{reason}`: a break after the head */
  readonly brokenAfter: MessageKey;
  /** `{seq}`, `{count}` */
  readonly missing: MessageKey;
  /** `{seq}`, `{found}`, `{expected}` */
  readonly mismatch: MessageKey;
  /** `{seq}`, `{reason}` */
  readonly broken: MessageKey;
}

/** What a published head's check against a chain gave (shared/audit/head.ts), in the page's words; `data-head-check` names the result. */
export function HeadCheckResult({ head, check, texts }: { head: ChainHead; check: HeadCheck; texts: HeadCheckTexts }) {
  const t = useT();
  const reason = (r: string) => t(`supervise.reason.${r as 'hash' | 'prevHash' | 'seq' | 'scope'}`);
  if (check.result === 'ok') {
    return (
      <p class="verify-ok" data-head-check="ok">
        {t(texts.ok, { seq: head.sequence, count: check.entries })}
        {check.brokenAfter && (
          <span class="verify-bad" data-broken-after={check.brokenAfter.seq}>
            {' '}
            {t(texts.brokenAfter, { seq: check.brokenAfter.seq, reason: reason(check.brokenAfter.reason) })}
          </span>
        )}
      </p>
    );
  }
  const text =
    check.result === 'missing'
      ? t(texts.missing, { seq: head.sequence, count: check.entries })
      : check.result === 'mismatch'
        ? t(texts.mismatch, { seq: head.sequence, found: check.found, expected: head.hash })
        : t(texts.broken, { seq: check.seq, reason: reason(check.reason) });
  return (
    <p class="verify-bad" role="alert" data-head-check={check.result}>
      {text}
    </p>
  );
}
