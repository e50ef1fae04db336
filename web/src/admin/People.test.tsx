import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersonView } from '../../../shared/api';
import { bilingual } from '../../../shared/messages';
import { renderWithState } from '../test-utils';
import { People } from './People';

afterEach(cleanup);

const person = (name: string, email: string, role: PersonView['role'], status: PersonView['status'] = 'active'): PersonView => ({
  personId: `P-${name}`,
  email,
  name,
  role,
  programmeId: 'city',
  status,
  createdAt: '2026-03-01T08:00:00.000Z',
});

/** A fake API: lists `people`, answers invite and revoke like the server (or with `failWith`). */
function fakeServer(people: PersonView[], failWith?: { status: number; code: 'PERSON_EXISTS' }) {
  const calls: { method: string; url: string; body?: unknown }[] = [];
  const fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url: String(url), body });
    const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status });
    if (failWith && method !== 'GET') return json(failWith.status, { error: { code: failWith.code, message: bilingual(failWith.code), requestId: 'r-9' } });
    if (method === 'GET') return json(200, { people });
    if (String(url).endsWith('/revoke')) {
      const id = decodeURIComponent(String(url).split('/').at(-2)!);
      const i = people.findIndex((p) => p.personId === id);
      people[i] = { ...people[i]!, status: 'revoked' };
      return json(200, { person: people[i] });
    }
    const invited = person(body.name, body.email, body.role);
    people.push(invited);
    return json(201, { person: invited });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe('admin people', () => {
  it('finds people by name, email or organisation and narrows by role and status', async () => {
    const server = fakeServer([
      person('陈专家', 'chen@example.org', 'expert'),
      person('重庆审议员', 'cq@example.org', 'deliberator'),
      person('applicant2', 'a2@example.org', 'applicant'),
      person('王专家', 'wang@example.org', 'expert', 'revoked'),
    ]);
    renderWithState(<People />, { locale: 'en', fetch: server.fetch });
    await screen.findByText('chen@example.org');
    const rows = () => [...document.querySelectorAll('tr[data-person]')].map((r) => r.getAttribute('data-person'));
    expect(rows()).toHaveLength(4);

    // Search: part of a name, an email, case-insensitive.
    fireEvent.input(screen.getByLabelText('Search people'), { target: { value: '专家' } });
    expect(rows()).toEqual(['chen@example.org', 'wang@example.org']);
    fireEvent.input(screen.getByLabelText('Search people'), { target: { value: 'CQ@' } });
    expect(rows()).toEqual(['cq@example.org']);
    expect(document.querySelector('[data-people-shown]')!.textContent).toBe('1 of 4 people shown');

    // Role and status, the search cleared; nothing matching says so.
    fireEvent.input(screen.getByLabelText('Search people'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Kind of person'), { target: { value: 'expert' } });
    expect(rows()).toEqual(['chen@example.org', 'wang@example.org']);
    fireEvent.change(screen.getByLabelText('Active or revoked'), { target: { value: 'active' } });
    expect(rows()).toEqual(['chen@example.org']);
    fireEvent.input(screen.getByLabelText('Search people'), { target: { value: 'nobody' } });
    expect(screen.getByText('Nobody matches.')).toBeTruthy();
    // The role filter names roles as people do.
    expect([...screen.getByLabelText('Kind of person').querySelectorAll('option')].map((o) => o.textContent)).not.toContain('expert');
  });

  it('invites a supervisor and lists them', async () => {
    const server = fakeServer([person('Admin', 'admin@merit.test', 'admin')]);
    renderWithState(<People />, { locale: 'en', fetch: server.fetch });
    await screen.findByText('admin@merit.test');

    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Li Jian' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'li@example.org' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'supervisor' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Send invitation' }).closest('form')!);

    expect((await screen.findByRole('status')).textContent).toBe('Invited Li Jian (li@example.org).');
    await screen.findByText('li@example.org');
    expect(server.calls.find((c) => c.method === 'POST')?.body).toEqual({ email: 'li@example.org', name: 'Li Jian', role: 'supervisor', locale: 'en' });
  });

  it('revokes only after confirmation', async () => {
    const server = fakeServer([person('Wang', 'wang@example.org', 'expert')]);
    renderWithState(<People />, { locale: 'en', fetch: server.fetch });
    const row = (await screen.findByText('wang@example.org')).closest('tr')!;

    fireEvent.click(within(row).getByRole('button', { name: 'Revoke' }));
    expect(server.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    fireEvent.click(within(row).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Yes, revoke' }));

    await waitFor(() => expect(within(screen.getByText('wang@example.org').closest('tr')!).getByText('revoked')).toBeTruthy());
    expect(server.calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/api/submission/people/P-Wang/revoke']);
  });

  it('shows a refused invitation with its code', async () => {
    const server = fakeServer([], { status: 409, code: 'PERSON_EXISTS' });
    renderWithState(<People />, { locale: 'en', fetch: server.fetch });
    await screen.findByText('Nobody yet.');

    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Li' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'li@example.org' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Send invitation' }).closest('form')!);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This person already has that role in this programme.');
    expect(alert.textContent).toContain('PERSON_EXISTS');
  });
});
