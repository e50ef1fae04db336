import { describe, expect, it } from 'vitest';
import type { ObjectionRecord, RoundOutcome, StandingRecord, VoteRecord } from '../../lib/outcome/store';
import { chainHeadOf, publicationKey, publicationOfStage, publishedDocument, publishedEntries } from './publish';

const by = { at: '2026-07-01T00:00:00.000Z', by: 'office-1', byName: '王办公室' };

const standing = (applicationId: string, rank: number, final: number, candidate = true): StandingRecord => ({
  applicationId,
  organisation: { name: `${applicationId} 有限公司`, district: '高新区', industry: '制造业' },
  material: 70_000,
  onSite: 71_000,
  defense: 72_000,
  results: 30_000,
  final,
  rank,
  candidate,
});

const vote = (applicationId: string, proposed: boolean): VoteRecord => ({ ...by, applicationId, for: proposed ? 9 : 2, against: proposed ? 2 : 9, abstain: 0, proposed });

const objection = (objectionId: string, applicationId: string, upheld?: boolean): ObjectionRecord => ({
  ...by,
  objectionId,
  applicationId,
  objectorName: '张实名',
  objectorContact: '138-0000-0000',
  statement: '数据不实。',
  evidence: '调查报告。',
  ...(upheld === undefined ? {} : { resolution: { ...by, upheld, reason: '已核实。' } }),
});

// A, B tie on rank 2 behind W; C voted down; D proposed; E below the threshold.
const outcome = (objections: ObjectionRecord[] = []): RoundOutcome => ({
  evaluation: {
    ...by,
    roundId: 'r1',
    standings: [
      standing('W', 1, 81_234_567),
      standing('A', 2, 79_000_005),
      standing('B', 2, 79_000_005),
      standing('C', 4, 70_000_000),
      standing('D', 5, 65_432_100),
      standing('E', 6, 45_000_000, false),
    ],
    settings: { weights: { material: 0.3, onSite: 0.5, defense: 0.2 }, candidateThreshold: 500, winnersQuota: 6 },
  },
  opinions: [],
  votes: [vote('W', true), vote('A', true), vote('B', true), vote('C', false), vote('D', true)],
  objections,
  publications: [],
  remarks: [],
});

describe('the published entries', () => {
  it('lists the proposed winners in the notice, placed in the list (a tie shares its place), with the final score to two decimals', () => {
    // Act
    const entries = publishedEntries('notice', outcome());
    // Assess
    expect(entries.map((e) => [e.rank, e.organisation.name, e.finalScore])).toEqual([
      [1, 'W 有限公司', '812.35'],
      [2, 'A 有限公司', '790.00'],
      [2, 'B 有限公司', '790.00'],
      [4, 'D 有限公司', '654.32'],
    ]);
  });

  it('leaves out of the announcement an application an upheld objection took out, not one whose objection was dismissed', () => {
    const entries = publishedEntries('announcement', outcome([objection('o1', 'W', true), objection('o2', 'D', false)]));
    expect(entries.map((e) => [e.rank, e.organisation.name])).toEqual([
      [1, 'A 有限公司'],
      [1, 'B 有限公司'],
      [3, 'D 有限公司'],
    ]);
  });

  it('publishes nothing but the place, the organisation and the final score', () => {
    const entries = publishedEntries('announcement', outcome([objection('o1', 'A', false)]));
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(['finalScore', 'organisation', 'rank']);
      expect(Object.keys(e.organisation).sort()).toEqual(['district', 'industry', 'name']);
    }
  });

  it('is empty before an evaluation is recorded', () => {
    expect(publishedEntries('notice', { opinions: [], votes: [], objections: [], publications: [], remarks: [] })).toEqual([]);
  });
});

describe('the published document', () => {
  it('carries the programme, the notice period, the entries and the chain head given, and nothing about the objectors or the office', () => {
    // Prepare
    const head = chainHeadOf({ scope: 'round:r1', seq: 42, hash: 'ab'.repeat(32) });
    // Act
    const doc = publishedDocument({
      kind: 'announcement',
      round: { roundId: 'r1', name: { 'zh-CN': '2026 年度', en: '2026 round' }, programmeId: 'city', noticeOpenedAt: '2026-07-01T00:00:00.000Z', noticeEndsAt: '2026-07-08T00:00:00.000Z' },
      programmeName: { 'zh-CN': '市政府质量奖', en: 'City Government Quality Award' },
      noticeDays: 7,
      outcome: outcome([objection('o1', 'W', true)]),
      head,
      now: new Date('2026-07-09T08:00:00.000Z'),
    });
    // Assess
    expect(doc).toMatchObject({
      kind: 'announcement',
      programmeId: 'city',
      roundId: 'r1',
      publishedAt: '2026-07-09T08:00:00.000Z',
      notice: { openedAt: '2026-07-01T00:00:00.000Z', endsAt: '2026-07-08T00:00:00.000Z', days: 7 },
      chainHead: { scope: 'round:r1', sequence: 42, hash: 'ab'.repeat(32) },
    });
    expect(doc.entries).toHaveLength(3);
    const text = JSON.stringify(doc);
    for (const word of ['张实名', '138-0000-0000', '王办公室', 'office-1', 'onSite', 'material']) expect(text).not.toContain(word);
  });
});

describe('what each stage publishes', () => {
  it('publishes the notice at the public notice, the announcement at the announcement, nothing at any other stage', () => {
    expect(publicationOfStage('publicNotice')).toBe('notice');
    expect(publicationOfStage('announcement')).toBe('announcement');
    for (const stage of ['call', 'deliberation', 'opinions', 'unknown']) expect(publicationOfStage(stage)).toBeUndefined();
  });

  it('writes to results/<roundId>/<kind>.json in the web bucket, the path the public site serves', () => {
    expect(publicationKey('city-2026', 'notice')).toBe('results/city-2026/notice.json');
  });
});
