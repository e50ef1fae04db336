import { fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { createAppState } from '../state';
import { memoryStorage, renderWithState } from '../test-utils';
import { Header } from './Header';

afterEach(cleanup);

describe('language switch', () => {
  it('shows Chinese to a browser that never chose, and switches every text to English with <html lang>', () => {
    // Prepare
    const storage = memoryStorage();
    renderWithState(<Header />, { storage });
    expect(screen.getByText('政府质量奖评审系统')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');

    // Act
    fireEvent.click(screen.getByRole('button', { name: 'English' }));

    // Assess
    expect(screen.getByText('Government Quality Award')).toBeTruthy();
    expect(screen.queryByText('政府质量奖评审系统')).toBeNull();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('remembers the choice in this browser for the next visit', () => {
    const storage = memoryStorage();
    const first = renderWithState(<Header />, { storage });
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    first.unmount();

    const next = createAppState({ storage });

    expect(next.locale.value).toBe('en');
    expect(storage.data.get('merit.locale')).toBe('en');
  });
});
