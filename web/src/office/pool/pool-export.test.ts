import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../../functions/lib/pool/xlsx';
import { poolCsv, readPoolRows } from '../../../../shared/pool/rows';
import { parseCsv } from '../../../../shared/pool/text';
import { creditCodeCheckCharacter } from '../../../../shared/eligibility/credit-code';

const CODE = `91510100MA6CXXXX1${creditCodeCheckCharacter('91510100MA6CXXXX1')}`;
import { workbookBlob } from '../../ui/export/workbook';
import { baseName, poolSheet } from './pool-export';

// Issue 13 part 1: the pool exported as .xlsx holds what the CSV holds, and the import reads it back unchanged.

const people = [
  {
    email: 'wang@example.cn', name: '王建国', role: 'expert' as const, organisation: '成都某研究院',
    profile: { creditCode: CODE, pastEmployers: [{ name: '某机械厂', untilYear: 2019 }], title: '正高级工程师', fields: ['C', 'M'], district: '武侯区', phone: '02885551234', active: true },
  },
  {
    email: 'li@example.cn', name: '李, "小"红', role: 'supervisor' as const,
    profile: { pastEmployers: [], fields: [], active: false },
  },
];

describe('the pool as an Excel workbook', () => {
  it('keeps every cell of the CSV, credit codes and phones as text, and imports back to the same people', async () => {
    const csv = poolCsv(people);
    const sheet = poolSheet(csv, '专家库');
    expect(sheet.headers[0]).toBe('姓名');
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.rows[0]).toContain('02885551234');
    expect(sheet.rows[0]).toContain(CODE);
    expect(sheet.rows[1]![0]).toBe('李, "小"红');

    const bytes = new Uint8Array(await (await workbookBlob([sheet])).arrayBuffer());
    const back = readXlsx(bytes);
    expect(back).toEqual([sheet.headers, ...sheet.rows]);

    const fromXlsx = readPoolRows(back);
    const fromCsv = readPoolRows(parseCsv(csv.replace(/^\uFEFF/, '')));
    expect(fromXlsx.fileProblems).toEqual([]);
    expect(fromXlsx.rows.map((r) => r.problems)).toEqual([[], []]);
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
    expect(fromXlsx.rows.map((r) => r.person?.email)).toEqual(['wang@example.cn', 'li@example.cn']);
  });

  it('names the workbook after the CSV', () => {
    expect(baseName('pool-2026-12-06.csv')).toBe('pool-2026-12-06');
  });
});
