import { siteTexts } from '../language';
import texts from '../../../shared/messages/ui-portal?only=portal.programme.,portal.contact.,portal.notices.,portal.round.,portal.winners.&lang=zh-CN';

// A programme's public page: only its own texts load with it (issue 11). Chinese now, English once a reader chooses it.
await siteTexts([texts], () => import('./portal-programme.en'));
