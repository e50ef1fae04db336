import type { Catalogue } from './types';

/** Errors of the public portal (issue #14 part 2): the call's attachments, the objection contact, online objections. */
export const portalMessages = {
  FILE_TYPE_REFUSED: {
    'zh-CN': '文件「{fileName}」的实际内容是 {actual}，不是允许的类型。允许：{allowed}。未保存任何内容。',
    en: 'The file “{fileName}” is really {actual}, which is not allowed. Allowed: {allowed}. Nothing was saved.',
  },
  FILE_NAME_MISLEADING: {
    'zh-CN': '文件「{fileName}」的扩展名与其实际内容（{actual}）不符，可能是伪装的文件，已拒收。未保存任何内容。',
    en: 'The file “{fileName}” has an extension that does not match what it really is ({actual}); a disguised file is refused. Nothing was saved.',
  },
  FILE_TYPE_UNKNOWN: { 'zh-CN': '无法识别的类型', en: 'an unrecognised type' },
  FILE_EMPTY: { 'zh-CN': '文件「{fileName}」是空的。', en: 'The file “{fileName}” is empty.' },
  INLINE_FILE_TOO_LARGE: {
    'zh-CN': '文件「{fileName}」太大：每个文件最多 {maxBytes}。',
    en: 'The file “{fileName}” is too large: at most {maxBytes} per file.',
  },
  CALL_ATTACHMENTS_FULL: { 'zh-CN': '申报通知最多 {max} 个附件。', en: 'A call has at most {max} attachments.' },
  CALL_CLOSED: {
    'zh-CN': '本轮已进入「{stage}」阶段，申报通知不能再修改。',
    en: 'The round is at “{stage}”; its call can no longer change.',
  },
  OBJECTION_ANONYMOUS: {
    'zh-CN': '异议须实名提出：请填写姓名、身份证号或统一社会信用代码，以及电话或电子邮箱。匿名异议不予受理。',
    en: 'Objections must be made in your real name: give your name, ID card number or credit code, and a phone number or email. Anonymous objections are not accepted.',
  },
  OBJECTION_EVIDENCE_REQUIRED: {
    'zh-CN': '异议须附证据材料：请至少上传一个文件。',
    en: 'An objection needs evidence: attach at least one file.',
  },
  OBJECTION_NOT_OPEN: {
    'zh-CN': '本轮没有正在公示的名单，不受理异议。',
    en: 'This round has no notice open; objections are not accepted.',
  },
} as const satisfies Catalogue;
