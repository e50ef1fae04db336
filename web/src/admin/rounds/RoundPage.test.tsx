import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { Route, Router } from 'preact-iso';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RoundView } from '../../../../shared/api/rounds';
import { routedFetch, type FakeAnswer } from '../../apply/fakes';
import { renderWithState } from '../../test-utils';
import { session } from '../../ui/review/fixtures';
import { configInvalid, DATES, refusal, roundView } from './fixtures';
import { RoundPage } from './RoundPage';
import { RoundsArea } from './RoundsArea';

const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = originalTz;
});
afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const GET = 'GET /api/publication/rounds/city-2027';
const PUT = 'PUT /api/publication/rounds/city-2027';

/** Registration has opened: the quota, weights and the dates already past cannot change. */
const OPEN = roundView({
  stage: 'registration',
  stageSince: '2027-03-01T01:00:00.000Z',
  lockedFields: ['winnersQuota', 'candidateThreshold', 'weights', 'dates.registrationOpens'],
});

function renderPage(table: Record<string, FakeAnswer | FakeAnswer[]>) {
  const fetch = routedFetch(table);
  const view = renderWithState(<RoundPage roundId="city-2027" />, { locale: 'en', fetch });
  return { fetch, view };
}

const input = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string | RegExp, value: string) => fireEvent.input(input(label), { target: { value } });
const save = () => fireEvent.submit(screen.getByRole('button', { name: 'Save the changes' }).closest('form')!);
const fact = (key: string) => document.querySelector(`[data-fact="${key}"]`)!.textContent;

describe('a round’s page', () => {
  it('shows the stage with a link to the review board (where stages move) and the configuration read-only', async () => {
    renderPage({ [GET]: { status: 200, body: OPEN } });

    expect((await screen.findByText(/^Stage: Online registration/)).textContent).toContain('since');
    expect(screen.getByRole('link', { name: 'Review board' }).getAttribute('href')).toBe('/office/rounds/city-2027');
    expect(screen.queryByRole('button', { name: /^Move to/ })).toBeNull();
    expect(fact('winnersQuota')).toBe('6locked');
    expect(fact('publicNoticeDays')).toBe('7');
    expect(fact('weights.onSite')).toBe('0.5locked');
    expect(fact('opinionDepartments')).toBe('Credit authority, Work safety authority, Environment authority, Tax authority');
    expect(fact('dates.submissionDeadline')).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(DATES.submissionDeadline)));
    expect(screen.queryByRole('button', { name: 'Save the changes' })).toBeNull();
  });

  it('disables locked settings and says why; saves the others with the version read, locked ones as read', async () => {
    const { fetch } = renderPage({ [GET]: { status: 200, body: OPEN }, [PUT]: ({ body }) => ({ status: 200, body: { ...OPEN, config: { ...OPEN.config, ...(body as { config: object }).config }, version: 4 } }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Change the configuration' }));

    expect(screen.getByText(/^Registration has opened: to stay fair/)).toBeTruthy();
    for (const label of [/^Winners quota/, /^Candidate threshold/, /^Material review weight/, /^On-site evaluation weight/, /^Presentation and defense weight/, /^Registration opens/]) {
      expect(input(label).disabled, String(label)).toBe(true);
      expect(input(label).getAttribute('aria-describedby')).toContain('round-locked-note');
    }
    for (const label of ['Registration closes', 'Submission deadline', 'Public notice (days)', 'Name (English)']) expect(input(label).disabled, label).toBe(false);
    expect(input('Submission deadline').value).toBe('2027-05-31T17:00');

    type('Presentation and defense day', '2027-10-22T09:00');
    type('Public notice (days)', '10');
    save();

    expect((await screen.findByRole('status')).textContent).toBe('Saved (version 4).');
    const body = fetch.calls.find((c) => c.key === PUT)!.body as { version: number; config: Record<string, unknown>; name: unknown };
    expect(body.version).toBe(3);
    expect(body.name).toEqual(OPEN.name);
    expect(body.config).toEqual({ ...OPEN.config, dates: { ...DATES, defenseDate: '2027-10-22T01:00:00.000Z' }, publicNoticeDays: 10 });
    expect(fact('publicNoticeDays')).toBe('10');
    expect(screen.queryByRole('button', { name: 'Save the changes' })).toBeNull();
  });

  it('sets a stage’s field mix: adds fields by name, changes how many, removes one, cancels nothing else; shows it read-only', async () => {
    const { fetch } = renderPage({ [GET]: { status: 200, body: OPEN }, [PUT]: ({ body }) => ({ status: 200, body: { ...OPEN, config: (body as { config: RoundView['config'] }).config, version: 4 } }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Change the configuration' }));

    const onSite = screen.getByRole('group', { name: 'Fields on a site visit team' });
    fireEvent.click(within(onSite).getByRole('button', { name: 'Add a field' }));
    fireEvent.click(within(onSite).getByRole('button', { name: 'Add a field' }));
    const sections = within(onSite).getAllByLabelText('Field') as HTMLSelectElement[];
    expect(sections.map((s) => s.value)).toEqual(['A', 'B']);
    // Each field is offered once per stage, named as people name it.
    expect([...sections[1]!.options].map((o) => o.textContent)).not.toContain('A Agriculture, forestry, animal husbandry and fishery');
    fireEvent.change(sections[0]!, { target: { value: 'C' } });
    fireEvent.change(sections[1]!, { target: { value: 'M' } });
    fireEvent.input(within(onSite).getAllByLabelText('At least')[0]!, { target: { value: '2' } });
    fireEvent.click(within(onSite).getByRole('button', { name: 'Remove “M Scientific research and technical services”' }));
    fireEvent.click(within(onSite).getByRole('button', { name: 'Add a field' }));
    fireEvent.change(within(onSite).getAllByLabelText('Field')[1]!, { target: { value: 'I' } });
    save();

    expect((await screen.findByRole('status')).textContent).toBe('Saved (version 4).');
    const body = fetch.calls.find((c) => c.key === PUT)!.body as { config: Record<string, unknown> };
    expect(body.config.draw).toEqual({ ...OPEN.config.draw, mix: { materialReview: [], onSite: [{ section: 'C', min: 2 }, { section: 'I', min: 1 }] } });
    // Nothing else changed.
    expect({ ...body.config, draw: OPEN.config.draw }).toEqual(OPEN.config);
    expect(fact('draw.mix.onSite')).toBe('C Manufacturing: at least 2; I Information transmission, software and IT services: at least 1');
    expect(fact('draw.mix.materialReview')).toBe('Any field');
  });

  it('shows the server’s refusal of a mix at the stage’s field', async () => {
    renderPage({ [GET]: { status: 200, body: OPEN }, [PUT]: configInvalid([['config.draw.mix.onSite', 'CONFIG_MIN_ABOVE_MAX', 'The fields ask for more members than the team has.']]) });
    fireEvent.click(await screen.findByRole('button', { name: 'Change the configuration' }));
    const onSite = screen.getByRole('group', { name: 'Fields on a site visit team' });
    fireEvent.click(within(onSite).getByRole('button', { name: 'Add a field' }));
    fireEvent.input(within(onSite).getByLabelText('At least'), { target: { value: '9' } });
    save();
    await waitFor(() => expect(document.querySelector('[data-issues-for="draw.mix.onSite"]')?.textContent).toBe('The fields ask for more members than the team has.'));
    expect(onSite.getAttribute('aria-describedby')).toContain('draw-mix-onSite-error');
  });

  it('on 409 says the round changed elsewhere, never sends again, and reloads the current configuration on request', async () => {
    const newer = { ...OPEN, config: { ...OPEN.config, publicNoticeDays: 9 }, version: 4 };
    const { fetch } = renderPage({
      [GET]: [{ status: 200, body: OPEN }, { status: 200, body: newer }],
      [PUT]: [refusal(409, 'CONFLICT', 'Someone else changed this first; reload and try again.'), { status: 200, body: { ...newer, version: 5 } }],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Change the configuration' }));
    type('Public notice (days)', '10');
    save();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The configuration was changed elsewhere (you read version 3); your changes were not saved.');
    expect((screen.getByRole('button', { name: 'Save the changes' }) as HTMLButtonElement).disabled).toBe(true);
    save();
    expect(fetch.calls.filter((c) => c.key === PUT)).toHaveLength(1);

    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(input('Public notice (days)').value).toBe('9'));
    expect(screen.queryByText(/changed elsewhere/)).toBeNull();
    expect(fact('publicNoticeDays')).toBe('9');
    save();
    await screen.findByText('Saved (version 5).');
    expect(fetch.calls.filter((c) => c.key === PUT).map((c) => (c.body as { version: number }).version)).toEqual([3, 4]);
  });

  it('shows each CONFIG_INVALID issue next to its setting', async () => {
    renderPage({
      [GET]: { status: 200, body: roundView() },
      [PUT]: configInvalid([
        ['siteVisitShortlistSize', 'CONFIG_SHORTLIST_BELOW_QUOTA', 'The site-visit shortlist cannot be smaller than the winners quota (6).'],
        ['teams.onSiteMin', 'CONFIG_TOO_SMALL', 'Must be at least 2.'],
      ]),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Change the configuration' }));
    type('Site-visit shortlist size', '3');
    type('On-site team (people)', '1');
    save();

    await waitFor(() => expect(document.querySelector('[data-issues-for="siteVisitShortlistSize"]')?.textContent).toBe('The site-visit shortlist cannot be smaller than the winners quota (6).'));
    expect(input('Site-visit shortlist size').getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelector('[data-issues-for="teams.onSiteMin"]')!.textContent).toBe('Must be at least 2.');
    expect(screen.queryByText(/changed elsewhere/)).toBeNull();
  });

  it('marks a date that passed while the form was open when the server answers CONFIG_LOCKED', async () => {
    renderPage({
      [GET]: { status: 200, body: OPEN },
      [PUT]: refusal(422, 'CONFIG_LOCKED', 'Once registration has opened these settings can no longer change: dates.registrationCloses.', { fields: ['dates.registrationCloses'] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Change the configuration' }));
    type('Registration closes', '2027-05-01T17:00');
    save();

    await waitFor(() => expect(document.querySelector('[data-issues-for="dates.registrationCloses"]')?.textContent).toBe('This setting can no longer change.'));
    expect(screen.getByRole('alert').textContent).toContain('CONFIG_LOCKED');
  });

  it('offers no form once the configuration cannot change', async () => {
    renderPage({ [GET]: { status: 200, body: roundView({ stage: 'materialReview', configurable: false, lockedFields: ['winnersQuota'] }) } });

    await screen.findByText('At this stage the configuration of this round can no longer change.');
    expect(screen.queryByRole('button', { name: 'Change the configuration' })).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
    expect(document.querySelector('form')).toBeNull();
  });

  it('shows a stored configuration that lacks parts with dashes, and the form with those inputs blank', async () => {
    const partial = { ...roundView(), config: { dates: { registrationOpens: DATES.registrationOpens }, winnersQuota: 6 } } as unknown as RoundView;
    renderPage({ [GET]: { status: 200, body: partial } });

    await screen.findByText(/^Stage: Call/);
    expect(fact('winnersQuota')).toBe('6');
    expect(fact('weights.material')).toBe('—');
    expect(fact('dates.defenseDate')).toBe('—');
    expect(fact('eligibility')).toBe('—');
    fireEvent.click(screen.getByRole('button', { name: 'Change the configuration' }));
    expect(input('Registration opens').value).toBe('2027-03-01T09:00');
    expect(input('Material review weight').value).toBe('');
  });

  it('shows a round it cannot read with the error and a retry', async () => {
    renderPage({ [GET]: refusal(404, 'NOT_FOUND', 'Not found.') });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('NOT_FOUND');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('the rounds area', () => {
  const renderAt = (path: string, role: 'admin' | 'supervisor') => {
    window.history.replaceState(null, '', path);
    const fetch = routedFetch({ [GET]: { status: 200, body: roundView() }, 'GET /api/publication/rounds': { status: 200, body: { rounds: [roundView()] } } });
    const view = renderWithState(
      <Router>
        <Route path="/admin/rounds" component={RoundsArea} />
        <Route path="/admin/rounds/:roundId" component={RoundsArea} />
      </Router>,
      { locale: 'en', fetch },
    );
    view.state.signedIn(session(role));
    return fetch;
  };

  it('opens a round’s page at /admin/rounds/<id> and the list at /admin/rounds', async () => {
    renderAt('/admin/rounds/city-2027', 'admin');
    expect((await screen.findByText(/^Stage: Call/)).textContent).toBe('Stage: Call');
    cleanup();
    renderAt('/admin/rounds', 'admin');
    expect(await screen.findByRole('button', { name: 'New round' })).toBeTruthy();
  });

  it('is for the office only', async () => {
    const fetch = renderAt('/admin/rounds', 'supervisor');
    await screen.findByRole('alert');
    expect(fetch.calls).toHaveLength(0);
  });
});
