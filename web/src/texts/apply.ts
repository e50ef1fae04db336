import { siteTexts } from '../language';
import apply from '../../../shared/messages/ui-apply?lang=zh-CN';

// The applicants' texts (also the package and registration the office reads) load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([apply], () => import('./apply.en'));
