import { siteTexts } from '../language';
import objection from '../../../shared/messages/ui-portal?only=portal.objection.&lang=zh-CN';

// The online objection form of an open notice (issue #14 part 2): its texts load with it.
await siteTexts([objection], () => import('./portal-objection.en'));
