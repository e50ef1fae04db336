import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../functions/lib/pool/xlsx';
import { poolCsv, readPoolRows } from './rows';
import { decodeCsv, parseCsv } from './text';

const HEADER = '姓名,邮箱,库别,工作单位,单位统一社会信用代码,曾任职单位,职称/资格,专业领域,所在区县,电话,状态';
const GOOD = '张三,zhang.san@example.cn,评审专家,福州某某机械有限公司,91350100M000100Y43,"厦门某某电子有限公司|91350102MA2XY00014|2021；旧厂|2015",高级工程师,制造业、I,鼓楼区,="0591-12345678",在库';

// GBK bytes of a CSV as Excel on a Chinese Windows saves it (encoded by hand from the GB 2312 table: 姓名 = D0D5 C3FB …).
const gbk = (text: string) => {
  const table: Record<string, number[]> = { 姓: [0xd0, 0xd5], 名: [0xc3, 0xfb], 邮: [0xd3, 0xca], 箱: [0xcf, 0xe4], 李: [0xc0, 0xee], 四: [0xcb, 0xc4] };
  return new Uint8Array([...text].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]));
};

describe('reading a pool file', () => {
  it('reads UTF-8 with a byte order mark, UTF-8 without, and GBK', () => {
    const text = `${HEADER}\r\n${GOOD}\r\n`;
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeCsv(withBom)).toEqual({ text, encoding: 'utf-8-bom' });
    expect(decodeCsv(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(gbk('姓名,邮箱\n李四,li@example.cn\n'))).toEqual({ text: '姓名,邮箱\n李四,li@example.cn\n', encoding: 'gbk' });
  });

  it('turns every good row into a person with the matching data', () => {
    const { rows, fileProblems } = readPoolRows(parseCsv(`${HEADER}\n${GOOD}\n`));
    expect(fileProblems).toEqual([]);
    expect(rows[0]).toEqual({
      line: 2,
      problems: [],
      person: {
        email: 'zhang.san@example.cn',
        name: '张三',
        role: 'expert',
        organisation: '福州某某机械有限公司',
        profile: {
          creditCode: '91350100M000100Y43',
          pastEmployers: [
            { name: '厦门某某电子有限公司', creditCode: '91350102MA2XY00014', untilYear: 2021 },
            { name: '旧厂', untilYear: 2015 },
          ],
          title: '高级工程师',
          fields: ['C', 'I'],
          district: '鼓楼区',
          phone: '0591-12345678',
          active: true,
        },
      },
    });
  });

  it('names every problem of every row, with its line and column as the file writes it', () => {
    const csv = [HEADER, GOOD, ',bad-email,法官,,123,某厂|x,,火星业,,,不知道', '李四,ZHANG.SAN@example.cn,,,,,,,,,'].join('\n');
    const { rows } = readPoolRows(parseCsv(csv));
    expect(rows[1]!.person).toBeUndefined();
    expect(rows[1]!.problems.map((p) => [p.code, p.column])).toEqual([
      ['nameMissing', '姓名'],
      ['emailInvalid', '邮箱'],
      ['roleUnknown', '库别'],
      ['creditCodeInvalid', '单位统一社会信用代码'],
      ['pastEmployerInvalid', '曾任职单位'],
      ['fieldUnknown', '专业领域'],
      ['statusUnknown', '状态'],
    ]);
    expect(rows[2]).toMatchObject({ line: 4, problems: [{ code: 'emailRepeated', firstRow: 2 }] });
  });

  it('refuses a file without the name or email column', () => {
    expect(readPoolRows(parseCsv('name,phone\n张三,1\n')).fileProblems).toEqual([{ code: 'columnMissing', column: '邮箱' }]);
  });

  it('reads back its own export unchanged', () => {
    const { rows } = readPoolRows(parseCsv(`${HEADER}\n${GOOD}\n`));
    const people = rows.map((r) => r.person!);
    const again = readPoolRows(parseCsv(decodeCsv(new TextEncoder().encode(poolCsv(people))).text));
    expect(again.rows.map((r) => r.person)).toEqual(people);
  });

  it('reads the first sheet of an .xlsx written by another program (SheetJS)', () => {
    const cells = readXlsx(new Uint8Array(readFileSync(new URL('../../test/fixtures/pool-sheetjs.xlsx', import.meta.url))));
    const { rows } = readPoolRows(cells);
    expect(rows.map((r) => r.person?.name ?? r.problems.map((p) => p.code).join())).toEqual(['张三', '李四', 'emailInvalid,creditCodeInvalid,fieldUnknown,statusUnknown']);
    expect(rows[1]!.person!.profile.phone).toBe('13900139000');
  });
});
