import type { ChainHead, PublishedDocument } from '../../../../shared/api/outcome';
import { useT } from '../../i18n';
import { ExportCheck } from './ExportCheck';
import '../../texts/notice-chain';

/** The chain head a document carries, a check of an exported chain against it here, and the command that does the same. */
function ChainHeadFacts({ doc, title }: { doc: PublishedDocument; title: string }) {
  const t = useT();
  const head: ChainHead = doc.chainHead;
  return (
    <div data-chain-head={doc.kind}>
      <h3>{title}</h3>
      <dl class="facts">
        <dt>{t('notice.chain.scope')}</dt>
        <dd>
          <code>{head.scope}</code>
        </dd>
        <dt>{t('notice.chain.sequence')}</dt>
        <dd>{head.sequence}</dd>
        <dt>{t('notice.chain.hash')}</dt>
        <dd>
          <code class="hash">{head.hash}</code>
        </dd>
      </dl>
      <ExportCheck head={head} kind={doc.kind} />
      <p class="small">
        {t('notice.chain.commandLine')}{' '}
        <a href={`/verify/${encodeURIComponent(doc.roundId)}?kind=${doc.kind}`} data-command-link={doc.kind}>
          {t('notice.chain.commandLink')}
        </a>
      </p>
    </div>
  );
}

/** The audit chain's part of the notice page: what it is, and the head of each published document with its checks. */
export function ChainSection({ announcement, notice }: { announcement: PublishedDocument | null; notice: PublishedDocument | null }) {
  const t = useT();
  return (
    <section class="card" aria-labelledby="chain-title">
      <h2 id="chain-title">{t('notice.chain.title')}</h2>
      <p>{t('notice.chain.what')}</p>
      <p>{t('notice.chain.how')}</p>
      {announcement && <ChainHeadFacts doc={announcement} title={t('notice.chain.announcementHead')} />}
      {notice && <ChainHeadFacts doc={notice} title={t('notice.chain.noticeHead')} />}
    </section>
  );
}
