import type { Catalogue } from './types';

/** The office's administration: people and the health of the three functions. */
export const adminUiMessages = {
  'health.title': { 'zh-CN': '系统状态', en: 'System status' },
  'health.fn.submission': { 'zh-CN': '申报服务', en: 'Submission service' },
  'health.fn.scoring': { 'zh-CN': '评分服务', en: 'Scoring service' },
  'health.fn.publication': { 'zh-CN': '公示服务', en: 'Publication service' },
  'health.ok': { 'zh-CN': '正常', en: 'OK' },
  'health.down': { 'zh-CN': '异常', en: 'Down' },
  'health.checking': { 'zh-CN': '检查中', en: 'Checking' },

  // Admin: people
  'admin.title': { 'zh-CN': '管理', en: 'Administration' },
  'admin.pool': { 'zh-CN': '人员库（导入、导出）', en: 'Pools (import, export)' },
  'people.title': { 'zh-CN': '人员', en: 'People' },
  'people.empty': { 'zh-CN': '暂无人员。', en: 'Nobody yet.' },
  'people.filter': { 'zh-CN': '查找人员', en: 'Find people' },
  'people.search': { 'zh-CN': '搜索人员', en: 'Search people' },
  'people.search.hint': { 'zh-CN': '姓名、邮箱或单位', en: 'name, email or organisation' },
  'people.filter.role': { 'zh-CN': '人员类别', en: 'Kind of person' },
  'people.filter.status': { 'zh-CN': '有效或已停用', en: 'Active or revoked' },
  'people.filter.all': { 'zh-CN': '全部', en: 'All' },
  'people.shown': { 'zh-CN': '显示 {shown} / {total} 人', en: '{shown} of {total} {total:person|people} shown' },
  'people.noMatch': { 'zh-CN': '没有符合条件的人员。', en: 'Nobody matches.' },
  'people.name': { 'zh-CN': '姓名', en: 'Name' },
  'people.email': { 'zh-CN': '邮箱', en: 'Email' },
  'people.role': { 'zh-CN': '角色', en: 'Role' },
  'people.organisation': { 'zh-CN': '单位', en: 'Organisation' },
  'people.organisationOptional': { 'zh-CN': '单位（可选）', en: 'Organisation (optional)' },
  'people.status': { 'zh-CN': '状态', en: 'Status' },
  'people.since': { 'zh-CN': '加入时间', en: 'Since' },
  'people.actions': { 'zh-CN': '操作', en: 'Actions' },
  'people.status.active': { 'zh-CN': '有效', en: 'active' },
  'people.status.revoked': { 'zh-CN': '已停用', en: 'revoked' },
  'people.invite.title': { 'zh-CN': '邀请', en: 'Invite' },
  'people.invite.intro': { 'zh-CN': '被邀请人将收到一封含登录链接的邮件。', en: 'The person gets a mail with a sign-in link.' },
  'people.invite.submit': { 'zh-CN': '发送邀请', en: 'Send invitation' },
  'people.invite.sent': { 'zh-CN': '已邀请 {name}（{email}）。', en: 'Invited {name} ({email}).' },
  'people.revoke': { 'zh-CN': '停用', en: 'Revoke' },
  'people.revoke.confirm': { 'zh-CN': '确定停用 {name}？其所有登录将立即失效。', en: 'Revoke {name}? All their sessions stop working at once.' },
  'people.revoke.yes': { 'zh-CN': '确定停用', en: 'Yes, revoke' },
  'people.revoke.cancel': { 'zh-CN': '取消', en: 'Cancel' },
  'people.revoked': { 'zh-CN': '已停用 {name}。', en: 'Revoked {name}.' },

  // The way to the office's applications
  'office.open': { 'zh-CN': '查看申报情况', en: 'Open the applications' },
} as const satisfies Catalogue;
