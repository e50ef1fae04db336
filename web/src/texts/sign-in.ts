import { siteTexts } from '../language';
import signIn from '../../../shared/messages/ui?only=signIn.title,signIn.intro,signIn.email,signIn.submit,signIn.sending,signIn.sent,link.,notFound.&lang=zh-CN';

// Asking for a sign-in link, landing from one, and the page that is not there (a visitor's pages beside the home page):
// their texts load with them, not with every page (issue 11). Chinese now, English once a reader chooses it.
await siteTexts([signIn], () => import('./sign-in.en'));
