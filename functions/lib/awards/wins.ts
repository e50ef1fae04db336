import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Recommendation } from '../../../shared/api/programmes';
import type { ApplicationsRepository } from '../applications/repository';
import { OutcomeStore } from '../outcome/store';
import { winnersOf } from '../outcome/progress';
import type { AwardsStore, Name, RoundHead } from './store';

/** A round of a programme an organisation won, by its unified social credit code. */
export interface RecordedWin {
  readonly programmeId: string;
  readonly round: RoundHead;
}

/** What finding an organisation's wins reads: the awards table (rounds, outcomes) and the applications' credit-code index. */
export interface WinsDeps {
  readonly ddb: DynamoDBDocumentClient;
  readonly awards: AwardsStore;
  readonly applications: Pick<ApplicationsRepository, 'idOfCreditCode'>;
}

/** Rounds of a programme in the order they were run (registration opening, then id). */
export function roundsInOrder(rounds: readonly RoundHead[]): RoundHead[] {
  return [...rounds].sort((a, b) => (a.registrationOpens < b.registrationOpens ? -1 : a.registrationOpens > b.registrationOpens ? 1 : a.roundId < b.roundId ? -1 : 1));
}

// DOMAIN.md stage 11: the winners of an announced round are the proposed winners no upheld objection took out; an
// organisation is known across rounds by its unified social credit code (one application per code and round).
/** The announced rounds of `programmeId` (other than `exceptRoundId`) the organisation with `creditCode` won, oldest first. */
export async function winsOf(deps: WinsDeps, programmeId: string, creditCode: string, rounds?: readonly RoundHead[], exceptRoundId?: string): Promise<RecordedWin[]> {
  const announced = roundsInOrder(rounds ?? (await deps.awards.listRoundHeads(programmeId))).filter((r) => r.stage === 'announcement' && r.roundId !== exceptRoundId);
  const outcomes = new OutcomeStore(deps.ddb, deps.awards.table);
  const found = await Promise.all(
    announced.map(async (round) => {
      const applicationId = await deps.applications.idOfCreditCode(round.roundId, creditCode);
      if (!applicationId) return undefined;
      const winners = winnersOf(await outcomes.ofRound(round.roundId));
      return winners.some((w) => w.applicationId === applicationId) ? { programmeId, round } : undefined;
    }),
  );
  return found.filter((w): w is RecordedWin => w !== undefined);
}

/**
 * The re-application cooldown from the system's own records: how many rounds of the programme lie between the
 * organisation's latest win and `roundId` (1 = the previous round), or undefined when it never won one here.
 */
export async function roundsSinceRecordedWin(deps: WinsDeps, programmeId: string, roundId: string, creditCode: string): Promise<{ since: number; round: RoundHead } | undefined> {
  const rounds = roundsInOrder(await deps.awards.listRoundHeads(programmeId));
  const at = rounds.findIndex((r) => r.roundId === roundId);
  const wins = (await winsOf(deps, programmeId, creditCode, rounds, roundId)).filter((w) => rounds.indexOf(w.round) < at);
  const latest = wins.at(-1);
  return latest ? { since: at - rounds.indexOf(latest.round), round: latest.round } : undefined;
}

/** Wins of the organisation in every programme that recommends its winners to `programmeId` (a district's to the city's award). */
export async function recommendationsFor(deps: WinsDeps, programmeId: string, creditCode: string): Promise<Recommendation[]> {
  const recommending = (await deps.awards.listProgrammeRecords()).filter((p) => p.recommendsTo === programmeId && p.programmeId !== programmeId);
  const found = await Promise.all(
    recommending.map(async (p) =>
      (await winsOf(deps, p.programmeId, creditCode)).map((w) => ({ programmeId: p.programmeId, programmeName: p.name as Name, roundId: w.round.roundId, roundName: w.round.name })),
    ),
  );
  return found.flat();
}
