// The English of ./notice.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import notice from '../../../shared/messages/ui-notice?lang=en';

export default [notice];
