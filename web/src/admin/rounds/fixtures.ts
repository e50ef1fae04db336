// Test data for the office's rounds pages (imported by tests only, so shared/round's schema stays out of the site).
import type { RoundView } from '../../../../shared/api/rounds';
import { defaultRoundConfig } from '../../../../shared/round';

/** The six dates of a round in 2027, in order (UTC). */
export const DATES = {
  registrationOpens: '2027-03-01T01:00:00.000Z',
  registrationCloses: '2027-04-30T09:00:00.000Z',
  submissionDeadline: '2027-05-31T09:00:00.000Z',
  materialReviewDeadline: '2027-07-15T09:00:00.000Z',
  onSiteDeadline: '2027-09-15T09:00:00.000Z',
  defenseDate: '2027-10-20T01:00:00.000Z',
} as const;

/** A round as the server shows it, at the call unless told otherwise. */
export function roundView(overrides: Partial<RoundView> = {}): RoundView {
  return {
    roundId: 'city-2027',
    programmeId: 'city',
    name: { 'zh-CN': '2027 年市政府质量奖', en: 'City Quality Award 2027' },
    stage: 'call',
    config: defaultRoundConfig({ ...DATES }),
    lockedFields: [],
    configurable: true,
    createdAt: '2026-11-01T02:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

/** An error answer of the API. */
export const refusal = (status: number, code: string, en: string, details?: unknown) => ({
  status,
  body: { error: { code, message: { 'zh-CN': `中文：${en}`, en }, requestId: 'req-7', ...(details ? { details } : {}) } },
});

/** A 422 CONFIG_INVALID naming each issue's path and English message. */
export const configInvalid = (issues: readonly (readonly [path: string, code: string, en: string])[]) =>
  refusal(422, 'CONFIG_INVALID', `The round configuration has ${issues.length} problem(s); correct each of them.`, {
    issues: issues.map(([path, code, en]) => ({ path, code, params: {}, message: { 'zh-CN': `中文：${en}`, en } })),
  });
