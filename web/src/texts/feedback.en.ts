// The English of ./feedback.ts, loaded when a reader chooses English.
import ui from '../../../shared/messages/ui-feedback?lang=en';

export default [ui];
