// The English of ./portal-verify.ts, loaded when a reader chooses English.
import texts from '../../../shared/messages/ui-portal?only=portal.verify.&lang=en';

export default [texts];
