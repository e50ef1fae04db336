import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { AREA_LABEL, AREAS_OF_ROLE } from './areas';
import { LanguageSwitch } from './LanguageSwitch';

/** The site header: name (and the signed-in person's programme), their area, who is signed in, sign out, language. */
export function Header() {
  const state = useAppState();
  const t = useT();
  const locale = useLocale();
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  const session = state.session.value;
  const programme = session ? state.programmes.value?.find((p) => p.programmeId === session.programmeId) : undefined;
  const areas = session ? AREAS_OF_ROLE[session.role] : [];

  useEffect(() => {
    document.title = `${t('site.name')} · ${t('site.short')}`;
  }, [locale]);

  const signOut = async () => {
    setBusy(true);
    try {
      await state.signOut();
    } catch {
      // The session is forgotten in this browser either way.
    } finally {
      setBusy(false);
      route('/');
    }
  };

  return (
    <header class="site-header">
      <div class="brand">
        <a href="/" class="brand-link">
          <span class="brand-name">{t('site.name')}</span>
        </a>
        {programme && <span class="brand-programme">{programme.name[locale]}</span>}
      </div>
      <nav aria-label={t('site.nav')} class="site-nav">
        <a href="/">{t('nav.home')}</a>
        {areas.map((area) => (
          <a key={area} href={area}>
            {t(AREA_LABEL[area])}
          </a>
        ))}
        {!session && <a href="/apply">{t('nav.apply')}</a>}
        {!session && <a href="/sign-in">{t('nav.signIn')}</a>}
      </nav>
      <div class="header-tools">
        {session && (
          <span class="who" data-testid="who">
            <span class="visually-hidden">{t('session.signedInAs')}: </span>
            {t('session.as', { name: session.person.name, role: t(`platform.role.${session.role}`) })}
          </span>
        )}
        {session && (
          <button type="button" class="secondary" onClick={signOut} disabled={busy}>
            {t('nav.signOut')}
          </button>
        )}
        <LanguageSwitch />
      </div>
    </header>
  );
}
