import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { bilingual } from '../../../shared/messages';
import { renderWithState } from '../test-utils';
import { routedFetch } from './fakes';
import { SectionEditor } from './SectionEditor';

afterEach(cleanup);

const APP = '01JDEMO0000000000000000000';
const SAVE = `PUT /api/submission/applications/${APP}/package/4.1.2`;
const initial = { section: '4.1.2', text: '旧的内容', version: 3, updatedAt: '2026-07-10T08:00:00.000Z' };
const stale = { status: 409, body: { error: { code: 'CONFLICT', message: bilingual('CONFLICT'), details: { section: '4.1.2', currentVersion: 4, yourVersion: 3 } } } };

function type(text: string) {
  const box = screen.getByLabelText('4.1.2 Role of senior leaders') as HTMLTextAreaElement;
  fireEvent.input(box, { target: { value: text } });
  fireEvent.blur(box); // leaving the field saves at once
  return box;
}

describe('a package section', () => {
  it('saves based on the version it read and counts characters against the round’s limit', async () => {
    const fetch = routedFetch({ [SAVE]: ({ body }) => ({ status: 200, body: { section: '4.1.2', text: (body as { text: string }).text, version: 4, updatedAt: '2026-07-10T09:00:00.000Z' } }) });
    renderWithState(<SectionEditor applicationId={APP} section="4.1.2" initial={initial} maxChars={20} readOnly={false} />, { locale: 'en', fetch });

    type('领导作用：方针与目标');

    await waitFor(() => expect(document.querySelector('[data-save-state="saved"]')).toBeTruthy());
    expect(fetch.calls[0]).toEqual({ key: SAVE, body: { text: '领导作用：方针与目标', version: 3 } });
    expect(screen.getByText('10 / 20 characters')).toBeTruthy();
  });

  it('on a 409 conflict says the text was not saved, never overwrites, and reloads the saved version only when asked, keeping the applicant’s text', async () => {
    // Prepare
    const fetch = routedFetch({
      [SAVE]: stale,
      [`GET /api/submission/applications/${APP}`]: { status: 200, body: { sections: [{ ...initial, text: '同事保存的内容', version: 4 }] } },
    });
    renderWithState(<SectionEditor applicationId={APP} section="4.1.2" initial={initial} maxChars={8000} readOnly={false} />, { locale: 'en', fetch });

    // Act
    const box = type('我的新内容');

    // Assess: a clear message, the applicant's text still there, one save attempt only (no silent retry on a newer version).
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This section was changed elsewhere; your text was not saved.');
    expect(box.value).toBe('我的新内容');
    expect(fetch.calls.filter((c) => c.key === SAVE)).toHaveLength(1);
    fireEvent.input(box, { target: { value: '我的新内容，继续写' } });
    fireEvent.blur(box);
    expect(fetch.calls.filter((c) => c.key === SAVE)).toHaveLength(1);

    // The applicant asks for the saved version; their own text — all of it, typed after the conflict too — stays on the page to copy.
    fireEvent.click(screen.getByRole('button', { name: 'Load the saved version' }));
    await waitFor(() => expect(box.value).toBe('同事保存的内容'));
    expect((screen.getByLabelText('Your unsaved text (to copy)') as HTMLTextAreaElement).value).toBe('我的新内容，继续写');
    expect(screen.queryByText('This section was changed elsewhere; your text was not saved.')).toBeNull();

    // The next save is based on the version just loaded.
    type('同事保存的内容，加上我的');
    await waitFor(() => expect(fetch.calls.filter((c) => c.key === SAVE)).toHaveLength(2));
    expect(fetch.calls.filter((c) => c.key === SAVE).at(-1)!.body).toEqual({ text: '同事保存的内容，加上我的', version: 4 });
  });

  it('saves text still waiting for the pause when the applicant leaves the page by a link', async () => {
    const fetch = routedFetch({ [SAVE]: { status: 200, body: { ...initial, text: '刚写的', version: 4 } } });
    const { unmount } = renderWithState(<SectionEditor applicationId={APP} section="4.1.2" initial={initial} maxChars={8000} readOnly={false} />, { locale: 'en', fetch });

    type('刚写的');
    unmount();

    await waitFor(() => expect(fetch.calls.filter((c) => c.key === SAVE)).toHaveLength(1));
    expect(fetch.calls[0]!.body).toEqual({ text: '刚写的', version: 3 });
  });

  it('does not save a text over the limit and says so', async () => {
    const fetch = routedFetch({});
    renderWithState(<SectionEditor applicationId={APP} section="4.1.2" initial={initial} maxChars={5} readOnly={false} />, { locale: 'zh-CN', fetch });

    fireEvent.input(screen.getByLabelText('4.1.2 高层领导的作用'), { target: { value: '一二三四五六' } });

    expect(screen.getByText('6 / 5 字').className).toBe('over');
    expect(screen.getByText('超过 5 字，未保存，请删减。')).toBeTruthy();
    expect(fetch.calls).toHaveLength(0);
  });
});
