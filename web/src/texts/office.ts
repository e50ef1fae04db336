import { siteTexts } from '../language';
import office from '../../../shared/messages/ui-office?lang=zh-CN';

// The office's registration desk texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([office], () => import('./office.en'));
