// The English of ./supervise.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import supervise from '../../../shared/messages/ui-supervise?lang=en';

export default [supervise];
