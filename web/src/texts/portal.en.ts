// The English of ./portal.ts, loaded when a reader chooses English.
import portal from '../../../shared/messages/ui-portal?lang=en';

export default [portal];
