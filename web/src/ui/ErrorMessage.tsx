import { ApiError } from '../api';
import { useLocale, useT } from '../i18n';

/** Shows a failed call: the message in the reader's language only, then the code and request id on one small muted line (for a call to the office). */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const locale = useLocale();
  const api = error instanceof ApiError ? error : null;
  return (
    <div class="error" role="alert" data-error-code={api?.code ?? 'UNKNOWN'}>
      <p class="error-main">{api ? api.text[locale] : t('error.title')}</p>
      {api && (
        <p class="error-meta small muted">
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

/**
 * A page or a part of one whose code did not arrive: the network dropped, or the site was deployed again while the
 * reader had it open, so the chunk's old name is gone. Only a reload helps in the second case (the browser also keeps
 * a failed module import), so the one action offered is a reload; nothing typed is lost, as the part never showed.
 */
export function ChunkFailed() {
  const t = useT();
  return (
    <div class="error" role="alert" data-error-code="CHUNK_FAILED">
      <p class="error-main">{t('error.chunk')}</p>
      <button type="button" class="secondary" onClick={() => location.reload()}>
        {t('error.reload')}
      </button>
    </div>
  );
}
