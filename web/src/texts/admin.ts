import { siteTexts } from '../language';
import admin from '../../../shared/messages/ui-admin?lang=zh-CN';

// The office's administration texts load with the code that shows them: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([admin], () => import('./admin.en'));
