// The English of ./reliability.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import reliability from '../../../shared/messages/ui-reliability?lang=en';

export default [reliability];
