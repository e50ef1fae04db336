import { siteTexts } from '../language';
import late from '../../../shared/messages/ui-reminders?lang=zh-CN';
import kinds from '../../../shared/messages/reminders?only=reminders.&lang=zh-CN';

// The late list's texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([late, kinds], () => import('./reminders.en'));
