import type { Locale } from '../../../shared/messages';
import { ApiError } from '../api';
import { useLocale, useT } from '../i18n';

/** Shows a failed call: the message in the reader's language first, the other language under it, the code and request id. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const locale = useLocale();
  const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  const api = error instanceof ApiError ? error : null;
  return (
    <div class="error" role="alert" data-error-code={api?.code ?? 'UNKNOWN'}>
      <p class="error-main">{api ? api.text[locale] : t('error.title')}</p>
      {api && (
        <p class="error-other" lang={other}>
          {api.text[other]}
        </p>
      )}
      {api && (
        <p class="error-meta">
          {t('error.code', { code: api.code })}
          {api.requestId ? ` · ${t('error.requestId', { requestId: api.requestId })}` : ''}
        </p>
      )}
      {onRetry && (
        <button type="button" class="secondary" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
