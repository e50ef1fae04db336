import { afterAll, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../functions/lib/applications/documents';
import { ApplicationsRepository } from '../../functions/lib/applications/repository';
import { AwardsStore } from '../../functions/lib/awards/store';
import { bucketName, tableName } from '../../functions/lib/config';
import { OutcomeStore } from '../../functions/lib/outcome/store';
import { fileOnlineObjection } from '../../functions/submission/use-cases/portal';
import { programmeScope } from '../../shared/audit/chain';
import { PDF, PNG, minimalDocx, stackRuntime } from './applications-helpers';
import { api, linkedChain, signInAdmin } from './helpers';
import { endNoticePeriod, outcomeTables, seedDeliberatedRound } from './notice-helpers';
import { foreignAdmin } from './reviews-helpers';
import { verify } from './verify-audit-helpers';
import { chainActions, moveTo, seedRound } from './rounds-helpers';

// Issue #14 part 2: the public portal of each award — a round's call with its attachments, the programme's contact
// for written objections, and online real-name objections with evidence — each abuse line refused, nothing written.

afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

const b64 = (bytes: Buffer) => bytes.toString('base64');
const call = (roundId: string) => `/api/submission/rounds/${encodeURIComponent(roundId)}/call`;
const online = (roundId: string) => `/api/submission/rounds/${encodeURIComponent(roundId)}/objections/online`;
// An executable's first bytes (MZ), named as a PDF: a disguised file.
const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex'), Buffer.alloc(200)]);

/** `npm run verify-audit` finds the round's chain and its stored records (the call on the round, the objections) matching. */
async function chainAndRecordsMatch(roundId: string) {
  const { code, lines } = await verify('--round', roundId);
  expect(lines.find((l) => l.includes(`records round:${roundId}`)), lines.join('\n')).toMatch(/^ok /);
  expect(code, lines.join('\n')).toBe(0);
}

/** Runs a request that must be refused with `status`/`code`, appending nothing to the round's chain. */
async function refused(roundId: string, status: number, code: string, run: () => Promise<{ status: number; body: any }>) {
  const before = await chainActions(roundId);
  const res = await run();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message['zh-CN']).toBeTruthy();
  expect(res.body.error.message.en).toBeTruthy();
  expect(await chainActions(roundId)).toEqual(before);
  return res;
}

describe("a round's call (申报通知)", () => {
  it('the office sets the text and attaches a PDF and a Word form; the public reads and downloads them; each change is audited', async () => {
    const admin = await signInAdmin();
    const round = await seedRound();
    const text = { 'zh-CN': '关于开展质量奖申报工作的通知', en: 'Call for applications to the quality award' };
    const set = await api('PUT', call(round.roundId), { cookie: admin, body: { text, version: round.version } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.text).toEqual(text);
    const pdf = await api('POST', `${call(round.roundId)}/attachments`, {
      cookie: admin,
      body: { fileName: '申报指南.pdf', content: b64(PDF), kind: 'guidelines', title: { 'zh-CN': '申报指南', en: 'Guidelines' }, version: set.body.version },
    });
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(201);
    const docx = await api('POST', `${call(round.roundId)}/attachments`, {
      cookie: admin,
      body: { fileName: '申报表.docx', content: b64(minimalDocx()), kind: 'form', title: { 'zh-CN': '申报表', en: 'Application form' }, version: pdf.body.version },
    });
    expect(docx.status, JSON.stringify(docx.body)).toBe(201);
    expect(docx.body.attachments.map((a: any) => a.contentType)).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    expect((await chainActions(round.roundId)).slice(-3)).toEqual(['call.updated', 'call.attachmentAdded', 'call.attachmentAdded']);

    // The public, without a session.
    const read = await api('GET', call(round.roundId));
    expect(read.status).toBe(200);
    expect(read.body.text).toEqual(text);
    expect(JSON.stringify(read.body)).not.toContain('"key"');
    const link = await api('GET', `${call(round.roundId)}/attachments/${read.body.attachments[0].attachmentId}/download`);
    expect(link.status).toBe(200);
    const file = await fetch(link.body.url);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);

    // A stale version: 409, nothing written.
    await refused(round.roundId, 409, 'CONFLICT', () => api('PUT', call(round.roundId), { cookie: admin, body: { text, version: round.version } }));
    // Removing one is audited too.
    const removed = await api('POST', `${call(round.roundId)}/attachments/${read.body.attachments[0].attachmentId}/removal`, { cookie: admin, body: { version: read.body.version } });
    expect(removed.status).toBe(200);
    expect(removed.body.attachments).toHaveLength(1);
    expect((await chainActions(round.roundId)).at(-1)).toBe('call.attachmentRemoved');
    await chainAndRecordsMatch(round.roundId);
  });

  it('refuses an attachment of a disallowed type (a PNG, an executable named .pdf) with a clear error, storing nothing', async () => {
    const admin = await signInAdmin();
    const round = await seedRound();
    const attach = (fileName: string, bytes: Buffer) =>
      api('POST', `${call(round.roundId)}/attachments`, { cookie: admin, body: { fileName, content: b64(bytes), kind: 'other', title: { 'zh-CN': '附件', en: 'File' }, version: round.version } });
    const png = await refused(round.roundId, 415, 'FILE_TYPE_REFUSED', () => attach('photo.png', PNG));
    expect(png.body.error.message['zh-CN']).toContain('PDF');
    const exe = await refused(round.roundId, 415, 'FILE_TYPE_REFUSED', () => attach('guidelines.pdf', EXE));
    expect(exe.body.error.message.en).toContain('guidelines.pdf');
    // A real PDF named .docx is disguised as well.
    await refused(round.roundId, 415, 'FILE_NAME_MISLEADING', () => attach('form.docx', PDF));
    expect((await api('GET', call(round.roundId))).body.attachments).toEqual([]);
  });

  it("an administrator of another programme can neither read nor change this programme's call as its office", async () => {
    const round = await seedRound();
    const foreign = await foreignAdmin();
    await refused(round.roundId, 404, 'NOT_FOUND', () =>
      api('PUT', call(round.roundId), { cookie: foreign, body: { text: { 'zh-CN': '篡改', en: 'Tampered' }, version: round.version } }),
    );
    await refused(round.roundId, 404, 'NOT_FOUND', () =>
      api('POST', `${call(round.roundId)}/attachments`, {
        cookie: foreign,
        body: { fileName: 'a.pdf', content: b64(PDF), kind: 'other', title: { 'zh-CN': '附件', en: 'File' }, version: round.version },
      }),
    );
  });

  it('once registration is over the call no longer changes (422 CALL_CLOSED)', async () => {
    const admin = await signInAdmin();
    const round = await seedRound({ when: 'closed', stage: 'materialReview' });
    await refused(round.roundId, 422, 'CALL_CLOSED', () => api('PUT', call(round.roundId), { cookie: admin, body: { text: { 'zh-CN': '改', en: 'Change' }, version: round.version } }));
  });
});

describe('the contact for written objections', () => {
  it("the programme's administrator sets it (audited on the programme's chain, versioned); the public sees it with the programme", async () => {
    const admin = await signInAdmin();
    const listed = await api('GET', '/api/publication/programmes');
    const version: number = listed.body.programmes.find((p: any) => p.programmeId === 'city')?.contact?.version ?? 0;
    expect(version).toBe(await currentContactVersion());
    const body = { address: { 'zh-CN': '市政务中心 3 楼 312 室', en: 'Room 312, City Government Centre' }, phone: '0591-8700 0000', email: 'award-office@example.org', version };
    const res = await api('PUT', '/api/submission/programme/contact', { cookie: admin, body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(version + 1);
    const programmes = await api('GET', '/api/publication/programmes');
    expect(programmes.body.programmes.find((p: any) => p.programmeId === 'city').contact).toEqual({ address: body.address, phone: body.phone, email: body.email, version: version + 1 });
    const chain = await linkedChain((await stackRuntime()).audit, programmeScope('city'));
    expect(chain.at(-1)?.action).toBe('programme.contactSet');
    // The same version again is stale.
    const stale = await api('PUT', '/api/submission/programme/contact', { cookie: admin, body });
    expect(stale.status).toBe(409);
  });
});

async function currentContactVersion(): Promise<number> {
  const { awards } = await outcomeTables();
  return (await awards.getProgramme('city'))?.contact?.version ?? 0;
}

describe('online objections on the public notice', () => {
  const objection = (organisation: string, over: Record<string, unknown> = {}) => ({
    organisation,
    objectorName: '王实名',
    objectorId: '350102199001011234',
    phone: '138-0000-0000',
    email: '',
    statement: '该单位近一年受到过严重行政处罚。',
    evidence: [{ fileName: '处罚决定书.pdf', content: b64(PDF) }],
    ...over,
  });

  it('takes a real-name objection with evidence into the office list, where the office resolves it; refuses every abuse, writing nothing', async () => {
    const admin = await signInAdmin();
    const seeded = await seedDeliberatedRound();
    const { roundId } = seeded.round;
    const moved = await moveTo(roundId, 'publicNotice', seeded.round.version, admin);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const proposedId = seeded.proposed[0]!;
    const proposed = seeded.standings.find((s) => s.applicationId === proposedId)!.organisation.name;
    const notProposed = seeded.standings.find((s) => s.fate === 'notProposed')!.organisation.name;

    // Anonymous: no name, a placeholder name, no identity, no way to answer.
    await refused(roundId, 422, 'OBJECTION_ANONYMOUS', () => api('POST', online(roundId), { body: objection(proposed, { objectorName: '' }) }));
    await refused(roundId, 422, 'OBJECTION_ANONYMOUS', () => api('POST', online(roundId), { body: objection(proposed, { objectorName: '匿名' }) }));
    await refused(roundId, 422, 'OBJECTION_ANONYMOUS', () => api('POST', online(roundId), { body: objection(proposed, { objectorId: '' }) }));
    await refused(roundId, 422, 'OBJECTION_ANONYMOUS', () => api('POST', online(roundId), { body: objection(proposed, { phone: '', email: '' }) }));
    // About a name not proposed.
    await refused(roundId, 422, 'NOT_PROPOSED', () => api('POST', online(roundId), { body: objection(notProposed) }));
    // Without evidence, and with a disguised file (an executable named .pdf; a PDF named .png).
    await refused(roundId, 422, 'OBJECTION_EVIDENCE_REQUIRED', () => api('POST', online(roundId), { body: objection(proposed, { evidence: [] }) }));
    await refused(roundId, 415, 'FILE_TYPE_REFUSED', () =>
      api('POST', online(roundId), { body: objection(proposed, { evidence: [{ fileName: '证据.pdf', content: b64(EXE) }] }) }),
    );
    await refused(roundId, 415, 'FILE_NAME_MISLEADING', () =>
      api('POST', online(roundId), { body: objection(proposed, { evidence: [{ fileName: '照片.png', content: b64(PDF) }] }) }),
    );
    // From another site (no client header): refused like every write.
    await refused(roundId, 403, 'CROSS_SITE_REQUEST', () => api('POST', online(roundId), { body: objection(proposed), foreign: true }));

    // A good one, with a PDF and a photo.
    const filed = await api('POST', online(roundId), {
      body: objection(proposed, { email: 'wang@example.org', evidence: [{ fileName: '处罚决定书.pdf', content: b64(PDF) }, { fileName: '现场.png', content: b64(PNG) }] }),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect((await chainActions(roundId)).at(-1)).toBe('objection.filed');

    // The office's list holds it as an online objection with its files, downloadable by the office only.
    const list = await api('GET', `/api/publication/rounds/${roundId}/objections`, { cookie: admin });
    const mine = list.body.objections.find((o: any) => o.objectionId === filed.body.objectionId);
    expect(mine).toMatchObject({ channel: 'online', objectorName: '王实名', applicationId: proposedId });
    expect(mine.evidenceFiles.map((f: any) => f.contentType)).toEqual(['application/pdf', 'image/png']);
    const evidence = `/api/submission/rounds/${roundId}/objections/${filed.body.objectionId}/evidence/2/download`;
    expect((await api('GET', evidence)).status).toBe(401);
    expect((await api('GET', evidence, { cookie: await foreignAdmin() })).status).toBe(404);
    const link = await api('GET', evidence, { cookie: admin });
    expect(link.status).toBe(200);
    expect(Buffer.from(await (await fetch(link.body.url)).arrayBuffer()).equals(PNG)).toBe(true);

    // The office resolves it like a written one.
    const resolved = await api('POST', `/api/publication/rounds/${roundId}/objections/${filed.body.objectionId}/resolution`, {
      cookie: admin,
      body: { upheld: false, reason: '经核查，处罚不属于严重行政处罚。' },
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    await chainAndRecordsMatch(roundId);

    // After the period: refused.
    await endNoticePeriod(roundId);
    await refused(roundId, 422, 'NOTICE_PERIOD_OVER', () => api('POST', online(roundId), { body: objection(proposed) }));
  });

  it('counts online objections per client: past the limit, 429 RATE_LIMITED before anything is read or stored', async () => {
    const rt = await stackRuntime();
    const awardsTable = tableName(rt.config, 'awards');
    const deps = {
      ...rt,
      config: { ...rt.config, linkLimits: { perAddress: 1, perClient: 2 } },
      awards: new AwardsStore(rt.clients.ddb, awardsTable),
      applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
      documents: new DocumentStore(rt.clients.s3, bucketName(rt.config, 'documents')),
      outcome: new OutcomeStore(rt.clients.ddb, awardsTable),
    };
    const round = await seedRound();
    const client = `203.0.113.${Date.now() % 250}-${Math.random()}`;
    const once = () => fileOnlineObjection(deps, round.roundId, objection('某某公司') as never, client, new Date(), 'test').catch((e: { code?: string }) => e.code);
    expect(await once()).toBe('OBJECTION_NOT_OPEN');
    expect(await once()).toBe('OBJECTION_NOT_OPEN');
    expect(await once()).toBe('RATE_LIMITED');
  });

  it('refuses an objection on a round without an open notice', async () => {
    const round = await seedRound();
    await refused(round.roundId, 422, 'OBJECTION_NOT_OPEN', () => api('POST', online(round.roundId), { body: objection('某某公司') }));
  });
});
