import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { domainMessages } from '../messages/domain';
import { defaultRoundConfig, type RoundConfig } from '../round';
import {
  ALLOWED_FROM,
  APPLICATION_COMMANDS,
  APPLICATION_STATES,
  applyApplicationCommand,
  checkApplicationCommand,
  checkRoundMove,
  moveRound,
  newApplication,
  newRound,
  nextStage,
  pastEligibilityStage,
  ROUND_STAGES,
  TRANSITION_ERROR_CODES,
  TransitionError,
  type ApplicationCommand,
  type ApplicationState,
  type ApplicationStatus,
  type RoundFacts,
  type RoundState,
} from './index';

const config: RoundConfig = defaultRoundConfig({
  registrationOpens: '2026-07-01T01:00:00.000Z',
  registrationCloses: '2026-08-15T09:00:00.000Z',
  submissionDeadline: '2026-08-31T09:00:00.000Z',
  materialReviewDeadline: '2026-09-30T09:00:00.000Z',
  onSiteDeadline: '2026-10-31T09:00:00.000Z',
  defenseDate: '2026-11-15T01:00:00.000Z',
});

const done = (now: string): RoundFacts => ({ now, pendingEligibility: 0, openAssignments: 0, shortlisted: 12, evaluationRecorded: true, pendingOpinions: 0, pendingVotes: 0, proposedWinners: 6, openObjections: 0, openRemarks: 0 });
const AFTER_ALL = '2026-12-01T00:00:00.000Z';

const refusalOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof TransitionError) return error.code;
    throw error;
  }
  return undefined;
};

describe('round stages', () => {
  it('walks call → … → announcement one stage at a time, recording each move', () => {
    let state: RoundState = newRound('r1', '2026-06-01T00:00:00.000Z');
    const moves: string[] = [];
    let now = AFTER_ALL;
    for (let to = nextStage(state.stage); to; to = nextStage(state.stage)) {
      if (to === 'announcement') now = state.noticeEndsAt!;
      const { state: next, events } = moveRound(state, to, done(now), config);
      moves.push(...events.map((e) => `${e.type}:${String(e.data.to ?? e.data.endsAt)}`));
      state = next;
    }
    expect(state.stage).toBe('announcement');
    expect(moves).toContain('round.noticeOpened:2026-12-08T00:00:00.000Z');
    expect(moves.filter((m) => m.startsWith('round.stageMoved'))).toHaveLength(ROUND_STAGES.length - 1);
  });

  it('opens registration only once its date has come, with REGISTRATION_NOT_OPEN before', () => {
    const round = newRound('r1', '2026-06-01T00:00:00.000Z');
    expect(refusalOf(() => moveRound(round, 'registration', done('2026-07-01T00:59:59.999Z'), config))).toBe('REGISTRATION_NOT_OPEN');
    expect(moveRound(round, 'registration', done('2026-07-01T01:00:00.000Z'), config).state.stage).toBe('registration');
  });

  it('starts the eligibility check only after the submission deadline', () => {
    const round: RoundState = { roundId: 'r1', stage: 'formalSubmission' };
    expect(checkRoundMove(round, 'eligibility', done('2026-08-31T08:59:59.000Z'), config)?.code).toBe('SUBMISSION_DEADLINE_NOT_PASSED');
    expect(checkRoundMove(round, 'eligibility', done('2026-08-31T09:00:00.000Z'), config)).toBeUndefined();
  });

  it('leaves a review stage only when every assignment is complete', () => {
    for (const stage of ['materialReview', 'onSite', 'defense'] as const) {
      const refusal = checkRoundMove({ roundId: 'r1', stage }, nextStage(stage)!, { ...done(AFTER_ALL), openAssignments: 2 }, config);
      expect(refusal).toEqual({ code: 'ASSIGNMENTS_INCOMPLETE', params: { count: 2 } });
    }
  });

  it('refuses to publish more proposed winners than the quota with QUOTA_EXCEEDED', () => {
    const refusal = checkRoundMove({ roundId: 'r1', stage: 'deliberation' }, 'publicNotice', { ...done(AFTER_ALL), proposedWinners: 7 }, config);
    expect(refusal).toEqual({ code: 'QUOTA_EXCEEDED', params: { quota: 6, count: 7 } });
  });

  it('asks departments only once the evaluation is recorded, with EVALUATION_PENDING before', () => {
    const state: RoundState = { roundId: 'r1', stage: 'comprehensiveEvaluation' };
    expect(checkRoundMove(state, 'opinions', { ...done(AFTER_ALL), evaluationRecorded: false }, config)?.code).toBe('EVALUATION_PENDING');
    expect(checkRoundMove(state, 'opinions', done(AFTER_ALL), config)).toBeUndefined();
  });

  it('opens the public notice only once every cleared candidate has been voted on, with VOTES_PENDING before', () => {
    const state: RoundState = { roundId: 'r1', stage: 'deliberation' };
    expect(checkRoundMove(state, 'publicNotice', { ...done(AFTER_ALL), pendingVotes: 2 }, config)).toEqual({ code: 'VOTES_PENDING', params: { count: 2 } });
  });

  it('announces only after the 7-day notice and with no objection open', () => {
    const { state } = moveRound({ roundId: 'r1', stage: 'deliberation' }, 'publicNotice', done('2026-12-01T00:00:00.000Z'), config);
    expect(checkRoundMove(state, 'announcement', done('2026-12-07T23:59:59.999Z'), config)?.code).toBe('NOTICE_PERIOD_NOT_OVER');
    expect(checkRoundMove(state, 'announcement', { ...done('2026-12-08T00:00:00.000Z'), openObjections: 1 }, config)?.code).toBe('OBJECTIONS_OPEN');
    expect(checkRoundMove(state, 'announcement', done('2026-12-08T00:00:00.000Z'), config)).toBeUndefined();
  });

  it('refuses to open the public notice while a supervisor remark is unanswered, with REMARKS_OPEN naming how many', () => {
    const deliberating: RoundState = { roundId: 'r1', stage: 'deliberation' };
    const refusal = checkRoundMove(deliberating, 'publicNotice', { ...done(AFTER_ALL), openRemarks: 2 }, config);
    expect(refusal).toEqual({ code: 'REMARKS_OPEN', params: { count: 2 } });
    expect(checkRoundMove(deliberating, 'publicNotice', done(AFTER_ALL), config)).toBeUndefined();
  });

  it('refuses every move but the next stage with ILLEGAL_STAGE_TRANSITION (property)', () => {
    const stage = fc.constantFrom(...ROUND_STAGES);
    const count = fc.integer({ min: 0, max: 10 });
    const facts = fc.record({ now: fc.constantFrom('2026-01-01T00:00:00.000Z', AFTER_ALL), pendingEligibility: count, openAssignments: count, shortlisted: count, evaluationRecorded: fc.boolean(), pendingOpinions: count, pendingVotes: count, proposedWinners: count, openObjections: count, openRemarks: count });
    fc.assert(
      fc.property(stage, stage, facts, (from, to, f) => {
        const refusal = checkRoundMove({ roundId: 'r', stage: from, noticeEndsAt: '2026-06-01T00:00:00.000Z' }, to, f, config);
        if (nextStage(from) !== to) expect(refusal?.code).toBe('ILLEGAL_STAGE_TRANSITION');
        if (refusal) expect(refusalOf(() => moveRound({ roundId: 'r', stage: from }, to, f, config))).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});

const at = (status: ApplicationStatus, openObjections: string[] = []): ApplicationState => ({ roundId: 'r1', applicationId: 'a1', status, openObjections });
const NOTICE: RoundState = { roundId: 'r1', stage: 'publicNotice', noticeOpenedAt: '2026-12-01T00:00:00.000Z', noticeEndsAt: '2026-12-08T00:00:00.000Z' };
const DURING_NOTICE = '2026-12-03T00:00:00.000Z';

describe('application states', () => {
  it('goes from registration to winner when every guard holds, with one event per step at least', () => {
    const steps: [ApplicationCommand, string][] = [
      [{ type: 'submit' }, '2026-08-01T00:00:00.000Z'],
      [{ type: 'decideEligibility', eligible: true, reasons: [] }, '2026-09-02T00:00:00.000Z'],
      [{ type: 'recordConsensus', stage: 'materialReview', submittedScorecards: 5, openAssignments: 0, total: 61_000 }, '2026-09-20T00:00:00.000Z'],
      [{ type: 'decideShortlist', shortlisted: true }, '2026-09-30T10:00:00.000Z'],
      [{ type: 'recordConsensus', stage: 'onSite', submittedScorecards: 3, openAssignments: 0, total: 63_000 }, '2026-10-20T00:00:00.000Z'],
      [{ type: 'recordDefense', panelSize: 7, score: 70_000 }, '2026-11-15T05:00:00.000Z'],
      [{ type: 'evaluate', final: 640 * 100_000 }, '2026-11-16T00:00:00.000Z'],
      [{ type: 'recordOpinions', objectingDepartments: [], pendingDepartments: 0 }, '2026-11-25T00:00:00.000Z'],
      [{ type: 'decideProposal', proposed: true, proposedSoFar: 5 }, '2026-11-28T00:00:00.000Z'],
      [{ type: 'award', round: { ...NOTICE, stage: 'announcement' } }, '2026-12-08T00:00:00.000Z'],
    ];
    let state = newApplication('r1', 'a1');
    const events: string[] = [];
    for (const [command, now] of steps) {
      const t = applyApplicationCommand(state, command, now, config);
      expect(t.events.length).toBeGreaterThan(0);
      events.push(...t.events.map((e) => e.type));
      state = t.state;
    }
    expect(state.status).toBe('winner');
    expect(events[0]).toBe('application.submitted');
    expect(events.at(-1)).toBe('application.awarded');
  });

  it('rejects a submission after the deadline with DEADLINE_PASSED', () => {
    expect(checkApplicationCommand(newApplication('r1', 'a1'), { type: 'submit' }, '2026-08-31T09:00:00.000Z', config)).toEqual({
      code: 'DEADLINE_PASSED',
      params: { deadline: '2026-08-31T09:00:00.000Z' },
    });
  });

  it('submits only once', () => {
    expect(checkApplicationCommand(at('submitted'), { type: 'submit' }, '2026-08-01T00:00:00.000Z', config)?.code).toBe('ILLEGAL_APPLICATION_TRANSITION');
  });

  it('rejects eligibility only with a reason the applicant sees', () => {
    expect(checkApplicationCommand(at('submitted'), { type: 'decideEligibility', eligible: false, reasons: [' '] }, AFTER_ALL, config)?.code).toBe('REASON_REQUIRED');
    expect(applyApplicationCommand(at('submitted'), { type: 'decideEligibility', eligible: false, reasons: ['ELIGIBILITY_POOR_CREDIT'] }, AFTER_ALL, config).state.status).toBe('ineligible');
  });

  it('records a material consensus only from a team of at least 5 with every card submitted', () => {
    const command = (submittedScorecards: number, openAssignments: number): ApplicationCommand => ({ type: 'recordConsensus', stage: 'materialReview', submittedScorecards, openAssignments, total: 0 });
    expect(checkApplicationCommand(at('eligible'), command(4, 0), AFTER_ALL, config)).toEqual({ code: 'TEAM_TOO_SMALL', params: { min: 5, count: 4 } });
    expect(checkApplicationCommand(at('eligible'), command(5, 1), AFTER_ALL, config)?.code).toBe('ASSIGNMENTS_INCOMPLETE');
    expect(checkApplicationCommand(at('eligible'), command(5, 0), AFTER_ALL, config)).toBeUndefined();
  });

  it('makes a final score at the threshold a candidate and one below not', () => {
    expect(applyApplicationCommand(at('defended'), { type: 'evaluate', final: 500 * 100_000 }, AFTER_ALL, config).state.status).toBe('candidate');
    expect(applyApplicationCommand(at('defended'), { type: 'evaluate', final: 500 * 100_000 - 1 }, AFTER_ALL, config).state.status).toBe('belowThreshold');
  });

  it('waits for every department, and a department objection stops the candidate', () => {
    expect(checkApplicationCommand(at('candidate'), { type: 'recordOpinions', objectingDepartments: [], pendingDepartments: 1 }, AFTER_ALL, config)?.code).toBe('OPINIONS_PENDING');
    expect(applyApplicationCommand(at('candidate'), { type: 'recordOpinions', objectingDepartments: ['tax'], pendingDepartments: 0 }, AFTER_ALL, config).state.status).toBe('objected');
  });

  it('refuses a seventh proposed winner with QUOTA_EXCEEDED', () => {
    expect(checkApplicationCommand(at('cleared'), { type: 'decideProposal', proposed: true, proposedSoFar: 6 }, AFTER_ALL, config)).toEqual({ code: 'QUOTA_EXCEEDED', params: { quota: 6, count: 7 } });
    expect(checkApplicationCommand(at('cleared'), { type: 'decideProposal', proposed: false, proposedSoFar: 6 }, AFTER_ALL, config)).toBeUndefined();
  });

  it('accepts objections only during the notice, in real name with evidence', () => {
    const file = (realName: boolean, hasEvidence: boolean): ApplicationCommand => ({ type: 'fileObjection', objectionId: 'o1', realName, hasEvidence, round: NOTICE });
    expect(checkApplicationCommand(at('proposed'), file(false, true), DURING_NOTICE, config)?.code).toBe('OBJECTION_INCOMPLETE');
    expect(checkApplicationCommand(at('proposed'), file(true, false), DURING_NOTICE, config)?.code).toBe('OBJECTION_INCOMPLETE');
    expect(checkApplicationCommand(at('proposed'), file(true, true), '2026-12-08T00:00:00.000Z', config)?.code).toBe('NOTICE_PERIOD_OVER');
    expect(applyApplicationCommand(at('proposed'), file(true, true), DURING_NOTICE, config).state.openObjections).toEqual(['o1']);
    const beforeNotice: ApplicationCommand = { type: 'fileObjection', objectionId: 'o1', realName: true, hasEvidence: true, round: { roundId: 'r1', stage: 'deliberation' } };
    expect(checkApplicationCommand(at('proposed'), beforeNotice, DURING_NOTICE, config)?.code).toBe('STAGE_CLOSED');
  });

  it('awards only when no objection is open, and an upheld objection ends in notAwarded', () => {
    const award: ApplicationCommand = { type: 'award', round: NOTICE };
    expect(checkApplicationCommand(at('proposed', ['o1']), award, '2026-12-08T00:00:00.000Z', config)?.code).toBe('OBJECTIONS_OPEN');
    expect(checkApplicationCommand(at('proposed'), award, DURING_NOTICE, config)?.code).toBe('NOTICE_PERIOD_NOT_OVER');
    const dismissed = applyApplicationCommand(at('proposed', ['o1']), { type: 'resolveObjection', objectionId: 'o1', upheld: false, reason: 'no evidence of the claim' }, DURING_NOTICE, config);
    expect(dismissed.state).toMatchObject({ status: 'proposed', openObjections: [] });
    const upheld = applyApplicationCommand(at('proposed', ['o1']), { type: 'resolveObjection', objectionId: 'o1', upheld: true, reason: 'undisclosed penalty' }, DURING_NOTICE, config);
    expect(upheld.state.status).toBe('notAwarded');
    expect(upheld.events.map((e) => e.type)).toEqual(['objection.resolved', 'application.notAwarded']);
  });

  it('refuses every command from a state it does not start from with ILLEGAL_APPLICATION_TRANSITION (property)', () => {
    const commands: Record<string, fc.Arbitrary<ApplicationCommand>> = {
      submit: fc.constant({ type: 'submit' }),
      withdraw: fc.constant({ type: 'withdraw' }),
      decideEligibility: fc.record({ type: fc.constant('decideEligibility' as const), eligible: fc.boolean(), reasons: fc.array(fc.string(), { maxLength: 2 }) }),
      recordConsensus: fc.record({
        type: fc.constant('recordConsensus' as const),
        stage: fc.constantFrom('materialReview' as const, 'onSite' as const),
        submittedScorecards: fc.integer({ min: 0, max: 9 }),
        openAssignments: fc.integer({ min: 0, max: 2 }),
        total: fc.integer({ min: 0, max: 100_000 }),
      }),
      decideShortlist: fc.record({ type: fc.constant('decideShortlist' as const), shortlisted: fc.boolean() }),
      recordDefense: fc.record({ type: fc.constant('recordDefense' as const), panelSize: fc.integer({ min: 0, max: 9 }), score: fc.integer({ min: 0, max: 100_000 }) }),
      evaluate: fc.record({ type: fc.constant('evaluate' as const), final: fc.integer({ min: 0, max: 100_000_000 }) }),
      recordOpinions: fc.record({ type: fc.constant('recordOpinions' as const), objectingDepartments: fc.array(fc.constantFrom('tax', 'credit'), { maxLength: 2 }), pendingDepartments: fc.integer({ min: 0, max: 2 }) }),
      decideProposal: fc.record({ type: fc.constant('decideProposal' as const), proposed: fc.boolean(), proposedSoFar: fc.integer({ min: 0, max: 8 }) }),
      fileObjection: fc.record({ type: fc.constant('fileObjection' as const), objectionId: fc.constant('o1'), realName: fc.boolean(), hasEvidence: fc.boolean(), round: fc.constant(NOTICE) }),
      resolveObjection: fc.record({ type: fc.constant('resolveObjection' as const), objectionId: fc.constantFrom('o1', 'o2'), upheld: fc.boolean(), reason: fc.constantFrom('', 'r') }),
      award: fc.record({ type: fc.constant('award' as const), round: fc.constant(NOTICE) }),
    };
    expect(Object.keys(commands).sort()).toEqual([...APPLICATION_COMMANDS].sort());
    const now = fc.constantFrom('2026-06-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z', DURING_NOTICE, AFTER_ALL);
    fc.assert(
      fc.property(fc.constantFrom(...APPLICATION_STATES), fc.oneof(...Object.values(commands)), now, fc.boolean(), (status, command, time, objection) => {
        const state = at(status, objection ? ['o1'] : []);
        const refusal = checkApplicationCommand(state, command, time, config);
        if (!ALLOWED_FROM[command.type].includes(status)) expect(refusal?.code).toBe('ILLEGAL_APPLICATION_TRANSITION');
        if (refusal) {
          expect(refusalOf(() => applyApplicationCommand(state, command, time, config))).toBe(refusal.code);
        } else {
          const t = applyApplicationCommand(state, command, time, config);
          expect(t.events.length).toBeGreaterThan(0);
          expect(t.events.every((e) => e.at === time && e.applicationId === 'a1')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('has a catalogue entry and a term for every code, stage and state', () => {
    for (const code of TRANSITION_ERROR_CODES) expect(messages[code], code).toBeDefined();
    for (const stage of ROUND_STAGES) expect(messages[`domain.stage.${stage}`], stage).toBeDefined();
    for (const status of APPLICATION_STATES) expect(messages[`domain.status.${status}`], status).toBeDefined();
  });
});

describe('domain message catalogue', () => {
  // DEADLINE_PASSED is also defined by the submission feature for the same rule, with the same {deadline} parameter.
  const SHARED_WITH_OTHER_SECTIONS = new Set(['DEADLINE_PASSED']);

  it('is not silently overridden by another section of the catalogue', () => {
    for (const [key, text] of Object.entries(domainMessages)) {
      if (SHARED_WITH_OTHER_SECTIONS.has(key)) continue;
      expect(messages[key as keyof typeof messages], key).toBe(text);
    }
  });
});

describe('past the eligibility stage', () => {
  it('is every stage from material review on, and none before or unknown', () => {
    expect(ROUND_STAGES.filter(pastEligibilityStage)).toEqual([
      'materialReview', 'onSite', 'defense', 'comprehensiveEvaluation', 'opinions', 'deliberation', 'publicNotice', 'announcement',
    ]);
    expect(pastEligibilityStage(undefined)).toBe(false);
    expect(pastEligibilityStage('nonsense')).toBe(false);
  });
});
