import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoundStage } from '../../../shared/stages/round';
import { routedFetch, type FakeAnswer } from '../apply/fakes';
import { renderWithState } from '../test-utils';
import { session } from '../ui/review/fixtures';
import { deliberation, evaluation, objection, objections, opinions, publication, publications, refusal, ROUND, ROUTES } from './fixtures';
import { OutcomePage } from './OutcomePage';

afterEach(cleanup);

const ok = (body: unknown) => ({ status: 200, body });
const STAGES_FROM_7: RoundStage[] = ['comprehensiveEvaluation', 'opinions', 'deliberation', 'publicNotice', 'announcement'];
const after = (stage: RoundStage, than: RoundStage) => STAGES_FROM_7.indexOf(stage) > STAGES_FROM_7.indexOf(than);

/** Every read of the page as the server answers it with the round at `stage` (the notice published once it is reached). */
function api(stage: RoundStage, overrides: Record<string, FakeAnswer | FakeAnswer[]> = {}) {
  return routedFetch({
    [ROUTES.evaluation]: ok(evaluation(stage, after(stage, 'comprehensiveEvaluation'))),
    [ROUTES.opinions]: ok(opinions(stage)),
    [ROUTES.deliberation]: ok(deliberation(stage)),
    [ROUTES.objections]: ok(objections(stage)),
    [ROUTES.publications]: ok(publications(stage, after(stage, 'deliberation') ? [publication('notice', 3, 'f'.repeat(64))] : [])),
    [ROUTES.remarks]: ok({ roundId: ROUND, roundStage: stage, remarks: [], open: 0 }),
    ...overrides,
  });
}

/** Opens the page as `role` and waits until every section has its answer. */
async function open(role: 'admin' | 'supervisor', fetch: ReturnType<typeof routedFetch>) {
  const view = renderWithState(<OutcomePage roundId={ROUND} />, { locale: 'en', fetch });
  view.state.signedIn(session(role));
  await waitFor(() => {
    for (const s of ['opinions', 'deliberation', 'notice', 'publications']) {
      const section = document.querySelector(`[data-section="${s}"]`);
      if (!section || section.querySelector('[role="status"]')) throw new Error(`${s} not loaded yet`);
    }
  });
  return view;
}

const forms = () => [...document.querySelectorAll('form[data-form]')].map((f) => f.getAttribute('data-form'));
const form = (name: string) => document.querySelector<HTMLFormElement>(`form[data-form="${name}"]`)!;
const calls = (fetch: ReturnType<typeof routedFetch>, key: string) => fetch.calls.filter((c) => c.key === key);
/** Waits until `find` returns an element. */
const found = <T,>(find: () => T | null | undefined): Promise<T> =>
  waitFor(() => {
    const el = find();
    if (!el) throw new Error('not there yet');
    return el;
  });
const confirm = async () => fireEvent.click(await screen.findByRole('button', { name: 'Confirm' }));

describe('the outcome page for supervisors', () => {
  it('shows every section, the objectors and the votes, read-only, with no control but the chain check', async () => {
    const fetch = api('publicNotice');
    await open('supervisor', fetch);

    expect([...document.querySelectorAll('[data-section]')].map((s) => s.getAttribute('data-section'))).toEqual(['evaluation', 'opinions', 'deliberation', 'notice', 'publications']);
    expect(document.querySelector('[data-round-stage]')!.getAttribute('data-round-stage')).toBe('publicNotice');
    expect(screen.getByText('Read-only: supervisors change nothing; they may record remarks.')).toBeTruthy();
    expect(document.querySelectorAll('form, input, select, textarea')).toHaveLength(0);
    // A supervisor's one control: a remark (supervisors' remarks have their own tests).
    await screen.findByText('No remark on this round yet.', {}, { timeout: 10_000 });
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Remark on the round in general', 'Check against the chain']);
    // What only the office and supervisors see: the objector's name and contact.
    expect([...document.querySelectorAll('[data-objector]')].map((e) => e.textContent)).toEqual(['赵实名', '赵实名']);
    expect(document.querySelector('[data-objection="O1"]')!.getAttribute('data-resolution')).toBe('upheld');
    expect(document.querySelector('[data-objection="O2"]')!.getAttribute('data-resolution')).toBe('open');
    expect(document.querySelector('[data-proposed-row="C3"] [data-not-awarded]')!.textContent).toBe('Not awarded: an objection was upheld');
    expect(document.querySelector('[data-vote-row="A1"] [data-vote-counts]')!.textContent).toContain('9 for · 2 against · 1 abstaining');
    expect(document.querySelector('[data-proposed-count]')!.textContent).toBe('1 proposed for the award, of at most 2.');
    expect(fetch.calls.every((c) => c.key.startsWith('GET '))).toBe(true);
  });

  it('lays out the opinions as candidates × departments, naming the known departments and escaping the letters’ text', async () => {
    await open('supervisor', api('opinions'));
    const heads = [...document.querySelectorAll('[data-opinions] thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['Candidate', 'Credit authority', 'Work safety authority', 'Tax authority', 'market-supervision', 'Outcome']);
    const cell = (id: string) => document.querySelector(`[data-opinion="${id}"]`)!;
    expect(cell('B2/tax').getAttribute('data-answer')).toBe('objection');
    expect(cell('B2/tax').textContent).toContain('<b>欠税</b>未缴清');
    expect(cell('B2/tax').querySelector('b')).toBeNull();
    expect(cell('B2/tax').textContent).toContain('recorded by 王主任');
    expect(cell('C3/safety').textContent).toBe('Pending');
    expect(cell('A1/credit').textContent).toContain('No objection');
    expect([...document.querySelectorAll('[data-opinions] [data-outcome]')].map((e) => e.getAttribute('data-outcome'))).toEqual(['cleared', 'objected', 'pending']);
  });
});

describe('the outcome page in Chinese', () => {
  it('names the stages, the departments and the states in the reader’s language', async () => {
    const view = renderWithState(<OutcomePage roundId={ROUND} />, { locale: 'zh-CN', fetch: api('opinions') });
    view.state.signedIn(session('supervisor'));
    await screen.findByText('税务部门');
    expect([...document.querySelectorAll('[data-section] > h2')].map((h) => h.textContent)).toEqual(['综合评价', '征求意见', '审议', '公示', '发布 · 表彰']);
    expect(document.querySelector('[data-opinion="B2/tax"]')!.textContent).toContain('有异议');
    expect(document.querySelector('[data-standing="D4"] [data-candidate]')!.textContent).toBe('低于分数线');
  });
});

describe('the comprehensive evaluation', () => {
  it('marks the preview as such, with exact scores formatted, the settings, the unevaluable and the ranking’s advice', async () => {
    await open('supervisor', api('comprehensiveEvaluation'));
    const section = document.querySelector('[data-section="evaluation"]') as HTMLElement;
    expect(section.querySelector('[data-preview]')!.textContent).toMatch(/^Preview: what recording the evaluation now would give/);
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Comprehensive evaluation Preview');
    const rows = [...section.querySelectorAll('[data-standings] tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows[0]).toEqual(['1', '成都甲公司锦江区 · 制造业', '617.25', '700.50', '800.00', '300.25', '695.43', 'Candidate']);
    expect(rows[3]).toEqual(['4', '成都丁公司金牛区 · 软件业', '450.00', '480.00', '500.00', '200.00', '475.00', 'Below the threshold']);
    expect(section.querySelector('[data-settings]')!.textContent).toBe(
      'Weightsmaterial review 30% · on-site 50% · defense 20%Candidate threshold (of 1,000 points)500Winners quota2',
    );
    expect(section.querySelector('[data-unevaluable-application="E5"]')!.textContent).toBe('成都戊公司 — lacks: the on-site consensus, the defense score');
    expect(section.querySelector('[data-suggestion-proposed]')!.textContent).toBe('Suggested for the award: 成都甲公司');
    expect(section.querySelector('[data-suggestion-tied]')!.textContent).toBe('Tied at the last place, left to the vote: 成都乙公司, 成都丙公司');
  });

  it('shows who recorded it once recorded, and no preview', async () => {
    await open('admin', api('opinions'));
    const section = document.querySelector('[data-section="evaluation"]') as HTMLElement;
    expect(section.querySelector('[data-preview]')).toBeNull();
    expect(section.querySelector('[data-evaluation-recorded]')!.textContent).toMatch(/^The evaluation is recorded and final: recorded by 王主任 on /);
    expect(section.querySelector('form')).toBeNull();
  });

  it('records it only after confirming, with the round version, shows the refusal in the reader’s language, then records and reloads', async () => {
    const fetch = api('comprehensiveEvaluation', {
      [ROUTES.evaluation]: [ok(evaluation()), ok(evaluation('comprehensiveEvaluation', true, 8))],
      [ROUTES.recordEvaluation]: [
        refusal(422, 'EVALUATION_PENDING', '还有申报缺少评分。', 'Some applications still lack a score.'),
        { status: 201, body: evaluation('comprehensiveEvaluation', true, 8) },
      ],
    });
    await open('admin', fetch);
    fireEvent.click(within(form('evaluation')).getByRole('button', { name: 'Record the evaluation' }));
    expect(form('evaluation').textContent).toContain('Record the evaluation as shown (3 candidate(s))?');
    expect(calls(fetch, ROUTES.recordEvaluation)).toHaveLength(0);
    await confirm();

    const error = await found(() => form('evaluation').querySelector('[data-error-code="EVALUATION_PENDING"]'));
    expect(error.querySelector('.error-main')!.textContent).toBe('Some applications still lack a score.');
    expect(error.textContent).not.toContain('还有申报缺少评分。'); // the reader's language only
    expect(calls(fetch, ROUTES.recordEvaluation)[0]!.body).toEqual({ version: 7 });

    fireEvent.click(within(form('evaluation')).getByRole('button', { name: 'Record the evaluation' }));
    await confirm();
    expect((await screen.findByText('The evaluation was recorded.')).getAttribute('role')).toBe('status');
    await waitFor(() => expect(document.querySelector('[data-preview]')).toBeNull());
    expect(calls(fetch, ROUTES.evaluation)).toHaveLength(2);
    expect(document.querySelector('form[data-form="evaluation"]')).toBeNull();
  });
});

describe('the office’s controls', () => {
  const expected: Record<string, string[]> = {
    comprehensiveEvaluation: ['evaluation'],
    opinions: ['letter', 'opinion'],
    deliberation: ['votes', 'vote'],
    publicNotice: ['resolve-O2', 'objection'],
    announcement: ['republish'],
  };
  for (const stage of STAGES_FROM_7) {
    it(`offers at “${stage}” only that stage’s controls`, async () => {
      await open('admin', api(stage));
      expect(forms()).toEqual(expected[stage]);
      if (stage === 'announcement') expect(screen.getByText(/last stage/)).toBeTruthy();
      else expect(document.querySelector('[data-stage-move]')).toBeTruthy();
    });
  }

  it('records one department’s answer with exactly the contract’s body, after checking it and confirming', async () => {
    const fetch = api('opinions', {
      [ROUTES.recordOpinion]: [
        refusal(422, 'STAGE_CLOSED', '当前阶段不能进行此操作。', 'Not possible at this stage.'),
        { status: 201, body: { applicationId: 'C3', department: 'tax', objection: true, text: '税务复函〔2026〕5号', by: 'P-admin', byName: '王主任', at: '2026-11-04T00:00:00.000Z' } },
      ],
    });
    await open('admin', fetch);
    const f = form('opinion');
    // Only candidates some department has not answered on yet are offered: an objected one still needs every answer (OPINIONS_PENDING).
    expect([...within(f).getByLabelText<HTMLSelectElement>('Candidate').options].map((o) => o.value)).toEqual(['', 'B2', 'C3']);
    fireEvent.submit(f);
    expect(within(f).getByRole('alert').textContent).toBe('Choose the candidate first.');
    fireEvent.change(within(f).getByLabelText('Candidate'), { target: { value: 'B2' } });
    expect([...within(f).getByLabelText<HTMLSelectElement>('Department').options].map((o) => o.value)).toEqual(['', 'credit', 'safety', 'market-supervision']);

    fireEvent.change(within(f).getByLabelText('Candidate'), { target: { value: 'C3' } });
    expect([...within(f).getByLabelText<HTMLSelectElement>('Department').options].map((o) => o.textContent)).toEqual([
      '— choose —',
      'Work safety authority',
      'Tax authority',
      'market-supervision',
    ]);
    fireEvent.change(within(f).getByLabelText('Department'), { target: { value: 'tax' } });
    fireEvent.submit(f);
    expect(within(f).getByRole('alert').textContent).toBe('Choose whether the department objects.');
    fireEvent.click(within(f).getByLabelText('Objection'));
    fireEvent.input(within(f).getByLabelText('Reference and summary of its letter'), { target: { value: '  税务复函〔2026〕5号  ' } });
    fireEvent.submit(f);
    expect(f.textContent).toContain('Record that Tax authority objects to “成都丙公司”? The organisation will be out of the round.');
    expect(calls(fetch, ROUTES.recordOpinion)).toHaveLength(0);
    await confirm();
    await waitFor(() => expect(f.querySelector('[data-error-code="STAGE_CLOSED"]')).toBeTruthy());
    expect(calls(fetch, ROUTES.recordOpinion)[0]!.body).toEqual({ applicationId: 'C3', department: 'tax', objection: true, text: '税务复函〔2026〕5号' });

    fireEvent.submit(f);
    await confirm();
    await screen.findByText('Tax authority’s answer on “成都丙公司” was recorded.');
    await waitFor(() => expect(calls(fetch, ROUTES.opinions)).toHaveLength(2));
    expect((within(form('opinion')).getByLabelText('Candidate') as HTMLSelectElement).value).toBe('');
  });

  it('records the committee’s vote with its three counts, refusing a count that is no whole number', async () => {
    const fetch = api('deliberation', {
      [ROUTES.recordVote]: refusal(422, 'QUOTA_EXCEEDED', '拟获奖数量将超过名额。', 'This would propose more than the quota.'),
    });
    await open('admin', fetch);
    const f = form('vote');
    expect([...within(f).getByLabelText<HTMLSelectElement>('Candidate').options].map((o) => o.value)).toEqual(['', 'C3']);
    fireEvent.change(within(f).getByLabelText('Candidate'), { target: { value: 'C3' } });
    fireEvent.input(within(f).getByLabelText('Votes for'), { target: { value: '7' } });
    fireEvent.input(within(f).getByLabelText('Votes against'), { target: { value: '3' } });
    fireEvent.submit(f);
    expect(within(f).getByRole('alert').textContent).toBe('Give each of the three counts as a whole number from 0 to 1,000.');
    fireEvent.input(within(f).getByLabelText('Abstentions'), { target: { value: '2' } });
    fireEvent.submit(f);
    expect(f.textContent).toContain('Record the vote on “成都丙公司”: 7 for, 3 against, 2 abstaining?');
    await confirm();
    const error = await found(() => f.querySelector('[data-error-code="QUOTA_EXCEEDED"]'));
    expect(error.textContent).toContain('This would propose more than the quota.');
    expect(error.textContent).not.toContain('拟获奖数量将超过名额。'); // the reader's language only
    expect(calls(fetch, ROUTES.recordVote).map((c) => c.body)).toEqual([{ applicationId: 'C3', for: 7, against: 3, abstain: 2 }]);
    expect(calls(fetch, ROUTES.deliberation)).toHaveLength(1);
  });

  it('records one department’s letter for every candidate it covers, each marked, after checking and confirming; cancel sends nothing', async () => {
    const fetch = api('opinions', {
      [ROUTES.recordLetter]: {
        status: 201,
        body: { department: 'safety', opinions: ['B2', 'C3'].map((applicationId) => ({ applicationId, department: 'safety', objection: applicationId === 'C3', text: '安监复〔2026〕9号', ...{ by: 'P-admin', byName: '王主任', at: '2026-11-04T00:00:00.000Z' } })) },
      },
    });
    await open('admin', fetch);
    const f = form('letter');
    // Departments some candidate still waits for: credit has answered on all three but B2.
    expect([...within(f).getByLabelText<HTMLSelectElement>('Department').options].map((o) => o.value)).toEqual(['', 'credit', 'safety', 'tax', 'market-supervision']);
    fireEvent.submit(f);
    expect(within(f).getByRole('alert').textContent).toBe('Choose the department that wrote.');
    fireEvent.change(within(f).getByLabelText('Department'), { target: { value: 'safety' } });
    expect([...f.querySelectorAll('[data-letter-row]')].map((r) => r.getAttribute('data-letter-row'))).toEqual(['B2', 'C3']);
    // Untick both: nothing to record.
    fireEvent.click(within(f).getByLabelText('Include “成都乙公司”'));
    fireEvent.click(within(f).getByLabelText('Include “成都丙公司”'));
    fireEvent.submit(f);
    expect(within(f).getByRole('alert').textContent).toBe('Tick at least one candidate.');
    fireEvent.click(within(f).getByLabelText('Include “成都乙公司”'));
    fireEvent.click(within(f).getByLabelText('Include “成都丙公司”'));
    fireEvent.click(within(f.querySelector<HTMLElement>('[data-letter-row="C3"]')!).getByLabelText('Objection'));
    fireEvent.submit(f);
    expect(within(f).getByRole('alert').textContent).toBe('Write the reference and summary of the letter.');
    fireEvent.input(within(f).getByLabelText('Reference and summary of its letter'), { target: { value: ' 安监复〔2026〕9号 ' } });
    fireEvent.submit(f);
    expect(f.textContent).toContain('Record Work safety authority’s letter: no objection to 1 candidates, objection to 1 (成都丙公司)?');
    fireEvent.click(within(f).getByRole('button', { name: 'Cancel' }));
    expect(calls(fetch, ROUTES.recordLetter)).toHaveLength(0);
    fireEvent.submit(f);
    await confirm();
    await screen.findByText('Work safety authority’s letter was recorded for 2 candidates.');
    expect(calls(fetch, ROUTES.recordLetter).map((c) => c.body)).toEqual([
      { department: 'safety', text: '安监复〔2026〕9号', answers: [{ applicationId: 'B2', objection: false }, { applicationId: 'C3', objection: true }] },
    ]);
    await waitFor(() => expect(calls(fetch, ROUTES.opinions)).toHaveLength(2));
  });

  it('records the committee’s votes from one table, skipping empty rows and refusing a half-filled row or a table past the quota', async () => {
    const fetch = api('deliberation', {
      [ROUTES.recordVotes]: { status: 201, body: { votes: [{ applicationId: 'C3', for: 4, against: 5, abstain: 0, proposed: false, by: 'P-admin', byName: '王主任', at: '2026-11-06T00:00:00.000Z' }] } },
    });
    await open('admin', fetch);
    const f = form('votes');
    expect([...f.querySelectorAll('[data-tally-row]')].map((r) => r.getAttribute('data-tally-row'))).toEqual(['C3']);
    fireEvent.submit(f);
    expect(within(f).getByRole('alert').textContent).toBe('Fill in at least one row.');
    fireEvent.input(within(f).getByLabelText('成都丙公司 · Votes for'), { target: { value: '4' } });
    fireEvent.submit(f);
    expect(within(f).getByRole('alert').textContent).toBe('In the row of “成都丙公司”, give each of the three counts as a whole number from 0 to 1,000, not all 0.');
    fireEvent.input(within(f).getByLabelText('成都丙公司 · Votes against'), { target: { value: '5' } });
    fireEvent.input(within(f).getByLabelText('成都丙公司 · Abstentions'), { target: { value: '0' } });
    fireEvent.submit(f);
    expect(f.textContent).toContain('Record these 1 votes? “成都丙公司”: 4 for, 5 against, 0 abstaining — Not proposed');
    await confirm();
    await screen.findByText('1 votes recorded, 0 of them proposing.');
    expect(calls(fetch, ROUTES.recordVotes).map((c) => c.body)).toEqual([{ votes: [{ applicationId: 'C3', for: 4, against: 5, abstain: 0 }] }]);
  });

  it('refuses, before sending, a table that would propose past the quota', async () => {
    const full = { ...deliberation('deliberation'), proposedCount: 2 };
    const fetch = api('deliberation', { [ROUTES.deliberation]: ok(full) });
    await open('admin', fetch);
    const f = form('votes');
    for (const [k, v] of [['Votes for', '9'], ['Votes against', '0'], ['Abstentions', '0']] as const) fireEvent.input(within(f).getByLabelText(`成都丙公司 · ${k}`), { target: { value: v } });
    fireEvent.submit(f);
    expect(within(f).getByRole('alert').textContent).toBe('This table would propose 3, more than the quota of 2.');
    expect(calls(fetch, ROUTES.recordVotes)).toHaveLength(0);
  });

  it('reads the whole round again when an action is refused as stale (409), keeping the refusal shown', async () => {
    const fetch = api('deliberation', {
      [ROUTES.recordVote]: refusal(409, 'CONFLICT', '数据已被他人修改。', 'Someone else changed this meanwhile.'),
    });
    await open('admin', fetch);
    const f = form('vote');
    fireEvent.change(within(f).getByLabelText('Candidate'), { target: { value: 'C3' } });
    for (const [label, value] of [['Votes for', '7'], ['Votes against', '3'], ['Abstentions', '2']] as const) fireEvent.input(within(f).getByLabelText(label), { target: { value } });
    fireEvent.submit(f);
    await confirm();
    await waitFor(() => expect(calls(fetch, ROUTES.evaluation)).toHaveLength(2));
    await waitFor(() => expect(calls(fetch, ROUTES.deliberation)).toHaveLength(2));
    expect(form('vote').querySelector('[data-error-code="CONFLICT"]')).toBeTruthy();
  });

  it('records a written objection with every field and resolves an open one with its reason', async () => {
    const fetch = api('publicNotice', {
      [ROUTES.fileObjection]: { status: 201, body: objection('O3') },
      [ROUTES.resolve('O2')]: [refusal(422, 'NOTICE_PERIOD_OVER', '公示期已结束。', 'The notice period is over.'), ok(objection('O2', { upheld: false, reason: '证据不足' }))],
    });
    await open('admin', fetch);
    const f = form('objection');
    // A proposed winner already taken out by an upheld objection is not offered.
    expect([...within(f).getByLabelText<HTMLSelectElement>('Proposed winner objected to').options].map((o) => o.value)).toEqual(['', 'A1']);
    fireEvent.change(within(f).getByLabelText('Proposed winner objected to'), { target: { value: 'A1' } });
    fireEvent.input(within(f).getByLabelText('Objector (real name)'), { target: { value: ' 钱实名 ' } });
    fireEvent.input(within(f).getByLabelText('Contact'), { target: { value: '139-1111-2222' } });
    fireEvent.input(within(f).getByLabelText('Statement'), { target: { value: '数据造假' } });
    fireEvent.submit(f);
    expect(within(f).getByRole('alert').textContent).toBe('Fill in “Evidence”.');
    fireEvent.input(within(f).getByLabelText('Evidence'), { target: { value: '审计报告' } });
    fireEvent.submit(f);
    await confirm();
    await screen.findByText('The objection to “成都甲公司” was recorded.');
    expect(calls(fetch, ROUTES.fileObjection).map((c) => c.body)).toEqual([
      { applicationId: 'A1', objectorName: '钱实名', objectorContact: '139-1111-2222', statement: '数据造假', evidence: '审计报告' },
    ]);

    const r = form('resolve-O2');
    fireEvent.click(within(r).getByLabelText('Not upheld'));
    fireEvent.input(within(r).getByLabelText('Reason'), { target: { value: '证据不足' } });
    fireEvent.submit(r);
    await confirm();
    await waitFor(() => expect(r.querySelector('[data-error-code="NOTICE_PERIOD_OVER"]')).toBeTruthy());
    fireEvent.submit(r);
    await confirm();
    await screen.findByText('The objection to “成都丙公司” was found not upheld.');
    expect(calls(fetch, ROUTES.resolve('O2')).map((c) => c.body)).toEqual([
      { upheld: false, reason: '证据不足' },
      { upheld: false, reason: '证据不足' },
    ]);
  });

  it('takes no new objection once the notice period is over, but still resolves open ones', async () => {
    await open('admin', api('publicNotice', { [ROUTES.objections]: ok(objections('publicNotice', '2026-11-16T02:00:00.000Z')) }));
    expect(forms()).toEqual(['resolve-O2']);
    expect(document.querySelector('[data-notice-period]')!.getAttribute('data-notice-period')).toBe('over');
    expect(screen.getByText(/^The notice period is over: no new objection is taken/)).toBeTruthy();
  });

  it('moves the round on with the version it read, and reads everything again', async () => {
    const fetch = api('deliberation', {
      [ROUTES.evaluation]: [ok(evaluation('deliberation', true, 9)), ok(evaluation('publicNotice', true, 10))],
      [ROUTES.move]: ok({ roundId: ROUND, stage: 'publicNotice', stageSince: '2026-11-09T00:00:00.000Z', version: 10 }),
    });
    await open('admin', fetch);
    fireEvent.click(screen.getByRole('button', { name: 'Move to “Public notice”' }));
    await confirm();
    await screen.findByText('The round is now at “Public notice”.');
    expect(calls(fetch, ROUTES.move)[0]!.body).toEqual({ to: 'publicNotice', version: 9 });
    await waitFor(() => expect(document.querySelector('[data-round-stage]')!.getAttribute('data-round-stage')).toBe('publicNotice'));
    expect(calls(fetch, ROUTES.objections)).toHaveLength(2);
  });

  it('publishes the current stage’s missing document again with the round version', async () => {
    const fetch = api('announcement', {
      [ROUTES.republish]: ok(publications('announcement', [publication('notice', 3, 'f'.repeat(64)), publication('announcement', 5, 'e'.repeat(64))])),
    });
    await open('admin', fetch);
    expect(document.querySelector('[data-publication-missing]')!.textContent).toBe('This stage’s “Announcement of the winners” has not been published.');
    fireEvent.click(within(form('republish')).getByRole('button', { name: 'Publish again' }));
    await confirm();
    await screen.findByText('The “Announcement of the winners” was published.');
    expect(calls(fetch, ROUTES.republish).map((c) => c.body)).toEqual([{ version: 7 }]);
  });
});
