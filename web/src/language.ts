import { registerTexts } from '../../shared/messages/registry';
import { LOCALES, type Locale } from '../../shared/messages/types';

/** One language of some catalogues (web/catalogue-texts.ts). */
export type Texts = Readonly<Record<string, string>>;
/** Loads one language of a part's texts (a dynamic import of its `texts/<part>.en.ts`, or the Chinese the build splits off). */
export type LoadTexts = () => Promise<{ readonly default: readonly Texts[] }>;
/** Loads a part's English texts. */
export type LoadEnglish = LoadTexts;

/** Where the reader's language is remembered (web/src/state.ts reads and writes it). */
export const LOCALE_KEY = 'merit.locale';

function rememberedLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_KEY);
    return (LOCALES as readonly unknown[]).includes(stored) ? (stored as Locale) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

// Each part's texts load in the reader's language only (issue 11): in the build, a part's Chinese is a chunk of its
// own (web/catalogue-texts.ts), like its English, so a reader who chose English never downloads the Chinese. The
// language is known before any part loads (it is remembered in this browser), so the first texts are the right ones.
let chosen: Locale = rememberedLocale();
let everyLanguage = false;
const notLoaded: Record<Locale, LoadTexts[]> = { 'zh-CN': [], en: [] };
const loading = new Set<Promise<void>>();

function loadTexts(locale: Locale, loaders: readonly LoadTexts[]): Promise<void> {
  const load = Promise.all(loaders.map((texts) => texts())).then(
    (parts) => {
      for (const part of parts) for (const texts of part.default) registerTexts(locale, texts);
    },
    (error: unknown) => {
      notLoaded[locale].push(...loaders); // a later choice tries again
      throw error;
    },
  );
  const settled = load.finally(() => loading.delete(settled)).catch(() => undefined);
  loading.add(settled);
  return load;
}

/**
 * Registers a part of the site's texts as its code loads, in the chosen language (the part's module awaits the
 * promise, so the part shows only once its texts are there; no key ever flashes); the other language loads when a
 * reader chooses it. `chinese` is the texts themselves as written (tests) or, in the build, their loader.
 */
export function siteTexts(chinese: readonly Texts[] | LoadTexts, english: LoadEnglish): Promise<void> {
  const parts: Record<Locale, LoadTexts> = {
    'zh-CN': typeof chinese === 'function' ? chinese : () => Promise.resolve({ default: chinese }),
    en: english,
  };
  if (everyLanguage) return Promise.all(LOCALES.map((locale) => loadTexts(locale, [parts[locale]]))).then(() => undefined);
  for (const locale of LOCALES) if (locale !== chosen) notLoaded[locale].push(parts[locale]);
  return loadTexts(chosen, [parts[chosen]]);
}

/** True when every part loaded so far has its texts in `locale`, so the site can switch to it at once. */
export function languageReady(locale: Locale): boolean {
  return notLoaded[locale].length === 0 && loading.size === 0;
}

/** Makes `locale` the language parts load their texts in, and loads it for the parts loaded so far. */
export async function chooseLanguage(locale: Locale): Promise<void> {
  chosen = locale;
  // Loads taken up already (a part that loaded meanwhile) are waited for; one that failed is tried again here, once.
  while (notLoaded[locale].length > 0 || loading.size > 0) {
    if (notLoaded[locale].length > 0) await loadTexts(locale, notLoaded[locale].splice(0));
    else await Promise.all(loading);
  }
}

/** Component tests render in either language: from now on every part loads both, and the parts loaded so far do too. */
export async function loadEveryLanguage(): Promise<void> {
  everyLanguage = true;
  for (const locale of LOCALES) await chooseLanguage(locale);
  chosen = 'zh-CN';
}
