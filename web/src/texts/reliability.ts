import { siteTexts } from '../language';
import reliability from '../../../shared/messages/ui-reliability?lang=zh-CN';

// The reliability view's texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([reliability], () => import('./reliability.en'));
