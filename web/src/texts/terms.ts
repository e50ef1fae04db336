import { siteTexts } from '../language';
import domain from '../../../shared/messages/domain?only=domain.,audit.,REASON_REQUIRED,CREDIT_CODE_LENGTH,CREDIT_CODE_CHARACTER,CREDIT_CODE_REGION,CREDIT_CODE_CHECK&lang=zh-CN';
import submission from '../../../shared/messages/submission?only=application.,document.,eligibility.,audit.,DOCUMENT_TYPE_REFUSED,DOCUMENT_FILE_TOO_LARGE,DOCUMENT_EMPTY,DOCUMENT_NAME_INVALID,documentName.&lang=zh-CN';
import platform from '../../../shared/messages/platform?only=platform.&lang=zh-CN';

// The domain's terms the work areas show (stages, statuses, document categories, eligibility, audit actions, roles) and the few error texts the site writes itself load with the work areas: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([domain, submission, platform], () => import('./terms.en'));
