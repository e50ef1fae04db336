// The English of ./sign-in.ts, loaded when a reader chooses English.
import signIn from '../../../shared/messages/ui?only=signIn.title,signIn.intro,signIn.email,signIn.submit,signIn.sending,signIn.sent,link.,notFound.&lang=en';

export default [signIn];
