import { useRoute } from 'preact-iso';
import { publicationPath, PUBLICATION_KINDS, type PublicationKind } from '../../../shared/api/publication-path';
import { exportFileName } from '../../../shared/audit/head';
import { roundScope } from '../../../shared/audit/chain';
import { useT } from '../i18n';
import '../texts/portal-verify';
import './portal.css';

/**
 * How to check a round's published chain head on the command line (issue #14
 * part 2: the command moved off the public notice, which keeps the check in
 * the browser and links here).
 */
export function VerifyPage() {
  const t = useT();
  const { params, query } = useRoute();
  const roundId = params.roundId ?? '';
  const kind: PublicationKind = (PUBLICATION_KINDS as readonly string[]).includes(query.kind ?? '') ? (query.kind as PublicationKind) : 'notice';
  const url = `${globalThis.location?.origin ?? ''}${publicationPath(roundId, kind)}`;
  return (
    <article class="stack portal" data-verify-page={roundId}>
      <header class="hero">
        <h1>{t('portal.verify.title')}</h1>
      </header>
      <section class="card">
        <p>{t('portal.verify.intro')}</p>
        <p>{t('portal.verify.steps')}</p>
        <pre class="command" translate={false}>
          <code>{`npm run verify-audit -- --export ${exportFileName(roundScope(roundId))} --published ${url}`}</code>
        </pre>
        <p class="muted small">{t('portal.verify.output')}</p>
        <p>
          <a href={`/notices/${encodeURIComponent(roundId)}`}>{t('portal.verify.back')}</a>
        </p>
      </section>
    </article>
  );
}
