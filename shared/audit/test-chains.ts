// Test fixtures of the audit chain's tests (not part of the domain; no test file of its own).
import { createHash } from 'node:crypto';
import { linkEntry, type AuditEntry } from './chain';

/** SHA-256 in Node, hex, as the functions hash. */
export const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A correctly linked chain of `scope`: `n` entries, or one entry per action
 * given (so two chains that share their first actions share their first entries).
 */
export async function chainOf(n: number | readonly string[], scope = 'round:r1'): Promise<AuditEntry[]> {
  const actions = typeof n === 'number' ? Array.from({ length: n }, () => 'person.invited') : n;
  const entries: AuditEntry[] = [];
  for (const [i, action] of actions.entries()) {
    entries.push(
      await linkEntry(
        sha256,
        { scope, at: `2026-11-25T00:00:0${i % 10}Z`, actor: { personId: 'p1', role: 'admin' }, action, target: { type: 'person', id: `t${i}` }, stateDigest: 'd'.repeat(64), requestId: `r${i}` },
        entries.at(-1),
      ),
    );
  }
  return entries;
}
