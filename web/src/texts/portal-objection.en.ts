// The English of ./portal-objection.ts, loaded when a reader chooses English.
import objection from '../../../shared/messages/ui-portal?only=portal.objection.&lang=en';

export default [objection];
