import { useEffect, useRef, useState } from 'preact/hooks';
import type { SectionView } from '../../../shared/api/applications';
import { ApiError } from '../api';
import { useLocale, useT } from '../i18n';
import { useAppState } from '../state';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatMoment, sectionLabel } from './format';

/** How long typing must pause before the section is saved. */
export const AUTOSAVE_DELAY_MS = 1200;

/** How often a save that failed for a passing reason (network, contention, 5xx) is tried again by itself. */
const AUTO_RETRIES = 3;
const RETRY_DELAY_MS = 1500;

// Saves of one application go one at a time: every save appends to the round's audit chain, and
// two dozen sections saved at once would only contend for its head.
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

/** A 409 CONFLICT: the text was based on an old version. */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'CONFLICT';
}

/** A failure worth trying again by itself: no answer, or the server busy (503 BUSY when the audit chain is contended) or failing. */
function isPassing(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

type SaveState = 'saved' | 'dirty' | 'saving' | 'tooLong' | 'conflict' | 'failed';

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
  const [text, setText] = useState(initial?.text ?? '');
  const [state, setState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState(initial?.updatedAt);
  const [error, setError] = useState<unknown>(null);
  const [mine, setMine] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const version = useRef(initial?.version ?? 0);
  const savedText = useRef(initial?.text ?? '');
  const current = useRef(text);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const inFlight = useRef(false);
  const blocked = useRef(false);
  const id = `section-${section.replace(/\./g, '-')}`;

  const mark = (next: SaveState) => {
    setState(next);
    onDirty?.(section, next !== 'saved');
  };

  const save = async (attempt = 0): Promise<void> => {
    clearTimeout(timer.current);
    if (inFlight.current || blocked.current || readOnly) return;
    const body = current.current;
    if (body === savedText.current) return mark('saved');
    if (lengthOf(body) > maxChars) return mark('tooLong');
    inFlight.current = true;
    mark('saving');
    try {
      const saved = await queued(applicationId, () =>
        call('applications.saveSection', { params: { applicationId, section }, body: { text: body, version: version.current } }),
      );
      version.current = saved.version;
      savedText.current = saved.text;
      setSavedAt(saved.updatedAt);
      setError(null);
      onSaved?.(saved);
      inFlight.current = false;
      // Typing went on while saving: save the newer text on top of the version just written.
      if (current.current !== savedText.current) return save();
      mark('saved');
    } catch (e) {
      inFlight.current = false;
      if (isPassing(e) && attempt < AUTO_RETRIES) {
        mark('saving');
        timer.current = setTimeout(() => void save(attempt + 1), RETRY_DELAY_MS * (attempt + 1));
        return;
      }
      setError(e);
      if (isStaleVersion(e)) {
        blocked.current = true;
        setMine(current.current);
        mark('conflict');
      } else mark('failed');
    }
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  const onInput = (value: string) => {
    setText(value);
    current.current = value;
    if (blocked.current) return;
    mark(lengthOf(value) > maxChars ? 'tooLong' : 'dirty');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  };

  // The applicant chose to see what was saved elsewhere; their own text stays on the page to copy from.
  const loadSaved = async () => {
    setReloading(true);
    setReloadError(null);
    try {
      const app = await call('applications.get', { params: { applicationId } });
      const fresh = app.sections.find((s) => s.section === section);
      version.current = fresh?.version ?? 0;
      savedText.current = fresh?.text ?? '';
      current.current = savedText.current;
      setText(savedText.current);
      setSavedAt(fresh?.updatedAt);
      blocked.current = false;
      setError(null);
      mark('saved');
    } catch (e) {
      setReloadError(e);
    } finally {
      setReloading(false);
    }
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
        onInput={(e) => onInput(e.currentTarget.value)}
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
            <button type="button" class="secondary" onClick={() => setMine(null)}>
              {t('package.conflict.dismiss')}
            </button>
          )}
        </details>
      )}
      {state === 'failed' && error !== null && <ErrorMessage error={error} onRetry={() => void save()} />}
    </div>
  );
}
