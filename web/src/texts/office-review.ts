import { registerMessages } from '../../../shared/messages';
import { officeReviewUiMessages } from '../../../shared/messages/ui-office-review';

// The texts of the office's review board load with the code that shows them, not with every page (shared/messages/index.ts).
registerMessages(officeReviewUiMessages);
