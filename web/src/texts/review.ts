import { registerMessages } from '../../../shared/messages';
import { reviewUiMessages } from '../../../shared/messages/ui-review';

// The texts of the experts' area load with the code that shows them, not with every page (shared/messages/index.ts).
registerMessages(reviewUiMessages);
