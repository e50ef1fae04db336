import { useRoute } from 'preact-iso';
import type { Locale } from '../../../../shared/messages/types';
import { publicationPath } from '../../../../shared/api/publication-path';
import type { PublicationKind, PublishedDocument, PublishedEntry } from '../../../../shared/api/outcome';
import { ApiError } from '../../api';
import { useLocale, useT, type Translate } from '../../i18n';
import { useLoad } from '../../review/load';
import { useAppState } from '../../state';
import { ErrorMessage } from '../../ui/ErrorMessage';
import type { PublicProgramme } from '../../../../shared/api/schemas';
import { deferred } from '../../ui/deferred';
import '../../texts/notice';
import './notice.css';

/** What the page fetches the published documents with (the browser's `fetch`, or a fake in tests). */
export type FetchDocument = (url: string, init?: RequestInit) => Promise<Response>;

/** Both published documents of a round; null where not published yet. */
interface Published {
  readonly notice: PublishedDocument | null;
  readonly announcement: PublishedDocument | null;
}

// A published document is a static file on the public site, not an API call: a 404 means "not published yet".
// S3 behind CloudFront's origin access control answers 403 for a key that does not exist (no ListBucket
// permission), so a 403 under /results/ means the same.
async function readPublished(fetchDocument: FetchDocument, roundId: string, kind: PublicationKind): Promise<PublishedDocument | null> {
  let res: Response;
  try {
    res = await fetchDocument(publicationPath(roundId, kind), { headers: { accept: 'application/json' }, cache: 'no-cache' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'error.network');
  }
  if (res.status === 404 || res.status === 403) return null;
  if (!res.ok) {
    const code = res.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL';
    throw new ApiError(res.status, code, code);
  }
  const doc = (await res.json()) as PublishedDocument;
  if (doc?.roundId !== roundId || doc.kind !== kind || !Array.isArray(doc.entries) || !doc.notice || !doc.chainHead) {
    throw new Error(`${kind} of ${roundId}: not a published document`);
  }
  return doc;
}

/** Whether objections may be made at `now`: a notice is published, its period has begun and not ended, and no winners are announced. */
function isOpen(notice: PublishedDocument | null, announcement: PublishedDocument | null, now: Date): boolean {
  // Once the winners are announced the notice is over, whatever the clock says.
  const period = (announcement ?? notice)?.notice;
  return !!period && !announcement && now.getTime() >= Date.parse(period.openedAt) && now.getTime() < Date.parse(period.endsAt);
}

/** A moment as people in the programme's area read it: Beijing time, said so, in the page's language. */
function beijingTime(iso: string, locale: Locale, t: Translate): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return t('notice.beijingTime', { time });
}

function Moment({ iso }: { iso: string }) {
  const t = useT();
  const locale = useLocale();
  return <time dateTime={iso}>{beijingTime(iso, locale, t)}</time>;
}

/** The ranked organisations of a document (proposed winners or winners). */
function EntriesTable({ entries, caption, empty }: { entries: readonly PublishedEntry[]; caption: string; empty: string }) {
  const t = useT();
  if (entries.length === 0) return <p>{empty}</p>;
  return (
    <div class="table-wrap">
      <table class="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('notice.table.rank')}</th>
            <th scope="col">{t('notice.table.organisation')}</th>
            <th scope="col">{t('notice.table.district')}</th>
            <th scope="col">{t('notice.table.industry')}</th>
            <th scope="col" class="num">{t('notice.table.finalScore')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={i} data-entry={e.rank}>
              <td>{e.rank}</td>
              <th scope="row">{e.organisation.name}</th>
              <td>{e.organisation.district}</td>
              <td>{e.organisation.industry}</td>
              <td class="num">{e.finalScore}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// How to check the documents against the audit chain loads in its own chunk, with its texts (issue 11).
const LazyChainSection = deferred(() => import('./ChainSection').then((m) => m.ChainSection));
// The online objection form loads in its own chunk, only while the notice is open (issue #14 part 2).
const LazyObjectionForm = deferred(() => import('../../portal/ObjectionForm').then((m) => m.ObjectionForm));

/** Where written objections go, from the programme's settings (issue #14 part 2). */
function ContactFacts({ contact }: { contact: PublicProgramme['contact'] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h3>{t('notice.contact.title')}</h3>
      {!contact ? (
        <p>{t('notice.contact.none')}</p>
      ) : (
        <dl class="facts" data-contact>
          <dt>{t('notice.contact.address')}</dt>
          <dd>{contact.address[locale]}</dd>
          <dt>{t('notice.contact.phone')}</dt>
          <dd>{contact.phone}</dd>
          <dt>{t('notice.contact.email')}</dt>
          <dd>
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </dd>
        </dl>
      )}
    </>
  );
}

/** The notice period: its dates, whether it is still open at `now`, and how to object while it is. */
function NoticePeriod({ period, open }: { period: PublishedDocument['notice']; open: boolean }) {
  const t = useT();
  const locale = useLocale();
  const endsAt = beijingTime(period.endsAt, locale, t);
  return (
    <>
      <h3>{t('notice.period.title')}</h3>
      <dl class="facts">
        <dt>{t('notice.period.opened')}</dt>
        <dd>
          <Moment iso={period.openedAt} />
        </dd>
        <dt>{t('notice.period.ends')}</dt>
        <dd>
          <Moment iso={period.endsAt} />
        </dd>
        <dt>{t('notice.period.days')}</dt>
        <dd>{t('notice.period.daysValue', { days: period.days })}</dd>
      </dl>
      <p class={open ? 'notice' : 'muted'} data-period={open ? 'open' : 'over'}>
        {t(open ? 'notice.period.open' : 'notice.period.over', { endsAt })}
      </p>
      <h3>{t('notice.object.title')}</h3>
      {!open && <p data-objections="closed">{t('notice.object.closed')}</p>}
      <p>{t('notice.object.intro')}</p>
      <ul>
        <li>{t('notice.object.writing')}</li>
        <li>{t('notice.object.realName')}</li>
        <li>{t('notice.object.evidence')}</li>
        <li>{t('notice.object.office')}</li>
        <li>{t('notice.object.withinPeriod')}</li>
      </ul>
    </>
  );
}

/**
 * A round's published notice (公示, stage 10) and announcement of winners (表彰,
 * stage 11), for anyone, without signing in: both documents as published on
 * the public site, the notice period and how to object within it, and the
 * audit chain's head each carries. `now` decides whether the period is open.
 */
export function NoticePage({
  fetch: fetchDocument = (url, init) => globalThis.fetch(url, init),
  now = () => new Date(),
}: {
  fetch?: FetchDocument;
  now?: () => Date;
}) {
  const t = useT();
  const locale = useLocale();
  const { programmes } = useAppState();
  const { roundId } = useRoute().params;
  const [published, reload] = useLoad<Published>(
    async () => {
      // The parts the page shows below the documents load with them, so they show in the same render (nothing moves).
      const chain = LazyChainSection.preload().catch(() => undefined);
      const [notice, announcement] = await Promise.all([readPublished(fetchDocument, roundId!, 'notice'), readPublished(fetchDocument, roundId!, 'announcement')]);
      if (isOpen(notice, announcement, now())) await LazyObjectionForm.preload().catch(() => undefined);
      await chain;
      return { notice, announcement };
    },
    [roundId],
  );


  if (published.state === 'loading') {
    return (
      <section class="card" data-notice={roundId}>
        <h1>{t('notice.title')}</h1>
        <p class="muted">{t('site.loading')}</p>
      </section>
    );
  }
  if (published.state === 'error') {
    return (
      <section class="card" data-notice={roundId}>
        <h1>{t('notice.title')}</h1>
        <ErrorMessage error={published.error} onRetry={reload} />
      </section>
    );
  }

  const { notice, announcement } = published.value;
  const any = announcement ?? notice;
  const period = any?.notice;
  // The document names its round; before anything is published, the programmes list the site loads does.
  const programme = programmes.value?.find((p) => p.rounds.some((r) => r.roundId === roundId));
  const listed = programme?.rounds.find((r) => r.roundId === roundId);
  const roundName = any?.roundName?.[locale] ?? listed?.name[locale] ?? roundId ?? '';
  const open = isOpen(notice, announcement, now());

  return (
    <article class="stack notice-page" data-notice={roundId}>
      <header class="hero">
        <h1>{t('notice.title')}</h1>
        {any && <p class="lead">{any.programmeName[locale]}</p>}
        <p>{t('notice.round', { name: roundName })}</p>
      </header>

      {!any && <p class="card" data-published="none">{t('notice.nothing')}</p>}

      {announcement && (
        <section class="card" aria-labelledby="announcement-title" data-published="announcement">
          <h2 id="announcement-title">{t('notice.announcement.title')}</h2>
          <p>{t('notice.announcement.intro')}</p>
          <p class="muted small">
            {t('notice.publishedAt', { at: beijingTime(announcement.publishedAt, locale, t) })}
          </p>
          <EntriesTable entries={announcement.entries} caption={t('notice.announcement.caption')} empty={t('notice.announcement.empty')} />
          <p>
            <a href={`/summaries/${encodeURIComponent(roundId!)}`} data-summary-link>
              {t('summary.link')}
            </a>
          </p>
        </section>
      )}

      {period && (
        <section class="card" aria-labelledby="notice-title" data-published={notice ? 'notice' : undefined}>
          <h2 id="notice-title">{t('notice.notice.title')}</h2>
          {notice && (
            <>
              <p>{t('notice.notice.intro')}</p>
              <p class="muted small">{t('notice.publishedAt', { at: beijingTime(notice.publishedAt, locale, t) })}</p>
              <EntriesTable entries={notice.entries} caption={t('notice.notice.caption')} empty={t('notice.notice.empty')} />
            </>
          )}
          <NoticePeriod period={period} open={open} />
          <ContactFacts contact={programme?.contact} />
          {open && notice && notice.entries.length > 0 && <LazyObjectionForm roundId={roundId!} entries={notice.entries} />}
        </section>
      )}

      {/* Below the rest and loaded once the documents are there, with its own texts; its room is kept meanwhile. */}
      {any && (
        <div class="chain-slot">
          <LazyChainSection announcement={announcement} notice={notice} />
        </div>
      )}
    </article>
  );
}
