// The English of ./operator.ts, loaded when a reader chooses English.
import operator from '../../../shared/messages/ui-operator?lang=en';

export default [operator];
