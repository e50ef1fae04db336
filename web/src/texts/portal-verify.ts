import { siteTexts } from '../language';
import texts from '../../../shared/messages/ui-portal?only=portal.verify.&lang=zh-CN';

// The command-line check's page: only its own texts load with it (issue 11). Chinese now, English once a reader chooses it.
await siteTexts([texts], () => import('./portal-verify.en'));
