import type { AuditEntry, Sha256 } from '../../../shared/audit/chain';

/** What the timeline can be narrowed to; an empty value means "all". */
export interface TimelineFilter {
  readonly applicant: string;
  readonly person: string;
  readonly stage: string;
  readonly action: string;
}

/** No filter. */
export const NO_FILTER: TimelineFilter = { applicant: '', person: '', stage: '', action: '' };

const FIELDS: Record<keyof TimelineFilter, (e: AuditEntry) => string | undefined> = {
  applicant: (e) => e.context?.applicationId,
  person: (e) => e.actor.personId,
  stage: (e) => e.context?.stage,
  action: (e) => e.action,
};

/** The entries that match every set field of the filter, in chain order. */
export function filterEntries(entries: readonly AuditEntry[], filter: TimelineFilter): AuditEntry[] {
  const active = (Object.keys(FIELDS) as (keyof TimelineFilter)[]).filter((k) => filter[k] !== '');
  return entries.filter((e) => active.every((k) => FIELDS[k](e) === filter[k]));
}

/** The distinct values each filter can take in these entries, sorted. */
export function filterOptions(entries: readonly AuditEntry[]): Record<keyof TimelineFilter, string[]> {
  const sets = { applicant: new Set<string>(), person: new Set<string>(), stage: new Set<string>(), action: new Set<string>() };
  for (const e of entries) {
    for (const k of Object.keys(FIELDS) as (keyof TimelineFilter)[]) {
      const value = FIELDS[k](e);
      if (value) sets[k].add(value);
    }
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { applicant: sorted(sets.applicant), person: sorted(sets.person), stage: sorted(sets.stage), action: sorted(sets.action) };
}

/** A hash shortened for reading; the full value stays in the export. */
export const abbreviate = (hash: string) => (hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-4)}` : hash);

/** The chain as JSON lines: one entry per line, exactly as stored, in order. */
export function toJsonLines(entries: readonly AuditEntry[]): string {
  return entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');
}

/** SHA-256 in the browser (WebCrypto), hex, for shared/audit/chain.ts. */
export const webCryptoSha256: Sha256 = async (text) => {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
};
