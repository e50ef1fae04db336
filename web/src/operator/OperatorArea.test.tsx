import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgrammeView } from '../../../shared/api/programmes';
import { bilingual } from '../../../shared/messages';
import { renderWithState } from '../test-utils';
import { OperatorArea } from './OperatorArea';

afterEach(cleanup);

const city: ProgrammeView = {
  programmeId: 'city',
  name: { 'zh-CN': '福州市政府质量奖', en: 'Fuzhou Government Quality Award' },
  level: 'city',
  issuingBody: { 'zh-CN': '福州市人民政府', en: 'Fuzhou People’s Government' },
  timeZone: 'Asia/Shanghai',
  createdAt: '2026-01-01T00:00:00.000Z',
  admins: [{ personId: 'P1', name: '市办公室王主任', email: 'office@example.org', status: 'active' }],
};

/** A fake API: lists the programmes, creates one (or refuses an id in use with 409), invites an administrator. */
function fakeServer(programmes: ProgrammeView[]) {
  const calls: { method: string; url: string; body?: any }[] = [];
  const fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url: String(url), body });
    const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status });
    if (method === 'GET') return json(200, { programmes });
    if (String(url).endsWith('/admins')) return json(201, { person: { personId: 'P9', name: body.name, email: body.email, role: 'admin', programmeId: 'x', status: 'active', createdAt: '2026-01-01T00:00:00.000Z' } });
    if (programmes.some((p) => p.programmeId === body.programmeId)) {
      return json(409, { error: { code: 'PROGRAMME_EXISTS', message: bilingual('PROGRAMME_EXISTS', { programmeId: body.programmeId }), requestId: 'r-1' } });
    }
    const created: ProgrammeView = { ...body, createdAt: '2026-02-01T00:00:00.000Z', admins: [] };
    programmes.push(created);
    return json(201, created);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

function signedInOperator(fetch: typeof globalThis.fetch) {
  const view = renderWithState(<OperatorArea />, { fetch });
  view.state.signedIn({
    person: { personId: 'OP', email: 'operator@merit.local', name: 'operator', role: 'operator', programmeId: 'platform', status: 'active', createdAt: '2026-01-01T00:00:00.000Z' },
    role: 'operator',
    programmeId: 'platform',
    expiresAt: '2099-01-01T00:00:00.000Z',
  });
  return view;
}

const fill = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('the operator area', () => {
  it('lists programmes by name, level and Beijing time, never by id', async () => {
    const { fetch } = fakeServer([city]);
    const { container } = signedInOperator(fetch);
    await screen.findByRole('heading', { name: '福州市政府质量奖' });
    const list = container.querySelector('[data-programmes]')!.textContent!;
    expect(list).toContain('市级');
    expect(list).toContain('北京时间');
    expect(list).toContain('市办公室王主任');
    expect(list).not.toMatch(/\bcity\b|Asia\/Shanghai/);
  });

  it('creates a district programme recommended to the city, refuses an id in use, and invites its administrator after a cancel', async () => {
    const server = fakeServer([city]);
    signedInOperator(server.fetch);
    await screen.findByRole('heading', { name: '福州市政府质量奖' });
    fill('奖项代码', 'gulou');
    fill('奖项名称（中文）', '鼓楼区政府质量奖');
    fill('奖项名称（英文）', 'Gulou District Quality Award');
    fill('颁奖单位（中文）', '鼓楼区人民政府');
    fill('颁奖单位（英文）', 'Gulou District Government');
    fireEvent.change(screen.getByLabelText('获奖单位推荐参评'), { target: { value: 'city' } });
    fireEvent.click(screen.getByRole('button', { name: '设立奖项' }));
    await screen.findByText(/已设立“鼓楼区政府质量奖”/);
    const created = server.calls.find((c) => c.method === 'POST')!;
    expect(created.body).toEqual({
      programmeId: 'gulou',
      name: { 'zh-CN': '鼓楼区政府质量奖', en: 'Gulou District Quality Award' },
      level: 'district',
      issuingBody: { 'zh-CN': '鼓楼区人民政府', en: 'Gulou District Government' },
      timeZone: 'Asia/Shanghai',
      recommendsTo: 'city',
    });

    // The same code again: the server's message, naming the code.
    fill('奖项代码', 'gulou');
    fill('奖项名称（中文）', '冒名');
    fill('奖项名称（英文）', 'Impostor');
    fill('颁奖单位（中文）', '某');
    fill('颁奖单位（英文）', 'Someone');
    fireEvent.click(screen.getByRole('button', { name: '设立奖项' }));
    await screen.findByText(/奖项编号 gulou 已被使用/);

    // The invitation opened for the new programme: cancel, open again, send.
    await screen.findByText('邀请“鼓楼区政府质量奖”的管理员');
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.queryByText('邀请“鼓楼区政府质量奖”的管理员')).toBeNull();
    const inviteButtons = await screen.findAllByRole('button', { name: '邀请管理员' });
    fireEvent.click(inviteButtons[1]!);
    fill('姓名', '区办公室林主任');
    fill('邮箱', 'lin@example.org');
    fireEvent.click(screen.getByRole('button', { name: '发送邀请' }));
    await waitFor(() => expect(server.calls.some((c) => c.url.endsWith('/operator/programmes/gulou/admins'))).toBe(true));
    await screen.findByText(/已向 lin@example.org 发送登录链接/);
  });
});
