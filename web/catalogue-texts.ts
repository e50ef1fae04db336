import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';
import type { Plugin } from 'vite';

/**
 * `import texts from '…/shared/messages/ui.ts?lang=zh-CN'`: one language of a
 * catalogue module (every catalogue it exports, merged), as `key → text`, so the
 * site sends a reader only the language they read (Chinese first; English once
 * chosen, web/src/language.ts). The catalogues stay as they are written, both
 * languages side by side, and the functions import them whole.
 *
 * Before `lang`, `only=` keeps the keys listed (a key ending in `.` keeps every
 * key under it) and `skip=` drops them: `platform.ts?only=INTERNAL,platform.role.&lang=en`.
 */
const PREFIX = '\0catalogue-texts:';

/**
 * In the build, a part's Chinese texts become a chunk of their own, as its English are (issue 11: a reader who chose
 * English downloads no Chinese): `web/src/texts/<part>.ts`, written as
 * `import a from '…?lang=zh-CN'; … await siteTexts([a, …], () => import('./<part>.en'));`, is built as
 * `await siteTexts(() => import('./<part>.ts?zh-texts'), () => import('./<part>.en'))`, and `<part>.ts?zh-texts` as
 * the same imports with `export default [a, …]` (what `<part>.en.ts` is in English). Tests keep the texts inline.
 */
export const ZH_TEXTS = '?zh-texts';
const PART = /\/web\/src\/texts\/[\w-]+\.ts$/;
const CALL = /await siteTexts\((\[[^\]]*\]),\s*(\(\) => import\([^)]*\))\);/;

export function splitChineseTexts(code: string, id: string): string | null {
  const match = CALL.exec(code);
  if (!match) return null;
  if (id.endsWith(ZH_TEXTS)) {
    const imports = code.split('\n').filter((line) => /^import \w+ from '[^']*[?&]lang=zh-CN';$/.test(line));
    return `${imports.join('\n')}\nexport default ${match[1]};\n`;
  }
  const file = id.slice(id.lastIndexOf('/') + 1);
  return code.replace(CALL, `await siteTexts(() => import('./${file}${ZH_TEXTS}'), ${match[2]});`).replace(/^import \w+ from '[^']*[?&]lang=zh-CN';\n/gm, '');
}

export function catalogueTexts(): Plugin {
  let build = false;
  return {
    name: 'merit-catalogue-texts',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build' && !process.env.VITEST;
    },
    transform(code, id) {
      if (!build || !(PART.test(id) || (id.endsWith(ZH_TEXTS) && PART.test(id.slice(0, -ZH_TEXTS.length))))) return null;
      const split = splitChineseTexts(code, id);
      if (!split) this.warn(`${id}: no \`await siteTexts([…], () => import(…))\` to split; its Chinese stays inline`);
      return split && { code: split, map: { mappings: '' } };
    },
    async resolveId(source, importer) {
      const at = source.indexOf('?');
      if (at < 0 || !/[?&]lang=/.test(source)) return null;
      const resolved = await this.resolve(source.slice(0, at), importer, { skipSelf: true });
      // A virtual module (`\0`): no other plugin transforms it as TypeScript.
      return resolved ? `${PREFIX}${resolved.id}${source.slice(at)}` : null;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const at = id.indexOf('?');
      const query = new URLSearchParams(id.slice(at + 1));
      const lang = query.get('lang')!;
      const file = id.slice(PREFIX.length, at);
      this.addWatchFile(file);
      return `export default ${JSON.stringify(await catalogueTextsOf(file, lang, query.get('only'), query.get('skip')))};\n`;
    },
  };
}

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : null);
const matches = (key: string, entries: readonly string[]) => entries.some((e) => (e.endsWith('.') ? key.startsWith(e) : key === e));

/** One language of the catalogues a module exports, keys filtered by `only` and `skip`. */
export async function catalogueTextsOf(file: string, lang: string, only: string | null = null, skip: string | null = null): Promise<Record<string, string>> {
  // A catalogue module imports nothing at run time (only types), so its compiled text can be evaluated on its own.
  const { code } = await transform(await readFile(file, 'utf8'), { loader: 'ts', format: 'esm' });
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, unknown>;
  const keep = list(only);
  const drop = list(skip);
  const texts: Record<string, string> = {};
  for (const catalogue of Object.values(module)) {
    if (typeof catalogue !== 'object' || catalogue === null) continue;
    for (const [key, text] of Object.entries(catalogue as Record<string, Record<string, string>>)) {
      if ((keep && !matches(key, keep)) || (drop && matches(key, drop))) continue;
      const value = text[lang];
      if (typeof value !== 'string') throw new Error(`${file}: ${key} has no ${lang} text`);
      texts[key] = value;
    }
  }
  if (Object.keys(texts).length === 0) throw new Error(`${file}?${only ? `only=${only}&` : ''}lang=${lang}: no texts`);
  return texts;
}
