import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/chain';
import { routedFetch } from '../apply/fakes';
import { buildChain } from '../supervise/fixtures';
import { renderWithState } from '../test-utils';
import { session } from '../ui/review/fixtures';
import { deliberation, evaluation, objections, opinions, publication, publications, ROUND, ROUTES } from './fixtures';
import { OutcomePage } from './OutcomePage';

let chain: AuditEntry[];
beforeAll(async () => {
  chain = await buildChain(`round:${ROUND}`);
});
afterEach(cleanup);

const ok = (body: unknown) => ({ status: 200, body });
const SCOPE = `round:${ROUND}`;

/** The page at the public notice, its notice carrying the head (`sequence`, `hash`), the chain served two entries a page. */
function api(sequence: number, hash: string, entries: readonly AuditEntry[]) {
  return routedFetch({
    [ROUTES.evaluation]: ok(evaluation('publicNotice', true)),
    [ROUTES.opinions]: ok(opinions('publicNotice')),
    [ROUTES.deliberation]: ok(deliberation('publicNotice')),
    [ROUTES.objections]: ok(objections('publicNotice')),
    [ROUTES.publications]: ok(publications('publicNotice', [publication('notice', sequence, hash)])),
    [ROUTES.entries]: [
      ok({ scope: SCOPE, entries: entries.slice(0, 2), nextAfter: 2 }),
      ok({ scope: SCOPE, entries: entries.slice(2, 4), nextAfter: 4 }),
      ok({ scope: SCOPE, entries: entries.slice(4) }),
    ],
  });
}

async function check(role: 'admin' | 'supervisor', fetch: ReturnType<typeof routedFetch>): Promise<HTMLElement> {
  const view = renderWithState(<OutcomePage roundId={ROUND} />, { locale: 'en', fetch });
  view.state.signedIn(session(role));
  fireEvent.click(await screen.findByRole('button', { name: 'Check against the chain' }));
  return waitFor(() => {
    const result = document.querySelector<HTMLElement>('[data-head-check]');
    if (!result) throw new Error('no result yet');
    return result;
  });
}

describe('checking a publication’s chain head against the chain, in the browser', () => {
  it('shows where the document is, its SHA-256 and the head it carries', async () => {
    renderWithState(<OutcomePage roundId={ROUND} />, { locale: 'en', fetch: api(3, chain[2]!.hash, chain) }).state.signedIn(session('supervisor'));
    await screen.findByRole('button', { name: 'Check against the chain' });
    const pub = document.querySelector('[data-publication="notice"]')!;
    expect(pub.querySelector('[data-document-link]')!.getAttribute('href')).toBe(`/results/${ROUND}/notice.json`);
    expect(pub.querySelector('[data-public-page]')!.getAttribute('href')).toBe(`/notices/${ROUND}`);
    expect(pub.querySelector('[data-sha256]')!.textContent).toBe('ab'.repeat(32));
    expect(pub.querySelector('[data-chain-head]')!.textContent).toBe(`${SCOPE} · #3 · ${chain[2]!.hash}`);
    expect(pub.textContent).toContain('recorded by 王主任');
  });

  it('passes when the entry at the head’s sequence has the head’s hash and the chain up to it recomputes, reading every page', async () => {
    const fetch = api(3, chain[2]!.hash, chain);
    const result = await check('supervisor', fetch);
    expect(result.getAttribute('data-head-check')).toBe('ok');
    expect(result.textContent).toBe('Matches: entry #3 of the chain has this hash, and the chain up to it recomputes correctly in this browser (5 entries read).');
    expect(fetch.calls.filter((c) => c.key === ROUTES.entries)).toHaveLength(3);
  });

  it('names the mismatch when the document carries another hash than the chain’s entry', async () => {
    const forged = 'c'.repeat(64);
    const result = await check('admin', api(3, forged, chain));
    expect(result.getAttribute('data-head-check')).toBe('mismatch');
    expect(result.textContent).toBe(`Does not match: entry #3 of the chain has the hash ${chain[2]!.hash}, the document carries ${forged}.`);
  });

  it('names the first entry that does not verify when the chain was tampered with before the head', async () => {
    // Someone rewrote who registered A-1 (entry #2), leaving its hash as it was.
    const tampered = chain.map((e) => (e.seq === 2 ? { ...e, actor: { personId: 'P-APP-9', role: 'applicant' } } : e));
    const result = await check('supervisor', api(3, chain[2]!.hash, tampered));
    expect(result.getAttribute('data-head-check')).toBe('broken');
    expect(result.textContent).toBe('Does not match: the chain does not verify at entry #2: its content does not match its hash.');
  });

  it('still matches when the chain breaks only after the head, and says where it breaks', async () => {
    const tampered = chain.map((e) => (e.seq === 5 ? { ...e, action: 'scorecard.deleted' } : e));
    const result = await check('supervisor', api(3, chain[2]!.hash, tampered));
    expect(result.getAttribute('data-head-check')).toBe('ok');
    expect(result.querySelector('[data-broken-after]')!.textContent).toBe(' But the chain breaks later, at entry #5: its content does not match its hash.');
  });

  it('says so when the chain has no entry at the head’s sequence', async () => {
    const result = await check('supervisor', api(9, chain[4]!.hash, chain));
    expect(result.getAttribute('data-head-check')).toBe('missing');
    expect(result.textContent).toBe('Does not match: the chain has no entry #9 (it has 5).');
  });
});
