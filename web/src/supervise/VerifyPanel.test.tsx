import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/chain';
import { renderWithState } from '../test-utils';
import { buildChain } from './fixtures';
import { VerifyPanel } from './VerifyPanel';

let chain: AuditEntry[];
beforeAll(async () => {
  chain = await buildChain();
});
afterEach(cleanup);

describe('chain verification in the browser', () => {
  it('reports an intact chain with its length and head', async () => {
    renderWithState(<VerifyPanel scope="round:city-2026" entries={chain} />, { locale: 'en' });

    fireEvent.click(screen.getByRole('button', { name: 'Verify chain' }));

    const ok = await screen.findByText(/^Verified: 5 entries, head /);
    expect(ok.textContent).toContain(chain[4]!.hash.slice(0, 8));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the first tampered entry when an entry was changed after it was written', async () => {
    // Prepare: someone rewrites who made entry #3, leaving its hash as it was.
    const tampered = chain.map((e) => (e.seq === 3 ? { ...e, actor: { personId: 'P-APP-1', role: 'applicant' } } : e));
    renderWithState(<VerifyPanel scope="round:city-2026" entries={tampered} />, { locale: 'en' });

    // Act
    fireEvent.click(screen.getByRole('button', { name: 'Verify chain' }));

    // Assess
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('entry #3 does not match (its content does not match its hash)');
    expect(alert.getAttribute('data-seq')).toBe('3');
    expect(screen.queryByText(/^Verified/)).toBeNull();
  });

  it('names a removed entry as a gap in the sequence, in Chinese too', async () => {
    const gap = chain.filter((e) => e.seq !== 2);
    renderWithState(<VerifyPanel scope="round:city-2026" entries={gap} />, { locale: 'zh-CN' });

    fireEvent.click(screen.getByRole('button', { name: '验证整条链' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('第 3 条记录不匹配（序号缺失或错位）');
  });
});
