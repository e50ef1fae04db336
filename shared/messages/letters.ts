import type { Catalogue } from './types';

/**
 * The result letters (结果通知) and award certificates (证书): the letters'
 * texts — mailed in both languages and shown on the applicant's dashboard —
 * and the errors of the certificate check. Placeholders: {organisation},
 * {programme}, {round}, {reason}, {deadline}, {noticeEndsAt}, {certificate}.
 */
export const letterMessages = {
  CERTIFICATE_NOT_FOUND: {
    'zh-CN': '没有编号为“{number}”的证书。请核对证书上的编号。',
    en: 'There is no certificate numbered “{number}”. Please check the number on the certificate.',
  },

  'letter.eligible.subject': { 'zh-CN': '【{programme}】形式审查结果通知：通过', en: '[{programme}] Eligibility result: eligible' },
  'letter.eligible.body': {
    'zh-CN': '{organisation}：\n\n经评审委员会办公室形式审查，贵单位参加“{round}”的申报符合申报条件，已进入材料审核阶段。\n\n说明：{reason}',
    en: '{organisation}:\n\nAfter the award office’s formal check, your application to “{round}” is eligible and has gone on to the material review.\n\nNote: {reason}',
  },
  'letter.ineligible.subject': { 'zh-CN': '【{programme}】形式审查结果通知：未通过', en: '[{programme}] Eligibility result: not eligible' },
  'letter.ineligible.body': {
    'zh-CN': '{organisation}：\n\n经评审委员会办公室形式审查，贵单位参加“{round}”的申报不符合申报条件，未能进入材料审核阶段。\n\n理由：{reason}\n\n感谢贵单位的参与。',
    en: '{organisation}:\n\nAfter the award office’s formal check, your application to “{round}” is not eligible and does not go on to the material review.\n\nReason: {reason}\n\nThank you for taking part.',
  },
  'letter.notShortlisted.subject': { 'zh-CN': '【{programme}】材料审核结果通知', en: '[{programme}] Material review result' },
  'letter.notShortlisted.body': {
    'zh-CN': '{organisation}：\n\n“{round}”的材料审核已经完成。根据评审专家组的合议评分，贵单位未入围现场评审。\n\n评审反馈报告将在表彰后提供。感谢贵单位的参与。',
    en: '{organisation}:\n\nThe material review of “{round}” is complete. On the expert team’s agreed scores, your organisation has not been shortlisted for a site visit.\n\nA feedback report follows after the announcement. Thank you for taking part.',
  },
  'letter.siteVisit.subject': { 'zh-CN': '【{programme}】现场评审通知', en: '[{programme}] Site visit notice' },
  'letter.siteVisit.body': {
    'zh-CN': '{organisation}：\n\n“{round}”的材料审核已经完成，贵单位入围现场评审。现场评审组将于 {deadline} 前到贵单位开展现场评审，具体时间和安排由评审委员会办公室另行联系确认。\n\n请做好接待和资料准备。',
    en: '{organisation}:\n\nThe material review of “{round}” is complete and your organisation is shortlisted for a site visit. The site team will visit your premises before {deadline}; the award office will contact you to agree the date and arrangements.\n\nPlease prepare to receive the team and its questions.',
  },
  'letter.belowThreshold.subject': { 'zh-CN': '【{programme}】综合评价结果通知', en: '[{programme}] Comprehensive evaluation result' },
  'letter.belowThreshold.body': {
    'zh-CN': '{organisation}：\n\n“{round}”的综合评价已经完成。贵单位的综合得分未达到推荐候选名单的分数线，未列入推荐候选名单。\n\n评审反馈报告将在表彰后提供。感谢贵单位的参与。',
    en: '{organisation}:\n\nThe comprehensive evaluation of “{round}” is complete. Your organisation’s final score is below the threshold for the list of recommended candidates.\n\nA feedback report follows after the announcement. Thank you for taking part.',
  },
  'letter.notProposed.subject': { 'zh-CN': '【{programme}】评审委员会审议结果通知', en: '[{programme}] Award committee result' },
  'letter.notProposed.body': {
    'zh-CN': '{organisation}：\n\n“{round}”的征求意见和评审委员会审议已经完成，贵单位未被确定为拟获奖组织。\n\n评审反馈报告将在表彰后提供。感谢贵单位的参与。',
    en: '{organisation}:\n\nThe departments’ opinions and the award committee’s deliberation on “{round}” are complete; your organisation is not among the proposed winners.\n\nA feedback report follows after the announcement. Thank you for taking part.',
  },
  'letter.proposed.subject': { 'zh-CN': '【{programme}】拟获奖公示通知', en: '[{programme}] Proposed winner: public notice' },
  'letter.proposed.body': {
    'zh-CN': '{organisation}：\n\n经评审委员会审议，贵单位被确定为“{round}”的拟获奖组织，现予以公示。公示期至 {noticeEndsAt} 止。\n\n公示期满且无异议成立的，将正式表彰。',
    en: '{organisation}:\n\nThe award committee has proposed your organisation as a winner of “{round}”; the proposal is now publicly notified until {noticeEndsAt}.\n\nIf no objection is upheld by then, the award will be announced.',
  },
  'letter.awarded.subject': { 'zh-CN': '【{programme}】获奖通知', en: '[{programme}] Award notice' },
  'letter.awarded.body': {
    'zh-CN': '{organisation}：\n\n公示期满，贵单位荣获“{round}”表彰。证书编号：{certificate}。\n\n登录申报系统可查看和打印证书；任何人可在网站上核验证书编号。',
    en: '{organisation}:\n\nThe public notice is over: your organisation is a winner of “{round}”. Certificate number: {certificate}.\n\nSign in to see and print the certificate; anyone can check its number on the public site.',
  },
  'letter.notAwarded.subject': { 'zh-CN': '【{programme}】公示结果通知', en: '[{programme}] Result of the public notice' },
  'letter.notAwarded.body': {
    'zh-CN': '{organisation}：\n\n“{round}”的公示期间收到针对贵单位的异议，经核实异议成立，贵单位未获表彰。\n\n理由：{reason}',
    en: '{organisation}:\n\nDuring the public notice of “{round}” an objection against your organisation was received and upheld; your organisation is not awarded.\n\nReason: {reason}',
  },
  'letter.signature': { 'zh-CN': '{programme}评审委员会办公室', en: 'The award office, {programme}' },
  'letter.award.default': { 'zh-CN': '{programme}', en: '{programme}' },
  'letter.issuer.default': { 'zh-CN': '{programme}评审委员会', en: 'The award committee of the {programme}' },
} as const satisfies Catalogue;
