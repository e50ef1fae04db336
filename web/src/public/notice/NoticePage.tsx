import { useRoute } from 'preact-iso';
import { useT } from '../../i18n';
import '../../texts/notice';

/** A round's published notice and announcement, for anyone. */
export function NoticePage() {
  const t = useT();
  const { roundId } = useRoute().params;
  return (
    <section class="card" data-notice={roundId}>
      <h1>{t('notice.title')}</h1>
    </section>
  );
}
