// The English of ./portal.ts, loaded when a reader chooses English.
import portal from '../../../shared/messages/ui-portal?skip=portal.edit.,portal.contactEdit.,portal.objection.&lang=en';

export default [portal];
