import { LOCALES, type Locale } from '../../../shared/messages/types';
import { useT } from '../i18n';
import { useAppState } from '../state';

const LABEL_KEY = { 'zh-CN': 'lang.zh', en: 'lang.en' } as const satisfies Record<Locale, string>;

/** zh-CN / English, remembered in this browser. */
export function LanguageSwitch() {
  const state = useAppState();
  const t = useT();
  const current = state.locale.value;
  return (
    <div class="lang-switch" role="group" aria-label={t('lang.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          // Without the network the English texts cannot load: the page stays as it is and the switch can be pressed again.
          onClick={() => void state.setLocale(locale).catch(() => undefined)}
        >
          {t(LABEL_KEY[locale])}
        </button>
      ))}
    </div>
  );
}
