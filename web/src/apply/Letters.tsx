import type { ApplicationLettersResponse, LetterView } from '../../../shared/api/letters';
import type { MessageKey } from '../../../shared/messages/registry';
import type { Locale, Text } from '../../../shared/messages/types';
import { formatMoment } from '../../../shared/messages/units';
import { useLocale, useT } from '../i18n';
import '../texts/letters';

/** A letter's placeholders in one language (a bilingual value gives its own). */
export function paramsIn(params: Readonly<Record<string, string | Text>>, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? value : value[locale]]));
}

function Letter({ letter }: { letter: LetterView }) {
  const t = useT();
  const locale = useLocale();
  const params = paramsIn(letter.params, locale);
  return (
    <article class="letter" data-letter={letter.kind}>
      <h3>{t(`letter.${letter.kind}.subject` as MessageKey, params)}</h3>
      <p class="muted small">
        <time dateTime={letter.sentAt}>{t('letters.sentAt', { time: formatMoment(letter.sentAt, locale, letter.timeZone) })}</time>
      </p>
      <p class="letter-body">{t(`letter.${letter.kind}.body` as MessageKey, params)}</p>
      <p class="letter-signature">{t('letter.signature', params)}</p>
    </article>
  );
}

/**
 * The result letters (结果通知) the office sent the applicant, newest first, and — for a winner — the way to its
 * certificate. Each letter is what was mailed, in the reader's language, dated in Beijing time.
 */
export function Letters({ data }: { data: ApplicationLettersResponse }) {
  const t = useT();
  const letters = [...data.letters].reverse();
  return (
    <section class="letters" aria-labelledby="letters-title">
      <h2 id="letters-title">{t('letters.title')}</h2>
      {data.certificate && (
        <p class="notice">
          <a class="button" href={`/certificates/${encodeURIComponent(data.applicationId)}`} data-certificate-link>
            {t('letters.certificate')}
          </a>
        </p>
      )}
      {letters.map((l) => (
        <Letter key={l.kind} letter={l} />
      ))}
    </section>
  );
}
