import type { Catalogue } from './types';

/** The office's late list (web/src/office/rounds/LatePanel.tsx). */
export const remindersUiMessages = {
  'late.title': { 'zh-CN': '逾期与临近截止', en: 'Late and due soon' },
  'late.note': {
    'zh-CN': '列出临近或已过截止时间仍有未完成工作的人员。系统会按轮次配置自动发送提醒；也可在此手动提醒（同一人一小时内只提醒一次）。',
    en: 'People with open work near or past a deadline. Reminders go out on their own as the round is configured; you can also remind people here (one person at most once an hour).',
  },
  'late.none': { 'zh-CN': '目前没有人逾期或临近截止。', en: 'Nobody is late or near a deadline now.' },
  'late.dueOn': { 'zh-CN': '截止时间：{deadline}', en: 'Due: {deadline}' },
  'late.overdue': { 'zh-CN': '已逾期', en: 'Overdue' },
  'late.dueSoon': { 'zh-CN': '临近截止', en: 'Due soon' },
  'late.count': { 'zh-CN': '{count} 人', en: '{count} {count:person|people}' },
  'late.col.name': { 'zh-CN': '姓名', en: 'Name' },
  'late.col.role': { 'zh-CN': '身份', en: 'Role' },
  'late.col.work': { 'zh-CN': '未完成的工作', en: 'Open work' },
  'late.col.reminded': { 'zh-CN': '上次手动提醒', en: 'Last reminded by hand' },
  'late.col.action': { 'zh-CN': '操作', en: 'Action' },
  'late.role.applicant': { 'zh-CN': '申报单位联系人', en: 'Applicant contact' },
  'late.role.expert': { 'zh-CN': '评审专家', en: 'Expert' },
  'late.role.deliberator': { 'zh-CN': '审议员', en: 'Deliberator' },
  'late.never': { 'zh-CN': '—', en: '—' },
  'late.remind': { 'zh-CN': '提醒', en: 'Remind' },
  'late.remindAll': { 'zh-CN': '全部提醒（{count} 人）', en: 'Remind all ({count})' },
  'late.remindAllConfirm': { 'zh-CN': '向本组 {count} 人发送提醒邮件？', en: 'Send a reminder mail to the {count} {count:person|people} of this group?' },
  'late.confirm': { 'zh-CN': '发送', en: 'Send' },
  'late.cancel': { 'zh-CN': '取消', en: 'Cancel' },
  'late.recentlyReminded': { 'zh-CN': '一小时内已提醒', en: 'Reminded within the hour' },
  'late.cannotRemind': { 'zh-CN': '截止时间已过，无法再提交，不再提醒。', en: 'The deadline has passed; nothing can be submitted any more, so no reminder is sent.' },
  'late.sent': { 'zh-CN': '已提醒 {reminded} 人。', en: 'Reminded {reminded} {reminded:person|people}.' },
  'late.sentSkipped': { 'zh-CN': '已提醒 {reminded} 人；{skipped} 人一小时内已提醒过，未重复发送。', en: 'Reminded {reminded}; {skipped} reminded within the hour were left out.' },
} satisfies Catalogue;
