import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, S3Event } from 'aws-lambda';
import { bucketName, tableName } from '../lib/config';
import { createRouter } from '../lib/http/router';
import { once } from '../lib/once';
import { checkHealth, lazyRuntime } from '../lib/runtime';
import type { ApplicationDeps } from './use-cases/context';
import { isS3Event } from './use-cases/s3-event';


// Each route's use cases load on its first request, in their own chunk: a cold start loads only the router and the clients.
const signInUseCases = once(() => import('./use-cases/sign-in'));
const verifyUploadUseCases = once(() => import('./use-cases/verify-upload'));
const applicantSignUpUseCases = once(() => import('./use-cases/applicant-sign-up'));
const documentsUseCases = once(() => import('./use-cases/documents'));
const officeUseCases = once(() => import('./use-cases/office'));
const packageUseCases = once(() => import('./use-cases/package'));
const peopleUseCases = once(() => import('./use-cases/people'));
const programmesUseCases = once(() => import('./use-cases/programmes'));
const poolUseCases = once(() => import('./use-cases/pool'));
const portalUseCases = once(() => import('./use-cases/portal'));
const readUseCases = once(() => import('./use-cases/read'));
const requestsUseCases = once(() => import('./use-cases/requests'));
const registerUseCases = once(() => import('./use-cases/register'));
const submitUseCases = once(() => import('./use-cases/submit'));

const runtime = lazyRuntime('submission');
// The stores load on the first request, while the runtime reads the signing key's secret, not at the cold import (issue 11).
const stores = () => Promise.all([import('../lib/awards/store'), import('../lib/applications/repository'), import('../lib/applications/documents')]);
let deps: Promise<ApplicationDeps> | undefined;
const appDeps = () =>
  (deps ??= Promise.all([runtime(), stores()]).then(([rt, [{ AwardsStore }, { ApplicationsRepository }, { DocumentStore }]]) => ({
    ...rt,
    awards: new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards')),
    applications: new ApplicationsRepository(rt.clients.ddb, tableName(rt.config, 'applications')),
    documents: new DocumentStore(rt.clients.s3, bucketName(rt.config, 'documents'), rt.config.stage === 'aws' ? rt.publicUrl : undefined),
  })).catch((e: unknown) => { deps = undefined; throw e; }));

const portalDeps = async () => {
  const [d, { OutcomeStore }] = await Promise.all([appDeps(), import('../lib/outcome/store')]);
  return { ...d, outcome: new OutcomeStore(d.clients.ddb, d.awards.table) };
};

const param = (params: Readonly<Record<string, string>>, name: string) => params[name] ?? '';

/** The HTTP routes: identity, registration, application packages, documents, submission and the office's lists. */
const http = createRouter(
  'submission',
  {
    'submission.health': async () => {
      const health = await checkHealth(await runtime());
      return { body: health, status: health.ok ? 200 : 503 };
    },
    'auth.requestLink': async (req) => {
      await (await signInUseCases()).requestSignInLinks(await appDeps(), req.body.email, req.sourceIp, req.now, req.requestId);
      return { body: { accepted: true } };
    },
    'auth.exchange': async (req) => {
      const { body, cookie } = await (await signInUseCases()).exchangeSignInLink(await appDeps(), req.body.token, req.now, req.requestId);
      return { body, cookies: [cookie] };
    },
    'auth.session': async (req) => {
      const d = await appDeps();
      const person = await d.identity.getPerson(req.session.personId);
      if (!person) throw new Error('session person vanished');
      return { body: { person: (await import('../lib/identity/store')).personView(person), role: req.session.role, programmeId: req.session.programmeId, expiresAt: req.session.expiresAt } };
    },
    'auth.signOut': async (req) => {
      const d = await appDeps();
      await d.identity.endSession(req.session.sessionId, req.now);
      return { body: undefined, cookies: [(await signInUseCases()).signOutCookie(d)] };
    },
    'operator.programmes': async () => ({ body: { programmes: await (await programmesUseCases()).listProgrammes(await appDeps()) } }),
    'operator.createProgramme': async (req) => ({ body: await (await programmesUseCases()).createProgramme(await appDeps(), req.session, req.body, req.now, req.requestId) }),
    'operator.inviteAdmin': async (req) => ({
      body: { person: await (await programmesUseCases()).inviteProgrammeAdmin(await appDeps(), req.session, param(req.params, 'programmeId'), req.body, req.now, req.requestId) },
    }),
    'people.invite': async (req) => ({ body: { person: await (await peopleUseCases()).invitePerson(await appDeps(), req.session, req.body, req.now, req.requestId) } }),
    'people.list': async (req) => ({ body: { people: await (await peopleUseCases()).listPeople(await appDeps(), req.session) } }),
    'people.revoke': async (req) => ({
      body: { person: await (await peopleUseCases()).revokePerson(await appDeps(), req.session, param(req.params, 'personId'), req.now, req.requestId) },
    }),
    'pool.preview': async (req) => ({ body: await (await poolUseCases()).previewPoolImport(await appDeps(), req.session, req.body) }),
    'pool.import': async (req) => ({ body: await (await poolUseCases()).importPool(await appDeps(), req.session, req.body, req.now, req.requestId) }),
    'pool.export': async (req) => ({ body: await (await poolUseCases()).exportPool(await appDeps(), req.session, req.now) }),
    'applicants.requestLink': async (req) => {
      await (await applicantSignUpUseCases()).requestApplicantLink(await appDeps(), req.body, req.sourceIp, req.now);
      return { body: { accepted: true } };
    },
    'applications.form': async (req) => ({ body: await (await readUseCases()).applicationForm(await appDeps(), param(req.params, 'roundId'), req.now) }),
    'applications.register': async (req) => {
      const { application, created } = await (await registerUseCases()).registerApplication(await appDeps(), req.session, req.body, req.now, req.requestId);
      return { body: application, status: created ? 201 : 200 };
    },
    'applications.mine': async (req) => ({ body: { applications: await (await readUseCases()).myApplications(await appDeps(), req.session, req.now) } }),
    'applications.list': async (req) => ({ body: await (await officeUseCases()).listApplications(await appDeps(), req.session, req.query) }),
    'applications.export': async (req) => ({ body: await (await officeUseCases()).exportApplications(await appDeps(), req.session, req.query) }),
    'applications.get': async (req) => ({ body: await (await readUseCases()).readApplication(await appDeps(), req.session, param(req.params, 'applicationId'), req.now) }),
    'applications.saveSection': async (req) => ({
      body: await (await packageUseCases()).saveSection(await appDeps(), req.session, param(req.params, 'applicationId'), param(req.params, 'section'), req.body, req.now, req.requestId),
    }),
    'documents.create': async (req) => ({
      body: await (await documentsUseCases()).createDocument(await appDeps(), req.session, param(req.params, 'applicationId'), req.body, req.now, req.requestId),
    }),
    'documents.get': async (req) => ({
      body: await (await documentsUseCases()).getDocument(await appDeps(), req.session, param(req.params, 'applicationId'), param(req.params, 'documentId')),
    }),
    'documents.download': async (req) => ({
      body: await (await documentsUseCases()).downloadDocument(await appDeps(), req.session, param(req.params, 'applicationId'), param(req.params, 'documentId'), req.now),
    }),
    'applications.submit': async (req) => {
      const key = req.body.idempotencyKey ?? req.headers['idempotency-key'];
      const result = await (await submitUseCases()).submitApplication(await appDeps(), req.session, param(req.params, 'applicationId'), key, req.now, req.requestId);
      return { body: result, status: result.replayed ? 200 : 201 };
    },
    'applications.withdraw': async (req) => ({
      body: await (await submitUseCases()).withdrawApplication(await appDeps(), req.session, param(req.params, 'applicationId'), req.now, req.requestId),
    }),
    'applications.decideEligibilityMany': async (req) => ({
      body: await (await officeUseCases()).decideEligibilityMany(await appDeps(), req.session, param(req.params, 'roundId'), req.body, req.now, req.requestId),
    }),
    'applications.decideEligibility': async (req) => ({
      body: await (await officeUseCases()).decideEligibility(await appDeps(), req.session, param(req.params, 'applicationId'), req.body, req.now, req.requestId),
    }),
    'applications.requests': async (req) => ({ body: await (await requestsUseCases()).listRequests(await appDeps(), req.session, param(req.params, 'applicationId')) }),
    'applications.createRequest': async (req) => {
      const { request, created } = await (await requestsUseCases()).createRequest(await appDeps(), req.session, param(req.params, 'applicationId'), req.body, req.now, req.requestId);
      return { body: request, status: created ? 201 : 200 };
    },
    'applications.answerRequest': async (req) => ({
      body: await (await requestsUseCases()).answerRequest(await appDeps(), req.session, param(req.params, 'applicationId'), param(req.params, 'requestId'), req.body, req.now, req.requestId),
    }),
    // The public portal (issue #14 part 2): the call, the objection contact, online objections.
    'portal.call': async (req) => ({ body: await (await portalUseCases()).readCall(await portalDeps(), param(req.params, 'roundId')) }),
    'portal.setCallText': async (req) => ({
      body: await (await portalUseCases()).setCallText(await portalDeps(), req.session, param(req.params, 'roundId'), req.body, req.now, req.requestId),
    }),
    'portal.addAttachment': async (req) => ({
      body: await (await portalUseCases()).addAttachment(await portalDeps(), req.session, param(req.params, 'roundId'), req.body, req.now, req.requestId),
    }),
    'portal.removeAttachment': async (req) => ({
      body: await (await portalUseCases()).removeAttachment(await portalDeps(), req.session, param(req.params, 'roundId'), param(req.params, 'attachmentId'), req.body, req.now, req.requestId),
    }),
    'portal.downloadAttachment': async (req) => ({
      body: await (await portalUseCases()).downloadAttachment(await portalDeps(), param(req.params, 'roundId'), param(req.params, 'attachmentId'), req.now),
    }),
    'portal.setContact': async (req) => ({ body: await (await portalUseCases()).setContact(await portalDeps(), req.session, req.body, req.now, req.requestId) }),
    'portal.fileObjection': async (req) => ({
      body: await (await portalUseCases()).fileOnlineObjection(await portalDeps(), param(req.params, 'roundId'), req.body, req.sourceIp, req.now, req.requestId),
    }),
    'portal.downloadEvidence': async (req) => ({
      body: await (await portalUseCases()).downloadEvidence(
        await portalDeps(), req.session, param(req.params, 'roundId'), param(req.params, 'objectionId'), param(req.params, 'evidenceId'), req.now,
      ),
    }),
  },
  runtime,
);

/**
 * The submission function. API Gateway invokes it with HTTP events; the
 * documents bucket (s3rver locally) with ObjectCreated notifications, which
 * verify uploads.
 */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
export async function handler(event: S3Event): Promise<void>;
export async function handler(event: APIGatewayProxyEventV2 | S3Event): Promise<APIGatewayProxyStructuredResultV2 | void> {
  if (isS3Event(event)) return (await verifyUploadUseCases()).verifyUploads(await appDeps(), event, new Date());
  return http(event);
}
