import { describe, expect, it } from 'vitest';
import { allMessages as messages } from './all';
import { bilingual, format, LOCALES, registerMessages, t } from './index';
import { superviseUiMessages } from './ui-supervise';

describe('message catalogue', () => {
  it('has a non-empty text in every language for every key', () => {
    for (const [key, text] of Object.entries(messages)) {
      for (const locale of LOCALES) {
        expect(text[locale as keyof typeof text], `${key} in ${locale}`).toMatch(/\S/);
      }
    }
  });

  it('uses the same placeholders in both languages of a text', () => {
    for (const [key, text] of Object.entries(messages)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(text.en), key).toEqual(names(text['zh-CN']));
    }
  });

  it('fills placeholders in both languages', () => {
    const text = bilingual('INTERNAL', { requestId: 'r-1' });
    expect(text.en).toContain('r-1');
    expect(text['zh-CN']).toContain('r-1');
    expect(t('NOT_FOUND', 'zh-CN')).toBe('未找到请求的内容。');
  });

  it('picks the word that agrees with a number', () => {
    expect(format('{count} {count:entry|entries}', { count: 1 })).toBe('1 entry');
    expect(format('{count} {count:entry|entries}', { count: 25 })).toBe('25 entries');
    expect(format('{count} {count:entry|entries}', { count: 0 })).toBe('0 entries');
    expect(format('{n:entry|entries}', { count: 1 })).toBe('{n:entry|entries}');
    registerMessages(superviseUiMessages);
    expect(t('supervise.entries', 'en', { count: 1 })).toBe('1 entry');
    expect(t('supervise.entries', 'zh-CN', { count: 1 })).toBe('1 条记录');
  });
});
