import { siteTexts } from '../language';
import supervise from '../../../shared/messages/ui-supervise?lang=zh-CN';

// The supervisors' workspace texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([supervise], () => import('./supervise.en'));
