import { messages, type MessageKey } from './index';

/** The catalogue in Chinese (a view of `index.ts`, where both languages sit side by side). */
export const zhCN = Object.fromEntries(
  Object.entries(messages).map(([key, text]) => [key, text['zh-CN']]),
) as Record<MessageKey, string>;
