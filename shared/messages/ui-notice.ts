import type { Catalogue } from './types';

/** The public pages of a round's published notice and announcement (`/notices/<roundId>`), read by anyone. */
export const noticeUiMessages = {
  'notice.title': { 'zh-CN': '公示与表彰', en: 'Public notice and announcement' },
  'notice.round': { 'zh-CN': '评审轮次：{name}', en: 'Round: {name}' },
  'notice.nothing': {
    'zh-CN': '本轮次尚未发布公示。评审委员会审议后，拟获奖组织名单将在这里公示。',
    en: 'Nothing has been published for this round yet. After the award committee has deliberated, the proposed winners will be publicly notified here.',
  },
  'notice.publishedAt': { 'zh-CN': '发布时间：{at}', en: 'Published: {at}' },
  'notice.beijingTime': { 'zh-CN': '{time}（北京时间）', en: '{time} (Beijing time)' },

  // The announcement (表彰)
  'notice.announcement.title': { 'zh-CN': '表彰结果', en: 'Winners announced' },
  'notice.announcement.intro': {
    'zh-CN': '经公示，以下组织为本轮次获奖组织。',
    en: 'After the public notice, the following organisations are the winners of this round.',
  },
  'notice.announcement.caption': { 'zh-CN': '获奖组织', en: 'Winners' },
  'notice.announcement.empty': { 'zh-CN': '本轮次没有获奖组织。', en: 'This round has no winner.' },

  // The public notice (公示)
  'notice.notice.title': { 'zh-CN': '拟获奖组织公示', en: 'Public notice of the proposed winners' },
  'notice.notice.intro': {
    'zh-CN': '经综合评价、征求有关部门意见和评审委员会审议，以下组织拟获奖，现予公示，接受社会监督。',
    en: "After the comprehensive evaluation, the government departments' opinions and the award committee's deliberation, the following organisations are proposed as winners. They are hereby publicly notified for everyone to scrutinise.",
  },
  'notice.notice.caption': { 'zh-CN': '拟获奖组织', en: 'Proposed winners' },
  'notice.notice.empty': { 'zh-CN': '本轮次没有拟获奖组织。', en: 'This round proposes no winner.' },

  // The ranked table
  'notice.table.rank': { 'zh-CN': '名次', en: 'Rank' },
  'notice.table.organisation': { 'zh-CN': '组织名称', en: 'Organisation' },
  'notice.table.district': { 'zh-CN': '所在区域', en: 'District' },
  'notice.table.industry': { 'zh-CN': '行业', en: 'Industry' },
  'notice.table.finalScore': { 'zh-CN': '综合得分', en: 'Final score' },

  // The notice period
  'notice.period.title': { 'zh-CN': '公示期', en: 'Notice period' },
  'notice.period.opened': { 'zh-CN': '开始', en: 'Opened' },
  'notice.period.ends': { 'zh-CN': '截止', en: 'Ends' },
  'notice.period.days': { 'zh-CN': '期限', en: 'Length' },
  'notice.period.daysValue': { 'zh-CN': '{days} 天', en: '{days} days' },
  'notice.period.open': { 'zh-CN': '公示期进行中，截止时间：{endsAt}。', en: 'The notice period is open until {endsAt}.' },
  'notice.period.over': { 'zh-CN': '公示期已于 {endsAt} 结束。', en: 'The notice period ended on {endsAt}.' },

  // How to object (DOMAIN.md stage 10)
  'notice.object.title': { 'zh-CN': '如何提出异议', en: 'How to object' },
  'notice.object.intro': {
    'zh-CN': '对拟获奖组织有异议的，可在公示期内向评审委员会办公室提出。异议须：',
    en: 'Anyone who objects to a proposed winner may tell the award office within the notice period. An objection must be:',
  },
  'notice.object.writing': { 'zh-CN': '以书面形式提出；', en: 'in writing;' },
  'notice.object.realName': {
    'zh-CN': '实名提出，写明真实姓名（单位名称）和联系方式，匿名异议不予受理；',
    en: 'made in your real name (or your organisation’s), with a way to contact you — anonymous objections are not accepted;',
  },
  'notice.object.evidence': { 'zh-CN': '附有支持异议的证据材料；', en: 'backed by evidence;' },
  'notice.object.office': { 'zh-CN': '送交评审委员会办公室；', en: 'sent to the award office;' },
  'notice.object.withinPeriod': {
    'zh-CN': '在公示期截止前送达，逾期不予受理。',
    en: 'received before the notice period ends; objections received later are not accepted.',
  },
  'notice.object.closed': {
    'zh-CN': '公示期已结束，不再受理异议。',
    en: 'The notice period is over; objections are no longer accepted.',
  },

  // The audit chain's head
  'notice.chain.title': { 'zh-CN': '核验：审计链记录', en: 'Checking it: the audit chain' },
  'notice.chain.what': {
    'zh-CN':
      '评审的每一步（评分、合议、阶段推进、审议表决、公示、异议处理等）都按顺序记入本轮次的审计链，每条记录都包含前一条记录的 SHA-256 哈希值。每份公布的文件都附有发布时审计链最新一条记录的序号和哈希值：只要链中这一序号的记录哈希值与此一致，得出本结果的全部记录在发布后就没有被改动、删除或重排。',
    en: "Every step of the review (scores, consensus, stage moves, the committee's vote, the notice, objections and their resolution) is recorded in order in this round's audit chain, each record holding the SHA-256 hash of the one before. Each published document carries the number and hash of the chain's newest record when it was published: as long as the chain's record with that number has exactly this hash, none of the records that led to this result has been changed, removed or reordered since.",
  },
  'notice.chain.noticeHead': { 'zh-CN': '公示发布时的审计链记录', en: 'The audit chain when the notice was published' },
  'notice.chain.announcementHead': { 'zh-CN': '表彰结果发布时的审计链记录', en: 'The audit chain when the winners were announced' },
  'notice.chain.scope': { 'zh-CN': '审计链', en: 'Chain' },
  'notice.chain.sequence': { 'zh-CN': '记录序号', en: 'Record number' },
  'notice.chain.hash': { 'zh-CN': '哈希值（SHA-256）', en: 'Hash (SHA-256)' },
  'notice.chain.how': {
    'zh-CN':
      '如何核验：评审监督员可在监督工作台导出本轮次的审计链（.jsonl 文件）。持有该文件的任何人都可以在下方用本浏览器核验，或在 Merit 的代码目录中运行所示命令。核验会先重新计算整条审计链，再检查上述记录是否存在且哈希值完全一致。',
    en: "How to check: supervisors export this round's audit chain from their workspace (a .jsonl file). Anyone holding that file can check it below, in this browser, or run the command shown in a copy of Merit. Either way the whole chain is recomputed, then the record above must exist with exactly this hash.",
  },
  // Checking an exported chain in the browser
  'notice.check.label': { 'zh-CN': '用导出的审计链文件核验', en: 'Check an exported chain file' },
  'notice.check.hint': {
    'zh-CN': '文件只在本浏览器中读取和计算，不会上传到任何地方。',
    en: 'The file is read and hashed in this browser only; it is not uploaded anywhere.',
  },
  'notice.check.checking': { 'zh-CN': '正在重新计算审计链…', en: 'Recomputing the chain…' },
  'notice.check.ok': {
    'zh-CN': '一致：导出的审计链（{count} 条记录）重新计算无误，第 {seq} 条记录的哈希值与公布的完全相同。',
    en: 'Matches: the exported chain ({count} {count:entry|entries}) recomputes correctly, and its entry #{seq} has exactly the hash published here.',
  },
  'notice.check.brokenAfter': {
    'zh-CN': '但其后的第 {seq} 条记录无法验证：{reason}。',
    en: 'But a later entry, #{seq}, does not verify: {reason}.',
  },
  'notice.check.missing': {
    'zh-CN': '不一致：导出的审计链没有第 {seq} 条记录（只有 {count} 条）。',
    en: 'Does not match: the exported chain has no entry #{seq} (it has {count}).',
  },
  'notice.check.mismatch': {
    'zh-CN': '不一致：导出的审计链第 {seq} 条记录的哈希值是 {found}，与公布的不同。',
    en: 'Does not match: entry #{seq} of the exported chain has the hash {found}, not the one published.',
  },
  'notice.check.broken': {
    'zh-CN': '不一致：导出的审计链在第 {seq} 条记录处无法验证：{reason}。',
    en: 'Does not match: the exported chain does not verify at entry #{seq}: {reason}.',
  },
  'notice.check.wrongChain': {
    'zh-CN': '这不是本轮次的审计链：文件中的记录属于 {scope}，应为 {expected}。',
    en: "This is not this round's chain: the file's entries belong to {scope}, not {expected}.",
  },
  'notice.check.unreadable': {
    'zh-CN': '无法读取：第 {line} 行不是审计记录。请选择从监督工作台导出的 .jsonl 文件。',
    en: "Cannot read it: line {line} is not an audit entry. Choose the .jsonl file exported from the supervisors' workspace.",
  },
  'notice.check.empty': { 'zh-CN': '文件中没有审计记录。', en: 'The file holds no audit entries.' },
  'notice.check.failed': { 'zh-CN': '无法完成核验（文件读取或网络出错），请重试。', en: 'The check could not be completed (the file could not be read, or the connection failed); try again.' },
  // Issue #14 part 2: the contact for written objections, and the command line moved to its own page.
  'notice.contact.title': { 'zh-CN': '书面异议送达', en: 'Where to send a written objection' },
  'notice.contact.address': { 'zh-CN': '地址', en: 'Address' },
  'notice.contact.phone': { 'zh-CN': '电话', en: 'Phone' },
  'notice.contact.email': { 'zh-CN': '电子邮箱', en: 'Email' },
  'notice.contact.none': { 'zh-CN': '请向本奖项评审委员会办公室提交。', en: 'Send it to the award office.' },
  'notice.chain.commandLine': { 'zh-CN': '也可以在自己的电脑上用命令行核验：', en: 'You can also check it on your own computer with a command:' },
  'notice.chain.commandLink': { 'zh-CN': '命令行核验说明', en: 'How to check on the command line' },
} as const satisfies Catalogue;
