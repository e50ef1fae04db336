// The English of ./portal-call.ts, loaded when a reader chooses English.
import texts from '../../../shared/messages/ui-portal?only=portal.call.,portal.rule.,portal.kind.&lang=en';

export default [texts];
