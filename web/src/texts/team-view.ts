import { siteTexts } from '../language';
import teamView from '../../../shared/messages/ui-supervise-review?lang=zh-CN';

// The team views' and the supervisors' review pages' texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([teamView], () => import('./team-view.en'));
