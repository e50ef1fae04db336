import { domainMessages } from './domain';
import { outcomeMessages } from './outcome';
import { platformMessages } from './platform';
import { reviewMessages } from './review';
import { submissionMessages } from './submission';
import { format, type Catalogue, type Locale, type Text } from './types';
import type { defenseUiMessages } from './ui-defense';
import type { noticeUiMessages } from './ui-notice';
import type { outcomeUiMessages } from './ui-outcome';
import type { officeReviewUiMessages } from './ui-office-review';
import type { reviewUiMessages } from './ui-review';
import type { roundsUiMessages } from './ui-rounds';
import type { superviseReviewUiMessages } from './ui-supervise-review';
import type { uiMessages } from './ui';

export { format, LOCALES, type Catalogue, type Locale, type Text } from './types';
export { BEIJING_TIME, bytesText, fileTypeList, fileTypeName, formatBytes, formatMoment, momentText } from './units';

/**
 * The catalogue every part of Merit loads: API errors, the domain's terms and
 * mail texts, each in zh-CN and en. The site's interface texts are not in it
 * (the functions never show them): the site registers them (web/src/texts).
 */
export const messages = {
  ...platformMessages,
  ...domainMessages,
  ...submissionMessages,
  ...reviewMessages,
  ...outcomeMessages,
} as const;

/**
 * Texts of one part of the site only (the experts' area, the review board and
 * team views, the rounds pages). They are not in {@link messages}, so the
 * functions and every other page never load them: the part registers them
 * when its code loads (web/src/texts/*). Their keys are still checked at
 * compile time through {@link MessageKey}.
 */
type AreaCatalogues = typeof uiMessages &
  typeof reviewUiMessages &
  typeof defenseUiMessages & typeof officeReviewUiMessages & typeof superviseReviewUiMessages & typeof roundsUiMessages & typeof outcomeUiMessages & typeof noticeUiMessages;

/** A key of the message catalogue (including the texts areas register). */
export type MessageKey = keyof typeof messages | keyof AreaCatalogues;

const registered = new Map<string, Text>();

/** Makes an area's texts available to {@link t}; registering one twice is harmless. */
export function registerMessages(catalogue: Catalogue): void {
  for (const [key, text] of Object.entries(catalogue)) registered.set(key, text);
}

function textOf(key: string): Text | undefined {
  return Object.prototype.hasOwnProperty.call(messages, key) ? messages[key as keyof typeof messages] : registered.get(key);
}

/** True when `key` names a catalogue entry (of the common catalogue or a registered area). */
export function isMessageKey(key: string): key is MessageKey {
  return textOf(key) !== undefined;
}

/** Placeholder values: a string or number, or a text in both languages (a stage's name) that each language fills with its own. */
export type MessageParams = Readonly<Record<string, string | number | Text>>;

function paramsIn(locale: Locale, params?: MessageParams): Readonly<Record<string, string | number>> | undefined {
  if (!params) return undefined;
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? value[locale] : value]));
}

// A key whose area did not register its texts is a programming error; it shows as the key itself, never as a crash.
/** Both languages of `key`, placeholders left as they are (a parameter of another message, such as a stage's name). */
export function lookup(key: MessageKey): Text {
  const text = textOf(key);
  if (text) return text;
  console.error(`message ${key} is not registered`);
  return { 'zh-CN': key, en: key };
}

/** The text for `key` in `locale`, placeholders filled. */
export function t(key: MessageKey, locale: Locale, params?: MessageParams): string {
  return format(lookup(key)[locale], paramsIn(locale, params));
}

/** Both languages of `key`, placeholders filled (used in API error bodies). */
export function bilingual(key: MessageKey, params?: MessageParams): Text {
  const text = lookup(key);
  return { 'zh-CN': format(text['zh-CN'], paramsIn('zh-CN', params)), en: format(text.en, paramsIn('en', params)) };
}
