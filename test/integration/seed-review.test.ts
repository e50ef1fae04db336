import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { programmeScope, roundScope, verifyChain } from '../../shared/audit/chain';
import { GBT19580_2012 } from '../../shared/criteria';
import { validateCreditCode } from '../../shared/eligibility';
import { nodeSha256 } from '../../functions/lib/audit/log';
import { DEMO_REVIEWERS } from '../../infra/local/seed-review';
import { api, linkedChain, cookieFrom, latestToken, signIn, signInAdmin } from './helpers';
import { stackRuntime } from './applications-helpers';
import { clearDeclaration, paths } from './reviews-helpers';

// The demo round the local stack seeds next to the one open for registration (infra/local/seed-review.ts),
// read through the same routes the review board, the experts' area and the supervisors' overview use.
const run = promisify(execFile);
const EXPERT = 'expert1@demo.merit.local';
const SUPERVISOR = 'supervisor@demo.merit.local';

let roundId: string;
beforeAll(async () => {
  const city = (await api('GET', '/api/publication/programmes')).body.programmes.find((p: { programmeId: string }) => p.programmeId === 'city');
  roundId = city.rounds.find((r: { roundId: string }) => /^city-\d{4}-review$/.test(r.roundId)).roundId;
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe('the demo round in material review (seeded on first start)', () => {
  it('is at material review with its submission deadline past, listed after the round open for registration', async () => {
    const city = (await api('GET', '/api/publication/programmes')).body.programmes.find((p: { programmeId: string }) => p.programmeId === 'city');
    const review = city.rounds.find((r: { roundId: string }) => r.roundId === roundId);
    expect(review).toMatchObject({ stage: 'materialReview', name: { 'zh-CN': '示范市政府质量奖（演示：材料审核中）' } });
    expect(Date.parse(review.submissionDeadline)).toBeLessThan(Date.now());
    const open = city.rounds.findIndex((r: { stage: string; submissionDeadline: string }) => r.stage === 'registration' && Date.parse(r.submissionDeadline) > Date.now());
    expect(open).toBeGreaterThanOrEqual(0);
    expect(open).toBeLessThan(city.rounds.indexOf(review));
  });

  it("lists its three eligible applications, from different districts and industries, on the administrator's board", async () => {
    const res = await api('GET', paths.round(roundId), { cookie: await signInAdmin() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.roundStage).toBe('materialReview');
    expect(res.body.applications).toHaveLength(3);
    const organisations = res.body.applications.map((a: { organisation: { name: string; district: string; industry: string } }) => a.organisation);
    expect(new Set(organisations.map((o: { district: string }) => o.district)).size).toBe(3);
    expect(new Set(organisations.map((o: { industry: string }) => o.industry)).size).toBe(3);
    for (const app of res.body.applications) expect(app.stages).toEqual({});
  });

  it('has each package submitted with its receipt, eligible, and owned by an applicant who can sign in', async () => {
    const email = 'applicant1@demo.merit.local';
    expect((await api('POST', '/api/submission/applicants/links', { body: { email, programmeId: 'city' } })).status).toBe(202);
    const exchanged = await api('POST', '/api/submission/auth/session', { body: { token: await latestToken(email) } });
    expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
    const mine = await api('GET', '/api/submission/applications/mine', { cookie: cookieFrom(exchanged.headers) });
    const app = mine.body.applications.find((a: { roundId: string }) => a.roundId === roundId);
    expect(app).toMatchObject({ status: 'submitted', eligibility: { decision: 'eligible' }, completeness: { complete: true } });
    expect(validateCreditCode(app.organisation.creditCode).ok).toBe(true);
    expect(app.sections.map((s: { section: string }) => s.section)).toEqual(['profile', ...GBT19580_2012.items.map((i) => i.id)]);
    expect(app.documents.map((d: { status: string; contentType: string }) => [d.status, d.contentType])).toEqual([
      ['verified', 'application/pdf'],
      ['verified', 'application/pdf'],
    ]);
    expect(app.receipt.manifest.map((m: { documentId: string }) => m.documentId).sort()).toEqual(app.documents.map((d: { documentId: string }) => d.documentId).sort());
    expect(Date.parse(app.receipt.submittedAt)).toBeLessThan(Date.parse(app.submissionDeadline));
  });

  it('lets a demo expert sign in by link, be assigned by the administrator and, after declaring clear, read the material and download its documents', async () => {
    // Prepare: the expert asks for a link (as on /sign-in) and opens it from the outbox.
    const expert = await signIn(EXPERT);
    const board = await api('GET', paths.round(roundId), { cookie: await signInAdmin() });
    const applicationId = board.body.applications[0].applicationId as string;
    const people = await api('GET', '/api/submission/people', { cookie: await signInAdmin() });
    const reviewer = people.body.people.find((p: { email: string }) => p.email === EXPERT);
    expect(reviewer).toMatchObject({ role: 'expert', status: 'active' });

    // Act: the administrator assigns the expert as the leader; the expert declares clear.
    const assigned = await api('POST', paths.assign(applicationId), { cookie: await signInAdmin(), body: { stage: 'materialReview', reviewerId: reviewer.personId, leader: true } });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
    expect((await api('GET', paths.material(applicationId), { cookie: expert })).body.error.code).toBe('DECLARATION_REQUIRED');
    const declared = await api('POST', paths.declare(applicationId), { cookie: expert, body: clearDeclaration });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);

    // Assess: the profile, the 23 texts and both PDFs, downloadable byte for byte as recorded.
    const material = await api('GET', paths.material(applicationId), { cookie: expert });
    expect(material.status, JSON.stringify(material.body)).toBe(200);
    expect(Object.keys(material.body.sections).sort()).toEqual(['profile', ...GBT19580_2012.items.map((i) => i.id)].sort());
    expect(material.body.documents).toHaveLength(2);
    expect(material.body.receipt.receiptId).toBeTruthy();
    for (const doc of material.body.documents) {
      const link = await api('GET', paths.download(applicationId, doc.documentId), { cookie: expert });
      expect(link.status, JSON.stringify(link.body)).toBe(200);
      const file = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
      expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(file.length).toBe(doc.size);
      expect(createHash('sha256').update(file).digest('hex')).toBe(doc.sha256);
    }
  });

  it("lets the demo supervisor sign in and follow the round's reviews", async () => {
    const supervisor = await signIn(SUPERVISOR);
    const res = await api('GET', paths.round(roundId), { cookie: supervisor });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.applications).toHaveLength(3);
  });

  it("records every seeded change as the system's on the round's chain, which verifies (also with npm run verify-audit)", async () => {
    const rt = await stackRuntime();
    const entries = await linkedChain(rt.audit, roundScope(roundId));
    expect(await verifyChain(nodeSha256, roundScope(roundId), entries)).toMatchObject({ ok: true });
    const seeded = entries.filter((e) => e.requestId === 'seed');
    expect(new Set(seeded.map((e) => e.actor.personId))).toEqual(new Set(['system']));
    const perApplication = (action: string) => Array.from({ length: 3 }, () => action);
    expect(seeded.map((e) => e.action)).toEqual([
      'round.created',
      ...perApplication('application.registered'),
      ...perApplication('package.sectionSaved'),
      ...Array.from({ length: 6 }, () => 'document.verified'),
      'round.stageMoved',
      ...perApplication('application.submitted'),
      'round.stageMoved',
      ...perApplication('application.eligibilityDecided'),
      'round.stageMoved',
    ]);

    const people = await linkedChain(rt.audit, programmeScope('city'));
    expect((await verifyChain(nodeSha256, programmeScope('city'), people)).ok).toBe(true);
    expect(people.filter((e) => e.requestId === 'seed' && e.action === 'person.bootstrapped')).toHaveLength(DEMO_REVIEWERS.length + 3 + 9); // and the nine applicants of the round at comprehensive evaluation (seed-final.ts)

    const cli = await run('npx', ['tsx', 'infra/scripts/verify-audit.ts', '--endpoint', inject('dynamoEndpoint'), '--table', inject('stackEnv').TABLE_AUDIT!, '--round', roundId]);
    expect(cli.stdout.trim().split('\n').at(-1)).toMatch(/^verified: 1 rounds, \d+ entries, 0 mismatches$/);
  });
});
