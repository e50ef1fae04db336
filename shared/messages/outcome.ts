import type { Catalogue } from './types';

/**
 * The round's outcome (publication function, DOMAIN.md stages 7–11):
 * comprehensive evaluation, department opinions, the committee's vote, the
 * public notice with its objections, the announcement — error codes the API
 * answers with.
 */
export const outcomeMessages = {
  EVALUATION_RECORDED: { 'zh-CN': '综合评价结果已记录，不能更改。', en: 'The comprehensive evaluation is recorded and cannot be changed.' },
  EVALUATION_INCOMPLETE: {
    'zh-CN': '还有 {count} 份进入答辩的申报缺少材料审核、现场考核或答辩评分，不能记录综合评价。',
    en: '{count} application(s) before the panel lack a material, on-site or defense score; the evaluation cannot be recorded.',
  },
  NOT_CANDIDATE: { 'zh-CN': '该组织不在推荐候选名单中。', en: 'This organisation is not a recommended candidate.' },
  UNKNOWN_DEPARTMENT: { 'zh-CN': '“{department}”不是本轮征求意见的部门。', en: '“{department}” is not a department this round asks for opinions.' },
  OPINION_RECORDED: { 'zh-CN': '该部门对该候选组织的意见已记录，不能更改。', en: 'This department’s opinion on this candidate is recorded and cannot be changed.' },
  NOT_CLEARED: {
    'zh-CN': '该候选组织的部门意见未齐或有部门提出异议，不能提交评审委员会表决。',
    en: 'This candidate is not cleared by every department; the committee cannot vote on it.',
  },
  VOTE_RECORDED: { 'zh-CN': '评审委员会对该候选组织的表决已记录，不能更改。', en: 'The committee’s vote on this candidate is recorded and cannot be changed.' },
  NO_VOTES: { 'zh-CN': '表决票数不能全部为零。', en: 'A vote needs at least one ballot.' },
  NOT_PROPOSED: { 'zh-CN': '该组织不是拟获奖组织。', en: 'This organisation is not a proposed winner.' },
  OBJECTION_RESOLVED: { 'zh-CN': '该异议已处理完毕，不能更改。', en: 'This objection has been resolved and cannot be changed.' },
  REMARK_TEXT_EMPTY: { 'zh-CN': '请填写内容（不能只有空格）。', en: 'Write the text (spaces alone do not count).' },
  REMARK_TEXT_TOO_LONG: { 'zh-CN': '内容最多 {max} 个字符。', en: 'The text can be at most {max} characters long.' },
  REMARK_TEXT_CHARACTERS: {
    'zh-CN': '内容含有控制字符或改变文字方向的隐藏字符，请删除后再提交。',
    en: 'The text holds control characters or hidden characters that change the writing direction; remove them and send it again.',
  },
  REMARK_TARGET_UNKNOWN: { 'zh-CN': '本轮次没有这一环节，不能对其提出监督意见。', en: 'This round has no such step to remark on.' },
  REMARK_CARD_NOT_SUBMITTED: { 'zh-CN': '评分表提交后才能对其提出监督意见。', en: 'A card can be remarked on only after it is submitted.' },
  REMARK_ANSWERED: { 'zh-CN': '该监督意见已答复，答复不能更改。', en: 'This remark has been answered; the answer cannot be changed.' },
  NOTHING_TO_PUBLISH: { 'zh-CN': '当前阶段没有需要对外发布的内容。', en: 'There is nothing to publish at the current stage.' },
} as const satisfies Catalogue;
