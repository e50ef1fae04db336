import { siteTexts } from '../language';
import check from '../../../shared/messages/ui-letters?only=check.&lang=zh-CN';

// The public certificate check's texts load with its page (anyone reads it): Chinese now, English once a reader chooses it.
await siteTexts([check], () => import('./check.en'));
