// The English of ./round-links.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import outcome from '../../../shared/messages/ui-outcome?only=outcome.link&lang=en';
import reliability from '../../../shared/messages/ui-reliability?only=reliability.link&lang=en';

export default [outcome, reliability];
