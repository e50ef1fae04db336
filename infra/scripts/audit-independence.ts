import type { AuditEntry } from '../../shared/audit/chain';
import { digestState } from '../../shared/audit/chain';
import { checkIndependence, type CardFact, type ConsensusFact, type TeamIndependence } from '../../shared/audit/independence';
import type { StoredRecord } from '../../shared/audit/records';
import { getCriteria } from '../../shared/criteria';
import { parseRoundConfig } from '../../shared/round';
import { nodeSha256 } from '../../functions/lib/audit/log';
import type { ConsensusRecord, ScorecardRecord } from '../../functions/lib/reviews/repository';
import { cardView } from '../../functions/scoring/use-cases/context';

const strip = (item: Readonly<Record<string, unknown>>) => {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, kind: _k, ...rest } = item;
  return rest;
};

/**
 * The independence check of one round (shared/audit/independence.ts) from the stored records: each submitted card's
 * committed hash recomputed as its submission computed it (the card's view, with the round's criteria), each
 * consensus's digest and the cards it names.
 */
export async function roundIndependence(roundId: string, entries: readonly AuditEntry[], stored: readonly StoredRecord[]): Promise<TeamIndependence[]> {
  const round = stored.find((r) => r.table === 'awards' && r.item.kind === 'round' && r.item.roundId === roundId)?.item;
  const parsed = round ? parseRoundConfig(round.config) : undefined;
  const criteria = parsed?.ok ? getCriteria(parsed.config.edition) : undefined;
  const ofRound = stored.filter((r) => r.table === 'reviews' && r.item.pk === `ROUND#${roundId}`).map((r) => r.item);
  const cards: CardFact[] = await Promise.all(
    ofRound
      .filter((i) => i.kind === 'scorecard')
      .map(async (i) => {
        const card = strip(i) as unknown as ScorecardRecord;
        const submitted = card.status === 'submitted';
        return {
          applicationId: card.applicationId,
          stage: card.stage,
          reviewerId: card.reviewerId,
          submitted,
          ...(submitted && criteria ? { digest: await digestState(nodeSha256, cardView(card, criteria)) } : {}),
        };
      }),
  );
  const consensuses: ConsensusFact[] = await Promise.all(
    ofRound
      .filter((i) => i.kind === 'consensus')
      .map(async (i) => {
        const c = strip(i) as unknown as ConsensusRecord;
        return { applicationId: c.applicationId, stage: c.stage, digest: await digestState(nodeSha256, c), ...(c.cards ? { cards: c.cards } : {}) };
      }),
  );
  return checkIndependence(entries, cards, consensuses);
}
