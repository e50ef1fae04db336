import { siteTexts } from '../language';
import letters from '../../../shared/messages/letters?only=letter.&lang=zh-CN';
import ui from '../../../shared/messages/ui-letters?skip=check.&lang=zh-CN';

// The result letters and the certificate load with the dashboard and the certificate page: Chinese now, English once a reader chooses it (web/src/language.ts).
await siteTexts([letters, ui], () => import('./letters.en'));
