import { registerMessages } from '../../../shared/messages';
import { superviseReviewUiMessages } from '../../../shared/messages/ui-supervise-review';

// The texts of the team views and the supervisors' review pages load with the code that shows them, not with every page (shared/messages/index.ts).
registerMessages(superviseReviewUiMessages);
