import { registerMessages } from '../../../shared/messages';
import { uiMessages } from '../../../shared/messages/ui';

// The site's common interface texts: registered by the site, so the functions, which never show them, do not load them.
registerMessages(uiMessages);
