import { format, type Catalogue, type Locale, type Text } from './types';
import type { domainMessages } from './domain';
import type { letterMessages } from './letters';
import type { feedbackMessages } from './feedback';
import type { feedbackUiMessages } from './ui-feedback';
import type { lettersUiMessages } from './ui-letters';
import type { outcomeMessages } from './outcome';
import type { platformMessages } from './platform';
import type { poolMessages } from './pool';
import type { portalMessages } from './portal';
import type { portalUiMessages } from './ui-portal';
import type { reminderMessages } from './reminders';
import type { remindersUiMessages } from './ui-reminders';
import type { reviewMessages } from './review';
import type { scheduleMessages } from './schedules';
import type { submissionMessages } from './submission';
import type { adminUiMessages } from './ui-admin';
import type { applyUiMessages } from './ui-apply';
import type { defenseUiMessages } from './ui-defense';
import type { noticeUiMessages } from './ui-notice';
import type { officeUiMessages } from './ui-office';
import type { outcomeUiMessages } from './ui-outcome';
import type { officeReviewUiMessages } from './ui-office-review';
import type { reviewUiMessages } from './ui-review';
import type { roundsUiMessages } from './ui-rounds';
import type { superviseUiMessages } from './ui-supervise';
import type { superviseReviewUiMessages } from './ui-supervise-review';
import type { uiMessages } from './ui';
import type { poolUiMessages } from './ui-pool';
import type { operatorUiMessages } from './ui-operator';
import type { schedulesUiMessages } from './ui-schedules';
import type { remarksUiMessages } from './ui-remarks';
import type { reliabilityUiMessages } from './ui-reliability';
import type { reportUiMessages } from './ui-report';

/**
 * Every catalogue's keys, for {@link MessageKey}: the common catalogue (`messages` in ./index: errors, the domain's terms,
 * mail) and the site's interface texts, which only the site registers, each part of the site its own.
 */
type AllCatalogues = typeof platformMessages &
  typeof feedbackMessages &
  typeof feedbackUiMessages &
  typeof scheduleMessages &
  typeof letterMessages &
  typeof lettersUiMessages &
  typeof poolMessages &
  typeof reminderMessages &
  typeof remindersUiMessages &
  typeof poolUiMessages &
  typeof schedulesUiMessages &
  typeof domainMessages &
  typeof submissionMessages &
  typeof reviewMessages &
  typeof outcomeMessages &
  typeof uiMessages &
  typeof applyUiMessages &
  typeof officeUiMessages &
  typeof adminUiMessages &
  typeof superviseUiMessages &
  typeof reviewUiMessages &
  typeof defenseUiMessages &
  typeof officeReviewUiMessages &
  typeof superviseReviewUiMessages &
  typeof roundsUiMessages &
  typeof outcomeUiMessages &
  typeof noticeUiMessages &
  typeof remarksUiMessages &
  typeof reliabilityUiMessages &
  typeof operatorUiMessages &
  typeof reportUiMessages &
  typeof portalMessages &
  typeof portalUiMessages;

/** A key of the message catalogue (including the texts areas register). Checked at compile time; present once registered. */
export type MessageKey = keyof AllCatalogues;

/**
 * The texts {@link t} reads, per language. The functions register the whole common catalogue in both languages when
 * they load it (./index); the site registers only the texts of the parts it has loaded, and English only once a
 * reader chooses it (web/src/language.ts), so this module holds no text itself.
 */
const registered: Readonly<Record<Locale, Map<string, string>>> = { 'zh-CN': new Map(), en: new Map() };

/** Makes a catalogue's texts available to {@link t} in both languages; registering one twice is harmless. */
export function registerMessages(catalogue: Catalogue): void {
  for (const [key, text] of Object.entries(catalogue)) {
    registered['zh-CN'].set(key, text['zh-CN']);
    registered.en.set(key, text.en);
  }
}

/** Makes texts of one language available to {@link t} (the site loads each language's texts apart). */
export function registerTexts(locale: Locale, texts: Readonly<Record<string, string>>): void {
  const into = registered[locale];
  for (const [key, text] of Object.entries(texts)) into.set(key, text);
}

/** True when `key` names a registered entry (Chinese, the language always registered first). */
export function isMessageKey(key: string): key is MessageKey {
  return registered['zh-CN'].has(key) || registered.en.has(key);
}

/** Placeholder values: a string or number, or a text in both languages (a stage's name) that each language fills with its own. */
export type MessageParams = Readonly<Record<string, string | number | Text>>;

function paramsIn(locale: Locale, params?: MessageParams): Readonly<Record<string, string | number>> | undefined {
  if (!params) return undefined;
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? value[locale] : value]));
}

// A key whose texts were not registered is a programming error; it shows as the key itself, never as a crash.
function textIn(key: MessageKey, locale: Locale): string {
  const text = registered[locale].get(key);
  if (text !== undefined) return text;
  console.error(`message ${key} is not registered in ${locale}`);
  return key;
}

/** Both languages of `key`, placeholders left as they are (a parameter of another message, such as a stage's name). */
export function lookup(key: MessageKey): Text {
  return { 'zh-CN': textIn(key, 'zh-CN'), en: textIn(key, 'en') };
}

/** The text for `key` in `locale`, placeholders filled. */
export function t(key: MessageKey, locale: Locale, params?: MessageParams): string {
  return format(textIn(key, locale), paramsIn(locale, params));
}

/** Both languages of `key`, placeholders filled (used in API error bodies). */
export function bilingual(key: MessageKey, params?: MessageParams): Text {
  return { 'zh-CN': t(key, 'zh-CN', params), en: t(key, 'en', params) };
}
