import { registerTexts } from '../../shared/messages/registry';
import type { Locale } from '../../shared/messages/types';

/** One language of some catalogues (web/catalogue-texts.ts). */
export type Texts = Readonly<Record<string, string>>;
/** Loads a part's English texts (a dynamic import of its `texts/<part>.en.ts`). */
export type LoadEnglish = () => Promise<{ readonly default: readonly Texts[] }>;

// Chinese is the site's default and comes with each part's code; English is loaded once a reader chooses it.
let chosen: Locale = 'zh-CN';
const notLoaded: LoadEnglish[] = [];
const loading = new Set<Promise<void>>();

function loadEnglish(loaders: readonly LoadEnglish[]): Promise<void> {
  const load = Promise.all(loaders.map((english) => english())).then(
    (parts) => {
      for (const part of parts) for (const texts of part.default) registerTexts('en', texts);
    },
    (error: unknown) => {
      notLoaded.push(...loaders); // a later choice tries again
      throw error;
    },
  );
  const settled = load.finally(() => loading.delete(settled)).catch(() => undefined);
  loading.add(settled);
  return load;
}

/**
 * Registers a part of the site's texts as its code loads: the Chinese now, the English now too when it is the
 * chosen language (the part's module awaits the promise, so the part shows only once its texts are there; no key
 * ever flashes), or later when a reader chooses English.
 */
export function siteTexts(chinese: readonly Texts[], english: LoadEnglish): Promise<void> {
  for (const texts of chinese) registerTexts('zh-CN', texts);
  if (chosen === 'en') return loadEnglish([english]);
  notLoaded.push(english);
  return Promise.resolve();
}

/** True when every part loaded so far has its texts in `locale`, so the site can switch to it at once. */
export function languageReady(locale: Locale): boolean {
  return locale === 'zh-CN' || (notLoaded.length === 0 && loading.size === 0);
}

/** Makes `locale` the language parts load their texts in, and loads it for the parts loaded so far. */
export async function chooseLanguage(locale: Locale): Promise<void> {
  chosen = locale;
  if (locale !== 'en') return;
  // Loads taken up already (a part that loaded meanwhile) are waited for; one that failed is tried again here, once.
  while (notLoaded.length > 0 || loading.size > 0) {
    if (notLoaded.length > 0) await loadEnglish(notLoaded.splice(0));
    else await Promise.all(loading);
  }
}
