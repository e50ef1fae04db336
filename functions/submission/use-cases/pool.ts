import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import type * as v from 'valibot';
import { programmeScope } from '../../../shared/audit/chain';
import type { ImportPoolBody, PoolFileBody, PoolImportResponse, PoolPreviewResponse, PoolPreviewRow, PoolRowAction, PoolExportResponse } from '../../../shared/api/pool';
import { POOL_ROLES, type PoolRole } from '../../../shared/pool/profile';
import { poolCsv, readPoolRows, type FileProblem, type PoolPerson, type PoolRow } from '../../../shared/pool/rows';
import { decodeCsv, parseCsv } from '../../../shared/pool/text';
import type { TransactItem } from '../../lib/audit/log';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import type { PersonRecord } from '../../lib/identity/store';
import type { SignInDeps } from './sign-in';

type PoolDeps = Pick<SignInDeps, 'identity' | 'audit'>;

const actorOf = (session: Session) => ({ personId: session.personId, role: session.role });
const isXlsx = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Reads an uploaded pool file (CSV in UTF-8 with or without BOM, or GBK; or .xlsx) into rows with their problems. */
async function readFile(body: v.InferOutput<typeof PoolFileBody>) {
  const bytes = new Uint8Array(Buffer.from(body.content, 'base64'));
  const digest = createHash('sha256').update(bytes).digest('hex');
  let cells: string[][];
  let encoding: PoolPreviewResponse['encoding'];
  if (isXlsx(bytes)) {
    // The spreadsheet reader (fflate's inflate and a small OOXML reader) loads only here, on the first .xlsx.
    const { readXlsx, XlsxUnreadableError } = await import('../../lib/pool/xlsx');
    try {
      cells = readXlsx(bytes);
    } catch (error) {
      if (!(error instanceof XlsxUnreadableError)) throw error;
      return { digest, encoding: 'xlsx' as const, rows: [] as PoolRow[], fileProblems: [{ code: 'unreadable' } as FileProblem] };
    }
    encoding = 'xlsx';
  } else {
    const decoded = decodeCsv(bytes);
    cells = parseCsv(decoded.text);
    encoding = decoded.encoding;
  }
  return { digest, encoding, ...readPoolRows(cells, body.role ?? 'expert') };
}

const keyOf = (email: string, role: string) => `${role}\n${email}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function actionFor(person: PoolPerson, existing: PersonRecord | undefined): PoolRowAction {
  if (!existing) return 'create';
  return existing.name === person.name && (existing.organisation ?? '') === (person.organisation ?? '') && same(existing.profile, person.profile) ? 'unchanged' : 'update';
}

async function poolMembers(deps: PoolDeps, programmeId: string): Promise<Map<string, PersonRecord>> {
  const people = await deps.identity.listPeople(programmeId);
  return new Map(people.filter((p) => (POOL_ROLES as readonly string[]).includes(p.role)).map((p) => [keyOf(p.email, p.role), p]));
}

/** Reads a pool file and says, row by row, what importing it would do or what is wrong; writes nothing. */
export async function previewPoolImport(deps: PoolDeps, session: Session, body: v.InferOutput<typeof PoolFileBody>): Promise<PoolPreviewResponse> {
  const file = await readFile(body);
  const members = await poolMembers(deps, session.programmeId);
  const counts = { create: 0, update: 0, unchanged: 0, invalid: 0 };
  const rows: PoolPreviewRow[] = file.rows.map((row) => {
    if (!row.person) {
      counts.invalid++;
      return { line: row.line, problems: row.problems };
    }
    const action = actionFor(row.person, members.get(keyOf(row.person.email, row.person.role)));
    counts[action]++;
    return { line: row.line, name: row.person.name, email: row.person.email, role: row.person.role, action, problems: [] };
  });
  return { fileName: body.fileName, encoding: file.encoding, digest: file.digest, fileProblems: file.fileProblems, rows, counts };
}

// One DynamoDB transaction holds 100 items: a new person is 2 (membership, person), a change 1, and the audit intent 1.
const PART_ITEMS = 90;

/**
 * Imports a previewed pool file: refused whole (422 POOL_FILE_INVALID, nothing
 * written) while any row has a problem or the file is not the one previewed;
 * otherwise new people are created and people already in the pool (same email
 * and role) are updated, never doubled. No mail is sent: a pool member is
 * told when drawn or assigned. Written in parts of at most 90 items, each one
 * chain entry `pool.imported` naming the import and its part; importing the
 * same file again completes an interrupted import (finished rows are unchanged).
 */
export async function importPool(deps: PoolDeps, session: Session, body: v.InferOutput<typeof ImportPoolBody>, now: Date, requestId: string): Promise<PoolImportResponse> {
  const file = await readFile(body);
  if (file.digest !== body.digest) throw new AppError('POOL_FILE_CHANGED', 409);
  const invalid = file.rows.filter((r) => !r.person);
  if (file.fileProblems.length > 0 || invalid.length > 0) {
    throw new AppError('POOL_FILE_INVALID', 422, { fileProblems: file.fileProblems, rows: invalid.map((r) => ({ line: r.line, problems: r.problems })) }, { count: invalid.length + file.fileProblems.length });
  }
  const members = await poolMembers(deps, session.programmeId);
  const importId = ulid(now.getTime());
  const parts: { writes: TransactItem[]; people: PersonRecord[]; created: number; updated: number }[] = [];
  let unchanged = 0;
  let part = { writes: [] as TransactItem[], people: [] as PersonRecord[], created: 0, updated: 0 };
  for (const { person } of file.rows) {
    const p = person!;
    const existing = members.get(keyOf(p.email, p.role));
    const action = actionFor(p, existing);
    if (action === 'unchanged') {
      unchanged++;
      continue;
    }
    if (part.writes.length + 2 > PART_ITEMS) {
      parts.push(part);
      part = { writes: [], people: [], created: 0, updated: 0 };
    }
    if (action === 'create') {
      const record: PersonRecord = {
        personId: ulid(now.getTime()),
        email: p.email,
        name: p.name,
        role: p.role as PoolRole,
        programmeId: session.programmeId,
        status: 'active',
        createdAt: now.toISOString(),
        version: 1,
        ...(p.organisation ? { organisation: p.organisation } : {}),
        profile: p.profile,
      };
      part.writes.push(...deps.identity.personPuts(record));
      part.people.push(record);
      part.created++;
    } else {
      const { person: updated, write } = deps.identity.profileUpdate(existing!, p, now);
      part.writes.push(write);
      part.people.push(updated);
      part.updated++;
    }
  }
  if (part.writes.length > 0) parts.push(part);
  for (const [i, p] of parts.entries()) {
    try {
      await deps.audit.commit({
        scope: programmeScope(session.programmeId),
        actor: actorOf(session),
        action: 'pool.imported',
        target: { type: 'pool', id: `${importId}/${i + 1}-of-${parts.length}` },
        state: { importId, part: i + 1, parts: parts.length, fileName: body.fileName, fileDigest: file.digest, people: p.people.map((x) => ({ personId: x.personId, email: x.email, role: x.role, name: x.name, organisation: x.organisation ?? null, profile: x.profile })) },
        requestId,
        now,
        writes: p.writes,
      });
    } catch (error) {
      // Someone changed or added one of these people meanwhile: nothing of this part was written; preview again.
      if (error instanceof WriteConditionError) throw new AppError('POOL_CHANGED', 409, { part: i + 1, parts: parts.length });
      throw error;
    }
  }
  return {
    importId,
    created: parts.reduce((n, p) => n + p.created, 0),
    updated: parts.reduce((n, p) => n + p.updated, 0),
    unchanged,
    parts: parts.length,
  };
}

/** The programme's pools as a CSV file the import reads back (UTF-8 with BOM, Chinese headers), in pinyin order. */
export async function exportPool(deps: PoolDeps, session: Session, now: Date): Promise<PoolExportResponse> {
  const [members, { sortByPinyin }] = await Promise.all([poolMembers(deps, session.programmeId), import('../../../shared/names/pinyin-order')]);
  const people = sortByPinyin([...members.values()].filter((p) => p.status === 'active'), (p) => p.name, (a, b) => (a.email < b.email ? -1 : 1));
  const csv = poolCsv(
    people.map((p) => ({
      email: p.email,
      name: p.name,
      role: p.role as PoolRole,
      ...(p.organisation ? { organisation: p.organisation } : {}),
      profile: p.profile ?? { pastEmployers: [], fields: [], active: true },
    })),
  );
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now);
  return { fileName: `pool-${day}.csv`, csv };
}
