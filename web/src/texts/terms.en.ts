// The English of ./terms.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import domain from '../../../shared/messages/domain?only=domain.,audit.,REASON_REQUIRED,CREDIT_CODE_LENGTH,CREDIT_CODE_CHARACTER,CREDIT_CODE_REGION,CREDIT_CODE_CHECK&lang=en';
import submission from '../../../shared/messages/submission?only=application.,document.,eligibility.,audit.,DOCUMENT_TYPE_REFUSED,DOCUMENT_FILE_TOO_LARGE,DOCUMENT_EMPTY,DOCUMENT_NAME_INVALID,documentName.&lang=en';
import platform from '../../../shared/messages/platform?only=platform.&lang=en';

export default [domain, submission, platform];
