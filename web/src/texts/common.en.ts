// The English of ./common.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import ui from '../../../shared/messages/ui?skip=signIn.title,signIn.intro,signIn.email,signIn.submit,signIn.sending,signIn.sent,link.,notFound.,home.title,home.intro,home.programmes,home.noProgrammes,home.noRounds,home.level.,home.programmePage,home.signInHint&lang=en';
import stages from '../../../shared/messages/domain?only=domain.stage.&lang=en';
import errors from '../../../shared/messages/platform?only=INTERNAL,SERVICE_UNAVAILABLE,platform.role.&lang=en';

export default [ui, stages, errors];
