import { siteTexts } from '../language';
import portal from '../../../shared/messages/ui-portal?lang=zh-CN';

// The public portal's texts load with its pages: Chinese now, English once a reader chooses it (web/src/language.ts).
await siteTexts([portal], () => import('./portal.en'));
