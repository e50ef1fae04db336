import type { FeedbackReportView } from '../../../shared/api/feedback';
import type { Criteria } from '../../../shared/criteria';
import type { Locale } from '../../../shared/messages/types';
import type { Translate } from '../i18n';

/** One block of a report as it is laid out on paper: the screen, the print stylesheet and the PDF read the same blocks. */
export type ReportBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'meta'; readonly text: string }
  | { readonly kind: 'category'; readonly text: string }
  | { readonly kind: 'item'; readonly text: string }
  | { readonly kind: 'band'; readonly text: string }
  | { readonly kind: 'label'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string };


/** The band's range as people read it (`50%–65%`). */
export function bandRange(criteria: Criteria, level: number): string {
  const band = criteria.bands.find((b) => b.level === level);
  return band ? `${band.minPercent}%–${band.maxPercent}%` : '—';
}

/** A day in the round's time zone (`2026年7月1日`, `1 July 2026`). */
export function dayOf(iso: string, locale: Locale, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

/**
 * The report as blocks, in the catalogue's order: title, who and when, what it rests on, then per category its key
 * themes and per item the band, strengths and opportunities; the on-site findings last. No member's name is in it.
 */
export function reportBlocks(report: FeedbackReportView, criteria: Criteria, t: Translate, locale: Locale): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'title', text: t('feedback.title') },
    { kind: 'meta', text: t('feedback.organisation', { organisation: report.organisation }) },
    { kind: 'meta', text: t('feedback.round', { round: report.round[locale] }) },
  ];
  if (report.releasedAt) blocks.push({ kind: 'meta', text: t('feedback.releasedOn', { date: dayOf(report.releasedAt, locale, report.timeZone) }) });
  blocks.push({ kind: 'meta', text: t(report.stage === 'onSite' ? 'feedback.basis.onSite' : 'feedback.basis.materialReview') });
  blocks.push({ kind: 'text', text: t('feedback.intro') });
  const none = t('feedback.none');
  for (const category of criteria.categories) {
    blocks.push({ kind: 'category', text: `${category.id} ${category.name[locale]}` });
    const theme = report.themes[category.id];
    if (theme) blocks.push({ kind: 'label', text: t('feedback.themes') }, { kind: 'text', text: theme });
    for (const item of category.items) {
      const entry = report.items[item.id];
      if (!entry) continue;
      const range = bandRange(criteria, entry.band);
      blocks.push(
        { kind: 'item', text: `${item.id} ${item.name[locale]}` },
        { kind: 'band', text: entry.percent === undefined ? t('feedback.band', { range }) : t('feedback.bandScore', { range, percent: entry.percent }) },
        { kind: 'label', text: t('feedback.strengths') },
        { kind: 'text', text: entry.strengths || none },
        { kind: 'label', text: t('feedback.opportunities') },
        { kind: 'text', text: entry.opportunities || none },
      );
    }
  }
  if (report.findings) blocks.push({ kind: 'category', text: t('feedback.findings') }, { kind: 'text', text: report.findings });
  return blocks;
}
