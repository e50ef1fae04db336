import { domainMessages } from './domain';
import { platformMessages } from './platform';
import { reviewMessages } from './review';
import { submissionMessages } from './submission';
import { format, type Locale, type Text } from './types';
import { uiMessages } from './ui';
import { officeReviewUiMessages } from './ui-office-review';
import { reviewUiMessages } from './ui-review';
import { roundsUiMessages } from './ui-rounds';
import { superviseReviewUiMessages } from './ui-supervise-review';

export { format, LOCALES, type Catalogue, type Locale, type Text } from './types';

/** The whole catalogue: every key once, each in zh-CN and en. */
export const messages = {
  ...platformMessages,
  ...domainMessages,
  ...submissionMessages,
  ...reviewMessages,
  ...uiMessages,
  ...reviewUiMessages,
  ...officeReviewUiMessages,
  ...superviseReviewUiMessages,
  ...roundsUiMessages,
} as const;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof messages;

/** True when `key` names a catalogue entry. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/** Placeholder values: a string or number, or a text in both languages (a stage's name) that each language fills with its own. */
export type MessageParams = Readonly<Record<string, string | number | Text>>;

function paramsIn(locale: Locale, params?: MessageParams): Readonly<Record<string, string | number>> | undefined {
  if (!params) return undefined;
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? value[locale] : value]));
}

/** The text for `key` in `locale`, placeholders filled. */
export function t(key: MessageKey, locale: Locale, params?: MessageParams): string {
  const text: Text = messages[key];
  return format(text[locale], paramsIn(locale, params));
}

/** Both languages of `key`, placeholders filled (used in API error bodies). */
export function bilingual(key: MessageKey, params?: MessageParams): Text {
  const text: Text = messages[key];
  return { 'zh-CN': format(text['zh-CN'], paramsIn('zh-CN', params)), en: format(text.en, paramsIn('en', params)) };
}
