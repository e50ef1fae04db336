import { siteTexts } from '../language';
import defense from '../../../shared/messages/ui-defense?lang=zh-CN';

// The defense panels' texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([defense], () => import('./defense.en'));
