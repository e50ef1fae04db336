import { describe, expect, it } from 'vitest';
import { bilingual } from './index';
import { bytesText, fileTypeList, fileTypeName, formatBytes, formatMoment, momentText } from './units';

describe('sizes and file types as people read them', () => {
  it('shows the 50 MiB upload limit (52,428,800 bytes) as "50 MB" in both languages, one unit and one number', () => {
    expect(formatBytes(52_428_800, 'zh-CN')).toBe('50 MB');
    expect(bytesText(500 * 1024 * 1024)).toEqual({ 'zh-CN': '500 MB', en: '500 MB' });
    expect(bilingual('DOCUMENT_FILE_TOO_LARGE', { maxBytes: bytesText(52_428_800) })).toEqual({
      'zh-CN': '文件过大：单个文件最多 50 MB。',
      en: 'The file is too large: at most 50 MB per file.',
    });
  });

  it('uses binary steps with at most one decimal, and never shows 1,024 of a unit', () => {
    expect(formatBytes(812, 'en')).toBe('812 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(1_572_864, 'en')).toBe('1.5 MB');
    expect(formatBytes(1024 * 1024 - 1, 'en')).toBe('1 MB');
    expect(formatBytes(3 * 1024 ** 3, 'en')).toBe('3 GB');
  });

  it('names file types as people name them and lists them as each language lists', () => {
    expect(fileTypeName('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('Word');
    expect(fileTypeName('application/x-msdownload', 'setup.exe')).toBe('EXE');
    expect(fileTypeList(['application/pdf', 'image/jpeg', 'image/png'])).toEqual({ 'zh-CN': 'PDF、JPEG、PNG', en: 'PDF, JPEG, PNG' });
    expect(bilingual('DOCUMENT_TYPE_REFUSED', { contentType: 'EXE', allowed: fileTypeList(['application/pdf']) })['zh-CN']).toBe('不接受这种文件类型（EXE）。允许的类型：PDF。');
  });
});

describe('moments as people read them', () => {
  it('gives a time in Beijing time (the round’s zone by default), as each language writes it, never ISO UTC', () => {
    expect(formatMoment('2026-12-05T10:00:00.000Z', 'zh-CN')).toBe('2026年12月5日 18:00');
    expect(formatMoment('2026-12-05T10:00:00.000Z', 'en')).toBe('5 Dec 2026, 18:00');
    expect(momentText('2026-12-05T16:30:00.000Z')).toEqual({ 'zh-CN': '2026年12月6日 00:30', en: '6 Dec 2026, 00:30' });
    expect(formatMoment('2026-12-05T10:00:00.000Z', 'en', 'Europe/London')).toBe('5 Dec 2026, 10:00');
    expect(bilingual('NOTICE_PERIOD_NOT_OVER', { endsAt: momentText('2026-12-05T10:00:00.000Z') })['zh-CN']).toBe('公示期尚未结束（2026年12月5日 18:00 结束）。');
  });
});
