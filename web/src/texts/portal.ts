import { siteTexts } from '../language';
import portal from '../../../shared/messages/ui-portal?skip=portal.edit.,portal.contactEdit.,portal.objection.&lang=zh-CN';

// The public portal's texts load with its pages: Chinese now, English once a reader chooses it (web/src/language.ts).
// The office's editors and the objection form load their own (portal-office.ts, portal-objection.ts).
await siteTexts([portal], () => import('./portal.en'));
