// The English of ./schedules.ts, loaded when a reader chooses English.
import schedules from '../../../shared/messages/ui-schedules?lang=en';

export default [schedules];
