import { siteTexts } from '../language';
import report from '../../../shared/messages/ui-report?lang=zh-CN';

// The round report's texts (office, supervisors) load with its pages: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([report], () => import('./report.en'));
