import { registerMessages } from '../../../shared/messages';
import { defenseUiMessages } from '../../../shared/messages/ui-defense';

// The texts of the defense pages load with the code that shows them, not with every page (shared/messages/index.ts).
registerMessages(defenseUiMessages);
