import { siteTexts } from '../language';
import review from '../../../shared/messages/ui-review?lang=zh-CN';

// The experts' area texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([review], () => import('./review.en'));
