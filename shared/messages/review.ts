import type { Catalogue } from './types';

/**
 * Material review and on-site evaluation (scoring function) and the office's
 * round moves: error codes the API answers with.
 */
export const reviewMessages = {
  APPLICATION_NOT_ELIGIBLE: {
    'zh-CN': '该申报未通过形式审查（或已撤回），不能安排材料审核。',
    en: 'This application has not passed the eligibility check (or was withdrawn); it cannot be assigned for material review.',
  },
  NOT_SHORTLISTED: { 'zh-CN': '该申报未列入现场评审名单。', en: 'This application is not on the site-visit shortlist.' },
  REVIEWER_UNKNOWN: { 'zh-CN': '{reviewerId} 不是本评审项目的在册评审专家。', en: '{reviewerId} is not an active expert of this programme.' },
  ALREADY_ASSIGNED: { 'zh-CN': '该专家已在本阶段评审组中。', en: 'This expert is already on the team for this stage.' },
  LEADER_TAKEN: { 'zh-CN': '本阶段评审组已有组长。', en: 'The team for this stage already has a leader.' },
  DECLARATION_MADE: { 'zh-CN': '您已就该申报组织作出声明；此后发现的利益冲突请申请回避。', en: 'You have already declared for this applicant; a conflict found later is handled by recusal.' },
  ASSIGNMENT_CLOSED: { 'zh-CN': '该评审任务已结束（已提交、已回避或存在利益冲突）。', en: 'This assignment is closed (submitted, recused or conflicted).' },
  CARD_SUBMITTED: { 'zh-CN': '评分表已提交，不能再修改。', en: 'The scorecard has been submitted and can no longer be changed.' },
  CARD_INCOMPLETE: { 'zh-CN': '评分表不完整：还有 {count} 个条款未评分。', en: 'The scorecard is incomplete: {count} item(s) have no score.' },
  CARD_SEALED: {
    'zh-CN': '该评分表尚未提交：评审组打分期间，只有评分人本人能看到其中的分数和意见。',
    en: 'This scorecard has not been submitted: while the team scores, only its author sees its scores and comments.',
  },
  NOT_LEADER: { 'zh-CN': '只有评审组组长可以记录合议结果。', en: 'Only the team leader can record the consensus.' },
  CONSENSUS_RECORDED: { 'zh-CN': '该阶段的合议结果已记录，不能更改。', en: 'The consensus for this stage is recorded and cannot be changed.' },
  CONSENSUS_INCOMPLETE: { 'zh-CN': '合议结果须覆盖全部条款：{itemId} 缺失。', en: 'The consensus must cover every item: {itemId} is missing.' },
  RATIONALE_REQUIRED: {
    'zh-CN': '条款 {itemId} 的独立评分差异较大，须填写合议理由。',
    en: 'Independent scores for item {itemId} lie far apart; the consensus needs a rationale.',
  },
  REVIEWS_PENDING: { 'zh-CN': '还有 {count} 份申报没有材料审核合议结果。', en: '{count} application(s) have no material-review consensus yet.' },
  SHORTLIST_DECIDED: { 'zh-CN': '现场评审名单已确定。', en: 'The site-visit shortlist has already been decided.' },
  ROUND_EXISTS: { 'zh-CN': '评审轮次编号 {roundId} 已被使用。', en: 'The round id {roundId} is already in use.' },
  CONFIG_INVALID: { 'zh-CN': '轮次配置有 {count} 处问题，请逐项修改。', en: 'The round configuration has {count} problem(s); correct each of them.' },
  CONFIG_LOCKED: {
    'zh-CN': '网上申报开始后，以下配置不能再更改：{fields}。',
    en: 'Once registration has opened these settings can no longer change: {fields}.',
  },

  // Defense panel
  DELIBERATOR_UNKNOWN: { 'zh-CN': '{reviewerId} 不是本评审项目的在册审议员。', en: '{reviewerId} is not an active deliberator of this programme.' },
  ALREADY_ON_PANEL: { 'zh-CN': '该审议员已在本轮答辩评审组中。', en: 'This deliberator is already on the round’s defense panel.' },
  PANEL_MEMBER_REMOVED: { 'zh-CN': '该审议员已退出本轮答辩评审组。', en: 'This deliberator has been taken off the round’s defense panel.' },
  NOT_BEFORE_PANEL: { 'zh-CN': '该申报未进入陈述答辩（须列入现场评审名单并完成现场考核合议）。', en: 'This application is not before the defense panel (it needs a site visit and its on-site consensus).' },
  SCORE_REQUIRED: { 'zh-CN': '请先填写答辩评分再提交。', en: 'Enter a score before submitting.' },
  SCORE_SUBMITTED: { 'zh-CN': '答辩评分已提交，不能再修改。', en: 'The defense score has been submitted and can no longer be changed.' },

  // Mail
  'mail.assignment.subject': { 'zh-CN': '【{programme}】评审任务：{organisation}（{stage}）', en: '[{programme}] Review assignment: {organisation} ({stage})' },
  'mail.assignment.body': {
    'zh-CN':
      '{name}：\n\n评审委员会办公室安排您参加以下申报组织的{stage}{leader}：\n\n{organisation}\n\n查看任何材料前，请先就该组织作出利益冲突声明并签署保密声明和公正性声明；如存在利益冲突，请如实声明，办公室将另行安排。\n\n评审任务：{link}\n（如尚未登录，请在登录页用本邮箱获取登录链接。）',
    en:
      '{name}:\n\nThe award office has assigned you to the {stage} of this applicant{leader}:\n\n{organisation}\n\nBefore you see any material, declare any conflict of interest with it and sign the confidentiality and impartiality declarations; if there is a conflict, say so and the office will assign someone else.\n\nYour assignment: {link}\n(If you are not signed in, ask for a sign-in link with this address on the sign-in page.)',
  },
  'mail.panel.subject': { 'zh-CN': '【{programme}】答辩评审组：{round}', en: '[{programme}] Defense panel: {round}' },
  'mail.panel.body': {
    'zh-CN':
      '{name}：\n\n评审委员会办公室邀请您作为审议员参加“{round}”的陈述答辩评审。\n\n对每一个进入答辩的申报组织，评分前请先作出利益冲突声明并签署保密声明和公正性声明；与某一组织存在利益冲突的，请如实声明，您将不参与该组织的评分。\n\n答辩评审：{link}\n（如尚未登录，请在登录页用本邮箱获取登录链接。）',
    en:
      '{name}:\n\nThe award office invites you, as a deliberator, to the presentation and defense panel of “{round}”.\n\nFor each applicant before the panel, declare any conflict of interest and sign the confidentiality and impartiality declarations before scoring; where there is a conflict, say so and you will not score that applicant.\n\nThe defense: {link}\n(If you are not signed in, ask for a sign-in link with this address on the sign-in page.)',
  },
  'mail.assignment.leader': { 'zh-CN': '，并担任评审组组长', en: ', as the team leader' },
} as const satisfies Catalogue;
