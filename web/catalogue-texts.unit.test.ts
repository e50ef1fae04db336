import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { platformMessages } from '../shared/messages/platform';
import { uiMessages } from '../shared/messages/ui';
import { catalogueTextsOf, splitChineseTexts, ZH_TEXTS } from './catalogue-texts';

const messagesDir = fileURLToPath(new URL('../shared/messages/', import.meta.url));
const textsDir = fileURLToPath(new URL('./src/texts/', import.meta.url));

describe('one language of a catalogue (the site loads each language apart)', () => {
  it('holds every key of the catalogue with its text in that language only', async () => {
    // Prepare / Act
    const chinese = await catalogueTextsOf(`${messagesDir}ui.ts`, 'zh-CN');
    const english = await catalogueTextsOf(`${messagesDir}ui.ts`, 'en');
    // Assess
    expect(Object.keys(chinese)).toEqual(Object.keys(uiMessages));
    expect(chinese['site.name']).toBe(uiMessages['site.name']['zh-CN']);
    expect(english['site.name']).toBe(uiMessages['site.name'].en);
    expect(JSON.stringify(chinese)).not.toContain(uiMessages['home.intro'].en);
  });

  it('keeps only the keys listed (a key ending in a dot keeps every key under it) and drops those skipped', async () => {
    // Prepare / Act
    const only = await catalogueTextsOf(`${messagesDir}platform.ts`, 'en', 'INTERNAL,platform.role.');
    const skipped = await catalogueTextsOf(`${messagesDir}platform.ts`, 'en', null, 'mail.');
    // Assess
    const roles = Object.keys(platformMessages).filter((k) => k.startsWith('platform.role.'));
    expect(roles.length).toBeGreaterThan(0);
    expect(Object.keys(only).sort()).toEqual(['INTERNAL', ...roles].sort());
    expect(Object.keys(skipped).some((k) => k.startsWith('mail.'))).toBe(false);
    expect(skipped.INTERNAL).toBe(platformMessages.INTERNAL.en);
  });

  it('refuses a selection that keeps nothing (a misspelt key would otherwise show as itself)', async () => {
    await expect(catalogueTextsOf(`${messagesDir}platform.ts`, 'en', 'NO_SUCH_KEY')).rejects.toThrow(/no texts/);
  });
});

describe('each part of the site (web/src/texts)', () => {
  const parts = readdirSync(textsDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.en.ts'));
  const catalogues = (file: string, lang: string) =>
    [...readFileSync(`${textsDir}${file}`, 'utf8').matchAll(/from '([^']+)[?&]lang=([\w-]+)'/g)].map(([, spec, l]) => {
      expect(l).toBe(lang);
      return spec;
    });

  it.each(parts)('%s loads in English the same catalogues, with the same keys, as in Chinese', (part) => {
    // Prepare / Act
    const chinese = catalogues(part, 'zh-CN');
    const english = catalogues(part.replace(/\.ts$/, '.en.ts'), 'en');
    // Assess
    expect(chinese.length).toBeGreaterThan(0);
    expect(english).toEqual(chinese);
  });
});

describe("each part's Chinese texts split into a chunk of their own in the build (issue 11)", () => {
  const parts = readdirSync(textsDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.en.ts'));

  it.each(parts)('%s loads its Chinese by a dynamic import, and the split-off module holds the same catalogues', (part) => {
    // Prepare
    const source = readFileSync(`${textsDir}${part}`, 'utf8');
    const id = `/repo/web/src/texts/${part}`;
    // Act
    const code = splitChineseTexts(source, id);
    const chinese = splitChineseTexts(source, `${id}${ZH_TEXTS}`);
    // Assess
    expect(code).toContain(`await siteTexts(() => import('./${part}${ZH_TEXTS}'), () => import('./${part.replace(/\.ts$/, '.en')}'));`);
    expect(code).not.toContain('lang=zh-CN');
    const imported = [...source.matchAll(/^import (\w+) from '[^']*lang=zh-CN';$/gm)].map((m) => m[1]);
    expect(imported.length).toBeGreaterThan(0);
    expect(chinese).toContain(`export default [${imported.join(', ')}];`);
    for (const name of imported) expect(chinese).toMatch(new RegExp(`^import ${name} from '[^']*lang=zh-CN';$`, 'm'));
    expect(chinese).not.toContain('siteTexts');
  });
});
