import type { Catalogue } from './types';

/**
 * Error codes of the platform itself (HTTP, identity, storage). Domain rule
 * codes live in `domain.ts`, interface strings in `ui.ts`.
 */
export const platformMessages = {
  BAD_REQUEST: { 'zh-CN': '请求格式不正确。', en: 'The request is malformed.' },
  VALIDATION_FAILED: { 'zh-CN': '提交的内容有误，请检查后重试。', en: 'Some fields are invalid; please check and try again.' },
  INVALID_JSON: { 'zh-CN': '请求体不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  NOT_FOUND: { 'zh-CN': '未找到请求的内容。', en: 'Not found.' },
  ROUTE_NOT_FOUND: { 'zh-CN': '没有这个接口。', en: 'There is no such endpoint.' },
  METHOD_NOT_ALLOWED: { 'zh-CN': '该接口不支持此请求方法。', en: 'This endpoint does not accept that method.' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录。', en: 'Please sign in first.' },
  SESSION_EXPIRED: { 'zh-CN': '登录已过期，请重新获取登录链接。', en: 'Your session has expired; please request a new sign-in link.' },
  SESSION_REVOKED: { 'zh-CN': '该登录已被撤销。', en: 'This session has been revoked.' },
  FORBIDDEN: { 'zh-CN': '您没有执行此操作的权限。', en: 'You are not allowed to do this.' },
  CROSS_SITE_REQUEST: {
    'zh-CN': '此请求不是从本系统的页面发出的，已被拒绝，未做任何更改。请打开本系统的网站后重试。',
    en: 'This request did not come from this site’s own pages, so it was refused and nothing was changed. Open the site itself and try again.',
  },
  DIRECT_ACCESS_REFUSED: {
    'zh-CN': '请通过本系统的网站访问，不能直接调用接口地址。',
    en: 'Please use the site’s own address; the API cannot be called directly.',
  },
  LINK_INVALID: { 'zh-CN': '登录链接无效。', en: 'This sign-in link is not valid.' },
  LINK_EXPIRED: { 'zh-CN': '登录链接已过期（有效期 15 分钟），请重新获取。', en: 'This sign-in link has expired (links last 15 minutes); please request a new one.' },
  LINK_ALREADY_USED: { 'zh-CN': '登录链接已使用过，每个链接只能使用一次。', en: 'This sign-in link has already been used; each link works once.' },
  PERSON_REVOKED: { 'zh-CN': '该账号已被停用。', en: 'This account has been revoked.' },
  PERSON_EXISTS: { 'zh-CN': '此人已以该角色加入本奖项。', en: 'This person already has that role in this programme.' },
  PROGRAMME_EXISTS: { 'zh-CN': '奖项编号 {programmeId} 已被使用，请换一个编号。', en: 'The programme id {programmeId} is already in use; choose another.' },
  PROGRAMME_UNKNOWN: { 'zh-CN': '没有编号为 {programmeId} 的奖项。', en: 'There is no programme with the id {programmeId}.' },
  CONFLICT: { 'zh-CN': '数据已被他人修改，请刷新后重试。', en: 'Someone else changed this first; reload and try again.' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '请求内容过大。', en: 'The request is too large.' },
  REQUEST_TIMEOUT: { 'zh-CN': '请求发送时间过长，连接已关闭，没有保存任何内容。请检查网络后重试。', en: 'The request took too long to arrive, so the connection was closed and nothing was saved. Check your connection and try again.' },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试。', en: 'Too many requests; please wait and try again.' },
  INTERNAL: { 'zh-CN': '服务器内部错误，请稍后重试。如问题持续，请联系评审委员会办公室并提供请求编号 {requestId}。', en: 'Something went wrong on our side. Please try again; if it persists, contact the award office with request id {requestId}.' },
  BUSY: { 'zh-CN': '此刻提交的修改较多，本次未保存，请稍后重试。', en: 'Many changes are being recorded right now; this one was not saved. Please try again in a moment.' },
  STORAGE_UNAVAILABLE: {
    'zh-CN': '数据存储暂时无法写入，本次操作没有保存任何内容，已保存的内容不受影响。请几分钟后重试。',
    en: 'Storage cannot be written right now: nothing from this request was saved, and what was saved before is unaffected. Please try again in a few minutes.',
  },
  SERVICE_UNAVAILABLE: { 'zh-CN': '服务暂时不可用，请稍后重试。', en: 'The service is temporarily unavailable; please try again shortly.' },
  'mail.signin.subject': { 'zh-CN': '【{programme}】登录链接', en: '[{programme}] Your sign-in link' },
  'mail.signin.body': {
    'zh-CN': '您好，{name}：\n\n请在 {minutes} 分钟内打开下面的链接登录（身份：{role}）。链接只能使用一次；如果不是您本人操作，请忽略本邮件。\n\n{link}',
    en: 'Hello {name},\n\nOpen the link below within {minutes} minutes to sign in (as {role}). It works once; if you did not ask for it, ignore this mail.\n\n{link}',
  },
  'mail.invite.subject': { 'zh-CN': '【{programme}】邀请您担任{role}', en: '[{programme}] You are invited as {role}' },
  'mail.invite.body': {
    'zh-CN': '您好，{name}：\n\n评审委员会办公室邀请您以“{role}”身份参加{programme}的工作。请在 {minutes} 分钟内打开下面的链接登录；链接只能使用一次，过期后可在登录页用本邮箱重新获取。\n\n{link}',
    en: 'Hello {name},\n\nThe award office invites you to take part in {programme} as {role}. Open the link below within {minutes} minutes to sign in; it works once, and you can ask for a new one with this address on the sign-in page.\n\n{link}',
  },
  'mail.separator': { 'zh-CN': '———— English below ————', en: '———— English below ————' },
  'platform.role.applicant': { 'zh-CN': '申报组织', en: 'applicant' },
  'platform.role.expert': { 'zh-CN': '评审专家', en: 'expert reviewer' },
  'platform.role.deliberator': { 'zh-CN': '审议员', en: 'deliberator' },
  'platform.role.supervisor': { 'zh-CN': '评审监督员', en: 'supervisor' },
  'platform.role.admin': { 'zh-CN': '评审委员会办公室管理员', en: 'award office administrator' },
  'platform.role.operator': { 'zh-CN': '平台运营方', en: 'platform operator' },
  'platform.role.public': { 'zh-CN': '公众（实名异议人）', en: 'member of the public (named objector)' },
  'platform.operatorProgramme': { 'zh-CN': '质量奖评审平台', en: 'Quality award platform' },
} as const satisfies Catalogue;
