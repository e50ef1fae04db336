import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Locale, MessageKey, Text } from '../../../../shared/messages';
import { ApiError } from '../../api';
import type { Translate } from '../../i18n';
import { targetOfPath, type FieldKey, type IssueTarget } from './config-form';
import '../../texts/rounds';
import '../../texts/terms';

/** The label of every input and group the form shows. */
export const TARGET_LABEL: Readonly<Record<IssueTarget, MessageKey>> = {
  roundId: 'rounds.field.roundId',
  name: 'rounds.section.round',
  'name.zh-CN': 'rounds.field.nameZh',
  'name.en': 'rounds.field.nameEn',
  dates: 'rounds.section.dates',
  'dates.registrationOpens': 'rounds.date.registrationOpens',
  'dates.registrationCloses': 'rounds.date.registrationCloses',
  'dates.submissionDeadline': 'rounds.date.submissionDeadline',
  'dates.materialReviewDeadline': 'rounds.date.materialReviewDeadline',
  'dates.onSiteDeadline': 'rounds.date.onSiteDeadline',
  'dates.defenseDate': 'rounds.date.defenseDate',
  winnersQuota: 'rounds.field.winnersQuota',
  candidateThreshold: 'rounds.field.candidateThreshold',
  weights: 'rounds.weights.legend',
  'weights.material': 'rounds.weights.material',
  'weights.onSite': 'rounds.weights.onSite',
  'weights.defense': 'rounds.weights.defense',
  publicNoticeDays: 'rounds.field.publicNoticeDays',
  teams: 'rounds.section.teams',
  'teams.materialReviewMin': 'rounds.teams.materialReviewMin',
  'teams.onSiteMin': 'rounds.teams.onSiteMin',
  'teams.defensePanelMin': 'rounds.teams.defensePanelMin',
  divergenceThreshold: 'rounds.field.divergenceThreshold',
  reliabilityFlagOffset: 'rounds.field.reliabilityFlagOffset',
  siteVisitShortlistSize: 'rounds.field.siteVisitShortlistSize',
  opinionDepartments: 'rounds.field.opinionDepartments',
  reminders: 'rounds.section.reminders',
  'reminders.applicantDays': 'rounds.field.reminderApplicantDays',
  'reminders.reviewerDays': 'rounds.field.reminderReviewerDays',
  draw: 'rounds.section.draw',
  'draw.loadCap': 'rounds.field.drawLoadCap',
  'draw.excludeSameDistrict': 'rounds.field.drawExcludeSameDistrict',
  'draw.mix.materialReview': 'rounds.field.drawMixMaterialReview',
  'draw.mix.onSite': 'rounds.field.drawMixOnSite',
  feedback: 'rounds.section.feedback',
  'feedback.showScores': 'rounds.field.feedbackShowScores',
};

/** One refusal of the server, placed: at an input or group of the form, or (target null) only in the summary. */
export interface PlacedIssue {
  readonly target: IssueTarget | null;
  readonly path: string;
  readonly text: string;
}

/** Problems of a refused save, ready to show next to their inputs and in a summary. */
export interface FormIssues {
  readonly list: readonly PlacedIssue[];
  readonly at: (target: IssueTarget) => readonly string[];
}

const isText = (value: unknown): value is Text =>
  typeof value === 'object' && value !== null && typeof (value as Text).en === 'string' && typeof (value as Text)['zh-CN'] === 'string';

const pathsOf = (details: unknown): { path: string; message: unknown }[] => {
  const issues = (details as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((issue: { path?: unknown; message?: unknown }) => ({ path: typeof issue?.path === 'string' ? issue.path : '', message: issue?.message }));
};

/**
 * The per-field problems of a refused create or save: every issue of 422 CONFIG_INVALID (the server's
 * bilingual message), a 400 VALIDATION_FAILED of the body (id, names: the server's texts there are not
 * translated, so the field is only marked), 422 CONFIG_LOCKED's `details.fields` and 409 ROUND_EXISTS at the id.
 * Anything else has no field.
 */
export function issuesOf(error: unknown, locale: Locale, t: Translate): FormIssues {
  const list: PlacedIssue[] = [];
  if (error instanceof ApiError) {
    if (error.code === 'CONFIG_INVALID') {
      for (const { path, message } of pathsOf(error.details)) {
        list.push({ target: targetOfPath(path), path, text: isText(message) ? message[locale] : t('rounds.field.checkThis') });
      }
    } else if (error.code === 'VALIDATION_FAILED') {
      for (const { path } of pathsOf(error.details)) {
        const target = targetOfPath(path);
        list.push({ target, path, text: target === 'roundId' ? t('rounds.field.roundIdHint') : t('rounds.field.checkThis') });
      }
    } else if (error.code === 'CONFIG_LOCKED') {
      // A date passed while the form was open (locked settings are sent as read): mark what the server names.
      const fields = (error.details as { fields?: unknown } | null | undefined)?.fields;
      for (const path of Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : []) {
        list.push({ target: targetOfPath(path), path, text: t('rounds.edit.lockedNow') });
      }
    } else if (error.code === 'ROUND_EXISTS') {
      list.push({ target: 'roundId', path: 'roundId', text: error.text[locale] });
    }
  }
  return { list, at: (target) => list.filter((issue) => issue.target === target).map((issue) => issue.text) };
}

/** The label of an issue's place in the summary: the input's label, or its path when the form has no input for it. */
export function issueLabel(t: Translate, issue: PlacedIssue): string {
  return issue.target ? t(TARGET_LABEL[issue.target]) : issue.path || '—';
}

/** The element id of an input of the form. */
export const inputId = (prefix: string, key: FieldKey | IssueTarget) => `${prefix}-${key.replace(/\./g, '-')}`;

/** After a refusal that names settings, moves the focus to the first input marked invalid, in the form's order. */
export function useFocusFirstProblem(form: RefObject<HTMLFormElement>, issues: FormIssues): void {
  useEffect(() => {
    if (issues.list.some((issue) => issue.target !== null)) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, issues]);
}
