import { registerMessages } from '../../../shared/messages';
import { roundsUiMessages } from '../../../shared/messages/ui-rounds';

// The texts of the office's rounds pages load with the code that shows them, not with every page (shared/messages/index.ts).
registerMessages(roundsUiMessages);
