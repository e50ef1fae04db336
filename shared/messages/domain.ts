import type { Catalogue } from './types';

/**
 * Domain rule error codes (UPPER_SNAKE, the `code` of the domain's errors and
 * refusals) and domain terms (`domain.<area>.<thing>`): stages, application
 * states, conflict kinds, eligibility rules, funnel steps. The criteria's own
 * names and band descriptors live with the catalogue in `shared/criteria`.
 */
export const domainMessages = {
  // Criteria catalogue (shared/criteria)
  CATALOGUE_INCONSISTENT: { 'zh-CN': '评价准则目录数据不一致：{problems}', en: 'The criteria catalogue is inconsistent: {problems}' },

  // Round configuration (shared/round)
  CONFIG_REQUIRED: { 'zh-CN': '此项必填。', en: 'This setting is required.' },
  CONFIG_WRONG_TYPE: { 'zh-CN': '类型不正确：应为 {expected}，实际为 {received}。', en: 'Wrong type: expected {expected}, got {received}.' },
  CONFIG_UNKNOWN_KEY: { 'zh-CN': '未知的设置项。', en: 'This setting is not known.' },
  CONFIG_NOT_INTEGER: { 'zh-CN': '必须是整数。', en: 'Must be a whole number.' },
  CONFIG_TOO_SMALL: { 'zh-CN': '不能小于 {min}。', en: 'Must be at least {min}.' },
  CONFIG_TOO_LARGE: { 'zh-CN': '不能大于 {max}。', en: 'Must be at most {max}.' },
  CONFIG_INVALID_DATE: { 'zh-CN': '不是有效的日期时间（ISO 8601，例如 2026-07-01T09:00:00+08:00）。', en: 'Not a valid date and time (ISO 8601, e.g. 2026-07-01T09:00:00+08:00).' },
  CONFIG_DATES_OUT_OF_ORDER: { 'zh-CN': '日期顺序不对：{later} 必须晚于 {earlier}。', en: 'Dates out of order: {later} must come after {earlier}.' },
  CONFIG_WEIGHT_PRECISION: { 'zh-CN': '权重最多精确到千分位（如 0.3、0.25、0.125）。', en: 'A weight has at most three decimals (0.3, 0.25, 0.125).' },
  CONFIG_WEIGHTS_SUM: { 'zh-CN': '三个阶段的权重之和必须为 1，当前为 {sum}。', en: 'The three stage weights must sum to 1; they sum to {sum}.' },
  CONFIG_SHORTLIST_BELOW_QUOTA: { 'zh-CN': '现场评审名单人数不能少于获奖名额（{quota}）。', en: 'The site-visit shortlist cannot be smaller than the winners quota ({quota}).' },
  CONFIG_FILE_LIMIT_ABOVE_APPLICATION_LIMIT: { 'zh-CN': '单个文件的大小上限不能超过整份申报材料的上限。', en: 'The per-file size limit cannot exceed the per-application limit.' },
  CONFIG_MIN_ABOVE_MAX: { 'zh-CN': '不能超过 {max}。', en: 'Cannot be more than {max}.' },
  CONFIG_DUPLICATE: { 'zh-CN': '重复的值：{value}。', en: 'Duplicate value: {value}.' },
  CONFIG_EMPTY_LIST: { 'zh-CN': '至少需要一项。', en: 'At least one entry is needed.' },
  CONFIG_INVALID_MIME: { 'zh-CN': '不是有效的文件类型（MIME 类型，如 application/pdf）。', en: 'Not a valid file type (a MIME type such as application/pdf).' },
  CONFIG_INVALID_REGION: { 'zh-CN': '行政区划代码应为 2 到 6 位数字。', en: 'An administrative division code has 2 to 6 digits.' },
  CONFIG_INVALID_ID: { 'zh-CN': '标识只能以字母开头，由字母、数字、点、连字符或下划线组成。', en: 'An id starts with a letter and holds letters, digits, dots, hyphens or underscores.' },
  CONFIG_UNKNOWN_EDITION: { 'zh-CN': '未知的评价准则版本。', en: 'Unknown edition of the criteria.' },
  CONFIG_UNKNOWN_RULE_KIND: { 'zh-CN': '未知的资格条件类型。', en: 'Unknown kind of eligibility rule.' },

  // Unified social credit code and eligibility (shared/eligibility)
  INVALID_CREDIT_CODE: { 'zh-CN': '统一社会信用代码无效。', en: 'The unified social credit code is not valid.' },
  CREDIT_CODE_LENGTH: { 'zh-CN': '统一社会信用代码应为 18 位，当前为 {length} 位。', en: 'A unified social credit code has 18 characters; this one has {length}.' },
  CREDIT_CODE_CHARACTER: { 'zh-CN': '统一社会信用代码第 {position} 位的字符“{character}”不允许使用（不使用 I、O、S、V、Z）。', en: 'Character {position} of the unified social credit code, “{character}”, is not allowed (I, O, S, V and Z are never used).' },
  CREDIT_CODE_REGION: { 'zh-CN': '统一社会信用代码第 3–8 位应为行政区划代码（6 位数字），当前为 {region}。', en: 'Characters 3–8 of the unified social credit code must be an administrative division code (6 digits); got {region}.' },
  CREDIT_CODE_CHECK: { 'zh-CN': '统一社会信用代码校验位不正确（应为 {expected}，实际为 {actual}），请核对是否输错。', en: 'The check character of the unified social credit code is wrong (expected {expected}, got {actual}); please check for a typo.' },
  ELIGIBILITY_NOT_LEGAL_PERSON: { 'zh-CN': '申报组织须为依法登记的法人。', en: 'The applicant must be a registered legal person.' },
  ELIGIBILITY_OUTSIDE_AREA: { 'zh-CN': '申报组织须在本奖项所辖区域内注册（登记地区划代码 {region}）。', en: 'The applicant must be registered in the programme’s area (registered in division {region}).' },
  ELIGIBILITY_TOO_FEW_YEARS: { 'zh-CN': '申报组织须连续经营满 {minYears} 年，目前为 {years} 年。', en: 'The applicant must have operated for at least {minYears} years; it has for {years}.' },
  ELIGIBILITY_INVALID_DATE: { 'zh-CN': '日期无效：{field}。', en: 'Invalid date: {field}.' },
  ELIGIBILITY_RECENT_INCIDENT: { 'zh-CN': '近 {years} 年内发生过重大质量、安全或环境事故（{date}）。', en: 'A major quality, safety or environmental incident in the last {years} years ({date}).' },
  ELIGIBILITY_RECENT_PENALTY: { 'zh-CN': '近 {years} 年内受到过严重行政处罚（{date}）。', en: 'A serious administrative penalty in the last {years} years ({date}).' },
  ELIGIBILITY_POOR_CREDIT: { 'zh-CN': '申报组织须有良好的信用记录。', en: 'The applicant must have a good credit record.' },
  ELIGIBILITY_NO_PERFORMANCE_EXCELLENCE: { 'zh-CN': '申报组织须已导入并实施卓越绩效管理模式。', en: 'The applicant must have applied performance-excellence management.' },
  ELIGIBILITY_NO_SELF_ASSESSMENT: { 'zh-CN': '申报组织须提交自评报告。', en: 'The applicant must submit a self-assessment report.' },
  ELIGIBILITY_RECENT_WINNER: { 'zh-CN': '获奖组织 {rounds} 届内不得再次申报（上次获奖在 {since} 届前）。', en: 'Past winners may not apply again within {rounds} rounds (last won {since} round(s) ago).' },

  // Scoring and aggregation (shared/scoring)
  INVALID_PERCENTAGE: { 'zh-CN': '评分百分比须为 0 到 100 之间 5 的整数倍，收到 {value}。', en: 'A percentage is a multiple of 5 from 0 to 100; got {value}.' },
  INVALID_POINTS: { 'zh-CN': '分值须为非负整数，收到 {value}。', en: 'Points are a whole number, not negative; got {value}.' },
  INCOMPLETE_SCORECARD: { 'zh-CN': '评分表不完整：条款 {itemId} 尚未评分。', en: 'The scorecard is incomplete: item {itemId} has no score.' },
  INVALID_WEIGHTS: { 'zh-CN': '阶段权重无效（材料 {material}‰、现场 {onSite}‰、答辩 {defense}‰，合计须为 1000‰）。', en: 'Invalid stage weights (material {material}‰, on-site {onSite}‰, defense {defense}‰; they must sum to 1000‰).' },
  INVALID_SCORE: { 'zh-CN': '分数超出允许范围。', en: 'The score is out of range.' },
  DUPLICATE_APPLICATION: { 'zh-CN': '申报 {applicationId} 出现了两次。', en: 'Application {applicationId} appears twice.' },
  MISSING_ITEM_SCORE: { 'zh-CN': '条款 {itemId} 尚未评分。', en: 'Item {itemId} has no score yet.' },
  UNKNOWN_ITEM: { 'zh-CN': '评价准则中没有条款 {itemId}。', en: 'The criteria have no item {itemId}.' },

  // Stage pipeline and application states (shared/stages)
  ILLEGAL_STAGE_TRANSITION: { 'zh-CN': '评审轮次不能从“{from}”转到“{to}”。', en: 'The round cannot move from “{from}” to “{to}”.' },
  ILLEGAL_APPLICATION_TRANSITION: { 'zh-CN': '申报当前状态为“{from}”，不能执行“{command}”。', en: 'The application is “{from}”; “{command}” is not possible now.' },
  REGISTRATION_NOT_OPEN: { 'zh-CN': '网上申报尚未开始（{opens} 开始）。', en: 'Online registration has not opened yet (opens {opens}).' },
  REGISTRATION_STILL_OPEN: { 'zh-CN': '网上申报尚未截止（{closes} 截止）。', en: 'Online registration is still open (closes {closes}).' },
  SUBMISSION_DEADLINE_NOT_PASSED: { 'zh-CN': '申报材料提交截止时间（{deadline}）尚未到。', en: 'The submission deadline ({deadline}) has not passed yet.' },
  DEADLINE_PASSED: { 'zh-CN': '已超过截止时间（{deadline}），不能再提交。', en: 'The deadline ({deadline}) has passed; nothing more can be submitted.' },
  STAGE_CLOSED: { 'zh-CN': '当前阶段不接受此操作。', en: 'This is not possible at the current stage.' },
  ELIGIBILITY_PENDING: { 'zh-CN': '还有 {count} 份申报未完成形式审查。', en: '{count} application(s) still await the eligibility check.' },
  ASSIGNMENTS_INCOMPLETE: { 'zh-CN': '还有 {count} 项评审任务未完成。', en: '{count} review assignment(s) are not complete.' },
  SHORTLIST_EMPTY: { 'zh-CN': '尚未确定现场评审名单。', en: 'No application has been chosen for a site visit.' },
  OPINIONS_PENDING: { 'zh-CN': '还有 {count} 份部门意见未反馈。', en: '{count} department opinion(s) are still awaited.' },
  QUOTA_EXCEEDED: { 'zh-CN': '拟获奖组织不能超过名额 {quota} 个（当前 {count} 个）。', en: 'Proposed winners cannot exceed the quota of {quota} ({count} proposed).' },
  NO_PROPOSED_WINNERS: { 'zh-CN': '尚无拟获奖组织，不能进入公示。', en: 'There are no proposed winners to publish.' },
  NOTICE_PERIOD_NOT_OVER: { 'zh-CN': '公示期尚未结束（{endsAt} 结束）。', en: 'The public notice period is not over (ends {endsAt}).' },
  NOTICE_PERIOD_OVER: { 'zh-CN': '公示期已结束，不再受理异议。', en: 'The public notice period is over; objections are no longer accepted.' },
  OBJECTIONS_OPEN: { 'zh-CN': '还有 {count} 件异议未处理完毕。', en: '{count} objection(s) are still open.' },
  OBJECTION_INCOMPLETE: { 'zh-CN': '异议须以书面形式实名提出，并附有证据。', en: 'An objection must be written, in the objector’s real name, with evidence.' },
  OBJECTION_UNKNOWN: { 'zh-CN': '没有待处理的异议 {objectionId}。', en: 'There is no open objection {objectionId}.' },
  TEAM_TOO_SMALL: { 'zh-CN': '评审组至少需要 {min} 人，当前 {count} 人。', en: 'The team needs at least {min} members; it has {count}.' },
  REASON_REQUIRED: { 'zh-CN': '请填写理由。', en: 'A reason is required.' },
  INVALID_TIMESTAMP: { 'zh-CN': '{field} 不是有效的时间：{value}。', en: '{field} is not a valid time: {value}.' },

  // Conflicts of interest (shared/conflicts)
  CONFLICT_OF_INTEREST: { 'zh-CN': '存在利益冲突，须回避。', en: 'There is a conflict of interest; the reviewer must step aside.' },
  DECLARATION_REQUIRED: { 'zh-CN': '查看申报材料前，须先就该申报组织作出利益冲突声明。', en: 'Declare any conflict of interest for this applicant before seeing its materials.' },
  DECLARATION_UNSIGNED: { 'zh-CN': '须先签署保密声明和公正声明。', en: 'Sign the confidentiality and impartiality declarations first.' },

  // Terms: stages of a round
  'domain.stage.call': { 'zh-CN': '发布通知', en: 'Call' },
  'domain.stage.registration': { 'zh-CN': '网上申报', en: 'Online registration' },
  'domain.stage.formalSubmission': { 'zh-CN': '正式提交申报材料', en: 'Formal submission' },
  'domain.stage.eligibility': { 'zh-CN': '形式审查', en: 'Eligibility and completeness' },
  'domain.stage.materialReview': { 'zh-CN': '材料审核', en: 'Material review' },
  'domain.stage.onSite': { 'zh-CN': '现场考核', en: 'On-site evaluation' },
  'domain.stage.defense': { 'zh-CN': '陈述答辩', en: 'Presentation and defense' },
  'domain.stage.comprehensiveEvaluation': { 'zh-CN': '综合评价', en: 'Comprehensive evaluation' },
  'domain.stage.opinions': { 'zh-CN': '征求意见', en: 'Soliciting opinions' },
  'domain.stage.deliberation': { 'zh-CN': '审议', en: 'Deliberation' },
  'domain.stage.publicNotice': { 'zh-CN': '公示', en: 'Public notice' },
  'domain.stage.announcement': { 'zh-CN': '表彰', en: 'Announcement' },

  // Terms: states of an application
  'domain.status.registered': { 'zh-CN': '已网上申报', en: 'Registered' },
  'domain.status.submitted': { 'zh-CN': '已提交材料', en: 'Submitted' },
  'domain.status.eligible': { 'zh-CN': '形式审查通过', en: 'Eligible' },
  'domain.status.ineligible': { 'zh-CN': '形式审查未通过', en: 'Not eligible' },
  'domain.status.reviewed': { 'zh-CN': '材料审核完成', en: 'Material review done' },
  'domain.status.shortlisted': { 'zh-CN': '入围现场评审', en: 'Shortlisted for a site visit' },
  'domain.status.notShortlisted': { 'zh-CN': '未入围现场评审', en: 'Not shortlisted' },
  'domain.status.visited': { 'zh-CN': '现场评审完成', en: 'Site visit done' },
  'domain.status.defended': { 'zh-CN': '陈述答辩完成', en: 'Defense done' },
  'domain.status.candidate': { 'zh-CN': '推荐候选', en: 'Recommended candidate' },
  'domain.status.belowThreshold': { 'zh-CN': '未达推荐分数线', en: 'Below the threshold' },
  'domain.status.cleared': { 'zh-CN': '部门无异议', en: 'Cleared by departments' },
  'domain.status.objected': { 'zh-CN': '部门有异议', en: 'Objected to by a department' },
  'domain.status.proposed': { 'zh-CN': '拟获奖', en: 'Proposed winner' },
  'domain.status.notProposed': { 'zh-CN': '未获审议通过', en: 'Not proposed' },
  'domain.status.winner': { 'zh-CN': '获奖', en: 'Winner' },
  'domain.status.notAwarded': { 'zh-CN': '公示后未获奖', en: 'Not awarded after the notice' },
  'domain.status.withdrawn': { 'zh-CN': '已撤回', en: 'Withdrawn' },

  // Terms: scoring
  'domain.kind.process': { 'zh-CN': '过程', en: 'Process' },
  'domain.kind.results': { 'zh-CN': '结果', en: 'Results' },
  'domain.scoredStage.material': { 'zh-CN': '材料审核', en: 'Material review' },
  'domain.scoredStage.onSite': { 'zh-CN': '现场考核', en: 'On-site evaluation' },
  'domain.scoredStage.defense': { 'zh-CN': '陈述答辩', en: 'Defense' },
  'domain.term.strengths': { 'zh-CN': '优势', en: 'Strengths' },
  'domain.term.opportunities': { 'zh-CN': '改进机会', en: 'Opportunities for improvement' },
  'domain.term.consensus': { 'zh-CN': '共识评分', en: 'Consensus score' },
  'domain.term.divergence': { 'zh-CN': '评分分歧较大，需讨论', en: 'Scores diverge; discuss' },
  'domain.term.band': { 'zh-CN': '评分档次', en: 'Scoring band' },
  'domain.term.finalScore': { 'zh-CN': '综合得分', en: 'Final score' },
  'domain.term.candidateThreshold': { 'zh-CN': '推荐分数线', en: 'Candidate threshold' },
  'domain.term.winnersQuota': { 'zh-CN': '获奖名额', en: 'Winners quota' },
  'domain.term.siteVisitShortlist': { 'zh-CN': '现场评审名单', en: 'Site-visit shortlist' },

  // Terms: eligibility rules
  'domain.rule.legalPerson': { 'zh-CN': '依法登记的法人', en: 'Registered legal person' },
  'domain.rule.registeredInArea': { 'zh-CN': '在本区域内注册', en: 'Registered in the area' },
  'domain.rule.operatingYears': { 'zh-CN': '连续经营年限', en: 'Years of operation' },
  'domain.rule.creditCode': { 'zh-CN': '统一社会信用代码有效', en: 'Valid unified social credit code' },
  'domain.rule.noMajorIncident': { 'zh-CN': '无重大质量、安全、环境事故', en: 'No major quality, safety or environmental incident' },
  'domain.rule.noSeriousPenalty': { 'zh-CN': '无严重行政处罚', en: 'No serious administrative penalty' },
  'domain.rule.goodCredit': { 'zh-CN': '信用记录良好', en: 'Good credit record' },
  'domain.rule.performanceExcellence': { 'zh-CN': '已实施卓越绩效管理', en: 'Applies performance-excellence management' },
  'domain.rule.selfAssessment': { 'zh-CN': '提交自评报告', en: 'Self-assessment report submitted' },
  'domain.rule.notRecentWinner': { 'zh-CN': '近几届未获奖', en: 'Not a recent winner' },

  // Terms: conflicts of interest
  'domain.conflict.employment': { 'zh-CN': '现在或近年曾在该组织任职', en: 'Works or recently worked there' },
  'domain.conflict.consulting': { 'zh-CN': '为该组织提供过咨询', en: 'Consulted for it' },
  'domain.conflict.training': { 'zh-CN': '为该组织提供过培训', en: 'Trained its people' },
  'domain.conflict.closeRelative': { 'zh-CN': '近亲属在该组织任职', en: 'A close relative works there' },
  'domain.conflict.shareholding': { 'zh-CN': '持有该组织股份', en: 'Holds shares in it' },
  'domain.conflict.competitor': { 'zh-CN': '所在单位与其存在竞争关系', en: 'Employer competes with it' },
  'domain.conflict.customer': { 'zh-CN': '所在单位是其主要客户', en: 'Employer is a key customer' },
  'domain.conflict.supplier': { 'zh-CN': '所在单位是其主要供应商', en: 'Employer is a key supplier' },

  // Terms: the funnel
  'domain.funnel.registered': { 'zh-CN': '网上申报', en: 'Registered' },
  'domain.funnel.submitted': { 'zh-CN': '提交材料', en: 'Submitted' },
  'domain.funnel.eligible': { 'zh-CN': '形式审查通过', en: 'Eligible' },
  'domain.funnel.shortlisted': { 'zh-CN': '入围现场评审', en: 'Shortlisted' },
  'domain.funnel.candidates': { 'zh-CN': '推荐候选', en: 'Candidates' },
  'domain.funnel.proposed': { 'zh-CN': '拟获奖', en: 'Proposed' },
  'domain.funnel.winners': { 'zh-CN': '获奖', en: 'Winners' },

  // Audit labels (`audit.<action>`) of the actions only the state machines emit (shared/stages/events.ts)
  'audit.round.noticeOpened': { 'zh-CN': '发布公示', en: 'Public notice opened' },
  'audit.application.shortlistDecided': { 'zh-CN': '现场评审入围结论', en: 'Site-visit shortlist decided' },
  'audit.application.defenseScored': { 'zh-CN': '陈述答辩评分', en: 'Defense scored' },
  'audit.application.evaluated': { 'zh-CN': '综合评价', en: 'Comprehensive evaluation' },
  'audit.application.proposalDecided': { 'zh-CN': '审议结论', en: 'Deliberation decided' },
  'audit.application.awarded': { 'zh-CN': '获奖', en: 'Awarded' },
  'audit.application.notAwarded': { 'zh-CN': '未获奖', en: 'Not awarded' },
} as const satisfies Catalogue;
