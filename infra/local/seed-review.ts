import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ulid } from 'ulid';
import { PROFILE_SECTION, type Declarations, type DocumentCategory, type OrganisationDetails } from '../../shared/api/applications';
import type { Role } from '../../shared/api/roles';
import { SYSTEM_ACTOR, type AuditAction } from '../../shared/audit/actions';
import { programmeScope, roundScope, type AuditContext, type AuditTarget } from '../../shared/audit/chain';
import { GBT19580_2012 } from '../../shared/criteria';
import { creditCodeCheckCharacter, evaluateEligibility, validateCreditCode } from '../../shared/eligibility';
import { defaultRoundConfig, type RoundConfig } from '../../shared/round';
import { moveRound, type RoundFacts, type RoundStage } from '../../shared/stages';
import { DocumentStore, documentObjectKey } from '../../functions/lib/applications/documents';
import { ApplicationsRepository, type ApplicationRecord, type DocumentRecord, type SectionRecord } from '../../functions/lib/applications/repository';
import type { TransactItem } from '../../functions/lib/audit/log';
import { AwardsStore, type RoundRecord } from '../../functions/lib/awards/store';
import { bucketName, tableName } from '../../functions/lib/config';
import { personView, type PersonRecord } from '../../functions/lib/identity/store';
import type { Runtime } from '../../functions/lib/runtime';
import { completeness, packageReceipt, roundContext, sha256Hex } from '../../functions/submission/use-cases/context';
import { rejectionOf } from '../../functions/submission/use-cases/verify-upload';

const DAY = 24 * 60 * 60 * 1000;

/** Where the demo people's mail goes: the outbox (`/dev/outbox`) of `npm start`. */
export const DEMO_MAIL_DOMAIN = 'demo.merit.local';

/** The review demo round of a programme in a year. */
export const reviewRoundId = (programmeId: string, year: number) => `${programmeId}-${year}-review`;

export interface DemoPerson {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly organisation?: string;
}

/** The expert pool (评审专家库), a supervisor (评审监督员) and the deliberators (审议员); none works for an applicant. */
export const DEMO_REVIEWERS: readonly DemoPerson[] = [
  { email: `expert1@${DEMO_MAIL_DOMAIN}`, name: '王建国', role: 'expert', organisation: '示范大学质量与标准化研究院' },
  { email: `expert2@${DEMO_MAIL_DOMAIN}`, name: '李秀英', role: 'expert', organisation: '示范市质量协会' },
  { email: `expert3@${DEMO_MAIL_DOMAIN}`, name: '张卫东', role: 'expert', organisation: '示范市标准化研究院' },
  { email: `expert4@${DEMO_MAIL_DOMAIN}`, name: '刘芳', role: 'expert', organisation: '示范市计量测试研究所' },
  { email: `expert5@${DEMO_MAIL_DOMAIN}`, name: '陈志明', role: 'expert', organisation: '示范市生产力促进中心' },
  { email: `supervisor@${DEMO_MAIL_DOMAIN}`, name: '赵敏', role: 'supervisor', organisation: '示范市律师协会' },
  // The deliberators' pool (审议员库) for the defense panel, once the round reaches it.
  { email: `deliberator1@${DEMO_MAIL_DOMAIN}`, name: '孙立新', role: 'deliberator', organisation: '示范市人大代表' },
  { email: `deliberator2@${DEMO_MAIL_DOMAIN}`, name: '周海燕', role: 'deliberator', organisation: '示范市政协委员' },
  { email: `deliberator3@${DEMO_MAIL_DOMAIN}`, name: '吴国强', role: 'deliberator', organisation: '示范市市场监督管理局' },
  { email: `deliberator4@${DEMO_MAIL_DOMAIN}`, name: '郑丽华', role: 'deliberator', organisation: '示范市工业经济联合会' },
  { email: `deliberator5@${DEMO_MAIL_DOMAIN}`, name: '冯建华', role: 'deliberator', organisation: '示范理工大学' },
];

export interface DemoApplicant {
  /** The organisation without its credit code's check character (computed). */
  readonly organisation: Omit<OrganisationDetails, 'creditCode'> & { readonly creditCodeBody: string };
  readonly establishedOn: string;
  /** What it does and for whom, in the words its texts use. */
  readonly offer: string;
  readonly customers: string;
  readonly profile: string;
  /** Initials for the ASCII text of its demo PDFs. */
  readonly latin: string;
}

/** Three organisations of different districts and industries. */
const DEMO_APPLICANTS: readonly DemoApplicant[] = [
  {
    organisation: {
      name: '示范精密机械股份有限公司',
      creditCodeBody: '91350100MA2Y4K7Q3',
      district: '高新区',
      industry: '通用设备制造业',
      size: 'large',
      address: '示范市高新区创新大道 88 号',
      legalRepresentative: '周振华',
      contactPerson: '黄晓燕',
      phone: '0591-87654321',
      email: `applicant1@${DEMO_MAIL_DOMAIN}`,
    },
    establishedOn: '2003-06-18',
    offer: '精密数控机床及关键功能部件',
    customers: '汽车、航空航天和电子信息行业的制造企业',
    profile:
      '示范精密机械股份有限公司成立于 2003 年，位于示范市高新区，现有员工 1,860 人，其中研发人员 312 人，主要产品为精密数控机床及关键功能部件，' +
      '2024 年营业收入 18.6 亿元。公司是国家高新技术企业，拥有省级企业技术中心，主导或参与制定国家和行业标准 11 项。' +
      '公司以“精于制造、诚于服务”为使命，自 2015 年起导入卓越绩效管理模式，建立了质量、环境和职业健康安全一体化管理体系。',
    latin: 'SFJM',
  },
  {
    organisation: {
      name: '示范市第一人民医院',
      creditCodeBody: '12350100488350213',
      district: '东城区',
      industry: '卫生和社会工作',
      size: 'large',
      address: '示范市东城区健康路 1 号',
      legalRepresentative: '吴立新',
      contactPerson: '郑雅琴',
      phone: '0591-83334567',
      email: `applicant2@${DEMO_MAIL_DOMAIN}`,
    },
    establishedOn: '1952-10-01',
    offer: '综合医疗服务、急危重症救治和区域医疗协同',
    customers: '全市及周边地区的患者和基层医疗机构',
    profile:
      '示范市第一人民医院始建于 1952 年，是集医疗、教学、科研和预防保健为一体的三级甲等综合医院，开放床位 2,200 张，职工 3,400 余人，' +
      '年门急诊量 320 万人次、出院患者 11 万人次。医院以“患者至上、质量立院”为核心价值观，2018 年起系统导入卓越绩效管理，' +
      '牵头组建全市紧密型医疗集团，带动 14 家基层医疗机构同质化发展。',
    latin: 'SFDYRMYY',
  },
  {
    organisation: {
      name: '示范绿源食品有限公司',
      creditCodeBody: '9135010270A5C9M2E',
      district: '西湖区',
      industry: '食品制造业',
      size: 'medium',
      address: '示范市西湖区食品工业园 6 号',
      legalRepresentative: '林国栋',
      contactPerson: '何静',
      phone: '0591-86661234',
      email: `applicant3@${DEMO_MAIL_DOMAIN}`,
    },
    establishedOn: '2009-03-26',
    offer: '低温乳制品和植物蛋白饮品',
    customers: '全省商超、连锁便利店和学校营养餐配送企业',
    profile:
      '示范绿源食品有限公司成立于 2009 年，位于示范市西湖区食品工业园，现有员工 420 人，主要生产低温乳制品和植物蛋白饮品，' +
      '2024 年营业收入 4.3 亿元。公司通过 FSSC 22000 食品安全体系认证，建有自有奶源基地 3 个，' +
      '坚持“从牧场到餐桌”全链条质量管控，2019 年起导入卓越绩效管理模式。',
    latin: 'SFLYSP',
  },
];

/** A short self-assessment text for each of the 23 items of GB/T 19580-2012. */
function itemTexts(a: DemoApplicant): Readonly<Record<string, string>> {
  const org = a.organisation.name;
  return {
    '4.1.2': `${org}高层领导每年组织战略务虚会，确定使命、愿景和价值观，并通过职代会、季度经营分析会和一线走访向全员传达；高层领导亲自牵头质量改进项目。`,
    '4.1.3': `建立了党委会、董事会（院务会）和经营层分工明确的治理结构，重大事项集体决策；内部审计和纪检监督覆盖采购、财务和工程等关键领域。`,
    '4.1.4': `识别了质量安全、环境保护和公共卫生等方面的社会责任要求，近三年无重大质量、安全和环保事故；每年发布社会责任报告并组织志愿服务。`,
    '4.2.2': `采用 SWOT 和 PEST 分析，结合顾客、竞争对手和政策信息制定五年战略规划，明确 ${a.offer} 的发展方向和关键绩效指标。`,
    '4.2.3': `战略目标逐级分解为年度经营计划和部门绩效合同，通过平衡计分卡按月跟踪，偏差超过 5% 的指标启动专项分析和纠正措施。`,
    '4.3.2': `按区域和需求将顾客细分为 ${a.customers} 等群体，通过走访、调查、投诉分析和行业数据了解其需求和期望，每半年更新一次顾客需求清单。`,
    '4.3.3': `建立了顾客投诉 24 小时响应机制和重点顾客经理制度；委托第三方每年开展满意度测评，结果与同行标杆对比并纳入改进计划。`,
    '4.4.2': `建立了岗位胜任力模型和分层分类培训体系，人均年培训 56 学时；设立技能大师工作室，关键岗位持证上岗率 100%，员工满意度连续三年提升。`,
    '4.4.3': `实行全面预算管理和资金集中管控，重大投资项目开展可行性论证和投后评价，资产负债率保持在合理区间。`,
    '4.4.4': `建成覆盖主要业务的信息系统和数据平台，关键数据实时采集；建立知识库和经验教训库，优秀实践在内部推广。`,
    '4.4.5': `围绕 ${a.offer} 开展技术攻关，研发投入占营业收入的比例逐年提高，拥有有效专利和自主核心技术，与高校院所开展产学研合作。`,
    '4.4.6': `制定设施设备全生命周期管理制度，关键设备实施预防性维护，设备完好率保持在 98% 以上；应急预案每年演练。`,
    '4.4.7': `与关键供方签订质量协议并定期开展二方审核，对供方实施分级管理；与行业协会、社区和监管部门保持沟通协作。`,
    '4.5.2': `识别了价值创造过程和支持过程，明确过程要求、关键指标和责任部门，新产品和新服务的设计采用阶段评审。`,
    '4.5.3': `关键过程编制作业指导书并实施过程监控，运用 PDCA、精益和六西格玛方法持续改进，近三年完成改进项目 126 项。`,
    '4.6.2': `建立了覆盖战略、运营和顾客的绩效指标体系，按月收集和分析数据，选取行业标杆进行对比，分析结果用于决策和资源配置。`,
    '4.6.3': `开展 QC 小组、合理化建议和创新项目活动，设立改进与创新奖励基金，优秀成果在全员范围内分享和推广。`,
    '4.7.2': `${a.offer} 的关键质量指标近三年持续向好，产品（服务）一次合格率由 97.2% 提升至 99.1%，优于行业平均水平。`,
    '4.7.3': `顾客满意度由 86.5 分提升至 91.3 分，重点顾客保持率 95% 以上，市场占有率在本地区同行中位居前列。`,
    '4.7.4': `营业收入和利润总额近三年年均分别增长 9.8% 和 12.4%，成本费用率下降 1.6 个百分点，经营现金流保持稳定。`,
    '4.7.5': `员工满意度、培训覆盖率和关键人才保留率持续提升；单位产值能耗下降 8.5%，信息化覆盖率达到 95%。`,
    '4.7.6': `关键过程的周期时间缩短 18%，返工率下降 35%，供方交付准时率达到 98.6%，应急处置目标全部实现。`,
    '4.7.7': `战略目标年度达成率 96%，近三年无重大违法违规和安全环保事故，获评省级诚信单位，社会公益投入逐年增加。`,
  };
}

/** A small, real one-page PDF with ASCII text (Helvetica has no Chinese glyphs). */
function demoPdf(title: string, lines: readonly string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = ['BT', '/F1 18 Tf', '72 770 Td', `(${escape(title)}) Tj`, '/F1 11 Tf', ...lines.flatMap((l) => ['0 -22 Td', `(${escape(l)}) Tj`]), 'ET'].join('\n');
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>',
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
    `<</Length ${Buffer.byteLength(content, 'latin1')}>>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The documents of a package: one PDF for each category a round requires by default. */
function demoDocuments(a: DemoApplicant, creditCode: string): { category: DocumentCategory; fileName: string; bytes: Buffer }[] {
  const demo = 'Demonstration document of the Merit demo round - not a real record.';
  return [
    {
      category: 'businessLicence',
      fileName: `${a.organisation.name}营业执照.pdf`,
      bytes: demoPdf(`Business licence - ${a.latin}`, [`Unified social credit code: ${creditCode}`, `Established: ${a.establishedOn}`, demo]),
    },
    {
      category: 'selfAssessmentReport',
      fileName: `${a.organisation.name}自评报告.pdf`,
      bytes: demoPdf(`Self-assessment report (GB/T 19580-2012) - ${a.latin}`, ['23 items, 1,000 points; texts as entered in the package.', demo]),
    },
  ];
}

/** The demo people by email, as `seedReviewRound` set them up. */
export type DemoPeople = ReadonlyMap<string, PersonRecord>;

/**
 * Writes a demo round's past as the system, one audited change at a time, with
 * the records and actions of the real use cases: the round, its people, each
 * applicant's registration, package, verified documents, submission and
 * eligibility decision, and the office's stage moves through the domain's
 * guards. Record dates are the story's; every audit entry is written at the
 * moment the seed writes it, so the chains verify.
 */
export class DemoRoundSeeder {
  readonly awards: AwardsStore;
  readonly applications: ApplicationsRepository;
  private readonly documents: DocumentStore;
  private roundRecord?: RoundRecord;
  private roundConfig?: RoundConfig;
  private context?: Awaited<ReturnType<typeof roundContext>>;

  constructor(
    readonly runtime: Runtime,
    readonly programmeId: string,
    readonly now: Date,
    /** Where the demo people's mail goes: another seeded programme gets its own domain, so one address never has two memberships by accident. */
    readonly mailDomain: string = DEMO_MAIL_DOMAIN,
  ) {
    const { config: env, clients } = runtime;
    this.awards = new AwardsStore(clients.ddb, tableName(env, 'awards'));
    this.applications = new ApplicationsRepository(clients.ddb, tableName(env, 'applications'));
    this.documents = new DocumentStore(clients.s3, bucketName(env, 'documents'));
  }

  /** The round as last written. */
  get round(): RoundRecord {
    if (!this.roundRecord) throw new Error('the demo round is not created yet');
    return this.roundRecord;
  }

  /** The round's chain scope. */
  get scope(): string {
    return roundScope(this.round.roundId);
  }

  /** Commits one change as the system's (requestId `seed`). */
  commit(scope: string, action: AuditAction, target: AuditTarget, state: unknown, writes: TransactItem[], context?: AuditContext) {
    return this.runtime.audit.commit({ scope, actor: SYSTEM_ACTOR, action, target, ...(context ? { context } : {}), state, requestId: 'seed', now: this.now, writes });
  }

  /** The context of a change about one application at the round's current stage. */
  inStage(applicationId: string): AuditContext {
    return { applicationId, stage: this.round.stage };
  }

  /** A person set up by the system (no invitation is mailed; each asks for a sign-in link on /sign-in). */
  async addPerson(p: DemoPerson, createdAt: Date): Promise<PersonRecord> {
    const person: PersonRecord = {
      personId: ulid(createdAt.getTime()),
      email: p.email.endsWith(`@${DEMO_MAIL_DOMAIN}`) ? `${p.email.slice(0, -DEMO_MAIL_DOMAIN.length)}${this.mailDomain}` : p.email,
      name: p.name,
      role: p.role,
      programmeId: this.programmeId,
      status: 'active',
      createdAt: createdAt.toISOString(),
      version: 1,
      ...(p.organisation ? { organisation: p.organisation } : {}),
    };
    await this.commit(programmeScope(this.programmeId), 'person.bootstrapped', { type: 'person', id: person.personId }, personView(person), this.runtime.identity.personPuts(person));
    return person;
  }

  /** The round's configuration. */
  get config(): RoundConfig {
    if (!this.roundConfig) throw new Error('the demo round is not created yet');
    return this.roundConfig;
  }

  /** Creates the round (at registration). */
  async createRound(round: RoundRecord & { readonly config: RoundConfig }): Promise<void> {
    this.roundRecord = round;
    this.roundConfig = round.config;
    await this.commit(roundScope(round.roundId), 'round.created', { type: 'round', id: round.roundId }, round, [this.awards.roundPut(round)], { stage: round.stage });
    this.context = await roundContext({ awards: this.awards }, round.roundId);
  }

  /** The office moves the round on through the domain's guards, as on the board (here as the system, at the story's date `on`), given the facts true then. */
  async moveTo(to: RoundStage, on: Date, facts: Partial<Omit<RoundFacts, 'now'>> = {}): Promise<void> {
    const round = this.round;
    const known: RoundFacts = {
      now: on.toISOString(),
      pendingEligibility: 0,
      openAssignments: 0,
      shortlisted: 0,
      evaluationRecorded: false,
      pendingOpinions: 0,
      pendingVotes: 0,
      proposedWinners: 0,
      openObjections: 0,
      ...facts,
    };
    const moved = moveRound({ roundId: round.roundId, stage: round.stage as RoundStage, ...(round.stageSince ? { stageSince: round.stageSince } : {}) }, to, known, this.config);
    const next: RoundRecord = { ...round, ...moved.state, version: round.version + 1 };
    await this.commit(this.scope, 'round.stageMoved', { type: 'round', id: round.roundId }, { ...moved.state, from: round.stage, version: next.version }, [this.awards.roundUpdate(next, round.version)], { stage: next.stage });
    this.roundRecord = next;
  }

  /** Registration: the organisation's contact (a new applicant) registers it with a valid credit code; the declarations pass the round's checklist. */
  async register(demo: DemoApplicant, registeredAt: Date): Promise<ApplicationRecord> {
    const round = this.round;
    const config = this.config;
    const owner = await this.addPerson({ email: demo.organisation.email, name: demo.organisation.contactPerson, role: 'applicant' }, registeredAt);
    const { creditCodeBody, ...details } = demo.organisation;
    const code = validateCreditCode(creditCodeBody + creditCodeCheckCharacter(creditCodeBody));
    if (!code.ok) throw new Error(`demo credit code of ${details.name} is invalid: ${code.error.reason}`);
    const organisation: OrganisationDetails = { ...details, creditCode: code.value };
    const declarations: Declarations = { legalPerson: true, establishedOn: demo.establishedOn, majorIncidents: [], seriousPenalties: [], goodCreditRecord: true, appliesPerformanceExcellence: true };
    const check = evaluateEligibility(
      config.eligibility,
      { ...declarations, selfAssessmentSubmitted: true },
      { organisationName: organisation.name, creditCode: organisation.creditCode, legalPerson: true, establishedOn: demo.establishedOn },
      registeredAt.toISOString(),
    );
    if (!check.eligible) throw new Error(`demo applicant ${organisation.name} fails the checklist: ${check.failures.map((f) => f.ruleId).join(', ')}`);
    const app: ApplicationRecord = {
      applicationId: ulid(registeredAt.getTime()),
      roundId: round.roundId,
      programmeId: this.programmeId,
      ownerPersonId: owner.personId,
      status: 'registered',
      organisation,
      declarations,
      selfCheck: { eligible: true, failures: [] },
      createdAt: registeredAt.toISOString(),
      updatedAt: registeredAt.toISOString(),
      version: 1,
    };
    await this.commit(this.scope, 'application.registered', { type: 'application', id: app.applicationId }, app, this.applications.registration(app), this.inStage(app.applicationId));
    return app;
  }

  /** The package: the profile and the 23 item texts, saved as one change. */
  async savePackage(app: ApplicationRecord, demo: DemoApplicant, savedAt: Date): Promise<void> {
    const texts: Record<string, string> = { [PROFILE_SECTION]: demo.profile, ...itemTexts(demo) };
    if (GBT19580_2012.items.some((item) => !texts[item.id])) throw new Error('a demo item text is missing');
    const sections: SectionRecord[] = this.ctx.sections.map((section) => ({ applicationId: app.applicationId, section, text: texts[section]!, version: 1, updatedAt: savedAt.toISOString() }));
    await this.commit(
      this.scope,
      'package.sectionSaved',
      { type: 'package', id: app.applicationId },
      { applicationId: app.applicationId, sections: sections.map((s) => ({ section: s.section, version: s.version, textSha256: sha256Hex(s.text) })) },
      [this.applications.stillOpen(app.applicationId), ...sections.map((s) => this.applications.sectionPut(s, 0))],
      this.inStage(app.applicationId),
    );
  }

  /**
   * The documents: recorded as verified, then stored in the documents bucket (so its upload event finds them verified
   * and leaves them alone) and read back through the verification's own checks.
   */
  async storeDocuments(app: ApplicationRecord, demo: DemoApplicant, uploadedFrom: Date): Promise<void> {
    const round = this.round;
    const config = this.config;
    for (const [j, file] of demoDocuments(demo, app.organisation.creditCode).entries()) {
      const uploadedAt = uploadedFrom.getTime() + j * 60_000;
      const documentId = ulid(uploadedAt);
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const doc: DocumentRecord = {
        applicationId: app.applicationId,
        roundId: round.roundId,
        documentId,
        category: file.category,
        fileName: file.fileName,
        contentType: 'application/pdf',
        size: file.bytes.length,
        sha256,
        key: documentObjectKey(round.roundId, app.applicationId, documentId),
        status: 'verified',
        createdAt: new Date(uploadedAt).toISOString(),
        verifiedAt: new Date(uploadedAt + 5_000).toISOString(),
      };
      await this.commit(
        this.scope,
        'document.verified',
        { type: 'document', id: documentId },
        { ...doc, storedSha256: sha256, storedSize: doc.size, sniffedType: doc.contentType },
        [this.applications.stillOpen(app.applicationId), this.applications.documentPut(doc)],
        this.inStage(app.applicationId),
      );
      await this.runtime.clients.s3.send(new PutObjectCommand({ Bucket: this.documents.bucket, Key: doc.key, Body: file.bytes, ContentType: doc.contentType }));
      const refused = rejectionOf({ ...doc, status: 'pending' }, await this.documents.inspect(doc.key, config.uploads.maxFileBytes), this.ctx);
      if (refused) throw new Error(`demo document ${doc.fileName} does not verify: ${refused.code}`);
    }
  }

  /** Formal submission before the deadline: the receipt the submission writes. */
  async submit(app: ApplicationRecord, submittedAt: Date): Promise<ApplicationRecord> {
    const bundle = (await this.applications.bundle(app.applicationId))!;
    const missing = completeness(this.ctx, bundle, submittedAt);
    if (!missing.complete) throw new Error(`demo package of ${app.organisation.name} is incomplete: ${JSON.stringify(missing)}`);
    const receipt = packageReceipt(this.ctx, bundle, ulid(submittedAt.getTime()), submittedAt);
    const next: ApplicationRecord = { ...app, status: 'submitted', receipt, submittedAt: receipt.submittedAt, updatedAt: receipt.submittedAt, version: app.version + 1 };
    await this.commit(
      this.scope,
      'application.submitted',
      { type: 'application', id: app.applicationId },
      receipt,
      [this.applications.applicationUpdate(next, app.version), ...bundle.sections.map((s) => this.applications.sectionUnchanged(app.applicationId, s.section, s.version))],
      this.inStage(app.applicationId),
    );
    return next;
  }

  /** The eligibility check (形式审查): found eligible. */
  async decideEligible(app: ApplicationRecord, decidedAt: Date): Promise<ApplicationRecord> {
    const eligibility = { decision: 'eligible' as const, reason: '符合申报条件，材料齐全。', decidedAt: decidedAt.toISOString(), decidedBy: SYSTEM_ACTOR.personId };
    const next: ApplicationRecord = { ...app, eligibility, updatedAt: eligibility.decidedAt, version: app.version + 1 };
    await this.commit(this.scope, 'application.eligibilityDecided', { type: 'application', id: app.applicationId }, { applicationId: app.applicationId, eligibility }, [
      this.applications.applicationUpdate(next, app.version),
    ], this.inStage(app.applicationId));
    return next;
  }

  private get ctx(): Awaited<ReturnType<typeof roundContext>> {
    if (!this.context) throw new Error('the demo round is not created yet');
    return this.context;
  }
}

/**
 * A second demo round of the programme, already in material review, so the
 * review board, the experts' area and the supervisors' overview have something
 * to show on a first `npm start`: three eligible, submitted applications with
 * their packages and stored PDFs, five experts, five deliberators and a supervisor who sign in by
 * asking for a link, no assignments (the office makes them). The records tell
 * the round's story (registration 120 days ago, submission deadline 30 days
 * ago); every write is committed with its audit entry as the system's, at the
 * moment the seed writes it, so the chains verify. Returns the demo reviewers it set up, by email.
 */
export async function seedReviewRound(runtime: Runtime, programmeId: string, now: Date, mailDomain = DEMO_MAIL_DOMAIN): Promise<DemoPeople> {
  const seed = new DemoRoundSeeder(runtime, programmeId, now, mailDomain);
  const at = (days: number) => new Date(now.getTime() + days * DAY);

  const people = new Map<string, PersonRecord>();
  // In the pool since before the earliest demo round (seed-final.ts: registration 330 days ago), whose reviews they did.
  for (const reviewer of DEMO_REVIEWERS) people.set(reviewer.email, await seed.addPerson(reviewer, at(-340)));

  // The round: registration opened 120 days ago, closed 45 days ago; materials were due 30 days ago.
  const config = defaultRoundConfig({
    registrationOpens: at(-120).toISOString(),
    registrationCloses: at(-45).toISOString(),
    submissionDeadline: at(-30).toISOString(),
    materialReviewDeadline: at(30).toISOString(),
    onSiteDeadline: at(60).toISOString(),
    defenseDate: at(90).toISOString(),
  });
  await seed.createRound({
    programmeId,
    roundId: reviewRoundId(programmeId, now.getUTCFullYear()),
    name: { 'zh-CN': '示范市政府质量奖（演示：材料审核中）', en: 'Demo City Government Quality Award (demo: in material review)' },
    stage: 'registration',
    stageSince: config.dates.registrationOpens,
    registrationOpens: config.dates.registrationOpens,
    submissionDeadline: config.dates.submissionDeadline,
    config,
    createdAt: config.dates.registrationOpens,
    version: 1,
  });

  // Registration, the packages and the documents, as each organisation did them.
  const apps: ApplicationRecord[] = [];
  for (const [i, demo] of DEMO_APPLICANTS.entries()) apps.push(await seed.register(demo, at(-110 + 12 * i)));
  for (const [i, app] of apps.entries()) await seed.savePackage(app, DEMO_APPLICANTS[i]!, at(-70 + 5 * i));
  for (const [i, app] of apps.entries()) await seed.storeDocuments(app, DEMO_APPLICANTS[i]!, at(-55 + 3 * i));

  // Formal submission after registration closed, before the deadline.
  await seed.moveTo('formalSubmission', at(-45));
  for (const [i, app] of apps.entries()) apps[i] = await seed.submit(app, at(-36 + 2 * i));

  // The eligibility check (形式审查): all three eligible.
  await seed.moveTo('eligibility', at(-30));
  for (const [i, app] of apps.entries()) apps[i] = await seed.decideEligible(app, at(-28 + i));

  // Material review since 25 days ago, due in 30; the office forms the teams on the board.
  await seed.moveTo('materialReview', at(-25));
  return people;
}
