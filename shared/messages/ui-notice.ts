import type { Catalogue } from './types';

/** The public pages of a round's published notice and announcement (`/notices/<roundId>`), read by anyone. */
export const noticeUiMessages = {
  'notice.title': { 'zh-CN': '公示与表彰', en: 'Public notice and announcement' },
} as const satisfies Catalogue;
