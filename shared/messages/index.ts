import { domainMessages } from './domain';
import { letterMessages } from './letters';
import { feedbackMessages } from './feedback';
import { outcomeMessages } from './outcome';
import { platformMessages } from './platform';
import { poolMessages } from './pool';
import { portalMessages } from './portal';
import { registerMessages } from './registry';
import { reminderMessages } from './reminders';
import { reviewMessages } from './review';
import { scheduleMessages } from './schedules';
import { submissionMessages } from './submission';

export { format, LOCALES, type Catalogue, type Locale, type Text } from './types';
export { BEIJING_TIME, bytesText, fileTypeList, fileTypeName, formatBytes, formatMoment, momentText } from './units';
export { bilingual, isMessageKey, lookup, registerMessages, registerTexts, t, type MessageKey, type MessageParams } from './registry';

/**
 * The catalogue the functions load: API errors, the domain's terms and mail
 * texts, each in zh-CN and en, registered for {@link t} as this module loads.
 * The site never imports it: it registers the texts each of its parts shows,
 * one language at a time (./registry, web/src/texts).
 */
export const messages = {
  ...platformMessages,
  ...domainMessages,
  ...submissionMessages,
  ...reviewMessages,
  ...outcomeMessages,
  ...poolMessages,
  ...reminderMessages,
  ...scheduleMessages,
  ...letterMessages,
  ...feedbackMessages,
  ...portalMessages,
} as const;

registerMessages(messages);
