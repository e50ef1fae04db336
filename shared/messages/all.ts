import { messages } from './index';
import { defenseUiMessages } from './ui-defense';
import { noticeUiMessages } from './ui-notice';
import { outcomeUiMessages } from './ui-outcome';
import { officeReviewUiMessages } from './ui-office-review';
import { reviewUiMessages } from './ui-review';
import { roundsUiMessages } from './ui-rounds';
import { superviseReviewUiMessages } from './ui-supervise-review';
import { uiMessages } from './ui';

/** Every text of Merit, the common catalogue and every area's, for checks over the whole catalogue (tests). */
export const allMessages = {
  ...messages,
  ...uiMessages,
  ...reviewUiMessages,
  ...officeReviewUiMessages,
  ...superviseReviewUiMessages,
  ...roundsUiMessages,
  ...defenseUiMessages,
  ...outcomeUiMessages,
  ...noticeUiMessages,
} as const;
