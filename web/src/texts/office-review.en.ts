// The English of ./office-review.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import officeReview from '../../../shared/messages/ui-office-review?lang=en';

export default [officeReview];
