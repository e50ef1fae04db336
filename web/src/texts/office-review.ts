import { siteTexts } from '../language';
import officeReview from '../../../shared/messages/ui-office-review?lang=zh-CN';

// The review board's texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([officeReview], () => import('./office-review.en'));
