import { ulid } from 'ulid';
import * as v from 'valibot';
import { DEFAULT_PROGRAMME_TIME_ZONE, ProgrammeIdSchema, type CreateProgrammeBody, type InviteProgrammeAdminBody, type ProgrammeView } from '../../../shared/api/programmes';
import type { PersonView } from '../../../shared/api/schemas';
import { PLATFORM_SCOPE } from '../../../shared/audit/chain';
import { WriteConditionError } from '../../lib/audit/log';
import type { ProgrammeRecord } from '../../lib/awards/store';
import { AppError } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { PersonRecord } from '../../lib/identity/store';
import type { SignInDeps } from './sign-in';
import { recordInvitation } from './people';

// Issue #14 part 1: the platform operator creates programmes and invites their first administrators. It reads each
// programme's settings and administrators, never its applications, scores or chains (no programme route names it).

const actorOf = (session: Session) => ({ personId: session.personId, role: session.role });

/** A programme's settings and administrators, as the operator sees them. */
function programmeView(programme: ProgrammeRecord, people: readonly PersonRecord[]): ProgrammeView {
  return {
    programmeId: programme.programmeId,
    name: programme.name,
    ...(programme.level ? { level: programme.level } : {}),
    ...(programme.issuingBody ? { issuingBody: programme.issuingBody } : {}),
    timeZone: programme.timeZone ?? DEFAULT_PROGRAMME_TIME_ZONE,
    ...(programme.recommendsTo ? { recommendsTo: programme.recommendsTo } : {}),
    createdAt: programme.createdAt,
    admins: people
      .filter((p) => p.role === 'admin')
      .map((p) => ({ personId: p.personId, name: p.name, email: p.email, status: p.status })),
  };
}

/** Every programme with its administrators. */
export async function listProgrammes(deps: SignInDeps): Promise<ProgrammeView[]> {
  const programmes = await deps.awards.listProgrammeRecords();
  return Promise.all(programmes.map(async (p) => programmeView(p, await deps.identity.listPeople(p.programmeId))));
}

/** Creates a programme (audited on the platform chain): a unique id (409 PROGRAMME_EXISTS), and a recommendation only to a programme that exists. */
export async function createProgramme(
  deps: SignInDeps,
  operator: Session,
  input: v.InferOutput<typeof CreateProgrammeBody>,
  now: Date,
  requestId: string,
): Promise<ProgrammeView> {
  if (input.recommendsTo !== undefined) {
    if (input.recommendsTo === input.programmeId || !(await deps.awards.getProgramme(input.recommendsTo))) {
      throw new AppError('PROGRAMME_UNKNOWN', 422, { programmeId: input.recommendsTo, field: 'recommendsTo' }, { programmeId: input.recommendsTo });
    }
  }
  const programme: ProgrammeRecord = {
    programmeId: input.programmeId,
    name: input.name,
    level: input.level,
    issuingBody: input.issuingBody,
    timeZone: input.timeZone,
    ...(input.recommendsTo ? { recommendsTo: input.recommendsTo } : {}),
    createdAt: now.toISOString(),
  };
  try {
    await deps.audit.commit({
      scope: PLATFORM_SCOPE,
      actor: actorOf(operator),
      action: 'programme.created',
      target: { type: 'programme', id: programme.programmeId },
      state: programme,
      requestId,
      now,
      writes: [deps.awards.programmePut(programme)],
    });
  } catch (error) {
    if (error instanceof WriteConditionError) throw new AppError('PROGRAMME_EXISTS', 409, { programmeId: programme.programmeId }, { programmeId: programme.programmeId });
    throw error;
  }
  return programmeView(programme, []);
}

/** Invites an administrator into a programme (audited on the platform chain) and mails them a sign-in link. */
export async function inviteProgrammeAdmin(
  deps: SignInDeps,
  operator: Session,
  programmeId: string,
  input: v.InferOutput<typeof InviteProgrammeAdminBody>,
  now: Date,
  requestId: string,
): Promise<PersonView> {
  // A path segment that cannot be a programme id is no programme (and never reaches the table as a key).
  if (!v.is(ProgrammeIdSchema, programmeId) || !(await deps.awards.getProgramme(programmeId))) throw new AppError('NOT_FOUND', 404);
  const person: PersonRecord = {
    personId: ulid(now.getTime()),
    email: input.email,
    name: input.name,
    role: 'admin',
    programmeId,
    status: 'active',
    createdAt: now.toISOString(),
    version: 1,
  };
  return recordInvitation(deps, operator, PLATFORM_SCOPE, person, now, requestId);
}
