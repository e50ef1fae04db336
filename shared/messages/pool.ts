import type { Catalogue } from './types';

/** The expert, deliberator and supervisor pools and the random draw: error codes the API answers with. */
export const poolMessages = {
  POOL_FILE_INVALID: {
    'zh-CN': '文件有 {count} 处问题，未导入任何人员；请按预览逐行改正后重新导入。',
    en: 'The file has {count} problem(s); nobody was imported. Correct each row named in the preview and import again.',
  },
  POOL_FILE_CHANGED: { 'zh-CN': '导入的文件与预览的文件不同，请重新预览。', en: 'The file imported is not the one previewed; preview it again.' },
  POOL_CHANGED: { 'zh-CN': '导入期间人员库被修改，请重新预览后导入。', en: 'The pool changed during the import; preview again and import.' },
  DRAW_TOO_FEW: {
    'zh-CN': '可抽取的专家不足：需要 {needed} 人，符合条件的只有 {eligible} 人，还差 {missing} 人。',
    en: 'Too few eligible experts: {needed} needed, only {eligible} eligible, {missing} missing.',
  },
  DRAW_EXISTS: { 'zh-CN': '该申报的本阶段评审组已抽取。', en: 'The team for this application and stage has already been drawn.' },
  DRAW_NOT_FOUND: { 'zh-CN': '该申报的本阶段尚未抽取评审组。', en: 'No team has been drawn for this application and stage yet.' },
  DRAW_PENDING: {
    'zh-CN': '抽取的输入已登记，正在等待审计链链接后产生结果；请稍后再次点击“抽取”完成。',
    en: 'The draw’s inputs are committed and wait to be linked into the audit chain; press “Draw” again shortly to finish it.',
  },
  DRAW_NOT_MEMBER: { 'zh-CN': '此人不是抽取产生的评审组成员。', en: 'This person is not a drawn member of the team.' },
  DRAW_EXHAUSTED: { 'zh-CN': '抽取顺序中已没有可递补的专家。', en: 'Nobody is left in the drawn order to replace them.' },
  DRAW_MIX_TOO_LARGE: {
    'zh-CN': '专业领域构成要求共 {total} 人，超过评审组人数 {size} 人。',
    en: 'The field mix asks for {total} members, more than the team of {size}.',
  },
  DRAW_LEADER_NOT_MEMBER: { 'zh-CN': '组长只能从本次抽取产生的在组成员中指定。', en: 'Only a drawn member still on the team can be named leader.' },
  DRAW_LEADER_ALREADY: { 'zh-CN': '此人已是该评审组组长。', en: 'This person already leads the team.' },
  WITNESS_REQUIRED: { 'zh-CN': '请选择在场监督员并填写其给出的见证值。', en: 'Choose the supervisor present and enter the value they give.' },
} satisfies Catalogue;
