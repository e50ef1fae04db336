// The English of ./apply.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import apply from '../../../shared/messages/ui-apply?lang=en';

export default [apply];
