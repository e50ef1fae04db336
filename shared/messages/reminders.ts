import type { Catalogue } from './types';

/** Reminders and the late list (issue 13 part 4): errors, the kinds' and open work's names, and the reminder mails. */
export const reminderMessages = {
  REMINDER_TOO_SOON: {
    'zh-CN': '一小时内已提醒过此人，请 {minutes} 分钟后再试。',
    en: 'This person was reminded within the last hour; try again in {minutes} minute(s).',
  },
  REMINDER_NOT_LATE: { 'zh-CN': '此人在该阶段没有未完成的工作，无需提醒。', en: 'This person has no open work at that stage; there is nothing to remind them of.' },
  REMINDER_NOBODY: { 'zh-CN': '该阶段没有需要提醒的人。', en: 'Nobody at that stage needs a reminder.' },
  REMINDER_DEADLINE_PASSED: { 'zh-CN': '截止时间已过，申报单位已无法提交，不再发送提醒。', en: 'The deadline has passed: applicants can no longer submit, so no reminder is sent.' },

  'reminders.kind.registrationCloses': { 'zh-CN': '网上申报截止', en: 'Registration closing' },
  'reminders.kind.submissionDeadline': { 'zh-CN': '申报材料提交截止', en: 'Submission deadline' },
  'reminders.kind.materialReview': { 'zh-CN': '材料审核', en: 'Material review' },
  'reminders.kind.onSite': { 'zh-CN': '现场考核', en: 'On-site evaluation' },
  'reminders.kind.defense': { 'zh-CN': '陈述答辩评分', en: 'Defense scoring' },
  'reminders.work.registered': { 'zh-CN': '申报材料未提交', en: 'package not submitted' },
  'reminders.work.awaitingDeclaration': { 'zh-CN': '尚未作出利益冲突声明', en: 'conflict-of-interest declaration not made' },
  'reminders.work.active': { 'zh-CN': '评分表未提交', en: 'scorecard not submitted' },
  'reminders.work.scoring': { 'zh-CN': '答辩评分未提交', en: 'defense score not submitted' },

  'reminders.zone.beijing': { 'zh-CN': '北京时间', en: 'Beijing time' },

  'mail.reminder.applicant.subject': { 'zh-CN': '【{programme}】提醒：{stage}时间为 {deadline}', en: '[{programme}] Reminder: {stage}, {deadline}' },
  'mail.reminder.applicant.body': {
    'zh-CN': '{name}：\n\n{round}的{stage}时间为 {deadline}（{zone}）。以下申报的材料尚未正式提交：\n{work}\n\n请在截止前登录申报系统完成并提交，逾期将无法提交：\n{link}',
    en: 'Dear {name},\n\n{round} — {stage}: {deadline} ({zone}). The package of the following application is not submitted yet:\n{work}\n\nSign in and submit it before the deadline; after it, nothing can be submitted:\n{link}',
  },
  'mail.reminder.reviewer.subject': { 'zh-CN': '【{programme}】提醒：{stage}将于 {deadline} 到期', en: '[{programme}] Reminder: {stage} is due on {deadline}' },
  'mail.reminder.reviewer.body': {
    'zh-CN': '{name}：\n\n{round}的{stage}将于 {deadline}（{zone}）到期，您尚有以下工作未完成：\n{work}\n\n请登录评审系统完成：\n{link}',
    en: 'Dear {name},\n\n{round}: {stage} is due on {deadline} ({zone}). You still have open work:\n{work}\n\nSign in to finish it:\n{link}',
  },
} satisfies Catalogue;
