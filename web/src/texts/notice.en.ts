// The English of ./notice.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import notice from '../../../shared/messages/ui-notice?skip=notice.chain.,notice.check.&lang=en';
import summaryLink from '../../../shared/messages/ui-report?only=summary.link&lang=en';

export default [notice, summaryLink];
