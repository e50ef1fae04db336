// The English of ./office.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import office from '../../../shared/messages/ui-office?lang=en';

export default [office];
