import { siteTexts } from '../language';
import ui from '../../../shared/messages/ui-feedback?lang=zh-CN';

// The feedback report's texts load with its pages: Chinese now, English once a reader chooses it (web/src/language.ts).
await siteTexts([ui], () => import('./feedback.en'));
