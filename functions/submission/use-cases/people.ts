import { ulid } from 'ulid';
import type * as v from 'valibot';
import type { InvitePersonBody, PersonView } from '../../../shared/api/schemas';
import { AppError } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { personView, type PersonRecord } from '../../lib/identity/store';
import { mailLink, type SignInDeps } from './sign-in';

/** The office invites someone into its own programme and mails them a sign-in link. */
export async function invitePerson(
  deps: SignInDeps,
  actor: Session,
  input: v.InferOutput<typeof InvitePersonBody>,
  now: Date,
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
  await deps.identity.createPerson(person);
  await mailLink(deps, person, 'invite', now);
  return personView(person);
}

/** Everyone in the caller's programme. */
export async function listPeople(deps: Pick<SignInDeps, 'identity'>, actor: Session): Promise<PersonView[]> {
  return (await deps.identity.listPeople(actor.programmeId)).map(personView);
}

/**
 * Revokes a person of the caller's programme. Their sessions stop working on
 * the next request and their unused links can no longer be exchanged.
 * Administrators cannot revoke themselves (the programme would lose its office).
 */
export async function revokePerson(deps: Pick<SignInDeps, 'identity'>, actor: Session, personId: string, now: Date): Promise<PersonView> {
  const person = await deps.identity.getPerson(personId);
  if (!person || person.programmeId !== actor.programmeId) throw new AppError('NOT_FOUND', 404);
  if (person.personId === actor.personId) throw new AppError('FORBIDDEN', 403, { reason: 'self-revocation' });
  if (person.status === 'revoked') return personView(person);
  return personView(await deps.identity.revokePerson(person, now));
}
