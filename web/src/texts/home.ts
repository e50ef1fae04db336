import { siteTexts } from '../language';
import home from '../../../shared/messages/ui?only=home.title,home.intro,home.programmes,home.noProgrammes,home.noRounds,home.level.,home.programmePage,home.signInHint&lang=zh-CN';

// The home page's own texts load with it, not with every public page (issue 11's budgets; a round's line — its stage,
// dates and "apply" — stays common: a programme's page and a call show it too). Chinese now, English once chosen.
await siteTexts([home], () => import('./home.en'));
