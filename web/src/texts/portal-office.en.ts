// The English of ./portal-office.ts, loaded when a reader chooses English.
import office from '../../../shared/messages/ui-portal?only=portal.edit.,portal.contactEdit.&lang=en';

export default [office];
