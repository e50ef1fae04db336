import { siteTexts } from '../language';
import operator from '../../../shared/messages/ui-operator?lang=zh-CN';

// The platform operator's texts load with its area: Chinese now, English once a reader chooses it (web/src/language.ts).
await siteTexts([operator], () => import('./operator.en'));
