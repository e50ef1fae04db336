import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, signInAdmin } from './helpers';
import { stackRuntime } from './applications-helpers';
import { createReviewRound, eligibleApplication, entriesAfter, headSeq, invitedPerson, moveRoundTo, nothingWritten, paths } from './reviews-helpers';

// Issue 13.2's rules as the round's configuration carries them: the load cap, the district rule and the stage's field
// mix, committed with each draw; a replacement keeps the mix and passes the lead on; the leader named by hand.
const run = promisify(execFile);
const HEADER = '姓名,邮箱,库别,工作单位,单位统一社会信用代码,曾任职单位,职称/资格,专业领域,所在区县,电话,状态';
const tag = Date.now().toString(36);
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function replay(roundId: string): Promise<{ code: number; lines: string[] }> {
  const env = inject('stackEnv');
  const r = await run('npx', ['tsx', 'infra/scripts/replay-draw.ts', '--round', roundId, '--endpoint', inject('dynamoEndpoint'), '--table', env.TABLE_AUDIT!, '--reviews-table', env.TABLE_REVIEWS!]).then(
    (x) => ({ code: 0, stdout: x.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  return { code: r.code, lines: r.stdout.trim().split('\n') };
}

interface Inputs { version: number; loadCap: number; excludeSameDistrict: boolean; mix: { section: string; min: number }[]; eligible: { personId: string; fields: string[] }[]; excluded: { personId: string; reason: string }[] }
interface Result { order: string[]; members: string[]; leaderId: string }
interface Member { reviewerId: string; leader: boolean; status: string }

let roundId: string;
let admin: string;
let supervisor: Awaited<ReturnType<typeof invitedPerson>>;
let first: string;
let second: string;
let district: string;
const witness = () => ({ supervisorId: supervisor.personId, value: `rules-${tag}` });
const draws = async () => (await api('GET', `/api/scoring/rounds/${roundId}/draws`, { cookie: admin })).body.draws as { inputs: Inputs; result: Result; replacements: { declined: string; replacement: string; leaderId?: string }[] }[];
const drawOf = async (applicationId: string) => (await draws()).find((d) => (d.inputs as unknown as { applicationId: string }).applicationId === applicationId)!;
const team = async (applicationId: string) => ((await api('GET', paths.team(applicationId), { cookie: admin })).body.members as Member[]);
const leaderOf = async (applicationId: string) => (await team(applicationId)).filter((m) => m.leader && m.status !== 'recused').map((m) => m.reviewerId);

beforeAll(async () => {
  admin = await signInAdmin();
  roundId = await createReviewRound({
    teams: { materialReviewMin: 3, onSiteMin: 2, defensePanelMin: 1 },
    draw: { loadCap: 1, excludeSameDistrict: true, mix: { materialReview: [{ section: 'B', min: 1 }], onSite: [] } },
  });
  first = (await eligibleApplication(roundId, `福州规则甲矿业有限公司${tag}`)).applicationId;
  second = (await eligibleApplication(roundId, `福州规则乙矿业有限公司${tag}`)).applicationId;
  district = (await api('GET', `/api/submission/applications/${first}`, { cookie: admin })).body.organisation.district;
  supervisor = await invitedPerson('supervisor', { name: '规则监督员' });
  // Five mining experts (section B) far away, two experts of the applicants' own district.
  const rows = [
    ...[1, 2, 3, 4, 5].map((i) => `矿业专家${i},rules-b${i}.${tag}@example.org,评审专家,矿业协会${i},,,高级工程师,B,规则测试县${i},,在库`),
    ...[1, 2].map((i) => `同区专家${i},rules-d${i}.${tag}@example.org,评审专家,本地协会${i},,,高级工程师,C,${district},,在库`),
  ];
  const file = base64([HEADER, ...rows].join('\r\n'));
  const preview = await api('POST', '/api/submission/pool/preview', { cookie: admin, body: { fileName: 'rules.csv', content: file } });
  expect(preview.body.counts, JSON.stringify(preview.body)).toMatchObject({ invalid: 0 });
  const imported = await api('POST', '/api/submission/pool/import', { cookie: admin, body: { fileName: 'rules.csv', content: file, digest: preview.body.digest } });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  await moveRoundTo(roundId, 'materialReview');
});
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

describe("the draw's rules come from the round's configuration and are committed with each draw", () => {
  it('refuses a batch field that makes the mix larger than the team (422 DRAW_MIX_TOO_LARGE), writing nothing', async () => {
    const res = await nothingWritten(roundId, () =>
      api('POST', `/api/scoring/applications/${first}/draws`, { cookie: admin, body: { stage: 'materialReview', witness: witness(), size: 1, requiredField: { section: 'C', min: 1 } } }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'DRAW_MIX_TOO_LARGE', details: { size: 1, total: 2 } });
    expect(res.body.error.message['zh-CN']).toBe('专业领域构成要求共 2 人，超过评审组人数 1 人。');
  });

  it("draws both teams under the round's load cap, district rule and mix, and says which rules it used", async () => {
    const before = await headSeq(roundId);
    const res = await api('POST', `/api/scoring/rounds/${roundId}/draws`, { cookie: admin, body: { stage: 'materialReview', witness: witness() } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.refused).toEqual([]);
    expect(res.body.rules).toEqual({ loadCap: 1, excludeSameDistrict: true, mix: [{ section: 'B', min: 1 }] });
    expect((await entriesAfter(roundId, before)).map((e) => e.action)).toEqual(['draw.committed', 'draw.drawn', 'draw.committed', 'draw.drawn']);

    const [a, b] = [await drawOf(first), await drawOf(second)];
    for (const d of [a, b]) {
      expect(d.inputs).toMatchObject({ version: 2, loadCap: 1, excludeSameDistrict: true, mix: [{ section: 'B', min: 1 }] });
      const fieldsOf = new Map(d.inputs.eligible.map((c) => [c.personId, c.fields]));
      expect(d.result.members).toHaveLength(3);
      expect(d.result.members.some((m) => fieldsOf.get(m)?.includes('B'))).toBe(true);
      // The experts of the applicant's district are left out, with the reason.
      const local = d.inputs.excluded.filter((x) => x.reason === 'sameDistrict');
      expect(local.length).toBeGreaterThanOrEqual(2);
    }
    // The load cap of 1: whoever the first draw took (applications are drawn in id order) is left out of the second, at the cap.
    const [earlier, later] = first < second ? [a, b] : [b, a];
    for (const m of earlier.result.members) expect(later.inputs.excluded.find((x) => x.personId === m)?.reason).toBe('overLoadCap');
  });

  it('replaces a member with the next in the seeded order who keeps the mix, and passes the lead on when the leader declines', async () => {
    const d = await drawOf(first);
    const fieldsOf = new Map(d.inputs.eligible.map((c) => [c.personId, c.fields]));
    const miners = d.result.members.filter((m) => fieldsOf.get(m)?.includes('B'));
    const declined = miners.find((m) => m !== d.result.leaderId) ?? miners[0]!;
    const mustMine = miners.length === 1;
    const expected = d.result.order.find((id) => !d.result.members.includes(id) && (!mustMine || fieldsOf.get(id)?.includes('B')))!;
    expect((await api('POST', paths.recuse(first, 'materialReview', declined), { cookie: admin, body: { reason: '与申报单位存在业务往来。' } })).status).toBe(200);
    const replaced = await api('POST', `/api/scoring/applications/${first}/draws/materialReview/replacements`, { cookie: admin, body: { reviewerId: declined } });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
    const members = replaced.body.members.map((m: { personId: string }) => m.personId);
    expect(members).toContain(expected);
    expect(members).not.toContain(declined);
    expect(members.some((m: string) => fieldsOf.get(m)?.includes('B'))).toBe(true);

    // The leader declines: the lead goes to the first of the new team in the seeded order, never stays with them.
    const leader = (await leaderOf(first))[0]!;
    const now = (await drawOf(first)).replacements.reduce((t, r) => t.map((m) => (m === r.declined ? r.replacement : m)), [...d.result.members]);
    expect(now).toContain(leader);
    expect((await api('POST', paths.recuse(first, 'materialReview', leader), { cookie: admin, body: { reason: '临时公务冲突。' } })).status).toBe(200);
    const again = await api('POST', `/api/scoring/applications/${first}/draws/materialReview/replacements`, { cookie: admin, body: { reviewerId: leader } });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const newTeam = new Set<string>(again.body.members.map((m: { personId: string }) => m.personId));
    const heir = d.result.order.find((id) => newTeam.has(id))!;
    expect(again.body.members.find((m: { leader: boolean }) => m.leader).personId).toBe(heir);
    expect(await leaderOf(first)).toEqual([heir]);
    expect((await team(first)).find((m) => m.reviewerId === leader)!.leader).toBe(false);
    expect((await drawOf(first)).replacements.at(-1)).toMatchObject({ declined: leader, leaderId: heir });

    const { code, lines } = await replay(roundId);
    expect(lines.at(-1)).toBe('replayed: 2 draws, 0 mismatches');
    expect(code).toBe(0);
  });

  it('names the leader by hand among the team as it stands only, audited with the reason, and the replay still matches', async () => {
    const standing = (await team(first)).filter((m) => m.status !== 'recused' && m.status !== 'conflicted');
    const chosen = standing.find((m) => !m.leader)!.reviewerId;
    const recused = (await team(first)).find((m) => m.status === 'recused')!.reviewerId;
    // Drawn for the other application only (the same expert may be drawn for both: the load cap allows it).
    const firstTeam = new Set((await team(first)).map((m) => m.reviewerId));
    const outsider = (await drawOf(second)).result.members.find((m: string) => !firstTeam.has(m))!;
    for (const reviewerId of [recused, outsider]) {
      const refused = await nothingWritten(roundId, () => api('PUT', `/api/scoring/applications/${first}/draws/materialReview/leader`, { cookie: admin, body: { reviewerId, reason: '熟悉该行业。' } }));
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('DRAW_LEADER_NOT_MEMBER');
    }
    const noReason = await api('PUT', `/api/scoring/applications/${first}/draws/materialReview/leader`, { cookie: admin, body: { reviewerId: chosen, reason: ' ' } });
    expect(noReason.status).toBe(400);

    const before = await headSeq(roundId);
    const named = await api('PUT', `/api/scoring/applications/${first}/draws/materialReview/leader`, { cookie: admin, body: { reviewerId: chosen, reason: '具有多次现场评审组长经验。' } });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body.members.filter((m: { leader: boolean }) => m.leader).map((m: { personId: string }) => m.personId)).toEqual([chosen]);
    expect(await leaderOf(first)).toEqual([chosen]);
    const entries = await entriesAfter(roundId, before);
    expect(entries.map((e) => e.action)).toEqual(['draw.leaderNamed']);
    expect(entries[0]!.actor.role).toBe('admin');

    const twice = await api('PUT', `/api/scoring/applications/${first}/draws/materialReview/leader`, { cookie: admin, body: { reviewerId: chosen, reason: '再次指定。' } });
    expect(twice.status).toBe(409);
    // Supervisors cannot name anyone.
    const bySupervisor = await api('PUT', `/api/scoring/applications/${first}/draws/materialReview/leader`, { cookie: supervisor.cookie, body: { reviewerId: chosen, reason: '监督员试图指定。' } });
    expect(bySupervisor.status).toBe(403);

    const { code, lines } = await replay(roundId);
    expect(lines.at(-1)).toBe('replayed: 2 draws, 0 mismatches');
    expect(code).toBe(0);
  });
});
