// The English of ./home.ts, loaded when a reader chooses English.
import home from '../../../shared/messages/ui?only=home.title,home.intro,home.programmes,home.noProgrammes,home.noRounds,home.level.,home.programmePage,home.signInHint&lang=en';

export default [home];
