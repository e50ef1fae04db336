import { siteTexts } from '../language';
import texts from '../../../shared/messages/ui-portal?only=portal.call.,portal.rule.,portal.kind.&lang=zh-CN';

// A round's call (申报通知): only its own texts load with it (issue 11). Chinese now, English once a reader chooses it.
await siteTexts([texts], () => import('./portal-call.en'));
