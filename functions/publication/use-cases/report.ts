import type { CommitteeStanding, ExportSheet, RoundExportResponse, RoundReportResponse, RoundSummaryResponse } from '../../../shared/api/report';
import type { Criteria } from '../../../shared/criteria';
import { isMessageKey, t } from '../../../shared/messages';
import {
  breakdownOf,
  distributionsOf,
  funnelOf,
  publicDistributions,
  rankMovements,
  type ApplicationFacts,
  type ApplicationScores,
  type FunnelStepId,
} from '../../../shared/report/report';
import { zonedParts } from '../../../shared/schedule/time';
import { formatPoints, formatScaled } from '../../../shared/scoring/exact';
import type { ApplicationRecord } from '../../lib/applications/repository';
import { configuredRound } from '../../lib/awards/configured-round';
import { notFound } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { candidatesOf, notAwardedIds, opinionOutcome, proposedWinners, winnersOf } from '../../lib/outcome/progress';
import type { RoundOutcome } from '../../lib/outcome/store';
import type { ConsensusScores } from '../../lib/reviews/progress';
import { defenseOutcome } from '../../lib/reviews/defense';
import { publishedEntries } from './publish';
import { suggestionOf, type OutcomeDeps } from './evaluation';

const ANNOUNCED = 'announcement';

/** Category id → exact hundredths of a consensus (items without a percentage count 0). */
function categoryTotals(percents: Readonly<Record<string, number>>, criteria: Criteria): Record<string, number> {
  return Object.fromEntries(criteria.categories.map((c) => [c.id, c.items.reduce((sum, i) => sum + (percents[i.id] ?? 0) * i.points, 0)]));
}

/** Everything of a round the report reads, from the stored records (applications, reviews, outcome). */
async function roundRecords(deps: OutcomeDeps, roundId: string) {
  const [applications, progress, consensus, defense, outcome] = await Promise.all([
    deps.applications.listRound(roundId),
    deps.reviews.ofRound(roundId),
    deps.reviews.consensusScoresOfRound(roundId),
    deps.reviews.defenseOfRound(roundId),
    deps.outcome.ofRound(roundId),
  ]);
  return { applications, progress, consensus, defense, outcome };
}
type RoundRecords = Awaited<ReturnType<typeof roundRecords>>;

// Issue 12.4: the funnel from the stored records — each application's furthest facts, never a counter kept on the side.
/** What each application of a round reached, and its scores at every stage. */
function factsOf(records: RoundRecords, criteria: Criteria, stage: string, panelMin: number): { facts: ApplicationFacts[]; scores: ApplicationScores[] } {
  const { applications, progress, consensus, defense, outcome } = records;
  const consensusOf = (applicationId: string, s: 'materialReview' | 'onSite'): ConsensusScores | undefined => consensus.find((c) => c.applicationId === applicationId && c.stage === s);
  const shortlisted = new Set(progress.shortlist.filter((s) => s.shortlisted).map((s) => s.applicationId));
  const standings = new Map((outcome.evaluation?.standings ?? []).map((s) => [s.applicationId, s]));
  const candidates = new Set(candidatesOf(outcome).map((s) => s.applicationId));
  const proposed = new Set(proposedWinners(outcome).map((s) => s.applicationId));
  const awarded = new Set(stage === ANNOUNCED ? winnersOf(outcome).map((s) => s.applicationId) : []);
  const facts: ApplicationFacts[] = [];
  const scores: ApplicationScores[] = [];
  for (const app of applications) {
    const material = consensusOf(app.applicationId, 'materialReview');
    const onSite = consensusOf(app.applicationId, 'onSite');
    const { panelScore } = defenseOutcome(app.applicationId, defense, panelMin);
    const standing = standings.get(app.applicationId);
    const reached = new Set<FunnelStepId>(['registered']);
    const mark = (step: FunnelStepId, yes: boolean) => yes && reached.add(step);
    mark('submitted', app.submittedAt !== undefined);
    mark('eligible', app.eligibility?.decision === 'eligible');
    mark('reviewed', material !== undefined);
    mark('shortlisted', shortlisted.has(app.applicationId));
    mark('visited', onSite !== undefined);
    mark('defended', panelScore !== undefined || standing !== undefined);
    mark('candidates', candidates.has(app.applicationId));
    mark('proposed', proposed.has(app.applicationId));
    mark('awarded', awarded.has(app.applicationId));
    facts.push({ applicationId: app.applicationId, district: app.organisation.district, industry: app.organisation.industry, size: app.organisation.size, reached });
    if (material || onSite || panelScore !== undefined || standing) {
      scores.push({
        applicationId: app.applicationId,
        ...(material ? { material: material.total, materialCategories: categoryTotals(material.percents, criteria) } : {}),
        ...(onSite ? { onSite: onSite.total, onSiteCategories: categoryTotals(onSite.percents, criteria) } : {}),
        ...(standing ? { defense: standing.defense } : panelScore !== undefined ? { defense: panelScore } : {}),
        ...(standing ? { final: standing.final } : {}),
      });
    }
  }
  return { facts, scores };
}

/** The committee's ranking: each recorded standing with the ranking's advice and the departments' answers. */
function committeeOf(outcome: RoundOutcome, departments: readonly string[], quota: number): CommitteeStanding[] {
  const standings = outcome.evaluation?.standings ?? [];
  const advice = suggestionOf(standings.filter((s) => s.candidate), quota);
  return standings.map((s) => ({
    applicationId: s.applicationId,
    organisationName: s.organisation.name,
    district: s.organisation.district,
    industry: s.organisation.industry,
    rank: s.rank,
    material: s.material,
    onSite: s.onSite,
    defense: s.defense,
    final: s.final,
    candidate: s.candidate,
    suggested: advice.proposed.includes(s.applicationId),
    tiedAtCutoff: advice.tiedAtCutoff.includes(s.applicationId),
    opinions: departments.flatMap((department) => {
      const o = outcome.opinions.find((x) => x.applicationId === s.applicationId && x.department === department);
      return o ? [{ department, objection: o.objection, text: o.text }] : [];
    }),
  }));
}

/**
 * The round's report (issue 12.4) for the office and supervisors of its programme (another programme: 404): the funnel
 * counted from the stored records, breakdowns by district, industry and size, score distributions per stage, how each
 * applicant's rank moved from material review to the final ranking, and what the committee papers print.
 */
export async function roundReport(deps: OutcomeDeps, session: Session, roundId: string): Promise<RoundReportResponse> {
  const { round, config, criteria } = await configuredRound(deps.awards, roundId, session.programmeId);
  const records = await roundRecords(deps, roundId);
  const { facts, scores } = factsOf(records, criteria, round.stage, config.teams.defensePanelMin);
  const names = new Map(records.applications.map((a) => [a.applicationId, a.organisation.name]));
  const finalRanks = new Map((records.outcome.evaluation?.standings ?? []).map((s) => [s.applicationId, s.rank]));
  const settings = records.outcome.evaluation?.settings ?? { weights: config.weights, candidateThreshold: config.candidateThreshold, winnersQuota: config.winnersQuota };
  return {
    roundId,
    roundName: round.name,
    roundStage: round.stage,
    funnel: funnelOf(facts),
    breakdowns: { district: breakdownOf(facts, 'district'), industry: breakdownOf(facts, 'industry'), size: breakdownOf(facts, 'size') },
    distributions: distributionsOf(scores, criteria),
    movements: rankMovements(scores, finalRanks).map((m) => ({ ...m, organisationName: names.get(m.applicationId) ?? '' })),
    committee: {
      weights: { ...settings.weights },
      candidateThreshold: settings.candidateThreshold,
      winnersQuota: settings.winnersQuota,
      evaluationRecorded: records.outcome.evaluation !== undefined,
      standings: committeeOf(records.outcome, config.opinionDepartments, settings.winnersQuota),
      departments: [...config.opinionDepartments],
    },
  };
}

/**
 * The public summary of a round after its announcement (before: the 404 that reveals nothing): the funnel and the score
 * distributions, and of the organisations only the winners as the announcement published them.
 */
export async function roundSummary(deps: OutcomeDeps, roundId: string): Promise<RoundSummaryResponse> {
  const round = roundId ? await deps.awards.getRound(roundId) : undefined;
  if (!round || round.stage !== ANNOUNCED) throw notFound();
  const { config, criteria } = await configuredRound(deps.awards, roundId);
  const [records, programme] = await Promise.all([roundRecords(deps, roundId), deps.awards.getProgramme(round.programmeId)]);
  const { facts, scores } = factsOf(records, criteria, round.stage, config.teams.defensePanelMin);
  return {
    roundId,
    roundName: round.name,
    programmeName: programme?.name ?? round.name,
    funnel: funnelOf(facts),
    distributions: publicDistributions(distributionsOf(scores, criteria)),
    winners: publishedEntries('announcement', records.outcome),
  };
}

const STAGE_ZH = { materialReview: '材料评审', onSite: '现场评审', defense: '陈述答辩' } as const;
const yesNo = (b: boolean) => (b ? '是' : '否');
/** A department's Chinese name when the catalogue knows it (`domain.department.<id>`); a department typed by its name as typed. */
const departmentZh = (department: string) => {
  const key = `domain.department.${department}`;
  return isMessageKey(key) ? t(key, 'zh-CN') : department;
};

/**
 * The whole round's records as sheets with Chinese headers (issue 12.4): every submitted card and panel score, the
 * consensus, the ranking, the departments' opinions, the committee's votes and the objections. For the office and
 * supervisors of the programme only (the route: applicants and experts 403; another programme: 404).
 */
export async function roundExport(deps: OutcomeDeps, session: Session, roundId: string): Promise<RoundExportResponse> {
  const { round, config, criteria } = await configuredRound(deps.awards, roundId, session.programmeId);
  const programme = await deps.awards.getProgramme(round.programmeId);
  const timeZone = programme?.timeZone ?? 'Asia/Shanghai';
  const [records, cards, scorerNames] = await Promise.all([roundRecords(deps, roundId), deps.reviews.submittedCardsOfRound(roundId), deps.reviews.defenseScorerNames(roundId)]);
  const { applications, consensus, defense, outcome } = records;
  const byId = new Map<string, ApplicationRecord>(applications.map((a) => [a.applicationId, a]));
  const org = (applicationId: string) => byId.get(applicationId)?.organisation.name ?? '';
  const when = (iso: string | undefined) => {
    if (!iso) return '';
    const { date, time } = zonedParts(iso, timeZone);
    return `${date} ${time}`;
  };
  const items = criteria.categories.flatMap((c) => c.items);
  const itemHeaders = items.map((i) => `${i.id} ${i.name['zh-CN']}（%）`);
  const total = (percents: Readonly<Record<string, number>>) => formatPoints(items.reduce((s, i) => s + (percents[i.id] ?? 0) * i.points, 0));
  const orderOf = (applicationId: string) => org(applicationId);
  const byOrg = <T extends { applicationId: string }>(rows: readonly T[]) => [...rows].sort((a, b) => orderOf(a.applicationId).localeCompare(orderOf(b.applicationId), 'zh-CN'));
  const stageOrder = (s: string) => (s === 'materialReview' ? 0 : 1);

  const scoreRows = [
    ...byOrg(cards)
      .sort((a, b) => orderOf(a.applicationId).localeCompare(orderOf(b.applicationId), 'zh-CN') || stageOrder(a.stage) - stageOrder(b.stage) || a.reviewerName.localeCompare(b.reviewerName, 'zh-CN'))
      .map((c) => [org(c.applicationId), STAGE_ZH[c.stage], c.reviewerName, ...items.map((i) => c.percents[i.id] ?? ''), total(c.percents)]),
    ...byOrg(defense.scores.filter((s) => s.status === 'submitted' && s.score !== undefined)).map((s) => [
      org(s.applicationId),
      STAGE_ZH.defense,
      scorerNames.get(s.reviewerId) ?? '',
      ...items.map(() => ''),
      formatPoints(s.score!),
    ]),
  ];
  const consensusRows = byOrg(consensus)
    .sort((a, b) => orderOf(a.applicationId).localeCompare(orderOf(b.applicationId), 'zh-CN') || stageOrder(a.stage) - stageOrder(b.stage))
    .map((c) => [org(c.applicationId), STAGE_ZH[c.stage], ...items.map((i) => c.percents[i.id] ?? ''), formatPoints(c.total)]);
  const standings = outcome.evaluation?.standings ?? [];
  const out = notAwardedIds(outcome);
  const proposed = new Set(proposedWinners(outcome).map((s) => s.applicationId));
  const awarded = new Set(round.stage === ANNOUNCED ? winnersOf(outcome).map((s) => s.applicationId) : []);
  const rankingRows = standings.map((s) => [
    s.rank,
    s.organisation.name,
    s.organisation.district,
    s.organisation.industry,
    formatPoints(s.material),
    formatPoints(s.onSite),
    formatPoints(s.defense),
    formatPoints(s.results),
    formatScaled(s.final, 5, 2),
    yesNo(s.candidate),
    s.candidate ? { cleared: '无异议', objected: '有异议', pending: '待复函' }[opinionOutcome(s.applicationId, config.opinionDepartments, outcome.opinions)] : '',
    yesNo(proposed.has(s.applicationId)),
    round.stage === ANNOUNCED ? yesNo(awarded.has(s.applicationId)) : out.has(s.applicationId) ? '否' : '',
  ]);
  const opinionRows = byOrg(outcome.opinions).map((o) => [org(o.applicationId), departmentZh(o.department), o.objection ? '有异议' : '无异议', o.text, o.byName, when(o.at)]);
  const voteRows = byOrg(outcome.votes).map((v) => [org(v.applicationId), v.for, v.against, v.abstain, yesNo(v.proposed), v.byName, when(v.at)]);
  const objectionRows = [...outcome.objections]
    .sort((a, b) => (a.at < b.at ? -1 : 1))
    .map((o) => [
      org(o.applicationId),
      o.objectorName,
      o.objectorContact,
      o.statement,
      o.evidence,
      when(o.at),
      o.resolution ? (o.resolution.upheld ? '异议成立' : '异议不成立') : '未处理',
      o.resolution?.reason ?? '',
      when(o.resolution?.at),
    ]);
  const sheets: ExportSheet[] = [
    { key: 'scores', name: '评分', headers: ['申报组织', '阶段', '评审专家', ...itemHeaders, '总分'], rows: scoreRows },
    { key: 'consensus', name: '合议', headers: ['申报组织', '阶段', ...itemHeaders, '合议总分'], rows: consensusRows },
    {
      key: 'ranking',
      name: '排名',
      headers: ['名次', '申报组织', '所在区域', '所属行业', '材料评审得分', '现场评审得分', '陈述答辩得分', '结果类得分（4.7）', '综合得分', '推荐候选', '征求意见', '拟推荐', '获奖'],
      rows: rankingRows,
    },
    { key: 'opinions', name: '征求意见', headers: ['申报组织', '部门', '意见', '复函摘要', '记录人', '记录时间'], rows: opinionRows },
    { key: 'votes', name: '审议表决', headers: ['申报组织', '赞成票', '反对票', '弃权票', '拟推荐', '记录人', '记录时间'], rows: voteRows },
    { key: 'objections', name: '公示异议', headers: ['申报组织', '异议人', '联系方式', '异议内容', '证据', '受理时间', '处理结果', '处理理由', '处理时间'], rows: objectionRows },
  ];
  return { roundId, fileName: `${roundId}-评审数据`, sheets };
}
