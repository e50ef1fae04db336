import { messages, type MessageKey } from './index';

/** The catalogue in English (a view of `index.ts`, where both languages sit side by side). */
export const en = Object.fromEntries(
  Object.entries(messages).map(([key, text]) => [key, text.en]),
) as Record<MessageKey, string>;
