import { cleanup, screen } from '@testing-library/preact';
import { Route, Router } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithState } from '../test-utils';
import { deferred, lazyPage } from './deferred';

afterEach(cleanup);

const Part = ({ name }: { name: string }) => <p>part {name}</p>;

describe('deferred parts and lazy pages', () => {
  it('a part shows once its chunk arrives, with its props', async () => {
    const Lazy = deferred(async () => Part);
    renderWithState(<Lazy name="a" />);
    expect(await screen.findByText('part a')).toBeTruthy();
  });

  it('a part whose chunk fails says so with a reload (not an empty space); a later showing tries the load again', async () => {
    let attempts = 0;
    const Lazy = deferred<{ name: string }>(async () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return Part;
    });
    const first = renderWithState(<Lazy name="b" />);
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe('CHUNK_FAILED');
    expect(alert.textContent).toContain('此处内容未能加载');
    expect(screen.getByRole('button', { name: '刷新页面' })).toBeTruthy();
    first.unmount();

    renderWithState(<Lazy name="c" />);
    expect(await screen.findByText('part c')).toBeTruthy();
    expect(attempts).toBe(2);
  });

  it('a page whose chunk fails shows that the page did not load, in the reader’s language', async () => {
    const Page = lazyPage(async () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const { state } = renderWithState(
      <Router>{[<Route default component={Page} />]}</Router>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('此处内容未能加载');
    await state.setLocale('en');
    expect(await screen.findByText(/This did not load/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
  });
});
