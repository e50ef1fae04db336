import { siteTexts } from '../language';
import outcome from '../../../shared/messages/ui-outcome?lang=zh-CN';

// The outcome pages' texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([outcome], () => import('./outcome.en'));
