import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { programmeScope } from '../../shared/audit/chain';
import { api, signInAdmin } from './helpers';
import { stackRuntime } from './applications-helpers';
import { createReviewRound, eligibleApplication, entriesAfter, headSeq, invitedPerson, moveRoundTo, nothingWritten, paths } from './reviews-helpers';

const run = promisify(execFile);
const HEADER = '姓名,邮箱,库别,工作单位,单位统一社会信用代码,曾任职单位,职称/资格,专业领域,所在区县,电话,状态';
const tag = Date.now().toString(36);
const email = (i: number) => `pool${i}.${tag}@example.org`;
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const utf8Bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]);

/** `npm run replay-draw` itself against the test stack's dynalite. */
async function replay(roundId: string): Promise<{ code: number; lines: string[] }> {
  const env = inject('stackEnv');
  const r = await run('npx', ['tsx', 'infra/scripts/replay-draw.ts', '--round', roundId, '--endpoint', inject('dynamoEndpoint'), '--table', env.TABLE_AUDIT!, '--reviews-table', env.TABLE_REVIEWS!]).then(
    (x) => ({ code: 0, stdout: x.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  return { code: r.code, lines: r.stdout.trim().split('\n') };
}

/** Chain entries of the programme after a sequence number. */
async function programmeEntriesAfter(seq: number) {
  const rt = await stackRuntime();
  await rt.audit.caughtUp(programmeScope('city'));
  return rt.audit.entries(programmeScope('city'), seq);
}
const programmeHead = async () => (await (await stackRuntime()).audit.caughtUp(programmeScope('city')))?.seq ?? 0;

let roundId: string;
let applicationId: string;
let applicant: { name: string; creditCode: string };
let supervisor: Awaited<ReturnType<typeof invitedPerson>>;
let admin: string;

beforeAll(async () => {
  admin = await signInAdmin();
  roundId = await createReviewRound();
  const app = await eligibleApplication(roundId, `福州抽取示范机械有限公司${tag}`);
  applicationId = app.applicationId;
  const read = await api('GET', `/api/submission/applications/${applicationId}`, { cookie: admin });
  applicant = { name: read.body.organisation.name, creditCode: read.body.organisation.creditCode };
  supervisor = await invitedPerson('supervisor', { name: '抽取监督员' });
  await moveRoundTo(roundId, 'materialReview');
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

// Eight experts: two tied to the applicant (its credit code; a past employer until last year), one set aside, five free.
const poolCsv = () =>
  [
    HEADER,
    `现任专家,${email(1)},评审专家,别名机械厂,${applicant.creditCode},,高级工程师,C,鼓楼区,,在库`,
    `前任专家,${email(2)},评审专家,福建某大学,,${applicant.name}|${new Date().getFullYear() - 1},教授,M,仓山区,,在库`,
    `停用专家,${email(3)},评审专家,某研究院,,,研究员,C,台江区,,停用`,
    ...[4, 5, 6, 7, 8].map((i) => `自由专家${i},${email(i)},评审专家,某协会${i},,,高级工程师,C、M,晋安区,,在库`),
  ].join('\r\n');

describe('the pool: preview, then one audited import', () => {
  it('names every bad row of a GBK file and writes nothing, neither on preview nor on import', async () => {
    // 姓名,邮箱 / 李四,not-an-email — GBK bytes as Excel on a Chinese Windows writes them.
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd3, 0xca, 0xcf, 0xe4, 0x0d, 0x0a, 0xc0, 0xee, 0xcb, 0xc4, ...Buffer.from(',not-an-email\r\n')]);
    const before = await programmeHead();
    const preview = await api('POST', '/api/submission/pool/preview', { cookie: admin, body: { fileName: '专家库.csv', content: base64(gbk) } });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ encoding: 'gbk', counts: { invalid: 1 }, rows: [{ line: 2, problems: [{ code: 'emailInvalid', column: '邮箱', value: 'not-an-email' }] }] });
    const imported = await api('POST', '/api/submission/pool/import', { cookie: admin, body: { fileName: '专家库.csv', content: base64(gbk), digest: preview.body.digest } });
    expect(imported.status).toBe(422);
    expect(imported.body.error).toMatchObject({ code: 'POOL_FILE_INVALID', details: { rows: [{ line: 2 }] } });
    expect(imported.body.error.message['zh-CN']).toContain('1 处问题');
    expect(await programmeEntriesAfter(before)).toEqual([]);
  });

  it('imports eight experts in one chain entry, then updates by email instead of doubling', async () => {
    const file = utf8Bom(poolCsv());
    const preview = await api('POST', '/api/submission/pool/preview', { cookie: admin, body: { fileName: 'pool.csv', content: base64(file) } });
    expect(preview.body).toMatchObject({ encoding: 'utf-8-bom', counts: { create: 8, update: 0, unchanged: 0, invalid: 0 } });
    const before = await programmeHead();
    const imported = await api('POST', '/api/submission/pool/import', { cookie: admin, body: { fileName: 'pool.csv', content: base64(file), digest: preview.body.digest } });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ created: 8, updated: 0, unchanged: 0, parts: 1 });
    expect((await programmeEntriesAfter(before)).map((e) => e.action)).toEqual(['pool.imported']);

    const changed = Buffer.from(poolCsv().replace('自由专家8', '自由专家八'), 'utf8');
    const again = await api('POST', '/api/submission/pool/preview', { cookie: admin, body: { fileName: 'pool.csv', content: base64(changed) } });
    expect(again.body.counts).toEqual({ create: 0, update: 1, unchanged: 7, invalid: 0 });
    const other = await api('POST', '/api/submission/pool/import', { cookie: admin, body: { fileName: 'pool.csv', content: base64(changed), digest: preview.body.digest } });
    expect(other.status).toBe(409);
    const updated = await api('POST', '/api/submission/pool/import', { cookie: admin, body: { fileName: 'pool.csv', content: base64(changed), digest: again.body.digest } });
    expect(updated.body).toMatchObject({ created: 0, updated: 1, unchanged: 7 });
    const people = (await api('GET', '/api/submission/people', { cookie: admin })).body.people.filter((p: { email: string }) => p.email.endsWith(`${tag}@example.org`));
    expect(people).toHaveLength(8);
    expect(people.find((p: { email: string }) => p.email === email(8)).name).toBe('自由专家八');
    expect(people.find((p: { email: string }) => p.email === email(2)).profile.pastEmployers[0].name).toBe(applicant.name);

    const exported = await api('GET', '/api/submission/pool/export', { cookie: admin });
    expect(exported.body.csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(exported.body.csv).toContain(`自由专家八,${email(8)},评审专家,某协会8,,,高级工程师,C、M,晋安区,,在库`);
  });
});

describe('the draw: committed, seeded, replayable', () => {
  const witness = () => ({ supervisorId: supervisor.personId, value: '20261205' });

  it('refuses a draw with too few eligible experts, naming how many are missing, and writes nothing', async () => {
    const res = await nothingWritten(roundId, () =>
      api('POST', `/api/scoring/applications/${applicationId}/draws`, { cookie: admin, body: { stage: 'materialReview', witness: witness(), size: 5, requiredField: { section: 'T', min: 2 } } }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'DRAW_TOO_FEW', details: { needed: 2, eligible: 0, missing: 2 } });
    expect(res.body.error.message.en).toBe('Too few eligible experts: 2 needed, only 0 eligible, 2 missing.');
  });

  it('draws every team in one action: inputs committed first with each exclusion\'s reason, the result next, the team assigned', async () => {
    const before = await headSeq(roundId);
    const res = await api('POST', `/api/scoring/rounds/${roundId}/draws`, { cookie: admin, body: { stage: 'materialReview', witness: witness(), size: 3, requiredField: { section: 'M', min: 1 } } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.refused).toEqual([]);
    expect(res.body.draws).toHaveLength(1);
    const drawn = res.body.draws[0];
    expect(drawn.members).toHaveLength(3);
    expect(drawn.members.filter((m: { leader: boolean }) => m.leader)).toHaveLength(1);
    const entries = await entriesAfter(roundId, before);
    expect(entries.map((e) => e.action)).toEqual(['draw.committed', 'draw.drawn']);

    const list = await api('GET', `/api/scoring/rounds/${roundId}/draws`, { cookie: await supervisor.cookie });
    expect(list.status).toBe(200);
    const { inputs, result } = list.body.draws[0];
    const reasonOf = (name: string) => inputs.excluded.find((x: { name: string }) => x.name === name)?.reason;
    expect(reasonOf('现任专家')).toBe('employerCreditCode');
    expect(reasonOf('前任专家')).toBe('pastEmployer');
    expect(reasonOf('停用专家')).toBe('inactive');
    expect(inputs.witness).toMatchObject({ supervisorName: '抽取监督员', value: '20261205' });
    expect(result.members.some((m: string) => inputs.eligible.find((c: { personId: string; fields: string[] }) => c.personId === m)?.fields.includes('M'))).toBe(true);

    const team = await api('GET', paths.team(applicationId), { cookie: admin });
    expect(team.body.members.map((a: { reviewerId: string }) => a.reviewerId).sort()).toEqual([...result.members].sort());
    expect(team.body.members.every((a: { drawId?: string }) => a.drawId === inputs.drawId)).toBe(true);

    const again = await api('POST', `/api/scoring/rounds/${roundId}/draws`, { cookie: admin, body: { stage: 'materialReview', witness: witness(), size: 3 } });
    expect(again.body).toMatchObject({ draws: [], refused: [] });
  });

  it('replaces a member who recused with the next in the seeded order, and the replay matches', async () => {
    const { result, inputs } = (await api('GET', `/api/scoring/rounds/${roundId}/draws`, { cookie: admin })).body.draws[0];
    const declined = result.members[1];
    const fieldsOf = new Map<string, string[]>(inputs.eligible.map((c: { personId: string; fields: string[] }) => [c.personId, c.fields]));
    const notYet = await api('POST', `/api/scoring/applications/${applicationId}/draws/materialReview/replacements`, { cookie: admin, body: { reviewerId: declined } });
    expect(notYet.status).toBe(422);
    const recused = await api('POST', paths.recuse(applicationId, 'materialReview', declined), { cookie: admin, body: { reason: '曾为该单位提供咨询。' } });
    expect(recused.status, JSON.stringify(recused.body)).toBe(200);
    const replaced = await api('POST', `/api/scoring/applications/${applicationId}/draws/materialReview/replacements`, { cookie: admin, body: { reviewerId: declined } });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
    // The next in the committed order not drawn yet: the team is not always the order's first three (the field mix
    // may pass someone over), so the replacement is the first of the order outside the team, not order[3] — and when
    // the one who declined was the team's only member of the batch's field M, the first outside who is of M.
    const mustKeepM = (result.members as string[]).filter((m) => m !== declined).every((m) => !fieldsOf.get(m)!.includes('M'));
    const next = (result.order as string[]).find((id) => !(result.members as string[]).includes(id) && (!mustKeepM || fieldsOf.get(id)!.includes('M')));
    expect(replaced.body.members.map((m: { personId: string }) => m.personId)).toContain(next);

    const { code, lines } = await replay(roundId);
    expect(lines.at(-1)).toBe('replayed: 1 draws, 0 mismatches');
    expect(code).toBe(0);
  });

  it('keeps the reason of a manual choice, marked as manual beside the drawn members', async () => {
    const chosen = await invitedPerson('expert', { name: '手选专家' });
    const res = await api('POST', paths.assign(applicationId), { cookie: admin, body: { stage: 'materialReview', reviewerId: chosen.personId, reason: '熟悉该行业的卓越绩效评价。' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const team = await api('GET', paths.team(applicationId), { cookie: await supervisor.cookie });
    const members = team.body.members as { reviewerId: string; drawId?: string; manualReason?: string }[];
    expect(members.find((m) => m.reviewerId === chosen.personId)).toMatchObject({ manualReason: '熟悉该行业的卓越绩效评价。' });
    expect(members.find((m) => m.reviewerId === chosen.personId)!.drawId).toBeUndefined();
    expect(members.filter((m) => m.drawId).length).toBe(4);
  });

  it('names a draw whose committed inputs were edited afterwards as a mismatch and exits 1', async () => {
    const rt = await stackRuntime();
    // Someone with table access moves an excluded expert into the pool drawn from.
    await rt.clients.ddb.send(
      new UpdateCommand({
        TableName: inject('stackEnv').TABLE_REVIEWS!,
        Key: { pk: `ROUND#${roundId}`, sk: `DRAW#${applicationId}#materialReview` },
        UpdateExpression: 'SET inputs.loadCap = :n',
        ExpressionAttributeValues: { ':n': 99 },
      }),
    );
    const { code, lines } = await replay(roundId);
    expect(lines.join('\n')).toMatch(/MISMATCH .*inputsEdited/);
    expect(lines.at(-1)).toBe('replayed: 1 draws, 1 mismatches');
    expect(code).toBe(1);
  });
});
