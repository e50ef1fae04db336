import { siteTexts } from '../language';
import notice from '../../../shared/messages/ui-notice?skip=notice.chain.,notice.check.&lang=zh-CN';
import summaryLink from '../../../shared/messages/ui-report?only=summary.link&lang=zh-CN';

// The public notice's texts load with its page: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([notice, summaryLink], () => import('./notice.en'));
