// The English of ./letters.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import letters from '../../../shared/messages/letters?only=letter.&lang=en';
import ui from '../../../shared/messages/ui-letters?skip=check.&lang=en';

export default [letters, ui];
