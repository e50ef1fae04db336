import { useEffect, useState } from 'preact/hooks';
import type { SectionView } from '../../../shared/api/applications';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { useAutosave } from '../ui/autosave';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatMoment, sectionLabel } from './format';
import '../texts/apply';

/** How long typing must pause before the section is saved. */
export const AUTOSAVE_DELAY_MS = 1200;

// Saves of one application go one at a time: two dozen sections of one package saved at once gain nothing.
const queues = new Map<string, Promise<unknown>>();
function queued<T>(applicationId: string, task: () => Promise<T>): Promise<T> {
  const before = queues.get(applicationId) ?? Promise.resolve();
  const run = before.then(task, task);
  const settled = run.catch(() => undefined);
  queues.set(applicationId, settled);
  void settled.then(() => {
    if (queues.get(applicationId) === settled) queues.delete(applicationId);
  });
  return run;
}

/** A section as saved: its text on a version (0: never saved). */
type SavedSection = { readonly version: number; readonly text: string; readonly updatedAt?: string };

/** Characters as the server counts them (code points, not UTF-16 units). */
const lengthOf = (text: string) => [...text].length;

/**
 * One section of the package (the profile or one item's self-assessment),
 * saved automatically after a pause in typing, always based on the version it
 * read. A 409 stops autosaving and says so: the applicant chooses to load the
 * saved text (theirs stays visible to copy); nothing is overwritten silently.
 */
export function SectionEditor({
  applicationId,
  section,
  initial,
  maxChars,
  readOnly,
  onSaved,
  onDirty,
}: {
  applicationId: string;
  section: string;
  initial: SectionView | undefined;
  maxChars: number;
  readOnly: boolean;
  onSaved?: (saved: SectionView) => void;
  onDirty?: (section: string, dirty: boolean) => void;
}) {
  const { call } = useAppState();
  const t = useT();
  const locale = useLocale();
  const [reloading, setReloading] = useState(false);
  const id = `section-${section.replace(/\./g, '-')}`;
  const autosave = useAutosave({
    initial: (initial ?? { version: 0, text: '' }) as SavedSection,
    draftOf: (saved: SavedSection) => saved.text,
    bodyOf: (text: string) => (lengthOf(text) > maxChars ? undefined : text),
    problemOf: (text: string) => (lengthOf(text) > maxChars ? 'tooLong' : undefined),
    save: async (text, version) => {
      const saved = await queued(applicationId, () => call('applications.saveSection', { params: { applicationId, section }, body: { text, version } }));
      onSaved?.(saved);
      return saved;
    },
    load: async () => {
      const app = await call('applications.get', { params: { applicationId } });
      const fresh: SavedSection = app.sections.find((s) => s.section === section) ?? { version: 0, text: '' };
      return fresh;
    },
    readOnly,
    delayMs: AUTOSAVE_DELAY_MS,
  });
  const { draft: text, saveState: state, savedAt, error, mine, reloadError } = autosave;
  useEffect(() => onDirty?.(section, state !== 'saved'), [state]);
  const save = autosave.flush;

  // The applicant chose to see what was saved elsewhere; their own text stays on the page to copy from.
  const loadSaved = async () => {
    setReloading(true);
    await autosave.reload();
    setReloading(false);
  };

  const length = lengthOf(text);
  return (
    <div class={`section-editor state-${state}`} data-section={section} data-save-state={state}>
      <label for={id} class="section-label">
        {sectionLabel(section, t, locale)}
      </label>
      <textarea
        id={id}
        rows={section === 'profile' ? 8 : 5}
        value={text}
        readOnly={readOnly}
        aria-describedby={`${id}-count ${id}-status`}
        aria-invalid={length > maxChars}
        onInput={(e) => autosave.change(e.currentTarget.value)}
        onBlur={() => {
          if (state === 'dirty') void save();
        }}
      />
      <div class="section-meta">
        <span id={`${id}-count`} class={length > maxChars ? 'over' : 'muted'}>
          {t('package.count', { count: length, max: maxChars })}
        </span>
        <span id={`${id}-status`} class="save-status" aria-live="polite">
          {state === 'saving' && t('package.saving')}
          {state === 'dirty' && t('package.unsaved')}
          {state === 'saved' && savedAt && t('package.savedAt', { time: formatMoment(savedAt, locale) })}
          {state === 'tooLong' && t('package.tooLong', { max: maxChars })}
        </span>
      </div>
      {state === 'conflict' && (
        <div class="conflict" role="alert" data-conflict={section}>
          <p>
            <strong>{t('package.conflict.title')}</strong>
          </p>
          <p>{t('package.conflict.body')}</p>
          <button type="button" onClick={loadSaved} disabled={reloading}>
            {t('package.conflict.reload')}
          </button>
          {reloadError !== null && <ErrorMessage error={reloadError} />}
        </div>
      )}
      {mine !== null && (
        <details class="yours" open>
          <summary>{t('package.conflict.yours')}</summary>
          <textarea readOnly rows={4} value={mine} aria-label={t('package.conflict.yours')} />
          {state !== 'conflict' && (
            <button type="button" class="secondary" onClick={() => autosave.dismissMine()}>
              {t('package.conflict.dismiss')}
            </button>
          )}
        </details>
      )}
      {state === 'failed' && error !== null && <ErrorMessage error={error} onRetry={() => void save()} />}
    </div>
  );
}
