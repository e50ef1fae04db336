import { registerMessages } from '../../../shared/messages';
import { noticeUiMessages } from '../../../shared/messages/ui-notice';

// The public notice's texts load with its page, not with every page (shared/messages/index.ts).
registerMessages(noticeUiMessages);
