import type { ComponentChildren } from 'preact';
import type { AuditEntry } from '../../../shared/audit/chain';
import { isMessageKey } from '../../../shared/messages/registry';
import { formatDateTime, useLocale, useT, type Translate } from '../i18n';
import { filterEntries, filterOptions, NO_FILTER, abbreviate, type TimelineFilter } from './timeline';
import '../texts/supervise';
import '../texts/terms';

/** The label of an audited action (`audit.<action>` in the catalogue), or the action itself. */
export function actionLabel(t: Translate, action: string): string {
  const key = `audit.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

function roleLabel(t: Translate, role: string): string {
  const key = `platform.role.${role}`;
  return isMessageKey(key) ? t(key) : role === 'system' ? t('supervise.system') : role;
}

/** The kind of thing an entry changed, in words (`supervise.target.<type>`), or the type itself when new. */
function targetKind(t: Translate, type: string): string {
  const key = `supervise.target.${type}`;
  return isMessageKey(key) ? t(key) : type;
}

/** The timeline of one chain with its filters (applicant, person, stage, action). */
export function Timeline({
  entries,
  filter,
  onFilter,
  names = {},
  organisations = {},
  badSeq,
  action,
}: {
  entries: readonly AuditEntry[];
  filter: TimelineFilter;
  onFilter: (next: TimelineFilter) => void;
  /** personId → name, when known. */
  names?: Readonly<Record<string, string>>;
  /** applicationId → organisation name, when known. */
  organisations?: Readonly<Record<string, string>>;
  /** The first entry verification named, if any. */
  badSeq?: number | undefined;
  /** What a reader can do about an entry (a supervisor's remark on the step it records), under its facts. */
  action?: (entry: AuditEntry) => ComponentChildren;
}) {
  const t = useT();
  const locale = useLocale();
  const options = filterOptions(entries);
  const shown = filterEntries(entries, filter);
  const personLabel = (id: string) => (names[id] ? names[id] : id === 'system' ? t('supervise.system') : id);
  const stageName = (v: string) => {
    const key = `domain.stage.${v}`;
    return isMessageKey(key) ? t(key) : v;
  };
  // A target's id is made of ids (`<applicationId>/<stage>/<personId>`): each part people can name is named.
  const namedParts = (id: string) =>
    id
      .split('/')
      .map((part) => organisations[part] ?? names[part] ?? (isMessageKey(`domain.stage.${part}`) ? stageName(part) : null))
      .filter((part): part is string => part !== null);

  const select = (key: keyof TimelineFilter, label: string, values: string[], display: (v: string) => string) => (
    <div class="field">
      <label for={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={filter[key]} onChange={(e) => onFilter({ ...filter, [key]: e.currentTarget.value })}>
        <option value="">{t('supervise.filter.all')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {display(v)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('supervise.timeline')}</h2>
      <fieldset class="filters">
        <legend>{t('supervise.filters')}</legend>
        {select('applicant', t('supervise.filter.applicant'), options.applicant, (id) => (organisations[id] ? `${organisations[id]} · ${id}` : id))}
        {select('person', t('supervise.filter.person'), options.person, personLabel)}
        {select('stage', t('supervise.filter.stage'), options.stage, stageName)}
        {select('action', t('supervise.filter.action'), options.action, (v) => actionLabel(t, v))}
        <button type="button" class="secondary" onClick={() => onFilter(NO_FILTER)} disabled={filter === NO_FILTER}>
          {t('supervise.filter.clear')}
        </button>
      </fieldset>
      <p class="muted" role="status" data-testid="timeline-count">
        {t('supervise.shown', { shown: shown.length, total: entries.length })}
      </p>
      {entries.length === 0 ? (
        <p>{t('supervise.empty')}</p>
      ) : shown.length === 0 ? (
        <p>{t('supervise.noMatch')}</p>
      ) : (
        <ol class="timeline">
          {shown.map((e) => (
            <li key={e.seq} class={e.seq === badSeq ? 'entry bad' : 'entry'} data-seq={e.seq} data-action={e.action}>
              <div class="entry-head">
                <span class="seq">#{e.seq}</span>
                <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
                <strong class="entry-action">{actionLabel(t, e.action)}</strong>
              </div>
              <dl class="entry-facts">
                <dt>{t('supervise.col.actor')}</dt>
                <dd title={e.actor.personId}>
                  {personLabel(e.actor.personId)} ({roleLabel(t, e.actor.role)})
                </dd>
                <dt>{t('supervise.col.target')}</dt>
                <dd data-target={e.target.id} title={e.target.id}>
                  {targetKind(t, e.target.type)}
                  {namedParts(e.target.id).length > 0 ? ` · ${namedParts(e.target.id).join(' · ')}` : ''}
                </dd>
                {(e.context?.applicationId || e.context?.stage) && (
                  <>
                    <dt>{t('supervise.col.context')}</dt>
                    <dd title={e.context.applicationId}>
                      {[e.context.applicationId ? (organisations[e.context.applicationId] ?? e.context.applicationId) : '', e.context.stage ? stageName(e.context.stage) : '']
                        .filter(Boolean)
                        .join(' · ')}
                    </dd>
                  </>
                )}
                <dt>{t('supervise.col.hash')}</dt>
                <dd class="hashes">
                  <code title={e.prevHash}>{abbreviate(e.prevHash)}</code> → <code title={e.hash}>{abbreviate(e.hash)}</code>
                </dd>
              </dl>
              {action?.(e)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
