import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { routedFetch, type FakeAnswer } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { configInvalid, refusal, roundView } from './fixtures';
import { RoundList } from './RoundList';

// The browser's time zone decides what the datetime-local inputs mean: eight hours ahead of UTC here.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = originalTz;
});
afterEach(cleanup);

const LIST = 'GET /api/publication/rounds';
const CREATE = 'POST /api/publication/rounds';

const LOCAL_DATES = [
  ['Registration opens', '2027-03-01T09:00'],
  ['Registration closes', '2027-04-30T17:00'],
  ['Submission deadline', '2027-05-31T17:00'],
  ['Material review due', '2027-07-15T17:00'],
  ['On-site evaluation due', '2027-09-15T17:00'],
  ['Presentation and defense day', '2027-10-20T09:00'],
] as const;

const type = (label: string | RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

/** Opens the form from the list, with the server answering creation with `create`. */
async function openForm(create: FakeAnswer | FakeAnswer[]) {
  const fetch = routedFetch({ [LIST]: [{ status: 200, body: { rounds: [] } }, { status: 200, body: { rounds: [roundView()] } }], [CREATE]: create });
  renderWithState(<RoundList />, { locale: 'en', fetch });
  fireEvent.click(await screen.findByRole('button', { name: 'New round' }));
  return fetch;
}

function fillRequired() {
  type('Round id', 'city-2027');
  type('Name (Chinese)', '2027 年市政府质量奖');
  type('Name (English)', 'City Quality Award 2027');
  for (const [label, value] of LOCAL_DATES) type(label, value);
}

const submit = () => fireEvent.submit(screen.getByRole('button', { name: 'Create the round' }).closest('form')!);

/** The problems shown with an input (its aria-describedby error list). */
function problemsOf(label: string | RegExp): string | null {
  const input = screen.getByLabelText(label);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
  const list = ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'));
  return list ? list.textContent : null;
}

describe('creating a round (the call)', () => {
  it('sends the id, both names, the dates as UTC instants and every setting at its default, then lists the new round', async () => {
    const fetch = await openForm({ status: 201, body: roundView() });
    expect(screen.getByText(/^Dates and times are entered and shown in your browser’s time zone \(Asia\/Shanghai\)/)).toBeTruthy();
    fillRequired();
    type('Winners quota', '5');
    submit();

    expect((await screen.findByRole('status')).textContent).toContain('Round city-2027 was created.');
    expect(fetch.calls.find((c) => c.key === CREATE)?.body).toEqual({
      roundId: 'city-2027',
      name: { 'zh-CN': '2027 年市政府质量奖', en: 'City Quality Award 2027' },
      config: {
        dates: {
          registrationOpens: '2027-03-01T01:00:00.000Z',
          registrationCloses: '2027-04-30T09:00:00.000Z',
          submissionDeadline: '2027-05-31T09:00:00.000Z',
          materialReviewDeadline: '2027-07-15T09:00:00.000Z',
          onSiteDeadline: '2027-09-15T09:00:00.000Z',
          defenseDate: '2027-10-20T01:00:00.000Z',
        },
        winnersQuota: 5,
        candidateThreshold: 500,
        publicNoticeDays: 7,
        divergenceThreshold: 20,
        reliabilityFlagOffset: 10,
        weights: { material: 0.3, onSite: 0.5, defense: 0.2 },
        teams: { materialReviewMin: 5, onSiteMin: 3, defensePanelMin: 5 },
        opinionDepartments: ['credit', 'safety', 'environment', 'tax'],
        reminders: { applicantDays: [7, 1], reviewerDays: [3, 1] },
        draw: { loadCap: 3, excludeSameDistrict: false },
      },
    });
    await screen.findByText('City Quality Award 2027');
    expect(screen.queryByRole('button', { name: 'Create the round' })).toBeNull();
  });

  it('offers the departments by name, ticked by default, and takes another department typed by its name', async () => {
    const fetch = await openForm({ status: 201, body: roundView() });
    const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
    expect(box('Credit authority').checked).toBe(true);
    expect(box('Market regulation authority').checked).toBe(false);
    expect(screen.queryByText(/credit|\btax\b/)).toBeNull();

    fillRequired();
    fireEvent.click(box('Environment authority'));
    fireEvent.click(box('Market regulation authority'));
    type('Other departments (one name per line)', '市住房和城乡建设局\n');
    expect(box('Tax authority').checked).toBe(true);
    submit();

    await screen.findByRole('status');
    expect((fetch.calls.find((c) => c.key === CREATE)?.body as { config: { opinionDepartments: string[] } }).config.opinionDepartments).toEqual([
      'credit',
      'safety',
      'tax',
      'market',
      '市住房和城乡建设局',
    ]);
  });

  it('shows the running sum of the stage weights and whether it is 1', async () => {
    await openForm({ status: 201, body: roundView() });
    const sum = () => document.querySelector('[data-weight-sum]')!.textContent;
    expect(sum()).toBe('Sum so far: 1 They sum to 1.');

    type('Material review weight', '0.4');
    expect(sum()).toBe('Sum so far: 1.1 They must sum to 1.');
    type('Presentation and defense weight', '0.1');
    expect(sum()).toBe('Sum so far: 1 They sum to 1.');
    type('On-site evaluation weight', '');
    expect(sum()).toBe('Sum so far: — (enter all three weights)');
  });

  it('says the shortlist defaults to twice the quota, following the quota', async () => {
    await openForm({ status: 201, body: roundView() });
    expect(screen.getByText('Blank: twice the winners quota (now 12).')).toBeTruthy();
    type('Winners quota', '4');
    expect(screen.getByText('Blank: twice the winners quota (now 8).')).toBeTruthy();
  });

  it('shows each CONFIG_INVALID issue next to its setting, and all of them in a summary', async () => {
    await openForm(
      configInvalid([
        ['dates.submissionDeadline', 'CONFIG_DATES_OUT_OF_ORDER', 'Dates out of order: “Submission deadline” must come after “Registration closes”.'],
        ['weights', 'CONFIG_WEIGHTS_SUM', 'The three stage weights must sum to 1; they sum to 0.9.'],
        ['winnersQuota', 'CONFIG_TOO_SMALL', 'Must be at least 1.'],
        ['opinionDepartments.1', 'CONFIG_DUPLICATE', 'Duplicate value: tax.'],
        ['eligibility.2.years', 'CONFIG_TOO_LARGE', 'Must be at most 100.'],
      ]),
    );
    fillRequired();
    submit();

    await screen.findByText('The round configuration has 5 problem(s); correct each of them.');
    expect(problemsOf('Submission deadline')).toBe('Dates out of order: “Submission deadline” must come after “Registration closes”.');
    expect(screen.getByLabelText('Submission deadline').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Registration closes').getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Submission deadline')));
    expect(problemsOf('Winners quota')).toBe('Must be at least 1.');
    expect(problemsOf('Departments asked for opinions')).toBe('Duplicate value: tax.');
    expect(document.querySelector('[data-issues-for="weights"]')!.textContent).toBe('The three stage weights must sum to 1; they sum to 0.9.');
    expect(document.querySelector('[data-issues-for="weights"]')!.closest('fieldset')!.querySelector('legend')!.textContent).toBe('Stage weights (must sum to 1)');

    const summary = [...document.querySelectorAll('[data-issue-path]')].map((li) => li.textContent);
    expect(summary).toEqual([
      'Submission deadline: Dates out of order: “Submission deadline” must come after “Registration closes”.',
      'Stage weights (must sum to 1): The three stage weights must sum to 1; they sum to 0.9.',
      'Winners quota: Must be at least 1.',
      'Departments asked for opinions: Duplicate value: tax.',
      'eligibility.2.years: Must be at most 100.',
    ]);
    expect(screen.getByRole('alert').textContent).toContain('CONFIG_INVALID');
  });

  it('shows the issues in the reader’s language', async () => {
    const fetch = routedFetch({ [LIST]: { status: 200, body: { rounds: [] } }, [CREATE]: configInvalid([['winnersQuota', 'CONFIG_TOO_SMALL', 'Must be at least 1.']]) });
    renderWithState(<RoundList />, { locale: 'zh-CN', fetch });
    fireEvent.click(await screen.findByRole('button', { name: '发布新一轮' }));
    fireEvent.submit(screen.getByRole('button', { name: '创建轮次' }).closest('form')!);

    await waitFor(() => expect(document.querySelector('[data-issues-for="winnersQuota"]')?.textContent).toBe('中文：Must be at least 1.'));
    expect(document.querySelector('[data-issue-path="winnersQuota"]')!.textContent).toBe('获奖名额：中文：Must be at least 1.');
  });

  it('shows ROUND_EXISTS at the round id', async () => {
    await openForm(refusal(409, 'ROUND_EXISTS', 'The round id city-2027 is already in use.'));
    fillRequired();
    submit();

    await waitFor(() => expect(problemsOf('Round id')).toBe('The round id city-2027 is already in use.'));
    expect(screen.getByLabelText('Round id').getAttribute('aria-invalid')).toBe('true');
    expect(within(screen.getByRole('alert')).getByText(/ROUND_EXISTS/)).toBeTruthy();
    // The form stays as typed, to pick another id.
    expect((screen.getByLabelText('Name (English)') as HTMLInputElement).value).toBe('City Quality Award 2027');
  });

  it('shows any other refusal with its message and code, and no field marked', async () => {
    await openForm(refusal(403, 'FORBIDDEN', 'You are not allowed to do this.'));
    fillRequired();
    submit();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You are not allowed to do this.');
    expect(alert.textContent).toContain('FORBIDDEN');
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  });
});
