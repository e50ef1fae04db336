import { linkEntry, type AuditEntry, type AuditEntryDraft } from '../../../shared/audit/chain';
import { webCryptoSha256 } from './timeline';

/** Drafts of a small round chain: registrations of two applicants, a scorecard, a stage move. */
export const DRAFTS: Omit<AuditEntryDraft, 'scope' | 'stateDigest' | 'requestId'>[] = [
  { at: '2026-03-01T08:00:00.000Z', actor: { personId: 'system', role: 'system' }, action: 'round.created', target: { type: 'round', id: 'city-2026' } },
  { at: '2026-03-02T09:00:00.000Z', actor: { personId: 'P-APP-1', role: 'applicant' }, action: 'application.registered', target: { type: 'application', id: 'A-1' }, context: { applicationId: 'A-1', stage: 'registration' } },
  { at: '2026-03-03T09:00:00.000Z', actor: { personId: 'P-APP-2', role: 'applicant' }, action: 'application.registered', target: { type: 'application', id: 'A-2' }, context: { applicationId: 'A-2', stage: 'registration' } },
  { at: '2026-03-04T10:00:00.000Z', actor: { personId: 'P-APP-1', role: 'applicant' }, action: 'application.submitted', target: { type: 'application', id: 'A-1' }, context: { applicationId: 'A-1', stage: 'registration' } },
  { at: '2026-04-01T10:00:00.000Z', actor: { personId: 'P-EXP-1', role: 'expert' }, action: 'scorecard.saved', target: { type: 'scorecard', id: 'S-1' }, context: { applicationId: 'A-1', stage: 'materialReview' } },
];

/** A correctly linked chain of `scope` built from {@link DRAFTS}. */
export async function buildChain(scope = 'round:city-2026'): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (const [i, d] of DRAFTS.entries()) {
    entries.push(await linkEntry(webCryptoSha256, { ...d, scope, stateDigest: 'd'.repeat(64), requestId: `req-${i + 1}` }, entries.at(-1)));
  }
  return entries;
}
