// The English of ./review.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import review from '../../../shared/messages/ui-review?lang=en';

export default [review];
