import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { bilingual } from '../../../shared/messages';
import { ApiError, createApi } from '../api';
import { SignIn } from '../public/SignIn';
import { fakeFetch, renderWithState } from '../test-utils';

afterEach(cleanup);

const rateLimited = { error: { code: 'RATE_LIMITED', message: bilingual('RATE_LIMITED'), requestId: 'req-42' } };

describe('API errors', () => {
  it('the client throws an ApiError with the code and both languages of the error envelope', async () => {
    const call = createApi(fakeFetch(429, rateLimited));

    const failure = await call('auth.requestLink', { body: { email: 'a@example.org' } }).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 429, code: 'RATE_LIMITED', requestId: 'req-42', text: bilingual('RATE_LIMITED') });
  });

  it('the client sends same-origin credentials, the JSON body and fills path parameters', async () => {
    const fetch = fakeFetch(200, { person: {} });
    const call = createApi(fetch);

    await call('people.revoke', { params: { personId: 'P 1' } });
    await call('audit.entries', { params: { scope: 'round:city-2026' }, query: { after: 0, limit: 1000 } });

    expect(fetch.calls[0]!.url).toBe('/api/submission/people/P%201/revoke');
    expect(fetch.calls[0]!.init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(fetch.calls[1]!.url).toBe('/api/publication/audit/round%3Acity-2026/entries?after=0&limit=1000');
  });

  it('a network failure becomes a NETWORK error with a message in both languages', async () => {
    const call = createApi(async () => {
      throw new TypeError('Failed to fetch');
    });

    await expect(call('public.programmes')).rejects.toMatchObject({ code: 'NETWORK', text: bilingual('error.network') });
  });

  it('the sign-in page shows a rate limit in the reader’s language only, with the code and request id on a small muted line', async () => {
    renderWithState(<SignIn />, { locale: 'en', fetch: fakeFetch(429, rateLimited) });

    fireEvent.input(screen.getByLabelText('Email address'), { target: { value: 'someone@example.org' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Send me a link' }).closest('form')!);

    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('.error-main')!.textContent).toBe('Too many requests; please wait and try again.');
    expect(alert.textContent).not.toContain('请求过于频繁');
    const meta = alert.querySelector('.error-meta.small.muted')!;
    expect(meta.textContent).toBe('Error code: RATE_LIMITED · Request id: req-42');
    expect(alert.textContent!.replace(meta.textContent!, '')).not.toMatch(/RATE_LIMITED|req-42/);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('the sign-in page gives the same answer for any address once the request is accepted', async () => {
    renderWithState(<SignIn />, { locale: 'zh-CN', fetch: fakeFetch(202, { accepted: true }) });

    fireEvent.input(screen.getByLabelText('电子邮箱'), { target: { value: 'nobody@example.org' } });
    fireEvent.submit(screen.getByRole('button', { name: '发送登录链接' }).closest('form')!);

    expect((await screen.findByRole('status')).textContent).toContain('如果该邮箱已在本系统登记');
  });
});
