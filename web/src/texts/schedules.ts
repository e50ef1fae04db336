import { siteTexts } from '../language';
import schedules from '../../../shared/messages/ui-schedules?lang=zh-CN';

// The schedule texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts).
await siteTexts([schedules], () => import('./schedules.en'));
