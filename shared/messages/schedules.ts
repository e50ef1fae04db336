import type { Catalogue } from './types';

/** Site-visit and defense schedules (issue 13.3): error codes the API answers with, and the schedule mails. */
export const scheduleMessages = {
  VISIT_OVERLAP: {
    'zh-CN': '专家{reviewerName}在该时段已安排对“{organisation}”的现场评审（{when}），同一专家的现场评审时间不能重叠。',
    en: 'Expert {reviewerName} is already on the site visit to “{organisation}” at that time ({when}); one expert’s visits may not overlap.',
  },
  VISIT_NO_TEAM: { 'zh-CN': '该申报还没有现场评审组，请先分配或抽取现场评审专家。', en: 'This application has no site team yet; assign or draw its on-site experts first.' },
  VISIT_REPORT_NOT_LEADER: { 'zh-CN': '只有现场评审组组长可以填写现场评审报告。', en: 'Only the site team leader can write the visit report.' },
  VISIT_NOT_SCHEDULED: { 'zh-CN': '该申报的现场评审尚未安排。', en: 'This application’s site visit is not scheduled yet.' },
  VISIT_CANCELLED: { 'zh-CN': '该现场评审已取消。', en: 'This site visit has been cancelled.' },
  SCHEDULE_TIME_INVALID: { 'zh-CN': '日期或时间无效：结束时间须晚于开始时间。', en: 'The date or time is not valid: the end must come after the start.' },
  DEFENSE_SLOTS_OVERLAP: {
    'zh-CN': '“{first}”与“{second}”的答辩时段重叠。',
    en: 'The slots of “{first}” and “{second}” overlap.',
  },
  DEFENSE_SLOT_UNKNOWN: { 'zh-CN': '答辩顺序中有未入围现场评审（或重复列出）的申报。', en: 'The order lists an application that is not shortlisted (or lists one twice).' },

  // Mail
  'mail.visit.subject': { 'zh-CN': '【{programme}】现场评审安排：{organisation}', en: '[{programme}] Site visit: {organisation}' },
  'mail.visit.changedSubject': { 'zh-CN': '【{programme}】现场评审安排变更：{organisation}', en: '[{programme}] Site visit changed: {organisation}' },
  'mail.visit.cancelledSubject': { 'zh-CN': '【{programme}】现场评审取消：{organisation}', en: '[{programme}] Site visit cancelled: {organisation}' },
  'mail.visit.body': {
    'zh-CN':
      '{name}：\n\n{intro}\n\n受评组织：{organisation}\n时间：{when}（{zone}）\n地点：{address}\n现场评审组：{team}\n受评组织联系人：{contact}，电话 {phone}\n\n附件为日历文件（.ics），可导入日历。\n\n详情：{link}',
    en:
      '{name}:\n\n{intro}\n\nApplicant: {organisation}\nWhen: {when} ({zone})\nWhere: {address}\nSite team: {team}\nApplicant’s contact: {contact}, phone {phone}\n\nThe attached calendar file (.ics) adds it to your calendar.\n\nDetails: {link}',
  },
  'mail.visit.teamWithheld': { 'zh-CN': '由评审委员会办公室选派（名单不向受评组织公开）', en: 'Chosen by the award office (names are not given to the applicant)' },
  'mail.visit.leftTeam': { 'zh-CN': '您已不在该现场评审组中。', en: 'You are no longer on its site team.' },
  'mail.visit.introNew': { 'zh-CN': '评审委员会办公室已安排以下现场评审。', en: 'The award office has scheduled this site visit.' },
  'mail.visit.introChanged': { 'zh-CN': '以下现场评审的安排已变更，请以本邮件为准。', en: 'This site visit has changed; this mail replaces the earlier one.' },
  'mail.visit.cancelledBody': {
    'zh-CN': '{name}：\n\n原定于 {when}（{zone}）对“{organisation}”的现场评审已取消。\n原因：{reason}\n\n附件日历文件会从日历中移除该安排。',
    en: '{name}:\n\nThe site visit to “{organisation}” planned for {when} ({zone}) is cancelled.\nReason: {reason}\n\nThe attached calendar file removes it from your calendar.',
  },
  'mail.defense.subject': { 'zh-CN': '【{programme}】陈述答辩安排：{round}', en: '[{programme}] Presentation and defense: {round}' },
  'mail.defense.changedSubject': { 'zh-CN': '【{programme}】陈述答辩安排变更：{round}', en: '[{programme}] Presentation and defense changed: {round}' },
  'mail.defense.cancelledSubject': { 'zh-CN': '【{programme}】陈述答辩安排取消：{round}', en: '[{programme}] Presentation and defense cancelled: {round}' },
  'mail.defense.panelBody': {
    'zh-CN': '{name}：\n\n{intro}\n\n日期：{when}（{zone}）\n地点：{place}\n答辩顺序：\n{order}\n\n附件为日历文件（.ics），可导入日历。\n\n详情：{link}',
    en: '{name}:\n\n{intro}\n\nWhen: {when} ({zone})\nWhere: {place}\nOrder of presentation:\n{order}\n\nThe attached calendar file (.ics) adds it to your calendar.\n\nDetails: {link}',
  },
  'mail.defense.applicantBody': {
    'zh-CN': '{name}：\n\n{intro}\n\n贵单位的陈述答辩时段：{when}（{zone}），第 {order} 位\n地点：{place}\n\n附件为日历文件（.ics），可导入日历。\n\n详情：{link}',
    en: '{name}:\n\n{intro}\n\nYour presentation and defense: {when} ({zone}), number {order} in the order\nWhere: {place}\n\nThe attached calendar file (.ics) adds it to your calendar.\n\nDetails: {link}',
  },
  'mail.defense.cancelledBody': {
    'zh-CN': '{name}：\n\n贵单位不再列入“{round}”的陈述答辩顺序，原定时段 {when}（{zone}）取消。附件日历文件会从日历中移除该安排。',
    en: '{name}:\n\nYou are no longer in the order of presentation of “{round}”; the slot at {when} ({zone}) is cancelled. The attached calendar file removes it from your calendar.',
  },
  'mail.defense.introNew': { 'zh-CN': '评审委员会办公室已安排陈述答辩。', en: 'The award office has scheduled the presentation and defense.' },
  'mail.defense.introChanged': { 'zh-CN': '陈述答辩安排已变更，请以本邮件为准。', en: 'The presentation and defense schedule has changed; this mail replaces the earlier one.' },
  'calendar.visit.summary': { 'zh-CN': '现场评审：{organisation}', en: 'Site visit: {organisation}' },
  'calendar.defense.summary': { 'zh-CN': '陈述答辩：{round}', en: 'Presentation and defense: {round}' },
  'calendar.defense.slotSummary': { 'zh-CN': '陈述答辩（第 {order} 位）：{organisation}', en: 'Presentation and defense (number {order}): {organisation}' },
  'calendar.zone': { 'zh-CN': '{zone}时间', en: '{zone} time' },
} satisfies Catalogue;
