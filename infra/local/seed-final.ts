import { randomUUID } from 'node:crypto';
import type { ReviewStage } from '../../shared/api/reviews';
import { SYSTEM_ACTOR } from '../../shared/audit/actions';
import { detectConflicts } from '../../shared/conflicts';
import { GBT19580_2012, type CriteriaItem } from '../../shared/criteria';
import { defaultRoundConfig } from '../../shared/round';
import {
  candidates,
  divergenceFlags,
  evaluateRound,
  siteVisitShortlist,
  stageScore,
  weightsPerMille,
  type ApplicationScores,
  type Scorecard,
  type StageWeights,
} from '../../shared/scoring';
import type { RoundStage } from '../../shared/stages';
import type { ApplicationRecord } from '../../functions/lib/applications/repository';
import { archiveEntry } from '../../functions/lib/audit/archive';
import { AuditLog, nodeSha256 } from '../../functions/lib/audit/log';
import { digestState } from '../../shared/audit/chain';
import { tableName } from '../../functions/lib/config';
import type { PersonRecord } from '../../functions/lib/identity/store';
import { OutcomeStore } from '../../functions/lib/outcome/store';
import { outcomeFacts } from '../../functions/lib/outcome/progress';
import { applicationsBeforePanel, openDefenseWork } from '../../functions/lib/reviews/defense';
import { ReviewProgressReader } from '../../functions/lib/reviews/progress';
import {
  ReviewsRepository,
  type AssignmentRecord,
  type ConsensusRecord,
  type DeclarationRecord,
  type DefenseScoreRecord,
  type PanelMemberRecord,
  type ScorecardRecord,
  type ShortlistRecord,
} from '../../functions/lib/reviews/repository';
import type { Runtime } from '../../functions/lib/runtime';
import { openReviewWork } from '../../functions/publication/use-cases/rounds';
import { sendDueLetters } from '../../functions/publication/use-cases/letters';
import { ApplicationsRepository } from '../../functions/lib/applications/repository';
import { LettersStore } from '../../functions/lib/letters/store';
import { assignmentView, cardView } from '../../functions/scoring/use-cases/context';
import { DEMO_MAIL_DOMAIN, DemoRoundSeeder, type DemoApplicant, type DemoPeople } from './seed-review';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** The demo round of a programme in a year that has reached the comprehensive evaluation (stage 7). */
export const finalRoundId = (programmeId: string, year: number) => `${programmeId}-${year}-final`;

/**
 * How an organisation fared, in percentages on the 5-point grid: its level on
 * the process (ADLI) and results (LeTCI) items in the material review, how the
 * site visit moved them, and the defense panel's view (points; absent: not shortlisted).
 */
interface Showing {
  readonly process: number;
  readonly results: number;
  readonly siteProcess: number;
  readonly siteResults: number;
  readonly defense?: number;
}

interface FinalApplicant extends DemoApplicant {
  readonly showing: Showing;
}

const applicant = (
  n: number,
  name: string,
  creditCodeBody: string,
  district: string,
  industry: string,
  size: 'large' | 'medium' | 'small',
  people: { legal: string; contact: string; phone: string; address: string },
  establishedOn: string,
  offer: string,
  customers: string,
  profile: string,
  latin: string,
  showing: Showing,
): FinalApplicant => ({
  organisation: {
    name,
    creditCodeBody,
    district,
    industry,
    size,
    address: people.address,
    legalRepresentative: people.legal,
    contactPerson: people.contact,
    phone: people.phone,
    email: `applicant${n}@${DEMO_MAIL_DOMAIN}`,
  },
  establishedOn,
  offer,
  customers,
  profile,
  latin,
  showing,
});

/**
 * Nine organisations of nine districts and industries. The fourth and fifth are
 * built to tie on the weighted final score (the fifth's defense score is solved
 * for it below): one strong on results, one on process, so the results items
 * (4.7) decide. The seventh and eighth fall below the candidate threshold after
 * the site visit; the last never reaches the site-visit shortlist.
 */
const FINAL_APPLICANTS: readonly FinalApplicant[] = [
  applicant(4, '示范智能装备集团有限公司', '91350100MA2XT8N61', '经济技术开发区', '专用设备制造业', 'large',
    { legal: '陈启明', contact: '许丽娟', phone: '0591-88012345', address: '示范市经济技术开发区智造路 18 号' },
    '2006-09-12', '工业机器人和智能产线', '汽车、家电和新能源电池制造企业',
    '示范智能装备集团有限公司成立于 2006 年，现有员工 2,450 人，主营工业机器人和智能产线，2024 年营业收入 26.8 亿元，2012 年起导入卓越绩效管理模式，连续五年主导行业标准制定。',
    'SFZNZB', { process: 75, results: 70, siteProcess: 0, siteResults: 5, defense: 780 }),
  applicant(5, '示范水务集团有限公司', '91350100154381276', '北岸区', '水的生产和供应业', 'large',
    { legal: '林海生', contact: '王晓红', phone: '0591-87120000', address: '示范市北岸区清源路 2 号' },
    '1998-04-01', '城乡供水和污水处理服务', '全市 180 万居民用户和工商企业用户',
    '示范水务集团有限公司组建于 1998 年，负责全市城乡供水和污水处理，日供水能力 120 万吨，员工 1,900 人。集团以“让每一滴水都放心”为使命，2016 年起系统推行卓越绩效管理。',
    'SFSWJT', { process: 70, results: 65, siteProcess: -5, siteResults: 0, defense: 720 }),
  applicant(6, '示范新材料科技股份有限公司', '91350102MA31K2Q4X', '青山区', '化学原料和化学制品制造业', 'medium',
    { legal: '邓子轩', contact: '蔡雨婷', phone: '0591-86543210', address: '示范市青山区新材料产业园 9 号' },
    '2011-11-08', '高性能工程塑料和改性材料', '汽车零部件、电子电器和医疗器械制造企业',
    '示范新材料科技股份有限公司成立于 2011 年，专注高性能工程塑料和改性材料，员工 680 人，研发投入占营业收入 6.2%，2018 年起导入卓越绩效管理模式。',
    'SFXCL', { process: 60, results: 65, siteProcess: 0, siteResults: -5, defense: 650 }),
  applicant(7, '示范电子信息股份有限公司', '91350105MA34B7PC2', '南湖区', '计算机、通信和其他电子设备制造业', 'medium',
    { legal: '彭志远', contact: '梁佳怡', phone: '0591-83216543', address: '示范市南湖区光电大道 66 号' },
    '2010-05-20', '工业通信模组和物联网终端', '电力、交通和智慧城市系统集成商',
    '示范电子信息股份有限公司成立于 2010 年，主营工业通信模组和物联网终端，员工 960 人，产品出口 30 多个国家和地区，近三年营业收入和利润保持两位数增长。',
    'SFDZXX', { process: 55, results: 65, siteProcess: -5, siteResults: 5, defense: 600 }),
  applicant(8, '示范建设工程集团有限公司', '91350111260148933', '滨海新区', '土木工程建筑业', 'large',
    { legal: '曾国华', contact: '罗静', phone: '0591-85678901', address: '示范市滨海新区海港大道 100 号' },
    '1995-07-15', '市政道路、桥梁和地下管廊工程', '各级政府投资主体和大型开发企业',
    '示范建设工程集团有限公司成立于 1995 年，具有市政公用工程施工总承包特级资质，员工 3,200 人，建立了覆盖项目全过程的质量、安全和环境管理体系，2014 年起导入卓越绩效管理。',
    'SFJSGC', { process: 65, results: 50, siteProcess: 0, siteResults: -5 }),
  applicant(9, '示范纺织科技有限公司', '91350121MA2Y8EHL3', '临江县', '纺织业', 'medium',
    { legal: '谢文斌', contact: '韩梅', phone: '0591-22345678', address: '示范市临江县纺织工业园 3 号' },
    '2008-03-03', '功能性面料和产业用纺织品', '国内外服装品牌和户外用品企业',
    '示范纺织科技有限公司成立于 2008 年，主营功能性面料和产业用纺织品，员工 760 人，建成数字化印染车间，单位产品水耗较行业平均低 30%。',
    'SFFZKJ', { process: 55, results: 55, siteProcess: -5, siteResults: 0, defense: 560 }),
  applicant(10, '示范物流股份有限公司', '91350181MA32RW6J7', '东城区', '道路运输业', 'medium',
    { legal: '唐建军', contact: '冯晓燕', phone: '0591-83889900', address: '示范市东城区物流园 12 号' },
    '2012-08-28', '城市配送和冷链运输服务', '连锁商超、医药流通和电商平台',
    '示范物流股份有限公司成立于 2012 年，拥有运输车辆 850 台、冷库 6 万立方米，员工 1,150 人，2020 年起导入卓越绩效管理模式。',
    'SFWL', { process: 55, results: 50, siteProcess: -10, siteResults: -5, defense: 470 }),
  applicant(11, '示范国际酒店管理有限公司', '91350104MA2YD0K93', '西湖区', '住宿业', 'small',
    { legal: '董明珠', contact: '程敏', phone: '0591-87776655', address: '示范市西湖区湖滨路 8 号' },
    '2013-12-18', '商务酒店和会议服务', '商务旅客、会展主办方和政府接待单位',
    '示范国际酒店管理有限公司成立于 2013 年，管理酒店 5 家、客房 1,200 间，员工 640 人，2021 年起导入卓越绩效管理模式。',
    'SFGJJD', { process: 55, results: 50, siteProcess: -5, siteResults: -10, defense: 430 }),
  applicant(12, '示范药业有限公司', '91350128MA33GF1N8', '高新区', '医药制造业', 'small',
    { legal: '袁立平', contact: '邱小梅', phone: '0591-86002211', address: '示范市高新区生物医药园 5 号' },
    '2014-06-06', '中成药和保健食品', '医院、连锁药店和医药商业企业',
    '示范药业有限公司成立于 2014 年，主营中成药和保健食品，员工 380 人，通过药品 GMP 符合性检查，2022 年起学习导入卓越绩效管理模式。',
    'SFYY', { process: 45, results: 40, siteProcess: 0, siteResults: 0 }),
];

/** The pair built to tie on the final score (indexes into FINAL_APPLICANTS): the first ranks ahead on the results items. */
const TIE = [3, 4] as const;
/** The one whose material score stays below the threshold, so no site visit (index into FINAL_APPLICANTS). */
const NOT_SHORTLISTED = 8;

const clamp = (p: number) => Math.min(100, Math.max(0, p));
// Fixed patterns rather than randomness, so every first start tells the same story.
const ITEM_OFFSETS = [-10, -5, 0, 5, 10, 0, -5, 5, 0];
const SITE_OFFSETS = [-5, 0, 5, 0, 0];
/** Each member's distance from the team's agreed percentage on an ordinary item (spread ≤ 15: never flagged). */
const MEMBER_OFFSETS = [
  [0, 5, -5, 0, 5],
  [-5, 0, 0, 5, -5],
  [5, 0, -5, 5, 0],
  [0, -5, 5, -5, 0],
  [5, 5, 0, -5, 0],
  [-5, 0, 10, 0, -5],
  [0, -10, 0, 5, 5],
];
/** On an item the members saw differently (spread ≥ 20: flagged, the leader explains the agreed value). */
const DIVERGENT_OFFSETS = [-10, 0, 15, 5, 0];
const SITE_DIVERGENT_OFFSETS = [10, -10, 0];

/** The material-review consensus card of applicant `i`. */
function materialConsensus(i: number): Record<string, number> {
  const { showing } = FINAL_APPLICANTS[i]!;
  return Object.fromEntries(
    GBT19580_2012.items.map((item, j) => [item.id, clamp((item.kind === 'results' ? showing.results : showing.process) + ITEM_OFFSETS[(j * 4 + i * 7) % ITEM_OFFSETS.length]!)]),
  );
}

/** The site team's consensus: the material one, corrected by what the visit found. */
function onSiteConsensus(i: number, material: Readonly<Record<string, number>>): Record<string, number> {
  const { showing } = FINAL_APPLICANTS[i]!;
  return Object.fromEntries(
    GBT19580_2012.items.map((item, j) => [
      item.id,
      clamp(material[item.id]! + (item.kind === 'results' ? showing.siteResults : showing.siteProcess) + SITE_OFFSETS[(j * 2 + i * 3) % SITE_OFFSETS.length]!),
    ]),
  );
}

/** Member `k`'s independent card for a team whose agreed card is `consensus`; the items at `divergent` were seen differently. */
function memberCard(consensus: Readonly<Record<string, number>>, k: number, divergent: readonly string[], stage: ReviewStage, salt: number): Record<string, number> {
  return Object.fromEntries(
    GBT19580_2012.items.map((item, j) => {
      const offset = divergent.includes(item.id)
        ? (stage === 'materialReview' ? DIVERGENT_OFFSETS : SITE_DIVERGENT_OFFSETS)[k]!
        : MEMBER_OFFSETS[(j + salt) % MEMBER_OFFSETS.length]![k]!;
      return [item.id, clamp(consensus[item.id]! + offset)];
    }),
  );
}

const PROCESS_TEXTS: readonly [number, string, string][] = [
  [70, '方法系统、全面展开，学习和创新已成为管理手段，与战略和其他过程协调一致。', '可进一步总结可推广的创新做法，对标国内外一流组织。'],
  [50, '方法有效、系统，覆盖总体要求，展开较好，基于事实开展改进。', '部分方法在基层单位的展开深度不一，改进成效的评价尚待加强。'],
  [30, '针对基本要求建立了有效、系统的方法，改进已经起步。', '方法与战略的协调不足，展开和学习的证据较少。'],
  [0, '已开始建立应对基本要求的方法。', '缺乏系统方法，做法多为被动应对，建议先建立制度并试点展开。'],
];
const RESULTS_TEXTS: readonly [number, string, string][] = [
  [70, '关键指标水平优良，趋势持续向好，多项指标在比较中处于领先。', '可补充与国际标杆的对比数据。'],
  [50, '多数领域水平良好或呈改进趋势，关键领域无不利趋势。', '部分指标缺少竞争对手和标杆对比，数据的时间跨度偏短。'],
  [30, '多数领域水平良好，趋势和对比数据开始出现。', '趋势数据不足三年，关键指标与战略目标的对应关系不清晰。'],
  [0, '仅有少量早期结果。', '缺少趋势和对比数据，建议建立关键绩效指标的测量体系。'],
];

/** The band's words (DOMAIN.md bands) for a percentage of an item: what is strong, what to improve. */
function bandWords(item: CriteriaItem, percent: number): { strengths: string; opportunities: string } {
  const texts = item.kind === 'results' ? RESULTS_TEXTS : PROCESS_TEXTS;
  const [, strengths, opportunities] = texts.find(([from]) => percent >= from)!;
  return { strengths, opportunities };
}

/** What a reviewer writes beside a percentage. */
function itemRemarks(item: CriteriaItem, percent: number): { strengths: string; opportunities: string } {
  const words = bandWords(item, percent);
  return { strengths: `${item.name['zh-CN']}：${words.strengths}`, opportunities: words.opportunities };
}

const DEFENSE_COMMENTS = ['陈述清晰，答辩回应充分，数据翔实。', '对评审组提出的改进机会回应具体。', '高层领导亲自陈述，战略思路清楚。', '个别问题回答不够深入。', '展示的改进案例有说服力。'];
/** Each panel member's distance from the panel's mean, in hundredths of a point (summing to 0, so the mean is exact). */
const PANEL_OFFSETS = [-150, 100, 0, 200, -150];

/** The round's applications as the demo designed their scores: consensus cards and panel score (hundredths). */
interface Design {
  readonly material: Record<string, number>;
  readonly onSite: Record<string, number>;
  readonly defense?: number;
}

/**
 * The scores of every applicant, with the tied pair's second defense score
 * solved so both weighted final scores are equal to the 1/100,000 of a point
 * (0.3 × material + 0.5 × on-site + 0.2 × defense).
 */
function designScores(weights: StageWeights): Design[] {
  const designs: Design[] = FINAL_APPLICANTS.map((a, i) => {
    const material = materialConsensus(i);
    return { material, onSite: onSiteConsensus(i, material), ...(a.showing.defense !== undefined ? { defense: a.showing.defense * 100 } : {}) };
  });
  const total = (card: Readonly<Record<string, number>>) => stageScore(card as Scorecard, GBT19580_2012).total;
  const [a, b] = TIE.map((i) => designs[i]!) as [Design, Design];
  // A 5% step on a 15-point item changes a total by 0.75 points: it fixes the parity the exact solution needs.
  for (let attempt = 0; attempt < 2; attempt++) {
    const gap = weights.material * (total(a.material) - total(b.material)) + weights.onSite * (total(a.onSite) - total(b.onSite));
    if (gap % weights.defense === 0) {
      designs[TIE[1]] = { ...b, defense: a.defense! + gap / weights.defense };
      return designs;
    }
    b.material['4.4.3'] = clamp(b.material['4.4.3']! + 5);
  }
  throw new Error('the demo tie cannot be solved');
}

/**
 * A third demo round of the programme that has reached the comprehensive
 * evaluation (stage 7), so the evaluation, the departments' opinions, the
 * committee's vote, the public notice and the announcement can be tried at
 * once on a first `npm start`. Its whole past is written as the use cases
 * write it, one audited change at a time as the system's: nine organisations
 * registered, submitted and found eligible; material review by teams of the
 * five demo experts (declarations, independent cards, the leader's consensus
 * with rationales for flagged items); the shortlist by score alone (eight of
 * nine); site teams with their consensus; the demo deliberators' panel with
 * declarations and submitted scores; every stage move through the domain's
 * guards with the facts counted from the stored records.
 */
export async function seedFinalRound(runtime: Runtime, programmeId: string, now: Date, people: DemoPeople, mailDomain = DEMO_MAIL_DOMAIN): Promise<void> {
  // Some 460 changes: they are linked into the round's chain (and archived) together at the end, 45 to a transaction,
  // as the linker does in AWS with a busy stream, rather than one drain after each commit.
  const bucket = runtime.config.stage === 'local' ? runtime.config.buckets.auditArchive : undefined;
  const audit = new AuditLog(runtime.clients.ddb, runtime.audit.tables, bucket ? { archive: (entry) => archiveEntry(runtime.clients.s3, bucket, entry) } : {});
  const seed = new DemoRoundSeeder({ ...runtime, audit }, programmeId, now, mailDomain);
  const reviews = new ReviewsRepository(runtime.clients.ddb, tableName(runtime.config, 'reviews'));
  const progress = new ReviewProgressReader(runtime.clients.ddb, tableName(runtime.config, 'reviews'));
  const outcome = new OutcomeStore(runtime.clients.ddb, tableName(runtime.config, 'awards'));
  const at = (days: number, hours = 0) => new Date(now.getTime() + days * DAY + hours * HOUR);
  const person = (email: string): PersonRecord => {
    const p = people.get(email);
    if (!p) throw new Error(`demo person ${email} is missing`);
    return p;
  };
  const experts = [1, 2, 3, 4, 5].map((n) => person(`expert${n}@${DEMO_MAIL_DOMAIN}`));
  const deliberators = [1, 2, 3, 4, 5].map((n) => person(`deliberator${n}@${DEMO_MAIL_DOMAIN}`));
  const criteria = GBT19580_2012;
  // The declarations say "no relation"; the system's own check (the reviewer works for the applicant) must agree.
  const assertNoConflict = (reviewer: PersonRecord, app: ApplicationRecord, now: string) => {
    const profile = { reviewerId: reviewer.personId, employers: reviewer.organisation ? [{ organisationName: reviewer.organisation }] : [] };
    const applicantIdentity = { applicationId: app.applicationId, organisationName: app.organisation.name, creditCode: app.organisation.creditCode };
    if (detectConflicts(profile, applicantIdentity, config, now).length > 0) throw new Error(`demo reviewer ${reviewer.name} conflicts with ${app.organisation.name}`);
  };

  // The round: registration opened 330 days ago; the defense was held 60 days ago.
  const config = defaultRoundConfig({
    registrationOpens: at(-330).toISOString(),
    registrationCloses: at(-260).toISOString(),
    submissionDeadline: at(-245).toISOString(),
    materialReviewDeadline: at(-180).toISOString(),
    onSiteDeadline: at(-100).toISOString(),
    defenseDate: at(-60).toISOString(),
  });
  if (experts.length < config.teams.materialReviewMin || deliberators.length < config.teams.defensePanelMin) throw new Error('too few demo reviewers');
  await seed.createRound({
    programmeId,
    roundId: finalRoundId(programmeId, now.getUTCFullYear()),
    name: { 'zh-CN': '示范市政府质量奖（演示：综合评价）', en: 'Demo City Government Quality Award (demo: comprehensive evaluation)' },
    stage: 'registration',
    stageSince: config.dates.registrationOpens,
    registrationOpens: config.dates.registrationOpens,
    submissionDeadline: config.dates.submissionDeadline,
    config,
    createdAt: config.dates.registrationOpens,
    version: 1,
  });
  const roundId = seed.round.roundId;

  // The facts the office's move reads, counted from the stored records as the publication function counts them.
  const factsNow = async () => {
    const stage = seed.round.stage as RoundStage;
    const [apps, reviewProgress, recorded] = await Promise.all([seed.applications.listRound(roundId), progress.ofRound(roundId), outcome.ofRound(roundId)]);
    const beforePanel = () =>
      applicationsBeforePanel(apps.filter((a) => a.eligibility?.decision === 'eligible'), reviewProgress.shortlist, reviewProgress.consensus).map((a) => a.applicationId);
    return {
      pendingEligibility: apps.filter((a) => a.status === 'submitted' && !a.eligibility).length,
      openAssignments:
        stage === 'materialReview' || stage === 'onSite'
          ? openReviewWork(stage, apps, reviewProgress)
          : stage === 'defense'
            ? openDefenseWork(beforePanel(), await progress.defenseOfRound(roundId), config.teams.defensePanelMin)
            : 0,
      shortlisted: reviewProgress.shortlist.filter((s) => s.shortlisted).length,
      ...outcomeFacts(recorded, config.opinionDepartments),
    };
  };
  // Each move sends the result letters it owes, as the office's move does (functions/publication/use-cases/letters.ts).
  const letters = new LettersStore(runtime.clients.ddb, tableName(runtime.config, 'awards'));
  const applicationsRepo = new ApplicationsRepository(runtime.clients.ddb, tableName(runtime.config, 'applications'));
  const moveTo = async (to: RoundStage, on: Date) => {
    await seed.moveTo(to, on, await factsNow());
    const deps = { ...runtime, audit, awards: seed.awards, applications: applicationsRepo, reviews: progress, outcome, letters };
    await sendDueLetters(deps, SYSTEM_ACTOR, seed.round, on, `seed-letters-${to}`);
  };

  // Registration, packages and documents; formal submission; the eligibility check: all nine eligible.
  const apps: ApplicationRecord[] = [];
  for (const [i, demo] of FINAL_APPLICANTS.entries()) apps.push(await seed.register(demo, at(-320 + 6 * i)));
  for (const [i, app] of apps.entries()) await seed.savePackage(app, FINAL_APPLICANTS[i]!, at(-300 + 4 * i));
  for (const [i, app] of apps.entries()) await seed.storeDocuments(app, FINAL_APPLICANTS[i]!, at(-290 + 3 * i));
  await moveTo('formalSubmission', at(-260));
  for (const [i, app] of apps.entries()) apps[i] = await seed.submit(app, at(-258 + i));
  await moveTo('eligibility', at(-245));
  for (const [i, app] of apps.entries()) apps[i] = await seed.decideEligible(app, at(-243, 2 * i));
  await moveTo('materialReview', at(-238));

  const designs = designScores(weightsPerMille(config.weights));
  const scope = seed.scope;
  const stageNow = () => seed.round.stage;
  const organisationOf = (app: ApplicationRecord) => ({ name: app.organisation.name, district: app.organisation.district, industry: app.organisation.industry });

  // One team's review, as assignExpert, declare, saveCard, submitCard and recordConsensus write it.
  const review = async (i: number, stage: ReviewStage, team: readonly PersonRecord[], consensusCard: Readonly<Record<string, number>>, from: Date) => {
    const app = apps[i]!;
    const applicationId = app.applicationId;
    const day = (d: number, h = 0) => new Date(from.getTime() + d * DAY + h * HOUR);
    const members: AssignmentRecord[] = [];
    for (const [k, expert] of team.entries()) {
      const declared = await reviews.declaration(roundId, applicationId, expert.personId);
      const assignedAt = day(0, k).toISOString();
      const assignment: AssignmentRecord = {
        roundId,
        applicationId,
        stage,
        reviewerId: expert.personId,
        reviewerName: expert.name,
        leader: k === 0,
        status: declared ? 'active' : 'awaitingDeclaration',
        organisation: organisationOf(app),
        assignedAt,
        assignedBy: SYSTEM_ACTOR.personId,
        version: 1,
        updatedAt: assignedAt,
      };
      await seed.commit(scope, 'assignment.made', { type: 'assignment', id: `${applicationId}/${stage}/${expert.personId}` }, assignmentView(assignment), [
        reviews.assignmentPut(assignment),
        reviews.noConsensus(roundId, applicationId, stage),
        ...(declared ? [] : [reviews.noDeclaration(roundId, applicationId, expert.personId)]),
        ...(assignment.leader ? [reviews.leaderClaim(assignment)] : []),
        reviews.rosterJoin(assignment),
      ], { applicationId, stage: stageNow() });
      members.push(assignment);
    }
    // Each expert declares (once per applicant: a site visit after the material review needs no second declaration).
    for (const [k, expert] of team.entries()) {
      const before = members[k]!;
      if (before.status !== 'awaitingDeclaration') continue;
      const declaredAt = day(1, k).toISOString();
      assertNoConflict(expert, app, declaredAt);
      const declaration: DeclarationRecord = {
        roundId,
        applicationId,
        reviewerId: expert.personId,
        reviewerName: expert.name,
        declaredAt,
        relations: [],
        confidentialitySigned: true,
        impartialitySigned: true,
        conflicts: [],
      };
      const next: AssignmentRecord = { ...before, status: 'active', version: before.version + 1, updatedAt: declaredAt };
      await seed.commit(scope, 'declaration.made', { type: 'declaration', id: `${applicationId}/${expert.personId}` }, { declaration, assignments: [{ stage, status: next.status }] }, [
        reviews.declarationPut(declaration),
        reviews.assignmentUpdate(next, before.version),
      ], { applicationId, stage: stageNow() });
      members[k] = next;
    }
    // Independent cards: saved, then submitted.
    const divergent = stage === 'materialReview' ? [criteria.items[(i * 5 + 2) % 23]!.id, criteria.items[(i * 5 + 13) % 23]!.id] : [criteria.items[(i * 7 + 18) % 23]!.id];
    const cards: Scorecard[] = [];
    const submittedCards: ScorecardRecord[] = [];
    for (const [k, expert] of team.entries()) {
      const percents = memberCard(consensusCard, k, divergent, stage, i + k);
      cards.push(percents as Scorecard);
      const savedAt = day(5 + k, 3).toISOString();
      const items = Object.fromEntries(criteria.items.map((item) => [item.id, { percent: percents[item.id]!, ...itemRemarks(item, percents[item.id]!) }]));
      const saved: ScorecardRecord = { roundId, applicationId, stage, reviewerId: expert.personId, reviewerName: expert.name, status: 'draft', items, version: 1, updatedAt: savedAt };
      const member = members[k]!;
      await seed.commit(scope, 'scorecard.saved', { type: 'scorecard', id: `${applicationId}/${stage}/${expert.personId}` }, saved, [
        reviews.cardPut(saved, 0),
        reviews.assignmentUnchanged(member),
      ], { applicationId, stage: stageNow() });
      const submittedAt = day(7 + k, 5).toISOString();
      const submitted: ScorecardRecord = { ...saved, status: 'submitted', version: 2, updatedAt: submittedAt, submittedAt };
      const done: AssignmentRecord = { ...member, status: 'submitted', version: member.version + 1, updatedAt: submittedAt };
      await seed.commit(scope, 'scorecard.submitted', { type: 'scorecard', id: `${applicationId}/${stage}/${expert.personId}` }, cardView(submitted, criteria), [
        reviews.cardPut(submitted, saved.version),
        reviews.assignmentUpdate(done, member.version),
      ], { applicationId, stage: stageNow() });
      members[k] = done;
      submittedCards.push(submitted);
    }
    const digests = await Promise.all(submittedCards.map(async (c) => ({ reviewerId: c.reviewerId, digest: await digestState(nodeSha256, cardView(c, criteria)) })));
    // The leader reads the others' cards (recorded, as the team view records every first read) before the consensus.
    const readAt = day(11, 2).toISOString();
    const reads = digests.slice(1).map(({ reviewerId, digest }) => ({ roundId, applicationId, stage, readerId: members[0]!.reviewerId, authorId: reviewerId, digest, readAt }));
    await seed.commit(scope, 'scorecard.read', { type: 'cardRead', id: `${applicationId}/${stage}/${members[0]!.reviewerId}` }, { cards: reads.map(({ authorId, digest }) => ({ authorId, digest })) },
      reads.map((r) => reviews.cardReadPut(r)), { applicationId, stage: stageNow() });
    // The leader's consensus: every item agreed, a rationale for each flagged one.
    const flags = divergenceFlags(cards, config.divergenceThreshold, criteria).map((f) => ({ ...f }));
    const score = stageScore(consensusCard as Scorecard, criteria);
    const leader = members[0]!;
    const consensus: ConsensusRecord = {
      roundId,
      applicationId,
      stage,
      items: Object.fromEntries(
        criteria.items.map((item) => {
          const flag = flags.find((f) => f.itemId === item.id);
          const percent = consensusCard[item.id]!;
          const rationale = flag
            ? `组内评分差异较大（${flag.min}%–${flag.max}%）。经${stage === 'onSite' ? '现场核实' : '逐条对照申报材料'}讨论，小组认为该条款的方法和证据符合“${bandWords(item, percent).strengths}”的描述，一致取 ${percent}%。`
            : '';
          // The agreed texts of the feedback report (issue 12), as the leader drafts them from the cards.
          return [item.id, { percent, rationale, ...itemRemarks(item, percent) }];
        }),
      ),
      themes: Object.fromEntries(
        criteria.categories.map((category) => {
          const mean = category.items.reduce((sum, i) => sum + consensusCard[i.id]!, 0) / category.items.length;
          return [category.id, `${category.name['zh-CN']}：${bandWords(category.items[0]!, Math.round(mean / 5) * 5).strengths}。`];
        }),
      ),
      ...(stage === 'onSite' ? { findings: '现场查看了主要生产和服务过程，访谈了高层领导和一线员工，核实的证据与申报材料基本一致。' } : {}),
      categories: score.categories,
      total: score.total,
      flags,
      recordedBy: leader.reviewerId,
      recordedByName: leader.reviewerName,
      recordedAt: day(12, 4).toISOString(),
      basedOn: members.length,
      cards: digests,
    };
    await seed.commit(scope, 'consensus.recorded', { type: 'consensus', id: `${applicationId}/${stage}` }, consensus, [
      reviews.consensusPut(consensus),
      ...members.map((m) => reviews.assignmentUnchanged(m)),
      reviews.rosterUnchanged(roundId, applicationId, stage, members.length),
    ], { applicationId, stage: stageNow() });
    return cards;
  };

  // Material review: every application by a team of the round's minimum size, the leaders taking turns.
  const materialCards: Scorecard[][] = [];
  const materialTeam = (i: number) => Array.from({ length: config.teams.materialReviewMin }, (_, k) => experts[(i + k) % experts.length]!);
  for (const i of apps.keys()) materialCards.push(await review(i, 'materialReview', materialTeam(i), designs[i]!.material, at(-236 + 3 * i)));

  // The shortlist for site visits, by material score alone over anonymous tokens.
  const materialTotals = designs.map((d) => stageScore(d.material as Scorecard, criteria).total);
  const tokens = apps.map(() => randomUUID());
  const chosen = new Set(siteVisitShortlist(tokens.map((token, i) => ({ token, materialScore: materialTotals[i]! })), config.siteVisitShortlistSize, config.candidateThreshold).tokens);
  const shortlisted = apps.map((_, i) => chosen.has(tokens[i]!));
  for (const [i, app] of apps.entries()) {
    const decision: ShortlistRecord = { roundId, applicationId: app.applicationId, shortlisted: shortlisted[i]!, materialScore: materialTotals[i]!, decidedAt: at(-195).toISOString(), decidedBy: SYSTEM_ACTOR.personId };
    await seed.commit(scope, 'application.shortlistDecided', { type: 'application', id: app.applicationId }, decision, [reviews.shortlistPut(decision)], { applicationId: app.applicationId, stage: stageNow() });
  }
  const visited = [...apps.keys()].filter((i) => shortlisted[i]);
  if (visited.length !== apps.length - 1 || shortlisted[NOT_SHORTLISTED]) throw new Error(`the demo shortlist is not the designed one: ${JSON.stringify(materialTotals)}`);

  // On-site evaluation: a site team of the round's minimum size for each shortlisted application.
  await moveTo('onSite', at(-190));
  const onSiteCards = new Map<number, Scorecard[]>();
  const siteTeam = (i: number) => Array.from({ length: config.teams.onSiteMin }, (_, k) => experts[(i + 1 + k) % experts.length]!);
  for (const [n, i] of visited.entries()) onSiteCards.set(i, await review(i, 'onSite', siteTeam(i), designs[i]!.onSite, at(-185 + 9 * n)));

  // The defense panel: the demo deliberators, added during the site visits, as addPanelMember writes them.
  for (const [k, d] of deliberators.entries()) {
    const member: PanelMemberRecord = { roundId, reviewerId: d.personId, reviewerName: d.name, addedAt: at(-95, k).toISOString(), addedBy: SYSTEM_ACTOR.personId };
    await seed.commit(scope, 'assignment.made', { type: 'panel', id: `${roundId}/${d.personId}` }, member, [reviews.panelMemberPut(member)], { stage: stageNow() });
  }

  // The defense: each member declares for each application before the panel, then scores it (saved, then submitted).
  await moveTo('defense', at(-90));
  for (const i of visited) {
    const app = apps[i]!;
    for (const [k, d] of deliberators.entries()) {
      assertNoConflict(d, app, at(-62, k).toISOString());
      const declaration: DeclarationRecord = {
        roundId,
        applicationId: app.applicationId,
        reviewerId: d.personId,
        reviewerName: d.name,
        declaredAt: at(-62, k).toISOString(),
        relations: [],
        confidentialitySigned: true,
        impartialitySigned: true,
        conflicts: [],
      };
      await seed.commit(scope, 'declaration.made', { type: 'declaration', id: `${app.applicationId}/${d.personId}` }, { declaration, seat: 'scoring' }, [reviews.declarationPut(declaration)], {
        applicationId: app.applicationId,
        stage: stageNow(),
      });
    }
  }
  for (const [n, i] of visited.entries()) {
    const app = apps[i]!;
    const panelScore = designs[i]!.defense!;
    for (const [k, d] of deliberators.entries()) {
      const savedAt = at(-60, 1 + n).toISOString();
      const saved: DefenseScoreRecord = {
        roundId,
        applicationId: app.applicationId,
        reviewerId: d.personId,
        reviewerName: d.name,
        status: 'draft',
        score: panelScore + PANEL_OFFSETS[k]!,
        comment: DEFENSE_COMMENTS[(i + k) % DEFENSE_COMMENTS.length]!,
        version: 1,
        updatedAt: savedAt,
      };
      await seed.commit(scope, 'scorecard.saved', { type: 'defense', id: `${app.applicationId}/${d.personId}` }, saved, [reviews.defenseScorePut(saved, 0)], {
        applicationId: app.applicationId,
        stage: stageNow(),
      });
      const submittedAt = at(-60, 1.5 + n).toISOString();
      const submitted: DefenseScoreRecord = { ...saved, status: 'submitted', version: 2, updatedAt: submittedAt, submittedAt };
      await seed.commit(scope, 'scorecard.submitted', { type: 'defense', id: `${app.applicationId}/${d.personId}` }, submitted, [reviews.defenseScorePut(submitted, saved.version)], {
        applicationId: app.applicationId,
        stage: stageNow(),
      });
    }
  }

  // The design holds: what the evaluation will find, by the domain's own ranking.
  const scores: ApplicationScores[] = visited.map((i) => ({
    applicationId: apps[i]!.applicationId,
    material: { independent: materialCards[i]!, consensus: designs[i]!.material as Scorecard },
    onSite: { independent: onSiteCards.get(i)!, consensus: designs[i]!.onSite as Scorecard },
    defense: designs[i]!.defense!,
  }));
  const evaluation = evaluateRound(scores, config, criteria);
  const [a, b] = TIE.map((i) => evaluation.ranked.find((s) => s.applicationId === apps[i]!.applicationId)!);
  const below = evaluation.ranked.length - candidates(evaluation.ranked, config.candidateThreshold).length;
  if (!a || !b || a.final !== b.final || a.results <= b.results || b.rank !== a.rank + 1 || below < 1 || evaluation.candidates.length > config.winnersQuota) {
    throw new Error(`the demo ranking does not hold its design: ${JSON.stringify(evaluation.ranked)}`);
  }

  // Comprehensive evaluation: the office moves on once every seat has scored; the ranking is the next step, on the board.
  await moveTo('comprehensiveEvaluation', at(-55));
  // The round ends fully linked and archived.
  await audit.caughtUp(seed.scope);
}
