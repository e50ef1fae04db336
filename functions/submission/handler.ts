import { AwardsStore } from '../lib/awards/store';
import { tableName } from '../lib/config';
import { createRouter } from '../lib/http/router';
import { personView } from '../lib/identity/store';
import { checkHealth, lazyRuntime } from '../lib/runtime';
import { invitePerson, listPeople, revokePerson } from './use-cases/people';
import { exchangeSignInLink, requestSignInLinks, signOutCookie, type SignInDeps } from './use-cases/sign-in';

const runtime = lazyRuntime('submission');
let deps: Promise<SignInDeps> | undefined;
const signInDeps = () =>
  (deps ??= runtime().then((rt) => ({ ...rt, awards: new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards')) })));

/** The submission function: identity, registration and application packages. */
export const handler = createRouter(
  'submission',
  {
    'submission.health': async () => {
      const health = await checkHealth(await runtime());
      return { body: health, status: health.ok ? 200 : 503 };
    },
    'auth.requestLink': async (req) => {
      await requestSignInLinks(await signInDeps(), req.body.email, req.sourceIp, req.now, req.requestId);
      return { body: { accepted: true } };
    },
    'auth.exchange': async (req) => {
      const { body, cookie } = await exchangeSignInLink(await signInDeps(), req.body.token, req.now);
      return { body, cookies: [cookie] };
    },
    'auth.session': async (req) => {
      const d = await signInDeps();
      const person = await d.identity.getPerson(req.session.personId);
      if (!person) throw new Error('session person vanished');
      return { body: { person: personView(person), role: req.session.role, programmeId: req.session.programmeId, expiresAt: req.session.expiresAt } };
    },
    'auth.signOut': async (req) => {
      const d = await signInDeps();
      await d.identity.endSession(req.session.sessionId, req.now);
      return { body: undefined, cookies: [signOutCookie(d)] };
    },
    'people.invite': async (req) => ({ body: { person: await invitePerson(await signInDeps(), req.session, req.body, req.now, req.requestId) } }),
    'people.list': async (req) => ({ body: { people: await listPeople(await signInDeps(), req.session) } }),
    'people.revoke': async (req) => ({
      body: { person: await revokePerson(await signInDeps(), req.session, req.params.personId ?? '', req.now, req.requestId) },
    }),
  },
  runtime,
);
