import type { Catalogue } from './types';

/**
 * The site's texts of the feedback report (评审反馈报告, issue 12 part 1): the
 * leader's report texts on the consensus form, the office's review and
 * release, the supervisors' read-only view, and the applicant's report on the
 * dashboard (screen, print and PDF).
 */
export const feedbackUiMessages = {
  'feedback.title': { 'zh-CN': '评审反馈报告', en: 'Feedback report' },
} as const satisfies Catalogue;
