import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import type { PublishedDocument } from '../../../shared/api/outcome';
import { publicationPath } from '../../../shared/api/publication-path';
import type { PublicProgramme, PublicRound } from '../../../shared/api/schemas';
import { isMessageKey } from '../../../shared/messages/registry';
import { formatMoment } from '../../../shared/messages/units';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ContactFacts } from './ContactFacts';
import '../texts/portal-programme';
import './portal.css';

/** What the page fetches published documents with (the browser's `fetch`, or a fake in tests). */
export type FetchDocument = (url: string, init?: RequestInit) => Promise<Response>;

/** Winners of one round from its published announcement: the entries, 'none' before it is published, 'error' when unreadable. */
type Winners = PublishedDocument['entries'] | 'none' | 'error' | 'loading';

// A published announcement is a static file of the public site: 404 (or 403 from S3 behind CloudFront) means not yet.
async function readWinners(fetchDocument: FetchDocument, roundId: string): Promise<Winners> {
  try {
    const res = await fetchDocument(publicationPath(roundId, 'announcement'), { headers: { accept: 'application/json' }, cache: 'no-cache' });
    if (res.status === 404 || res.status === 403) return 'none';
    if (!res.ok) return 'error';
    const doc = (await res.json()) as PublishedDocument;
    return Array.isArray(doc?.entries) ? doc.entries : 'error';
  } catch {
    return 'error';
  }
}

function RoundWinners({ round, fetchDocument }: { round: PublicRound; fetchDocument: FetchDocument }) {
  const t = useT();
  const [winners, setWinners] = useState<Winners>('loading');
  useEffect(() => {
    let live = true;
    void readWinners(fetchDocument, round.roundId).then((w) => live && setWinners(w));
    return () => {
      live = false;
    };
  }, [round.roundId]);
  if (winners === 'loading') return <p class="muted small">{t('site.loading')}</p>;
  if (winners === 'none' || winners === 'error') return <p class="muted small">{t('portal.winners.none')}</p>;
  if (winners.length === 0) return <p class="muted small">{t('portal.winners.empty')}</p>;
  return (
    <ol class="winners" data-winners={round.roundId}>
      {winners.map((w) => (
        <li key={w.rank}>
          {w.organisation.name}
          {w.organisation.district && <span class="muted small"> · {w.organisation.district}</span>}
        </li>
      ))}
    </ol>
  );
}

const PUBLISHED_STAGES = new Set(['publicNotice', 'announcement']);

/** One round on a programme's page: stage and dates, its call, its notice, its winners once announced. */
function RoundItem({ round, programmeId, fetchDocument }: { round: PublicRound; programmeId: string; fetchDocument: FetchDocument }) {
  const t = useT();
  const locale = useLocale();
  const stageKey = `domain.stage.${round.stage}`;
  return (
    <li data-round={round.roundId}>
      <h3 id={`round-${round.roundId}`}>{round.name[locale]}</h3>
      <dl class="facts">
        <dt>{t('home.stage')}</dt>
        <dd>{isMessageKey(stageKey) ? t(stageKey) : '—'}</dd>
        <dt>{t('home.registrationOpens')}</dt>
        <dd>{formatMoment(round.registrationOpens, locale)}</dd>
        <dt>{t('home.submissionDeadline')}</dt>
        <dd>{formatMoment(round.submissionDeadline, locale)}</dd>
      </dl>
      <p class="round-links">
        <a class="button" href={`/calls/${encodeURIComponent(round.roundId)}`} aria-describedby={`round-${round.roundId}`} data-call-link={round.roundId}>
          {t('portal.round.call')}
        </a>
        {round.stage === 'registration' && (
          <a class="button secondary" href={`/apply?programme=${encodeURIComponent(programmeId)}`}>
            {t('home.apply')}
          </a>
        )}
        {PUBLISHED_STAGES.has(round.stage) && (
          <a href={`/notices/${encodeURIComponent(round.roundId)}`} aria-describedby={`round-${round.roundId}`} data-notice-link={round.stage}>
            {t(round.stage === 'publicNotice' ? 'notice.link.publicNotice' : 'notice.link.announcement')}
          </a>
        )}
      </p>
      {round.stage === 'announcement' && (
        <>
          <h4>{t('portal.winners.title')}</h4>
          <RoundWinners round={round} fetchDocument={fetchDocument} />
        </>
      )}
    </li>
  );
}

/**
 * A programme's public page (issue #14 part 2): who awards it, where written
 * objections go, its rounds with their calls, notices and past winners.
 */
export function ProgrammePage({ fetch: fetchDocument = (url, init) => globalThis.fetch(url, init) }: { fetch?: FetchDocument }) {
  const t = useT();
  const locale = useLocale();
  const state = useAppState();
  const { programmeId } = useRoute().params;
  const [error, setError] = useState<unknown>(null);
  const load = () => {
    setError(null);
    state.loadProgrammes().catch(setError);
  };
  useEffect(load, [state]);
  const programmes = state.programmes.value;
  if (error) return <ErrorMessage error={error} onRetry={load} />;
  if (!programmes) return <p class="muted">{t('site.loading')}</p>;
  const programme: PublicProgramme | undefined = programmes.find((p) => p.programmeId === programmeId);
  if (!programme) {
    return (
      <section class="card" data-programme-missing>
        <h1>{t('portal.programme.notFound')}</h1>
        <p>
          <a href="/">{t('portal.programme.back')}</a>
        </p>
      </section>
    );
  }
  const published = programme.rounds.filter((r) => PUBLISHED_STAGES.has(r.stage));
  return (
    <article class="stack portal" data-programme-page={programme.programmeId}>
      <header class="hero">
        <h1>{programme.name[locale]}</h1>
        {programme.issuingBody && <p class="lead">{t('portal.programme.issuedBy', { body: programme.issuingBody[locale] })}</p>}
      </header>
      <section class="card" aria-labelledby="programme-rounds">
        <h2 id="programme-rounds">{t('portal.programme.rounds')}</h2>
        {programme.rounds.length === 0 ? (
          <p class="muted">{t('portal.programme.noRounds')}</p>
        ) : (
          <ul class="rounds">
            {programme.rounds.map((r) => (
              <RoundItem key={r.roundId} round={r} programmeId={programme.programmeId} fetchDocument={fetchDocument} />
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="programme-notices">
        <h2 id="programme-notices">{t('portal.notices.title')}</h2>
        {published.length === 0 ? (
          <p class="muted">{t('portal.notices.none')}</p>
        ) : (
          <ul>
            {published.map((r) => (
              <li key={r.roundId}>
                <a href={`/notices/${encodeURIComponent(r.roundId)}`}>
                  {r.name[locale]} · {t(r.stage === 'publicNotice' ? 'notice.link.publicNotice' : 'notice.link.announcement')}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="programme-contact">
        <h2 id="programme-contact">{t('portal.contact.title')}</h2>
        {programme.contact ? <ContactFacts contact={programme.contact} /> : <p class="muted">{t('portal.contact.none')}</p>}
      </section>
      <p>
        <a href="/">{t('portal.programme.back')}</a>
      </p>
    </article>
  );
}
