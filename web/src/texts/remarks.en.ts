// The English of ./remarks.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import remarks from '../../../shared/messages/ui-remarks?lang=en';

export default [remarks];
