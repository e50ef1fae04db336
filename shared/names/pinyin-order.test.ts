import { describe, expect, it } from 'vitest';
import { comparePinyin, sortByPinyin } from './pinyin-order';

describe('pinyin order of names', () => {
  it('reads the polyphonic characters of city names as the cities are called (重庆 chóng, 长沙 cháng, 厦门 xià, 蚌埠 bèng, 六安 lù)', () => {
    // Read alone, 重 is zhòng, 长 zhǎng, 厦 shà, 蚌 bàng, 六 liù: ICU puts 长沙 under Z and 厦门 under S.
    const cities = ['重庆', '长沙', '厦门', '蚌埠', '六安', '北京', '大连', '上海', '西安', '郑州', '兰州'];
    expect([...cities].sort(comparePinyin)).toEqual(['北京', '蚌埠', '长沙', '重庆', '大连', '兰州', '六安', '上海', '西安', '厦门', '郑州']);
  });

  it('reads 行 in a bank\'s name as háng, not xíng', () => {
    // 中国银行 (yin hang) before 中国银河证券 (yin he); read xing, it would come after.
    const banks = ['兴业银行股份有限公司', '中国银行股份有限公司', '中国银河证券股份有限公司', '厦门银行股份有限公司', '重庆农村商业银行股份有限公司', '长沙银行股份有限公司'];
    expect([...banks].sort(comparePinyin)).toEqual([
      '长沙银行股份有限公司',
      '重庆农村商业银行股份有限公司',
      '厦门银行股份有限公司',
      '兴业银行股份有限公司',
      '中国银行股份有限公司',
      '中国银河证券股份有限公司',
    ]);
  });

  it('puts company names of different cities under the right letter (北峰 bei before 蚌埠 beng)', () => {
    const companies = ['重庆钢铁有限公司', '安徽六安瓜片茶业有限公司', '蚌埠玻璃工业设计研究院', '长城汽车股份有限公司', '厦门航空有限公司', '北峰电子有限公司'];
    const letters = [...companies].sort(comparePinyin);
    expect(letters).toEqual(['安徽六安瓜片茶业有限公司', '北峰电子有限公司', '蚌埠玻璃工业设计研究院', '长城汽车股份有限公司', '重庆钢铁有限公司', '厦门航空有限公司']);
  });

  it('orders numbers as numbers and mixed Latin and Chinese names alphabetically', () => {
    expect(['applicant10', 'applicant2', 'applicant1'].sort(comparePinyin)).toEqual(['applicant1', 'applicant2', 'applicant10']);
    expect(['第10分公司', '第2分公司', 'ABC质量公司', '安泰科技'].sort(comparePinyin)).toEqual(['ABC质量公司', '安泰科技', '第2分公司', '第10分公司']);
  });

  it('sorts records by name, reading each name once, ties broken by the caller', () => {
    const rows = [
      { name: '重庆钢铁', id: 'b' },
      { name: '长沙银行', id: 'a' },
      { name: '重庆钢铁', id: 'a' },
    ];
    expect(sortByPinyin(rows, (r) => r.name, (x, y) => x.id.localeCompare(y.id)).map((r) => `${r.name}/${r.id}`)).toEqual(['长沙银行/a', '重庆钢铁/a', '重庆钢铁/b']);
  });
});
