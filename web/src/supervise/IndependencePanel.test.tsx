import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { TeamReviewResponse } from '../../../shared/api/reviews';
import { digestState, type AuditEntry } from '../../../shared/audit/chain';
import type { Call } from '../api';
import { renderWithState } from '../test-utils';
import { APP, card, teamFixture } from '../ui/review/fixtures';
import { IndependencePanel } from './IndependencePanel';
import { webCryptoSha256 } from './timeline';

afterEach(cleanup);

const entry = (seq: number, action: string, type: string, id: string, stateDigest: string): AuditEntry => ({
  scope: 'round:r', seq, at: '2026-09-10T02:00:00.000Z', actor: { personId: 'x', role: 'expert' }, action, target: { type, id }, stateDigest, requestId: `q${seq}`, prevHash: '', hash: '',
});

/** A team of two submitted cards (张专家, 李专家) and the chain of their submissions, and a read by 李专家 at `readAt`. */
async function setting(readAt: number) {
  const cards = [card('E1', '张专家', 'submitted', 60), card('E2', '李专家', 'submitted', 55)];
  const team: TeamReviewResponse = teamFixture({ scorecards: cards });
  const d = await Promise.all(cards.map((c) => digestState(webCryptoSha256, c)));
  const entries = [
    entry(1, 'scorecard.submitted', 'scorecard', `${APP}/materialReview/E1`, d[0]!),
    entry(readAt, 'scorecard.read', 'cardRead', `${APP}/materialReview/E2`, 'r'),
    entry(3, 'scorecard.submitted', 'scorecard', `${APP}/materialReview/E2`, d[1]!),
  ].sort((a, b) => a.seq - b.seq);
  const call = (async () => team) as unknown as Call;
  return { entries, call };
}

describe('the independence check in the supervisor workspace', () => {
  it('finds a team whose members read only after submitting their own card matching, in English', async () => {
    const { entries, call } = await setting(4);
    renderWithState(<IndependencePanel entries={entries} call={call} />, { locale: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Check independent scoring' }));
    expect((await screen.findByText('All 1 teams scored independently, as the chain shows.')).getAttribute('data-independence-result')).toBe('ok');
    expect(document.querySelector('[data-team]')!.getAttribute('data-ok')).toBe('true');
  });

  it('names, by name and in Chinese, a member who read a card before submitting their own', async () => {
    const { entries, call } = await setting(2);
    renderWithState(<IndependencePanel entries={entries} call={call} />, { locale: 'zh-CN' });
    fireEvent.click(screen.getByRole('button', { name: '核验独立评分' }));
    await screen.findByText('1 个评审组中有 1 个不符合，见下表。');
    expect(document.querySelector('[data-team] .verify-bad')!.textContent).toBe('李专家 在提交本人评分表之前查阅了他人评分表（第 2 条记录）');
  });
});
