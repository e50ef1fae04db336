import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvText, sheetName, workbookBlob } from './workbook';

describe('the workbook and CSV writer', () => {
  it('writes CSV with a byte order mark, CRLF line ends and RFC 4180 quoting', () => {
    const text = csvText({ headers: ['申报组织', '意见'], rows: [['甲公司', '无异议'], ['乙, "丙"公司', '第一行\n第二行'], ['丁公司', 3]] });
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('申报组织,意见\r\n甲公司,无异议\r\n"乙, ""丙""公司","第一行\n第二行"\r\n丁公司,3\r\n');
  });

  it('names sheets as Excel accepts them: no forbidden characters, at most 31 characters, unique', () => {
    expect(sheetName('评分/合议', new Set())).toBe('评分_合议');
    expect(sheetName('x'.repeat(40), new Set())).toHaveLength(31);
    expect(sheetName('排名', new Set(['排名']))).toBe('排名_2');
  });

  it('writes one sheet per table with its headers first, numbers as numbers', async () => {
    const blob = await workbookBlob([
      { name: '排名', headers: ['名次', '申报组织'], rows: [[1, '甲公司']] },
      { name: '表决', headers: ['赞成票'], rows: [[9]] },
    ]);
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect([...strFromU8(files['xl/workbook.xml']!).matchAll(/<sheet\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1])).toEqual(['排名', '表决']);
    const all = Object.values(files).map((f) => strFromU8(f)).join('');
    expect(all).toContain('申报组织');
    expect(all).toContain('甲公司');
    expect(strFromU8(files['xl/worksheets/sheet2.xml']!)).toMatch(/<c r="A2"[^>]*><v>9<\/v><\/c>/);
  });
});
