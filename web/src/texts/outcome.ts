import { registerMessages } from '../../../shared/messages';
import { outcomeUiMessages } from '../../../shared/messages/ui-outcome';

// The texts of the outcome pages load with the code that shows them, not with every page (shared/messages/index.ts).
registerMessages(outcomeUiMessages);
