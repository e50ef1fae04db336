import { siteTexts } from '../language';
import ui from '../../../shared/messages/ui?skip=signIn.title,signIn.intro,signIn.email,signIn.submit,signIn.sending,signIn.sent,link.,notFound.,home.title,home.intro,home.programmes,home.noProgrammes,home.noRounds,home.level.,home.programmePage,home.signInHint&lang=zh-CN';
import stages from '../../../shared/messages/domain?only=domain.stage.&lang=zh-CN';
import errors from '../../../shared/messages/platform?only=INTERNAL,SERVICE_UNAVAILABLE,platform.role.&lang=zh-CN';

// The site's common texts (the frame, the public pages, the errors the browser shows itself, stage and role names) load with the entry: Chinese now, English once a reader chooses it (web/src/language.ts, shared/messages/registry.ts).
await siteTexts([ui, stages, errors], () => import('./common.en'));
