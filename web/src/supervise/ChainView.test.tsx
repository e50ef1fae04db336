import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/chain';
import { renderWithState } from '../test-utils';
import { ChainView } from './ChainView';
import { buildChain } from './fixtures';

afterEach(cleanup);

/** The publication API over a chain, answering entries two at a time as the server pages them. */
function fakeAudit(chain: AuditEntry[], pageSize = 2) {
  const requests: string[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://merit.test');
    requests.push(url.pathname + url.search);
    const json = (value: unknown) => new Response(JSON.stringify(value), { status: 200 });
    if (url.pathname === '/api/publication/audit') {
      return json({ chains: [{ scope: 'round:city-2026', kind: 'round', name: { 'zh-CN': '第一届', en: 'First round' }, entries: chain.length, head: chain.at(-1)!.hash }] });
    }
    if (url.pathname.endsWith('/entries')) {
      const after = Number(url.searchParams.get('after'));
      const page = chain.filter((e) => e.seq > after).slice(0, pageSize);
      const more = page.length > 0 && page.at(-1)!.seq < chain.length;
      return json({ scope: 'round:city-2026', entries: page, ...(more ? { nextAfter: page.at(-1)!.seq } : {}) });
    }
    return json({ people: [] });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

describe('chain view', () => {
  it('reads every page of the chain before showing the timeline, and offers verification and export only', async () => {
    const chain = await buildChain();
    const api = fakeAudit(chain);

    renderWithState(<ChainView scope="round:city-2026" />, { locale: 'en', fetch: api.fetch });

    await screen.findByText('Showing 5 of 5');
    expect(api.requests.filter((r) => r.includes('/entries'))).toEqual([
      '/api/publication/audit/round%3Acity-2026/entries?after=0&limit=1000',
      '/api/publication/audit/round%3Acity-2026/entries?after=2&limit=1000',
      '/api/publication/audit/round%3Acity-2026/entries?after=4&limit=1000',
    ]);
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(5);
    await screen.findByText('First round');
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons).toEqual(['Verify chain', 'Export (JSON lines)', 'Check independent scoring', 'Clear filters']);
  });
});
