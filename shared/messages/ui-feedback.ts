import type { Catalogue } from './types';

/**
 * The site's texts of the feedback report (评审反馈报告, issue 12 part 1): the
 * report as the applicant, the office and supervisors read it (screen, print
 * and PDF), the office's wording and release, the round's list of reports.
 */
export const feedbackUiMessages = {
  'feedback.title': { 'zh-CN': '评审反馈报告', en: 'Feedback report' },
  'feedback.loading': { 'zh-CN': '正在读取评审反馈报告…', en: 'Loading the feedback report…' },
  'feedback.intro': {
    'zh-CN': '本报告由评审专家组合议形成：每个评分条款的评分档次、优势和改进机会，以及各类目的关键主题。',
    en: 'This report is what the expert team agreed: for each scored item the band, the strengths and the opportunities for improvement, and the key themes of each category.',
  },
  'feedback.organisation': { 'zh-CN': '申报组织：{organisation}', en: 'Organisation: {organisation}' },
  'feedback.round': { 'zh-CN': '评审轮次：{round}', en: 'Round: {round}' },
  'feedback.releasedOn': { 'zh-CN': '发布日期：{date}', en: 'Released on {date}' },
  'feedback.basis.onSite': { 'zh-CN': '依据：现场评审专家组的合议。', en: 'Based on: the site-visit team’s consensus.' },
  'feedback.basis.materialReview': { 'zh-CN': '依据：材料审核专家组的合议。', en: 'Based on: the material-review team’s consensus.' },
  'feedback.band': { 'zh-CN': '评分档次：{range}', en: 'Band: {range}' },
  'feedback.bandScore': { 'zh-CN': '评分档次：{range}（合议得分率 {percent}%）', en: 'Band: {range} (agreed score {percent}%)' },
  'feedback.strengths': { 'zh-CN': '优势', en: 'Strengths' },
  'feedback.opportunities': { 'zh-CN': '改进机会', en: 'Opportunities for improvement' },
  'feedback.none': { 'zh-CN': '（无）', en: '(none)' },
  'feedback.themes': { 'zh-CN': '关键主题', en: 'Key themes' },
  'feedback.findings': { 'zh-CN': '现场评审发现', en: 'On-site findings' },
  'feedback.print': { 'zh-CN': '打印', en: 'Print' },
  'feedback.pdf': { 'zh-CN': '下载 PDF', en: 'Download PDF' },
  'feedback.pdfBusy': { 'zh-CN': '正在生成 PDF…', en: 'Making the PDF…' },
  'feedback.pdfFailed': { 'zh-CN': 'PDF 未能生成，请检查网络后重试。', en: 'The PDF could not be made. Check the connection and try again.' },
  'feedback.pdfPage': { 'zh-CN': '第 {page} 页 / 共 {pages} 页', en: 'Page {page} of {pages}' },
  'feedback.back': { 'zh-CN': '返回', en: 'Back' },
  'feedback.draft': { 'zh-CN': '草稿：尚未发布，申报组织还看不到本报告。', en: 'Draft: not released yet; the organisation cannot see this report.' },
  'feedback.releasedAt': { 'zh-CN': '已于{time}（北京时间）发布，不能再修改。', en: 'Released on {time} (Beijing time); it can no longer be edited.' },
  'feedback.roundLink': { 'zh-CN': '本轮全部反馈报告', en: 'All feedback reports of the round' },

  'feedback.edit.title': { 'zh-CN': '修改措辞', en: 'Edit the wording' },
  'feedback.edit.intro': {
    'zh-CN': '只能修改文字：评分档次来自专家组合议。每次保存都记入审计链；发布后不能再修改。',
    en: 'Only the wording can change: the bands are the expert team’s consensus. Every save is recorded in the audit chain; after the release nothing can change.',
  },
  'feedback.edit.strengths': { 'zh-CN': '{item} 优势', en: '{item} strengths' },
  'feedback.edit.opportunities': { 'zh-CN': '{item} 改进机会', en: '{item} opportunities for improvement' },
  'feedback.edit.theme': { 'zh-CN': '{category} 关键主题', en: '{category} key themes' },
  'feedback.edit.findings': { 'zh-CN': '现场评审发现', en: 'On-site findings' },
  'feedback.edit.save': { 'zh-CN': '保存修改', en: 'Save the wording' },
  'feedback.edit.saving': { 'zh-CN': '正在保存…', en: 'Saving…' },
  'feedback.edit.saved': { 'zh-CN': '已保存（第 {version} 版）。', en: 'Saved (version {version}).' },
  'feedback.edit.tooLong': { 'zh-CN': '“{field}”超过 {max} 字，请删减。', en: '“{field}” is longer than {max} characters; please shorten it.' },
  'feedback.edit.unchanged': { 'zh-CN': '没有修改需要保存。', en: 'Nothing has changed.' },

  'feedback.list.title': { 'zh-CN': '本轮评审反馈报告', en: 'Feedback reports of the round' },
  'feedback.list.intro': {
    'zh-CN': '每个完成材料审核合议的申报组织都有一份报告。报告在表彰阶段一次全部发布，发布后不能修改；发布前只有办公室和监督员能看到。',
    en: 'Every organisation with a material-review consensus has a report. All reports are released together at the announcement and cannot change after that; before it only the office and supervisors see them.',
  },
  'feedback.list.organisation': { 'zh-CN': '申报组织', en: 'Organisation' },
  'feedback.list.basis': { 'zh-CN': '依据', en: 'Based on' },
  'feedback.list.basis.onSite': { 'zh-CN': '现场评审', en: 'Site visit' },
  'feedback.list.basis.materialReview': { 'zh-CN': '材料审核', en: 'Material review' },
  'feedback.list.wording': { 'zh-CN': '措辞', en: 'Wording' },
  'feedback.list.edited': { 'zh-CN': '已修改（第 {version} 版）', en: 'Edited (version {version})' },
  'feedback.list.notEdited': { 'zh-CN': '专家组原文', en: 'As the team wrote it' },
  'feedback.list.open': { 'zh-CN': '阅读', en: 'Read' },
  'feedback.list.empty': { 'zh-CN': '本轮还没有报告：没有申报完成材料审核合议。', en: 'No reports yet: no application has a material-review consensus.' },
  'feedback.list.release': { 'zh-CN': '发布全部报告', en: 'Release all reports' },
  'feedback.list.releaseConfirm': {
    'zh-CN': '发布后全部 {count} 份报告不能再修改，各申报组织将收到邮件通知。确定发布吗？',
    en: 'Once released, none of the {count} reports can change, and each organisation is mailed. Release them?',
  },
  'feedback.list.releaseYes': { 'zh-CN': '确定发布', en: 'Release' },
  'feedback.list.releaseNo': { 'zh-CN': '取消', en: 'Cancel' },
  'feedback.list.released': { 'zh-CN': '已于{time}（北京时间）发布 {count} 份报告。', en: '{count} reports released on {time} (Beijing time).' },
  'feedback.list.mailed': { 'zh-CN': '已发送通知邮件 {mailed} 封，失败 {failed} 封。', en: '{mailed} mails sent, {failed} failed.' },
  'feedback.list.notYet': { 'zh-CN': '报告在表彰阶段发布：本轮尚未进入表彰。', en: 'Reports are released at the announcement: this round has not reached it.' },
  'feedback.list.readOnly': { 'zh-CN': '监督员只读：发布和修改由办公室进行。', en: 'Read-only for supervisors: the office edits and releases.' },

} as const satisfies Catalogue;
