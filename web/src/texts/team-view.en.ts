// The English of ./team-view.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import teamView from '../../../shared/messages/ui-supervise-review?lang=en';

export default [teamView];
