// The English of ./reminders.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import late from '../../../shared/messages/ui-reminders?lang=en';
import kinds from '../../../shared/messages/reminders?only=reminders.&lang=en';

export default [late, kinds];
