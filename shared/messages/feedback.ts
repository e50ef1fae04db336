import type { Catalogue } from './types';

/**
 * The feedback report (评审反馈报告, issue 12 part 1): the errors of the
 * consensus's report texts, of the office's edits and release, and the mail
 * telling an applicant its report is ready. Placeholders: {organisation},
 * {programme}, {round}, {categoryId}, {releasedAt}.
 */
export const feedbackMessages = {
  UNKNOWN_CATEGORY: {
    'zh-CN': '评审标准中没有类目“{categoryId}”，无法记录其关键主题。',
    en: 'The criteria have no category “{categoryId}”; no key theme can be recorded for it.',
  },
  FINDINGS_ONSITE_ONLY: {
    'zh-CN': '现场发现只能随现场评审的合议记录。',
    en: 'On-site findings are recorded with the on-site consensus only.',
  },
  FEEDBACK_RELEASED: {
    'zh-CN': '本轮的评审反馈报告已于{releasedAt}发布，发布后不能再修改或再次发布。',
    en: 'The feedback reports of this round were released on {releasedAt}; once released they can no longer be edited or released again.',
  },
  FEEDBACK_NOT_READY: {
    'zh-CN': '评审反馈报告在表彰阶段发布：本轮尚未进入表彰。',
    en: 'Feedback reports are released at the announcement: this round has not reached it yet.',
  },
  FEEDBACK_NONE: {
    'zh-CN': '本轮没有可发布的评审反馈报告（没有完成材料审核合议的申报）。',
    en: 'This round has no feedback report to release (no application has a material-review consensus).',
  },
  'feedback.mail.subject': { 'zh-CN': '【{programme}】评审反馈报告已发布', en: '[{programme}] Your feedback report is ready' },
  'feedback.mail.body': {
    'zh-CN':
      '{organisation}：\n\n“{round}”的评审反馈报告已经发布。报告列出评审专家组对每个评分条款的合议评分档次、优势和改进机会，以及各类目的关键主题。\n\n请登录申报系统，在“我的申报”页面阅读、打印或下载报告（PDF）。',
    en: '{organisation}:\n\nThe feedback report of “{round}” is ready. It gives, for each scored item, the band the expert team agreed on, the strengths and the opportunities for improvement, and the key themes of each category.\n\nSign in to the application site to read, print or download it (PDF) on your dashboard.',
  },
} as const satisfies Catalogue;
