import { describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../shared/api';
import { createAppState } from './state';
import { memoryStorage } from './test-utils';

// A mailed link opened in a browser still signed in as someone else: the page asks who is signed in (old cookie) while
// the link's token is exchanged. Whichever answer arrives last, the person the link signed in is who the site shows.

const session = (role: SessionResponse['role'], name: string) => ({ role, name }) as unknown as SessionResponse;

function slowFetch() {
  let answer!: (response: Response) => void;
  const pending = new Promise<Response>((resolve) => (answer = resolve));
  const fetchImpl = (() => pending) as unknown as typeof fetch;
  return { fetchImpl, answer };
}

describe('the session while a link signs someone in', () => {
  it('keeps the new session when the old cookie’s answer arrives after the exchange', async () => {
    const storage = memoryStorage();
    storage.setItem('merit.signedIn', '1');
    const { fetchImpl, answer } = slowFetch();
    const state = createAppState({ storage, fetch: fetchImpl, document: null });

    const loading = state.loadSession();
    state.signedIn(session('admin', '林主任'));
    answer(new Response(JSON.stringify(session('operator', '运营')), { status: 200, headers: { 'content-type': 'application/json' } }));
    await loading;

    expect(state.session.value).toMatchObject({ role: 'admin', name: '林主任' });
    expect(state.sessionChecked.value).toBe(true);
  });

  it('keeps the new session when the old cookie had expired (a late 401)', async () => {
    const storage = memoryStorage();
    storage.setItem('merit.signedIn', '1');
    const { fetchImpl, answer } = slowFetch();
    const state = createAppState({ storage, fetch: fetchImpl, document: null });

    const loading = state.loadSession();
    state.signedIn(session('expert', '王专家'));
    const error = { error: { code: 'UNAUTHENTICATED', message: { 'zh-CN': '请登录', en: 'Sign in' } } };
    answer(new Response(JSON.stringify(error), { status: 401, headers: { 'content-type': 'application/json' } }));
    await loading;

    expect(state.session.value).toMatchObject({ role: 'expert' });
    expect(storage.getItem('merit.signedIn')).toBe('1');
  });

  it('still takes the answer when nobody signed in meanwhile', async () => {
    const storage = memoryStorage();
    storage.setItem('merit.signedIn', '1');
    const { fetchImpl, answer } = slowFetch();
    const state = createAppState({ storage, fetch: fetchImpl, document: null });

    const loading = state.loadSession();
    answer(new Response(JSON.stringify(session('operator', '运营')), { status: 200, headers: { 'content-type': 'application/json' } }));
    await loading;

    expect(state.session.value).toMatchObject({ role: 'operator' });
  });
});
