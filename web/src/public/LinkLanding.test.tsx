import { cleanup, screen, waitFor } from '@testing-library/preact';
import { useLocation } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import { bilingual } from '../../../shared/messages';
import { fakeFetch, renderWithState } from '../test-utils';
import { LinkLanding } from './LinkLanding';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

function Where() {
  return <output data-testid="where">{useLocation().path}</output>;
}

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.token-for-test.signature';

describe('link landing', () => {
  it('exchanges the token from the fragment once, removes it from the address and goes to the role’s area', async () => {
    history.replaceState(null, '', `/auth#token=${TOKEN}`);
    const session = { person: { name: '李监督' }, role: 'supervisor', programmeId: 'city', expiresAt: '2026-12-01T00:00:00Z' };
    const fetch = fakeFetch(200, session);

    const { state } = renderWithState(
      <>
        <LinkLanding />
        <Where />
      </>,
      { locale: 'en', fetch },
    );

    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/supervise'));
    expect(window.location.hash).toBe('');
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]!.url).toBe('/api/submission/auth/session');
    expect(JSON.parse(String(fetch.calls[0]!.init?.body))).toEqual({ token: TOKEN });
    expect(state.session.value?.role).toBe('supervisor');
  });

  it('shows an expired link in the reader’s language with a button to ask for a new one', async () => {
    history.replaceState(null, '', `/auth#token=${TOKEN}`);
    const fetch = fakeFetch(401, { error: { code: 'LINK_EXPIRED', message: bilingual('LINK_EXPIRED') } });

    renderWithState(<LinkLanding />, { locale: 'zh-CN', fetch });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('登录链接已过期');
    expect(alert.textContent).not.toContain('This sign-in link has expired'); // the reader's language only
    expect(screen.getByRole('button', { name: '重新获取登录链接' })).toBeTruthy();
    expect(window.location.hash).toBe('');
  });

  it('says there is no token when the fragment holds none, without calling the API', async () => {
    history.replaceState(null, '', '/auth');
    const fetch = fakeFetch(200, {});

    renderWithState(<LinkLanding />, { locale: 'en', fetch });

    expect((await screen.findByRole('alert')).textContent).toContain('holds no sign-in token');
    expect(fetch.calls).toHaveLength(0);
  });
});
