// The English of ./check.ts, loaded when a reader chooses English.
import check from '../../../shared/messages/ui-letters?only=check.&lang=en';

export default [check];
