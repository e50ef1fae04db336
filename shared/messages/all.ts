import { messages } from './index';
import { adminUiMessages } from './ui-admin';
import { applyUiMessages } from './ui-apply';
import { defenseUiMessages } from './ui-defense';
import { noticeUiMessages } from './ui-notice';
import { officeUiMessages } from './ui-office';
import { outcomeUiMessages } from './ui-outcome';
import { officeReviewUiMessages } from './ui-office-review';
import { reviewUiMessages } from './ui-review';
import { roundsUiMessages } from './ui-rounds';
import { superviseUiMessages } from './ui-supervise';
import { superviseReviewUiMessages } from './ui-supervise-review';
import { uiMessages } from './ui';
import { poolUiMessages } from './ui-pool';
import { operatorUiMessages } from './ui-operator';
import { remindersUiMessages } from './ui-reminders';
import { schedulesUiMessages } from './ui-schedules';
import { remarksUiMessages } from './ui-remarks';
import { reliabilityUiMessages } from './ui-reliability';
import { lettersUiMessages } from './ui-letters';
import { feedbackUiMessages } from './ui-feedback';
import { reportUiMessages } from './ui-report';

/** Every text of Merit, the common catalogue and every area's, for checks over the whole catalogue (tests). */
export const allMessages = {
  ...messages,
  ...uiMessages,
  ...applyUiMessages,
  ...officeUiMessages,
  ...adminUiMessages,
  ...superviseUiMessages,
  ...reviewUiMessages,
  ...officeReviewUiMessages,
  ...superviseReviewUiMessages,
  ...roundsUiMessages,
  ...defenseUiMessages,
  ...outcomeUiMessages,
  ...noticeUiMessages,
  ...poolUiMessages,
  ...operatorUiMessages,
  ...remindersUiMessages,
  ...schedulesUiMessages,
  ...remarksUiMessages,
  ...reliabilityUiMessages,
  ...lettersUiMessages,
  ...feedbackUiMessages,
  ...reportUiMessages,
} as const;
