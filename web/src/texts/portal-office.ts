import { siteTexts } from '../language';
import office from '../../../shared/messages/ui-portal?only=portal.edit.,portal.contactEdit.&lang=zh-CN';

// The office's call and contact editors (issue #14 part 2): their texts load with them.
await siteTexts([office], () => import('./portal-office.en'));
