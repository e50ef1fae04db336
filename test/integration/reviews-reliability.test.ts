import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundReliabilityResponse } from '../../shared/api/reliability';
import { GBT19580_2012 } from '../../shared/criteria';
import { api, signInAdmin } from './helpers';
import { stackRuntime } from './applications-helpers';
import { assignTeam, clearDeclaration, consensusItems, createReviewRound, eligibleApplication, foreignAdmin, fullCard, invitedPerson, moveRoundTo, paths, scoreAndSubmit } from './reviews-helpers';

type Person = Awaited<ReturnType<typeof invitedPerson>>;

const ITEM_IDS: string[] = GBT19580_2012.items.map((i) => i.id);
const reliability = (roundId: string) => `/api/scoring/rounds/${roundId}/reliability`;

// Three independent cards: the leader scores the consensus, a lenient expert 15 points above, a severe one 5 below (4.1.2: 20 below).
const base = (itemId: string) => 30 + (ITEM_IDS.indexOf(itemId) % 8) * 5;
const lenient = (itemId: string) => base(itemId) + 15;
const severe = (itemId: string) => base(itemId) - (itemId === '4.1.2' ? 20 : 5);
// The second team: two submitted cards and a draft far off that must never count.
const second = [(itemId: string) => base(itemId) + 5, (itemId: string) => 100 - base(itemId)];

let roundId: string;
let firstApp: string;
let secondApp: string;
let applicantCookie: string;
let experts: Person[];
let supervisor: Person;

beforeAll(async () => {
  roundId = await createReviewRound({ teams: { materialReviewMin: 3, onSiteMin: 3, defensePanelMin: 5 }, reliabilityFlagOffset: 10 });
  const first = await eligibleApplication(roundId, '福州一致性示范有限公司');
  firstApp = first.applicationId;
  applicantCookie = first.cookie;
  secondApp = (await eligibleApplication(roundId, '厦门一致性示范有限公司')).applicationId;
  experts = [];
  for (let i = 0; i < 3; i++) experts.push(await invitedPerson('expert', { name: `一致性专家${i + 1}`, organisation: `评审协会${i}` }));
  supervisor = await invitedPerson('supervisor', { name: '一致性监督员' });
  await moveRoundTo(roundId, 'materialReview');
  await assignTeam(firstApp, experts);
  await assignTeam(secondApp, experts);
  await scoreAndSubmit(firstApp, experts[0]!, base);
  await scoreAndSubmit(firstApp, experts[1]!, lenient);
  await scoreAndSubmit(firstApp, experts[2]!, severe);
  const consensus = await api('POST', paths.consensus(firstApp), { cookie: experts[0]!.cookie, body: { items: consensusItems(base) } });
  expect(consensus.status, JSON.stringify(consensus.body)).toBe(201);
  await scoreAndSubmit(secondApp, experts[0]!, second[0]!);
  await scoreAndSubmit(secondApp, experts[1]!, second[1]!);
  await api('POST', paths.declare(secondApp), { cookie: experts[2]!.cookie, body: clearDeclaration });
  const draft = await api('PUT', paths.card(secondApp), { cookie: experts[2]!.cookie, body: { items: fullCard(0), version: 0 } });
  expect(draft.status, JSON.stringify(draft.body)).toBe(200);
}, 240_000);
afterAll(async () => {
  const rt = await stackRuntime();
  rt.clients.ddb.destroy();
  rt.clients.s3.destroy();
});

// An independent computation for complete data: alpha from every pair of values (Krippendorff 2011, interval δ²),
// ICC(2,1) from the two-way mean squares written out (Shrout & Fleiss 1979).
function independentAlpha(rows: number[][]): number {
  const values = rows.flat();
  const n = values.length;
  let within = 0;
  for (const row of rows) for (const a of row) for (const b of row) within += (a - b) ** 2 / (row.length - 1);
  let across = 0;
  for (const a of values) for (const b of values) across += (a - b) ** 2;
  return 1 - ((n - 1) * within) / across;
}
function independentIcc(rows: number[][]): number {
  const n = rows.length;
  const k = rows[0]!.length;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const grand = mean(rows.flat());
  const ss = (xs: number[], m: number) => xs.reduce((s, x) => s + (x - m) ** 2, 0);
  const bms = (k * ss(rows.map(mean), grand)) / (n - 1);
  const columns = Array.from({ length: k }, (_, j) => mean(rows.map((r) => r[j]!)));
  const jms = (n * ss(columns, grand)) / (k - 1);
  let ems = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) ems += (rows[i]![j]! - mean(rows[i]!) - columns[j]! + grand) ** 2;
  ems /= (n - 1) * (k - 1);
  return (bms - ems) / (bms + (k - 1) * ems + (k * (jms - ems)) / n);
}
const matrix = (cards: ((itemId: string) => number)[]) => ITEM_IDS.map((id) => cards.map((c) => c(id)));
const value = (r: { ok: boolean; value?: number }) => (r.ok ? r.value! : Number.NaN);

describe('reviewer reliability (评审一致性) of a round', () => {
  it('gives the office alpha and ICC(2,1) per team from the submitted cards only, matching an independent computation', async () => {
    const res = await api<RoundReliabilityResponse>('GET', reliability(roundId), { cookie: await signInAdmin() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.flagOffset).toBe(10);
    const first = res.body.teams.find((t) => t.applicationId === firstApp)!;
    expect(first).toMatchObject({ organisationName: '福州一致性示范有限公司', stage: 'materialReview', raters: 3, consensus: true });
    expect(value(first.alpha)).toBeCloseTo(independentAlpha(matrix([base, lenient, severe])), 9);
    expect(value(first.icc)).toBeCloseTo(independentIcc(matrix([base, lenient, severe])), 9);
    const secondTeam = res.body.teams.find((t) => t.applicationId === secondApp)!;
    // The draft (every item at 0 %) is sealed: two cards count.
    expect(secondTeam).toMatchObject({ raters: 2, consensus: false });
    expect(value(secondTeam.alpha)).toBeCloseTo(independentAlpha(matrix(second)), 9);
    expect(value(secondTeam.icc)).toBeCloseTo(independentIcc(matrix(second)), 9);
  });

  it('flags the lenient reviewer beyond the round offset and names the items where each diverges most', async () => {
    const res = await api<RoundReliabilityResponse>('GET', reliability(roundId), { cookie: await signInAdmin() });
    const byName = new Map(res.body.reviewers.map((r) => [r.reviewerName, r]));
    expect(byName.get('一致性专家1')).toMatchObject({ cards: 1, count: 23, meanOffset: 0, spread: 0, flagged: false, divergentItems: [] });
    expect(byName.get('一致性专家2')).toMatchObject({ cards: 1, meanOffset: 15, spread: 0, flagged: true });
    const severeOffset = ITEM_IDS.reduce((s, id) => s + severe(id) - base(id), 0) / 23;
    const severeExpert = byName.get('一致性专家3')!;
    expect(severeExpert).toMatchObject({ flagged: false });
    expect(severeExpert.meanOffset).toBeCloseTo(severeOffset, 2);
    expect(severeExpert.divergentItems[0]).toEqual({ itemId: '4.1.2', meanOffset: -20 });
    expect(res.body.drift).toEqual([]);
  });

  it('shows supervisors of the programme the same numbers', async () => {
    const [office, supervised] = await Promise.all([
      api('GET', reliability(roundId), { cookie: await signInAdmin() }),
      api('GET', reliability(roundId), { cookie: supervisor.cookie }),
    ]);
    expect(supervised.status).toBe(200);
    expect(supervised.body).toEqual(office.body);
  });

  it('refuses experts and applicants (403) and hides the round from another programme (404)', async () => {
    expect((await api('GET', reliability(roundId), { cookie: experts[0]!.cookie })).status).toBe(403);
    expect((await api('GET', reliability(roundId), { cookie: applicantCookie })).status).toBe(403);
    expect((await api('GET', reliability(roundId), {})).status).toBe(401);
    expect((await api('GET', reliability(roundId), { cookie: await foreignAdmin() })).status).toBe(404);
  });
});
