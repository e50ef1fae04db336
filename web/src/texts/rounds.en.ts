// The English of ./rounds.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import rounds from '../../../shared/messages/ui-rounds?lang=en';

export default [rounds];
