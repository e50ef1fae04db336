import { siteTexts } from '../language';
import remarks from '../../../shared/messages/ui-remarks?lang=zh-CN';

// The remarks' texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([remarks], () => import('./remarks.en'));
