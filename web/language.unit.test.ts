import { afterEach, describe, expect, it, vi } from 'vitest';

// web/src/language.ts keeps which language parts load in; each test imports it afresh, as a page load does.
async function freshLanguage(stored: string | null) {
  vi.stubGlobal('localStorage', { getItem: (key: string) => (key === 'merit.locale' ? stored : null) });
  vi.resetModules();
  const language = await import('./src/language');
  const { t } = await import('../shared/messages/registry');
  return { ...language, t };
}

const loader = (texts: Record<string, string>) => vi.fn(async () => ({ default: [texts] }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("a part's texts load in the reader's language only (issue 11)", () => {
  it('a reader who chose English loads the English, never the Chinese, until they switch', async () => {
    // Prepare
    const { siteTexts, chooseLanguage, languageReady, t } = await freshLanguage('en');
    const chinese = loader({ 'site.name': '政府质量奖' });
    const english = loader({ 'site.name': 'Quality Award' });
    // Act
    await siteTexts(chinese, english);
    // Assess
    expect(english).toHaveBeenCalledTimes(1);
    expect(chinese).not.toHaveBeenCalled();
    expect(t('site.name', 'en')).toBe('Quality Award');
    expect(languageReady('zh-CN')).toBe(false);
    // Act: the reader switches to Chinese
    await chooseLanguage('zh-CN');
    // Assess
    expect(chinese).toHaveBeenCalledTimes(1);
    expect(languageReady('zh-CN')).toBe(true);
    expect(t('site.name', 'zh-CN')).toBe('政府质量奖');
  });

  it('a first visit loads the Chinese only; a part loaded after switching comes in English', async () => {
    // Prepare
    const { siteTexts, chooseLanguage } = await freshLanguage(null);
    const chinese = loader({ 'site.name': '政府质量奖' });
    const english = loader({ 'site.name': 'Quality Award' });
    const laterChinese = loader({ 'site.footer': '页脚' });
    const laterEnglish = loader({ 'site.footer': 'Footer' });
    // Act
    await siteTexts(chinese, english);
    await chooseLanguage('en');
    await siteTexts(laterChinese, laterEnglish);
    // Assess
    expect(chinese).toHaveBeenCalledTimes(1);
    expect(english).toHaveBeenCalledTimes(1);
    expect(laterEnglish).toHaveBeenCalledTimes(1);
    expect(laterChinese).not.toHaveBeenCalled();
  });

  it('a failed load is tried again at the next choice', async () => {
    // Prepare
    const { siteTexts, chooseLanguage, languageReady } = await freshLanguage(null);
    const english = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue({ default: [{ 'site.name': 'Quality Award' }] });
    await siteTexts(loader({ 'site.name': '政府质量奖' }), english);
    // Act / Assess
    await expect(chooseLanguage('en')).rejects.toThrow('offline');
    expect(languageReady('en')).toBe(false);
    await chooseLanguage('en');
    expect(languageReady('en')).toBe(true);
    expect(english).toHaveBeenCalledTimes(2);
  });
});
