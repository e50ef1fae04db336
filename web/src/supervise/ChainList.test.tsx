import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithState } from '../test-utils';
import { ChainList } from './ChainList';

afterEach(cleanup);

const chains = [
  { scope: 'programme:city', kind: 'programme', name: { 'zh-CN': '示范市', en: 'Demo City' }, entries: 25, head: 'a'.repeat(64) },
  { scope: 'round:city-2026', kind: 'round', name: { 'zh-CN': '第一届', en: 'First round' }, entries: 1, head: 'b'.repeat(64) },
];

const api = (async () => new Response(JSON.stringify({ chains }), { status: 200 })) as typeof globalThis.fetch;

describe('chain list', () => {
  it('counts entries in words that agree with the number, in both languages', async () => {
    // Prepare / Act
    renderWithState(<ChainList />, { locale: 'en', fetch: api });
    // Assess
    await screen.findByText('First round');
    const counts = [...document.querySelectorAll('[data-chain] .muted')].map((el) => el.textContent?.split(' · ')[0]);
    expect(counts).toEqual(['25 entries', '1 entry']);
    cleanup();
    renderWithState(<ChainList />, { locale: 'zh-CN', fetch: api });
    await screen.findByText('第一届');
    expect([...document.querySelectorAll('[data-chain] .muted')].map((el) => el.textContent?.split(' · ')[0])).toEqual(['25 条记录', '1 条记录']);
  });

  it("links each round's chain to its timeline and to the round's reviews", async () => {
    renderWithState(<ChainList />, { locale: 'en', fetch: api });
    await screen.findByText('First round');
    expect(screen.getByText('First round').closest('a')?.getAttribute('href')).toBe('/supervise/round%3Acity-2026');
    expect(document.querySelector('[data-chain="round:city-2026"] [data-round-reviews-link]')?.getAttribute('href')).toBe('/supervise/rounds/city-2026');
    expect(document.querySelector('[data-chain="programme:city"] [data-round-reviews-link]')).toBeNull();
  });
});
