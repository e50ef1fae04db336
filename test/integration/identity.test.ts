import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { signLinkToken } from '../../functions/lib/identity/tokens';
import { api, cookieFrom, latestToken, mailTo, signIn, signInAdmin, uniqueEmail } from './helpers';

const key = () => new TextEncoder().encode(inject('stackEnv').MERIT_SIGNING_KEY);

async function inviteExpert(adminCookie: string, email = uniqueEmail('expert')) {
  const res = await api('POST', '/api/submission/people', { cookie: adminCookie, body: { email, name: '王专家', role: 'expert', organisation: '质量协会' } });
  expect(res.status).toBe(201);
  return { email, person: res.body.person };
}

describe('sign-in links', () => {
  it('answers 202 for an unknown address and sends nothing', async () => {
    const email = uniqueEmail('nobody');
    const res = await api('POST', '/api/submission/auth/links', { body: { email } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: true });
    expect(await mailTo(email)).toHaveLength(0);
  });

  it('mails the first administrator a link whose token is in the fragment, never in a query string', async () => {
    const res = await api('POST', '/api/submission/auth/links', { body: { email: inject('adminEmail').toUpperCase() } });
    expect(res.status).toBe(202);
    const [mail] = await mailTo(inject('adminEmail'));
    const link = mail!.links[0]!;
    expect(link).toMatch(/\/auth#token=[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(link).not.toContain('?');
    expect(mail!.text).toContain('15');
  });

  it('exchanges a link for an HttpOnly, SameSite=Strict session cookie bound to one person, role and programme', async () => {
    await api('POST', '/api/submission/auth/links', { body: { email: inject('adminEmail') } });
    const res = await api('POST', '/api/submission/auth/session', { body: { token: await latestToken(inject('adminEmail')) } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'admin', programmeId: 'city', person: { email: inject('adminEmail'), status: 'active' } });
    const setCookie = res.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/api/);
    const me = await api('GET', '/api/submission/auth/session', { cookie: cookieFrom(res.headers) });
    expect(me.status).toBe(200);
    expect(me.body.person.email).toBe(inject('adminEmail'));
  });

  it('refuses a replayed link with LINK_ALREADY_USED and opens no second session', async () => {
    await api('POST', '/api/submission/auth/links', { body: { email: inject('adminEmail') } });
    const token = await latestToken(inject('adminEmail'));
    expect((await api('POST', '/api/submission/auth/session', { body: { token } })).status).toBe(200);
    const replay = await api('POST', '/api/submission/auth/session', { body: { token } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('LINK_ALREADY_USED');
    expect(replay.body.error.message['zh-CN']).toMatch(/\S/);
    expect(replay.body.error.message.en).toMatch(/once/);
    expect(replay.headers.getSetCookie()).toHaveLength(0);
  });

  it('refuses a link older than 15 minutes with LINK_EXPIRED', async () => {
    const admin = await signInAdmin();
    const me = await api('GET', '/api/submission/auth/session', { cookie: admin });
    const { token } = await signLinkToken(key(), me.body.person.personId, new Date(Date.now() - 16 * 60 * 1000));
    const res = await api('POST', '/api/submission/auth/session', { body: { token } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('LINK_EXPIRED');
  });

  it('refuses a token with a forged signature with LINK_INVALID', async () => {
    const me = await api('GET', '/api/submission/auth/session', { cookie: await signInAdmin() });
    const { token } = await signLinkToken(new TextEncoder().encode('x'.repeat(48)), me.body.person.personId, new Date());
    const res = await api('POST', '/api/submission/auth/session', { body: { token } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('LINK_INVALID');
  });

  it('rejects a malformed address with VALIDATION_FAILED in both languages', async () => {
    const res = await api('POST', '/api/submission/auth/links', { body: { email: 'not-an-address' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.issues[0].path).toBe('email');
    expect(res.body.error.message['zh-CN']).toMatch(/\S/);
    expect(res.body.error.message.en).toMatch(/\S/);
  });

  it('limits link requests per address: one more than the limit within 15 minutes gets 429 RATE_LIMITED', async () => {
    const limit = Number(inject('stackEnv').MERIT_LINK_LIMIT_PER_ADDRESS);
    const email = uniqueEmail('flood');
    const request = async () => (await api('POST', '/api/submission/auth/links', { body: { email } })).status;
    const statuses: number[] = [];
    // In batches: every answer takes at least LINK_ANSWER_MS, and the limit is counted atomically however they interleave.
    for (let i = 0; i < limit; i += 20) statuses.push(...(await Promise.all(Array.from({ length: Math.min(20, limit - i) }, request))));
    statuses.push(await request());
    expect(statuses).toEqual([...Array(limit).fill(202), 429]);
  });
});

describe('route access from the route table', () => {
  it('answers 401 UNAUTHENTICATED without a session', async () => {
    const res = await api('GET', '/api/submission/people');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 for a cookie that is not ours', async () => {
    const res = await api('GET', '/api/submission/people', { cookie: 'merit_session=eyJhbGciOiJIUzI1NiJ9.e30.forged' });
    expect(res.status).toBe(401);
  });

  it('answers 403 FORBIDDEN to an expert calling an administrator route, and changes nothing', async () => {
    const admin = await signInAdmin();
    const { email } = await inviteExpert(admin);
    const expert = await signIn(email);
    const before = await api('GET', '/api/submission/people', { cookie: admin });
    const res = await api('POST', '/api/submission/people', { cookie: expert, body: { email: uniqueEmail('x'), name: 'X', role: 'admin' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    const after = await api('GET', '/api/submission/people', { cookie: admin });
    expect(after.body.people).toHaveLength(before.body.people.length);
  });
});

describe('people and revocation', () => {
  it('invites an expert, mails them an invitation link, and lists them', async () => {
    const admin = await signInAdmin();
    const { email, person } = await inviteExpert(admin);
    const [mail] = await mailTo(email);
    expect(mail!.subject).toContain('评审专家');
    expect(mail!.links[0]).toContain('#token=');
    const list = await api('GET', '/api/submission/people', { cookie: admin });
    expect(list.body.people.map((p: { personId: string }) => p.personId)).toContain(person.personId);
  });

  it('lists people by name as people read them: pinyin with polyphonic place names, numbers as numbers', async () => {
    const admin = await signInAdmin();
    const tag = uniqueEmail('order').split('@')[0]!.replace(/\W/g, '');
    const names = [`张${tag}`, `重庆${tag}`, `长沙${tag}`, `expert10${tag}`, `expert2${tag}`];
    for (const name of names) {
      const res = await api('POST', '/api/submission/people', { cookie: admin, body: { email: uniqueEmail('order'), name, role: 'expert' } });
      expect(res.status).toBe(201);
    }
    const listed = ((await api('GET', '/api/submission/people', { cookie: admin })).body.people as { name: string }[]).map((p) => p.name).filter((n) => n.endsWith(tag));
    // cháng shā, chóng qìng, expert2, expert10, zhāng — ICU read 长 and 重 as zhǎng and zhòng and put them after 张.
    expect(listed).toEqual([`长沙${tag}`, `重庆${tag}`, `expert2${tag}`, `expert10${tag}`, `张${tag}`]);
  });

  it('refuses to invite the same address in the same role twice with PERSON_EXISTS', async () => {
    const admin = await signInAdmin();
    const { email, person } = await inviteExpert(admin);
    const again = await api('POST', '/api/submission/people', { cookie: admin, body: { email, name: 'Someone else', role: 'expert' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PERSON_EXISTS');
    const list = await api('GET', '/api/submission/people', { cookie: admin });
    const same = list.body.people.filter((p: { email: string }) => p.email === email);
    expect(same).toEqual([expect.objectContaining({ personId: person.personId, name: '王专家' })]);
  });

  it('revocation takes effect on the next request and disables unused links', async () => {
    const admin = await signInAdmin();
    const { email, person } = await inviteExpert(admin);
    const expert = await signIn(email);
    expect((await api('GET', '/api/submission/auth/session', { cookie: expert })).status).toBe(200);
    await api('POST', '/api/submission/auth/links', { body: { email } });
    const unused = await latestToken(email);

    const revoked = await api('POST', `/api/submission/people/${person.personId}/revoke`, { cookie: admin });
    expect(revoked.status).toBe(200);
    expect(revoked.body.person.status).toBe('revoked');

    const next = await api('GET', '/api/submission/auth/session', { cookie: expert });
    expect(next.status).toBe(401);
    expect(next.body.error.code).toBe('SESSION_REVOKED');
    const link = await api('POST', '/api/submission/auth/session', { body: { token: unused } });
    expect(link.status).toBe(401);
    expect(link.body.error.code).toBe('PERSON_REVOKED');
  });

  it('answers 404 when revoking someone who is not in the programme', async () => {
    const res = await api('POST', '/api/submission/people/01ARZ3NDEKTSV4RRFFQ69G5FAV/revoke', { cookie: await signInAdmin() });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('signing out ends the session on the server, not only in the browser', async () => {
    const admin = await signInAdmin();
    const { email } = await inviteExpert(admin);
    const cookie = await signIn(email);
    const out = await api('DELETE', '/api/submission/auth/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);
    const after = await api('GET', '/api/submission/auth/session', { cookie });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('SESSION_REVOKED');
  });
});
