// Issue 13.3: nobody is in two places at once — an expert on two site visits that overlap in time is refused, and a
// defense's presentation slots never overlap.

/** A span of time between two UTC instants (ISO), end excluded: one visit may begin when another ends. */
export interface Span {
  readonly start: string;
  readonly end: string;
}

/** Whether two spans share any moment (back to back is no overlap). */
export function overlaps(a: Span, b: Span): boolean {
  return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}

/** A scheduled visit as the overlap check sees it: its id, its time and the people on its team. */
export interface VisitSpan extends Span {
  readonly visitId: string;
  readonly members: readonly string[];
}

/** One clash: a member of the candidate visit already on `visitId` at an overlapping time. */
export interface Clash {
  readonly reviewerId: string;
  readonly visitId: string;
}

/** Every member of `candidate` who is on another of `visits` at an overlapping time (the candidate's own earlier version ignored). */
export function visitClashes(candidate: VisitSpan, visits: readonly VisitSpan[]): Clash[] {
  const clashes: Clash[] = [];
  for (const other of visits) {
    if (other.visitId === candidate.visitId || !overlaps(candidate, other)) continue;
    for (const reviewerId of candidate.members) if (other.members.includes(reviewerId)) clashes.push({ reviewerId, visitId: other.visitId });
  }
  return clashes;
}

/** The first pair of overlapping slots (their indexes), or undefined when none overlap. */
export function slotClash(slots: readonly Span[]): [number, number] | undefined {
  for (let i = 0; i < slots.length; i++) for (let j = i + 1; j < slots.length; j++) if (overlaps(slots[i]!, slots[j]!)) return [i, j];
  return undefined;
}

/** Whether a span is well formed: it ends after it starts. */
export const isForward = (s: Span) => Date.parse(s.start) < Date.parse(s.end);
