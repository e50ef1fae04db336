// The English of ./outcome.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import outcome from '../../../shared/messages/ui-outcome?lang=en';

export default [outcome];
