import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PoolPreviewResponse } from '../../../../shared/api/pool';
import { routedFetch } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { person, session } from '../../ui/review/fixtures';
import { PoolPage } from './PoolPage';

afterEach(cleanup);

const PEOPLE = 'GET /api/submission/people';
const PREVIEW = 'POST /api/submission/pool/preview';
const IMPORT = 'POST /api/submission/pool/import';

const badPreview: PoolPreviewResponse = {
  fileName: '专家库.csv',
  encoding: 'gbk',
  digest: 'a'.repeat(64),
  fileProblems: [],
  rows: [
    { line: 2, name: '张三', email: 'z@example.org', role: 'expert', action: 'create', problems: [] },
    { line: 3, problems: [{ code: 'emailInvalid', column: '邮箱', value: 'not-an-email' }, { code: 'fieldUnknown', column: '专业领域', value: '火星业' }] },
  ],
  counts: { create: 1, update: 0, unchanged: 0, invalid: 1 },
};
const goodPreview: PoolPreviewResponse = { ...badPreview, encoding: 'utf-8-bom', digest: 'b'.repeat(64), rows: [badPreview.rows[0]!], counts: { create: 1, update: 0, unchanged: 0, invalid: 0 } };

const choose = (text: string) => {
  const input = document.querySelector<HTMLInputElement>('[data-pool-file]')!;
  Object.defineProperty(input, 'files', { value: [new File([text], '专家库.csv', { type: 'text/csv' })], configurable: true });
  fireEvent.change(input);
};

describe('the pool page', () => {
  it('names every bad row in the reader’s language and offers no import until the file is correct', async () => {
    const fetch = routedFetch({
      [PEOPLE]: { status: 200, body: { people: [] } },
      [PREVIEW]: [{ status: 200, body: badPreview }, { status: 200, body: goodPreview }],
      [IMPORT]: { status: 200, body: { importId: 'I', created: 1, updated: 0, unchanged: 0, parts: 1 } },
    });
    const view = renderWithState(<PoolPage />, { locale: 'en', fetch });
    view.state.signedIn(session('admin'));
    await screen.findByText('The pool is empty; import it first.');

    choose('姓名,邮箱\n');
    await screen.findByText('“邮箱” is not a valid email address: not-an-email');
    screen.getByText('“火星业” in “专业领域” is not a GB/T 4754 section');
    screen.getByText(/Read “专家库.csv” \(GBK\)/);
    screen.getByText('1 row(s) have problems; correct them and choose the file again. Nothing is written until then.');
    expect(document.querySelector('[data-pool-confirm]')).toBeNull();
    expect(fetch.calls.filter((c) => c.key === IMPORT)).toHaveLength(0);

    choose('姓名,邮箱\n张三,z@example.org\n');
    const confirm = await waitFor(() => {
      const b = document.querySelector<HTMLButtonElement>('[data-pool-confirm]');
      if (!b) throw new Error('no confirm yet');
      return b;
    });
    expect(confirm.textContent).toBe('Import 1 people');
    fireEvent.click(confirm);
    await screen.findByText('Imported: 1 new, 0 updated, 0 unchanged.');
    expect(fetch.calls.find((c) => c.key === IMPORT)!.body).toMatchObject({ fileName: '专家库.csv', digest: 'b'.repeat(64) });
    expect(fetch.calls.filter((c) => c.key === PEOPLE)).toHaveLength(2);
  });

  it('filters the pool by field and district', async () => {
    const withProfile = (id: string, name: string, fields: string[], district: string) => ({ ...person(id, name), profile: { pastEmployers: [], fields, district, active: true } });
    const fetch = routedFetch({ [PEOPLE]: { status: 200, body: { people: [withProfile('E1', '甲', ['C'], '鼓楼区'), withProfile('E2', '乙', ['M'], '鼓楼区'), withProfile('E3', '丙', ['M'], '仓山区'), person('S1', '监督', 'supervisor')] } } });
    const view = renderWithState(<PoolPage />, { locale: 'zh-CN', fetch });
    view.state.signedIn(session('admin'));
    await screen.findByText('共 4 人');
    fireEvent.change(screen.getByLabelText('专业领域'), { target: { value: 'M' } });
    await screen.findByText('共 2 人');
    fireEvent.change(screen.getByLabelText('区县'), { target: { value: '仓山区' } });
    await screen.findByText('共 1 人');
    screen.getByText('丙');
  });
});
