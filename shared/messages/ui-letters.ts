import type { Catalogue } from './types';

/**
 * The site's texts of the result letters and certificates: the letters on the
 * applicant's dashboard, the printable certificate (winner and office) and the
 * public certificate check (`/check`, read by anyone).
 */
export const lettersUiMessages = {
  'letters.title': { 'zh-CN': '结果通知', en: 'Result letters' },
  'letters.sentAt': { 'zh-CN': '{time}（北京时间）', en: '{time} (Beijing time)' },
  'letters.statusNow': { 'zh-CN': '当前状态', en: 'Current status' },
  'letters.certificate': { 'zh-CN': '查看和打印证书', en: 'See and print the certificate' },
  'letters.loading': { 'zh-CN': '正在读取结果通知…', en: 'Loading the letters…' },

  'certificate.title': { 'zh-CN': '证书', en: 'Certificate' },
  'certificate.heading': { 'zh-CN': '荣誉证书', en: 'Certificate of Award' },
  'certificate.body': { 'zh-CN': '{organisation}：\n荣获{award}。\n特发此证，以资鼓励。', en: '{organisation}\nis a winner of the {award}.' },
  'certificate.round': { 'zh-CN': '评审轮次：{round}', en: 'Round: {round}' },
  'certificate.number': { 'zh-CN': '证书编号：{number}', en: 'Certificate number: {number}' },
  'certificate.date': { 'zh-CN': '{date}', en: '{date}' },
  'certificate.check': { 'zh-CN': '核验地址：{url}', en: 'Check at: {url}' },
  'certificate.announcement': { 'zh-CN': '表彰公告：{url}', en: 'Announcement: {url}' },
  'certificate.sha256': { 'zh-CN': '公告 SHA-256：{sha256}', en: 'Announcement SHA-256: {sha256}' },
  'certificate.print': { 'zh-CN': '打印证书', en: 'Print the certificate' },
  'certificate.back': { 'zh-CN': '返回', en: 'Back' },
  'certificate.none': { 'zh-CN': '该申报没有证书。证书在表彰后颁发给获奖组织。', en: 'This application has no certificate. Certificates go to the winners after the announcement.' },

  'check.title': { 'zh-CN': '证书核验', en: 'Check a certificate' },
  'check.intro': { 'zh-CN': '输入证书上的编号，查看该证书是否真实有效。', en: 'Enter the number printed on a certificate to see whether it is genuine.' },
  'check.label': { 'zh-CN': '证书编号', en: 'Certificate number' },
  'check.hint': { 'zh-CN': '例如 CITY-2026-01', en: 'For example CITY-2026-01' },
  'check.submit': { 'zh-CN': '核验', en: 'Check' },
  'check.checking': { 'zh-CN': '正在核验…', en: 'Checking…' },
  'check.empty': { 'zh-CN': '请输入证书编号。', en: 'Please enter a certificate number.' },
  'check.valid': { 'zh-CN': '证书有效', en: 'This certificate is valid' },
  'check.organisation': { 'zh-CN': '获奖组织', en: 'Organisation' },
  'check.award': { 'zh-CN': '奖项', en: 'Award' },
  'check.issuer': { 'zh-CN': '颁发机构', en: 'Issued by' },
  'check.round': { 'zh-CN': '评审轮次', en: 'Round' },
  'check.date': { 'zh-CN': '表彰日期', en: 'Announced' },
  'check.announcement': { 'zh-CN': '查看表彰公告', en: 'See the announcement' },
  'check.sha256': { 'zh-CN': '公告 SHA-256', en: 'Announcement SHA-256' },
  'check.notFound': { 'zh-CN': '没有编号为“{number}”的证书。请核对证书上的编号。', en: 'There is no certificate numbered “{number}”. Please check the number on the certificate.' },
} as const satisfies Catalogue;
