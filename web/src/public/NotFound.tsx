import { useT } from '../i18n';
import '../texts/sign-in';

/** Any path no area claims. */
export function NotFound() {
  const t = useT();
  return (
    <section class="card narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </section>
  );
}
