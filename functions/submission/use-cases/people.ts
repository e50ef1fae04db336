import { ulid } from 'ulid';
import type * as v from 'valibot';
import { programmeScope } from '../../../shared/audit/chain';
import type { InvitePersonBody, PersonView } from '../../../shared/api/schemas';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { personView, type PersonRecord } from '../../lib/identity/store';
import { mailLink, type SignInDeps } from './sign-in';

/** Who did it, as the audit chain records it. */
const actorOf = (session: Session) => ({ personId: session.personId, role: session.role });

/** The office invites someone into its own programme (audited) and mails them a sign-in link. */
export async function invitePerson(
  deps: SignInDeps,
  actor: Session,
  input: v.InferOutput<typeof InvitePersonBody>,
  now: Date,
  requestId: string,
): Promise<PersonView> {
  const person: PersonRecord = {
    personId: ulid(now.getTime()),
    email: input.email,
    name: input.name,
    role: input.role,
    programmeId: actor.programmeId,
    status: 'active',
    createdAt: now.toISOString(),
    version: 1,
    ...(input.organisation ? { organisation: input.organisation } : {}),
  };
  return recordInvitation(deps, actor, programmeScope(actor.programmeId), person, now, requestId);
}

/**
 * Stores an invited person with its `person.invited` entry on `scope` (their programme's chain, or the platform's
 * when the operator invites a programme's first administrator), then mails the sign-in link; an address already
 * invited there is 409 PERSON_EXISTS.
 */
export async function recordInvitation(
  deps: Parameters<typeof mailLink>[0] & Pick<SignInDeps, 'identity' | 'audit'>,
  actor: Session,
  scope: string,
  person: PersonRecord,
  now: Date,
  requestId: string,
): Promise<PersonView> {
  try {
    await deps.audit.commit({
      scope,
      actor: actorOf(actor),
      action: 'person.invited',
      target: { type: 'person', id: person.personId },
      state: personView(person),
      requestId,
      now,
      writes: deps.identity.personPuts(person),
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('PERSON_EXISTS', 409);
    throw error;
  }
  await mailLink(deps, person, 'invite', now);
  return personView(person);
}

/** Everyone in the caller's programme. */
export async function listPeople(deps: Pick<SignInDeps, 'identity'>, actor: Session): Promise<PersonView[]> {
  const [people, { sortByPinyin }] = await Promise.all([deps.identity.listPeople(actor.programmeId), import('../../../shared/names/pinyin-order')]);
  // By name as people read them (pinyin; 专家2 before 专家10), then by email.
  return sortByPinyin(people.map(personView), (p) => p.name, (a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}

/**
 * Revokes a person of the caller's programme (audited). Their sessions stop
 * working on the next request and their unused links can no longer be
 * exchanged. Administrators cannot revoke themselves (the office would lock
 * itself out).
 */
export async function revokePerson(
  deps: Pick<SignInDeps, 'identity' | 'audit'>,
  actor: Session,
  personId: string,
  now: Date,
  requestId: string,
): Promise<PersonView> {
  const person = await deps.identity.getPerson(personId);
  if (!person || person.programmeId !== actor.programmeId) throw new AppError('NOT_FOUND', 404);
  if (person.personId === actor.personId) throw new AppError('FORBIDDEN', 403, { reason: 'self-revocation' });
  if (person.status === 'revoked') return personView(person);
  const { person: revoked, write } = deps.identity.revocation(person, now);
  try {
    await deps.audit.commit({
      scope: programmeScope(actor.programmeId),
      actor: actorOf(actor),
      action: 'person.revoked',
      target: { type: 'person', id: person.personId },
      state: personView(revoked),
      requestId,
      now,
      writes: [write],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('CONFLICT', 409);
    throw error;
  }
  return personView(revoked);
}
