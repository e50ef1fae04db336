import { siteTexts } from '../language';
import link from '../../../shared/messages/ui-report?only=report.link&lang=zh-CN';

// The link to the round report on the review boards: one key, so the boards do not load the report's texts.
await siteTexts([link], () => import('./report-link.en'));
