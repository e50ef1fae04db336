import { siteTexts } from '../language';
import chain from '../../../shared/messages/ui-notice?only=notice.chain.,notice.check.&lang=zh-CN';

// The notice page's part on checking the audit chain loads after the rest of the page, with these texts (issue 11).
await siteTexts([chain], () => import('./notice-chain.en'));
