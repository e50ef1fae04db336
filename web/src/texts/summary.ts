import { siteTexts } from '../language';
import summary from '../../../shared/messages/ui-report?only=summary.,report.step.,report.col.,report.stage.,report.dist.,report.bands.,report.range,report.funnel.,report.chart.&lang=zh-CN';

// The public summary's texts (a public page: only the keys it shows) load with it: Chinese now, English once a reader chooses it.
await siteTexts([summary], () => import('./summary.en'));
