import type { Catalogue } from './types';

/**
 * The round's outcome pages (DOMAIN.md stages 7–11): the office's
 * `/office/rounds/<id>/outcome` and the supervisors' read-only
 * `/supervise/rounds/<id>/outcome` — evaluation and ranking, department
 * opinions, the committee's votes, objections, publications.
 */
export const outcomeUiMessages = {
  'outcome.title': { 'zh-CN': '综合评价与公示', en: 'Evaluation, notice and announcement' },
} as const satisfies Catalogue;
