import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/chain';
import { renderWithState } from '../test-utils';
import { buildChain } from './fixtures';
import { Timeline } from './Timeline';
import { filterEntries, NO_FILTER, toJsonLines, type TimelineFilter } from './timeline';

let chain: AuditEntry[];
beforeAll(async () => {
  chain = await buildChain();
});
afterEach(cleanup);

function Harness({ entries }: { entries: readonly AuditEntry[] }) {
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  return <Timeline entries={entries} filter={filter} onFilter={setFilter} names={{ 'P-EXP-1': '王专家' }} organisations={{ 'A-1': '成都某某电子科技有限公司' }} />;
}

const shownSeqs = () =>
  within(screen.getByRole('list'))
    .getAllByRole('listitem')
    .map((li) => Number(li.getAttribute('data-seq')));

describe('supervisor timeline', () => {
  it('shows every entry with its seq, action, actor and abbreviated hashes', () => {
    renderWithState(<Harness entries={chain} />, { locale: 'en' });

    expect(shownSeqs()).toEqual([1, 2, 3, 4, 5]);
    expect(screen.getByText('Showing 5 of 5')).toBeTruthy();
    const last = screen.getByText('#5').closest('li')!;
    expect(within(last).getByText('Scorecard saved')).toBeTruthy();
    expect(within(last).getByText(/王专家 \(/)).toBeTruthy();
    expect(within(last).getByText(`${chain[4]!.hash.slice(0, 8)}…${chain[4]!.hash.slice(-4)}`)).toBeTruthy();
  });

  it('names what each entry changed and where as people do: the kind in words, the organisation, stage and person by name, no ids', () => {
    const card = { ...chain[4]!, target: { type: 'scorecard', id: 'A-1/materialReview/P-EXP-1' } };
    renderWithState(<Harness entries={[chain[0]!, card]} />, { locale: 'zh-CN' });

    const entry = screen.getByText('#5').closest('li')!;
    expect(entry.querySelector('[data-target]')!.textContent).toBe('评分表 · 成都某某电子科技有限公司 · 材料审核 · 王专家');
    expect(entry.textContent).toContain('成都某某电子科技有限公司 · 材料审核');
    expect(entry.textContent).not.toMatch(/A-1|P-EXP-1|scorecard|materialReview/);
    expect(screen.getByText('#1').closest('li')!.querySelector('[data-target]')!.textContent).toBe('评审轮次');
  });

  it('names applicants by their organisation in the applicant filter', () => {
    renderWithState(<Harness entries={chain} />, { locale: 'en' });

    const applicant = screen.getByLabelText('Applicant') as HTMLSelectElement;
    expect([...applicant.options].map((o) => o.textContent)).toContain('成都某某电子科技有限公司 · A-1');
  });

  it('narrows to one applicant, then to one action of that applicant, and clears', () => {
    renderWithState(<Harness entries={chain} />, { locale: 'en' });

    fireEvent.change(screen.getByLabelText('Applicant'), { target: { value: 'A-1' } });
    expect(shownSeqs()).toEqual([2, 4, 5]);

    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'application.submitted' } });
    expect(shownSeqs()).toEqual([4]);
    expect(screen.getByText('Showing 1 of 5')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(shownSeqs()).toEqual([1, 2, 3, 4, 5]);
  });

  it('filters by person and by stage', () => {
    renderWithState(<Harness entries={chain} />, { locale: 'en' });

    fireEvent.change(screen.getByLabelText('Person'), { target: { value: 'P-APP-2' } });
    expect(shownSeqs()).toEqual([3]);

    fireEvent.change(screen.getByLabelText('Person'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Stage'), { target: { value: 'materialReview' } });
    expect(shownSeqs()).toEqual([5]);
  });

  it('says so when no entry matches', () => {
    expect(filterEntries(chain, { ...NO_FILTER, applicant: 'A-2', stage: 'materialReview' })).toEqual([]);
  });

  it('exports the whole chain as JSON lines, one stored entry per line', () => {
    const lines = toJsonLines(chain).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[2]!)).toEqual(chain[2]);
  });
});
