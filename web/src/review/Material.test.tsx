import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bilingual } from '../../../shared/messages';
import { routedFetch } from '../apply/fakes';
import { renderWithState } from '../test-utils';
import { BASE, materialFixture } from './fixtures';
import { Material } from './Material';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const DOWNLOAD = `GET ${BASE}/documents/doc-1/download`;

describe('the application material', () => {
  it('shows the profile as text and downloads a verified document through a short-lived link', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    const fetch = routedFetch({ [DOWNLOAD]: { status: 200, body: { url: 'https://docs.example.org/signed?x=1', expiresAt: '2026-09-12T10:05:00.000Z' } } });
    renderWithState(<Material material={materialFixture({ sections: { profile: '<img src=x>本公司\n第二行' } })} />, { locale: 'en', fetch });

    expect(document.querySelector('[data-section="profile"]')!.textContent).toBe('<img src=x>本公司\n第二行');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText(/Business licence/).textContent).toContain('200 KB');

    fireEvent.click(screen.getByRole('button', { name: 'Download' }));

    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://docs.example.org/signed?x=1'));
    expect(fetch.calls.map((c) => c.key)).toEqual([DOWNLOAD]);
  });

  it('says why a download failed', async () => {
    const fetch = routedFetch({ [DOWNLOAD]: { status: 404, body: { error: { code: 'NOT_FOUND', message: bilingual('NOT_FOUND') } } } });
    renderWithState(<Material material={materialFixture()} />, { locale: 'en', fetch });
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect((await screen.findByRole('alert')).getAttribute('data-error-code')).toBe('NOT_FOUND');
  });
});
