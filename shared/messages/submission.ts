import type { Catalogue } from './types';

/**
 * Registration, application package, documents and formal submission: error
 * codes, the reasons a document is rejected, mail texts and labels.
 */
export const submissionMessages = {
  // Registration
  ROUND_NOT_CONFIGURED: { 'zh-CN': '该评审轮次尚未完成配置，暂不能申报。', en: 'This round is not configured yet; applications cannot be made.' },
  REGISTRATION_CLOSED: { 'zh-CN': '该评审轮次当前不在网上申报时间内。', en: 'Online registration for this round is not open.' },
  CREDIT_CODE_INVALID: {
    'zh-CN': '统一社会信用代码无效：应为 18 位，且校验位符合 GB 32100-2015（原因：{reason}）。',
    en: 'The unified social credit code is not valid: it must have 18 characters and a GB 32100-2015 check character (reason: {reason}).',
  },
  CREDIT_CODE_TAKEN: {
    'zh-CN': '该统一社会信用代码已在本轮次登记申报，同一组织不能重复申报。',
    en: 'An organisation with this unified social credit code has already registered for this round.',
  },
  ALREADY_REGISTERED: { 'zh-CN': '您已在本轮次登记过一个申报组织。', en: 'You have already registered an organisation for this round.' },

  // Package
  SECTION_UNKNOWN: { 'zh-CN': '没有这一部分：{section}。', en: 'There is no such section: {section}.' },
  TEXT_TOO_LONG: { 'zh-CN': '内容过长：最多 {max} 个字符，当前 {length} 个。', en: 'The text is too long: at most {max} characters, this one has {length}.' },
  APPLICATION_LOCKED: { 'zh-CN': '申报材料已正式提交，不能再修改。', en: 'The application has been formally submitted and can no longer be changed.' },
  APPLICATION_WITHDRAWN: { 'zh-CN': '该申报已撤回。', en: 'This application has been withdrawn.' },
  PACKAGE_INCOMPLETE: {
    'zh-CN': '申报材料不完整，不能提交：请补齐组织概述、23 项自评内容和必需的证明材料，并等待材料校验完成。',
    en: 'The package is incomplete and cannot be submitted: fill in the profile and all 23 self-assessment texts, upload the required documents and wait until they are verified.',
  },
  ELIGIBILITY_STAGE_PASSED: {
    'zh-CN': '资格审查阶段已经结束，资格结论不能再照常更改。如确需更改，请作为例外并写明更改理由；该例外将记入审计链，监督员可见。',
    en: 'The eligibility stage is over, so the decision can no longer be changed as usual. If it must change, record it as an exception with the reason; the exception goes into the audit chain, where supervisors see it.',
  },
  EXCEPTION_NOT_NEEDED: {
    'zh-CN': '仍在资格审查阶段，照常记录结论即可，无需例外理由。',
    en: 'The eligibility stage is still open: record the decision as usual, without an exception reason.',
  },
  NOT_SUBMITTED: { 'zh-CN': '该申报尚未正式提交。', en: 'This application has not been submitted.' },
  NOT_IN_ROUND: { 'zh-CN': '所选申报中有 {count} 份不属于本轮次，未作任何决定。', en: '{count} of the chosen applications are not in this round; nothing was decided.' },

  // Office requests (补正/说明要求)
  REQUEST_ANSWERED: { 'zh-CN': '该要求已经答复过，每项要求只能答复一次。', en: 'This request has already been answered; each request is answered once.' },
  REQUEST_TOO_LONG: { 'zh-CN': '要求内容过长：最多 {max} 个字符，当前 {length} 个。', en: 'The request is too long: at most {max} characters, this one has {length}.' },
  ANSWER_TOO_LONG: { 'zh-CN': '答复内容过长：最多 {max} 个字符，当前 {length} 个。', en: 'The answer is too long: at most {max} characters, this one has {length}.' },
  REQUESTS_FULL: {
    'zh-CN': '该申报的要求与答复已达存储上限，不能再提出新的要求。',
    en: 'This application holds as many requests and answers as it can store; no further request can be made.',
  },

  // Documents: creating an upload
  DOCUMENT_TYPE_REFUSED: { 'zh-CN': '不接受这种文件类型（{contentType}）。允许的类型：{allowed}。', en: 'This file type ({contentType}) is not accepted. Allowed: {allowed}.' },
  DOCUMENT_FILE_TOO_LARGE: { 'zh-CN': '文件过大：单个文件最多 {maxBytes}。', en: 'The file is too large: at most {maxBytes} per file.' },
  APPLICATION_TOO_LARGE: { 'zh-CN': '全部材料合计超过上限（{maxBytes}）。', en: 'All documents together would exceed the limit ({maxBytes}).' },
  DOCUMENT_NAME_INVALID: { 'zh-CN': '文件名不能使用：{reason}请修改文件名后重新选择文件。', en: 'This file name cannot be used: {reason} Please rename the file and choose it again.' },
  'documentName.empty': { 'zh-CN': '名称为空。', en: 'the name is empty.' },
  'documentName.malformed': { 'zh-CN': '含有无法识别的字符（编码残缺）。', en: 'the name holds characters that cannot be read (broken encoding).' },
  'documentName.control': { 'zh-CN': '含有换行、制表符等控制字符。', en: 'the name holds control characters such as line breaks or tabs.' },
  'documentName.bidi': { 'zh-CN': '含有改变文字方向的隐藏字符，可能使扩展名看起来与实际不同。', en: 'the name holds hidden characters that change the writing direction and can make its extension look different from what it is.' },
  'documentName.separator': { 'zh-CN': '含有斜杠“/”或反斜杠“\\”。', en: 'the name holds a slash “/” or a backslash “\\”.' },
  'documentName.tooLong': { 'zh-CN': '过长，最多 85 个汉字或 255 个英文字母。', en: 'the name is too long: at most 255 Latin letters or 85 Chinese characters.' },
  DOCUMENT_LIMIT_REACHED: {
    'zh-CN': '每份申报最多上传 {max} 个文件，已达上限。如需更新某个文件，请用“上传新版本”替换它。',
    en: 'An application may hold at most {max} uploaded files, and this one has reached that limit. To update a file, use “Upload a new version” on it.',
  },
  PACKAGE_TOO_LONG: {
    'zh-CN': '申报材料文字过长：组织概述与 23 项自评内容合计最多 {max} 个字符，保存后将有 {length} 个。',
    en: 'The application is too long: the organisation profile and the 23 items together may have at most {max} characters, and with this text they would have {length}.',
  },
  DOCUMENT_REPLACED: { 'zh-CN': '该材料已被新版本替换。', en: 'This document has already been replaced by a newer version.' },
  DOCUMENT_NOT_VERIFIED: { 'zh-CN': '该材料未通过校验，不能下载。', en: 'This document was not verified and cannot be downloaded.' },

  // Documents: why verification rejected an upload (the applicant sees these)
  DOCUMENT_TOO_LARGE: { 'zh-CN': '文件超过单个文件大小上限，已拒收。', en: 'The file exceeds the size limit per file and was rejected.' },
  'document.type.unknown': { 'zh-CN': '无法识别的类型', en: 'a type that could not be recognised' },
  DOCUMENT_EMPTY: { 'zh-CN': '文件为空，已拒收。', en: 'The file is empty and was rejected.' },
  DOCUMENT_TYPE_NOT_ALLOWED: { 'zh-CN': '文件内容不是允许的类型（{allowed}），已拒收。', en: 'The file content is not an allowed type ({allowed}) and was rejected.' },
  DOCUMENT_TYPE_MISMATCH: { 'zh-CN': '文件内容与声明的类型不符（内容为 {actual}，声明为 {declared}），已拒收。', en: 'The file content does not match its declared type (content is {actual}, declared {declared}) and was rejected.' },
  DOCUMENT_SIZE_MISMATCH: { 'zh-CN': '上传的文件大小与声明不符，已拒收。请重新上传。', en: 'The uploaded size differs from the declared size; the file was rejected. Please upload it again.' },
  DOCUMENT_CHECKSUM_MISMATCH: { 'zh-CN': '文件校验值（SHA-256）与浏览器计算的不一致，文件可能在传输中损坏，已拒收。请重新上传。', en: 'The file’s SHA-256 differs from the one your browser computed; it may have been damaged in transit and was rejected. Please upload it again.' },

  // Mail
  'mail.register.subject': { 'zh-CN': '【{programme}】申报登记链接', en: '[{programme}] Your link to register' },
  'mail.register.body': {
    'zh-CN': '您好：\n\n请在 {minutes} 分钟内打开下面的链接，登记申报{programme}。链接只能使用一次；如果不是您本人操作，请忽略本邮件。\n\n{link}',
    en: 'Hello,\n\nOpen the link below within {minutes} minutes to register for {programme}. It works once; if you did not ask for it, ignore this mail.\n\n{link}',
  },
  'mail.submitted.subject': { 'zh-CN': '【{programme}】申报材料已提交（回执 {receiptId}）', en: '[{programme}] Application submitted (receipt {receiptId})' },
  'mail.submitted.body': {
    'zh-CN': '{organisation}：\n\n您的申报材料已于 {submittedAt} 正式提交，回执编号 {receiptId}，材料校验值（SHA-256）{packageSha256}。提交后材料不可修改。',
    en: '{organisation}:\n\nYour application was formally submitted at {submittedAt}; receipt {receiptId}, package SHA-256 {packageSha256}. Submitted materials can no longer be changed.',
  },

  'mail.eligibility.subject': { 'zh-CN': '【{programme}】资格审查结论：{decision}', en: '[{programme}] Eligibility decision: {decision}' },
  'mail.eligibility.body': {
    'zh-CN': '{organisation}：\n\n评审委员会办公室对您的申报作出资格审查结论：{decision}。\n\n理由：{reason}\n\n登录申报系统可查看详情。',
    en: '{organisation}:\n\nThe award office has decided on the eligibility of your application: {decision}.\n\nReason: {reason}\n\nSign in to see the details.',
  },

  'mail.request.subject': { 'zh-CN': '【{programme}】评审委员会办公室的补正/说明要求', en: '[{programme}] A request from the award office' },
  'mail.request.body': {
    'zh-CN': '{organisation}：\n\n评审委员会办公室就您的申报提出以下要求：\n\n{text}\n\n涉及：{concerns}\n\n请登录申报系统查看并答复。答复不会改变已提交的申报材料。',
    en: '{organisation}:\n\nThe award office asks the following about your application:\n\n{text}\n\nConcerns: {concerns}\n\nSign in to read it and answer. Answering does not change the submitted package.',
  },

  // Labels
  'document.category.businessLicence': { 'zh-CN': '营业执照（法人登记证书）', en: 'Business licence (legal person registration)' },
  'document.category.selfAssessmentReport': { 'zh-CN': '自评报告', en: 'Self-assessment report' },
  'document.category.certificates': { 'zh-CN': '资质与荣誉证书', en: 'Certificates and honours' },
  'document.category.financialStatements': { 'zh-CN': '财务报表', en: 'Financial statements' },
  'document.category.creditRecords': { 'zh-CN': '信用及守法证明', en: 'Credit and compliance records' },
  'document.category.other': { 'zh-CN': '其他证明材料', en: 'Other supporting documents' },
  'document.status.pending': { 'zh-CN': '校验中', en: 'Verifying' },
  'document.status.verified': { 'zh-CN': '已通过校验', en: 'Verified' },
  'document.status.rejected': { 'zh-CN': '已拒收', en: 'Rejected' },
  'application.status.registered': { 'zh-CN': '已登记', en: 'Registered' },
  'application.status.submitted': { 'zh-CN': '已提交', en: 'Submitted' },
  'application.status.withdrawn': { 'zh-CN': '已撤回', en: 'Withdrawn' },
  'application.section.profile': { 'zh-CN': '组织概述', en: 'Organisational profile' },
  'application.size.large': { 'zh-CN': '大型', en: 'Large' },
  'application.size.medium': { 'zh-CN': '中型', en: 'Medium' },
  'application.size.small': { 'zh-CN': '小型', en: 'Small' },
  'application.size.micro': { 'zh-CN': '微型', en: 'Micro' },
  'eligibility.eligible': { 'zh-CN': '符合申报条件', en: 'Eligible' },
  'eligibility.ineligible': { 'zh-CN': '不符合申报条件', en: 'Not eligible' },
  'audit.person.selfRegistered': { 'zh-CN': '申报人注册', en: 'Applicant signed up' },
  'audit.package.sectionSaved': { 'zh-CN': '保存申报内容', en: 'Package section saved' },
  'audit.document.uploadStarted': { 'zh-CN': '开始上传材料', en: 'Document upload started' },
  'audit.application.infoRequested': { 'zh-CN': '办公室提出补正/说明要求', en: 'Office requested information' },
  'audit.application.infoAnswered': { 'zh-CN': '申报组织答复要求', en: 'Applicant answered a request' },
} as const satisfies Catalogue;
