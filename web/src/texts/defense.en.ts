// The English of ./defense.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import defense from '../../../shared/messages/ui-defense?lang=en';

export default [defense];
