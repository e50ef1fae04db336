import { siteTexts } from '../language';
import outcome from '../../../shared/messages/ui-outcome?only=outcome.link&lang=zh-CN';
import reliability from '../../../shared/messages/ui-reliability?only=reliability.link&lang=zh-CN';

// A round's links to its outcome and reliability pages (the review board, a round's reviews): two texts, not the two pages' catalogues (issue 11). Chinese now, English once a reader chooses it (web/src/language.ts).
await siteTexts([outcome, reliability], () => import('./round-links.en'));
