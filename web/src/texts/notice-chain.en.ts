// The English of ./notice-chain.ts, loaded when a reader chooses English.
import chain from '../../../shared/messages/ui-notice?only=notice.chain.,notice.check.&lang=en';

export default [chain];
