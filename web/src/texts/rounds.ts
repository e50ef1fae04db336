import { siteTexts } from '../language';
import rounds from '../../../shared/messages/ui-rounds?lang=zh-CN';

// The rounds pages' texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([rounds], () => import('./rounds.en'));
