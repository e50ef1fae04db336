import { programmeScope, roundScope } from '../../../shared/audit/chain';
import type { AuditChainSummary, AuditEntriesResponse } from '../../../shared/api/schemas';
import type { AwardsStore } from '../../lib/awards/store';
import type { AuditLog } from '../../lib/audit/log';
import { AppError } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';

/** What reading the audit trail needs. */
export interface AuditTrailDeps {
  readonly audit: AuditLog;
  readonly awards: AwardsStore;
}

const MAX_PAGE = 1000;

/** The chains a supervisor or the office of a programme may read: the programme's own and each of its rounds'. */
export async function listChains(deps: AuditTrailDeps, caller: Session): Promise<AuditChainSummary[]> {
  const programme = (await deps.awards.listProgrammes()).find((p) => p.programmeId === caller.programmeId);
  const scopes: Omit<AuditChainSummary, 'entries' | 'head'>[] = [
    { scope: programmeScope(caller.programmeId), kind: 'programme', name: programme?.name ?? { 'zh-CN': caller.programmeId, en: caller.programmeId } },
    ...(programme?.rounds ?? []).map((r) => ({ scope: roundScope(r.roundId), kind: 'round' as const, name: r.name })),
  ];
  return Promise.all(
    scopes.map(async (s) => {
      // Every change committed before this request is in the chain shown (the linker catches up first).
      const head = await deps.audit.caughtUp(s.scope);
      return { ...s, entries: head?.seq ?? 0, ...(head ? { head: head.hash } : {}) };
    }),
  );
}

/** A chain is readable only by people of the programme it belongs to; anything else is "not found". */
async function assertInProgramme(deps: AuditTrailDeps, caller: Session, scope: string): Promise<void> {
  if (scope === programmeScope(caller.programmeId)) return;
  if (scope.startsWith('round:')) {
    const round = await deps.awards.getRound(scope.slice('round:'.length));
    if (round?.programmeId === caller.programmeId) return;
  }
  throw new AppError('NOT_FOUND', 404);
}

/** One page of a chain's entries, in order. */
export async function readEntries(
  deps: AuditTrailDeps,
  caller: Session,
  scope: string,
  query: Readonly<Record<string, string>>,
): Promise<AuditEntriesResponse> {
  const after = query.after === undefined ? 0 : Number(query.after);
  const limit = query.limit === undefined ? MAX_PAGE : Number(query.limit);
  if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new AppError('VALIDATION_FAILED', 400, { issues: [{ path: 'after/limit', message: `after ≥ 0, 1 ≤ limit ≤ ${MAX_PAGE}` }] });
  }
  await assertInProgramme(deps, caller, scope);
  // The first page links what is pending first, so the timeline shows every change committed before the request.
  if (after === 0) await deps.audit.caughtUp(scope);
  const entries = await deps.audit.entries(scope, after, limit + 1);
  const page = entries.slice(0, limit);
  return { scope, entries: page, ...(entries.length > limit ? { nextAfter: page.at(-1)!.seq } : {}) };
}
