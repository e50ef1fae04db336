import { useT } from '../../i18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { issueLabel, type FormIssues } from './issues';
import '../../texts/rounds';

/** A refused save: the server's message (code, request id) and, when it named settings, every problem with the setting it is about. */
export function IssueSummary({ error, issues }: { error: unknown; issues: FormIssues }) {
  const t = useT();
  return (
    <div class="issue-summary" data-issue-count={issues.list.length}>
      <ErrorMessage error={error} />
      {issues.list.length > 0 && (
        <div class="error">
          <p class="error-main">{t('rounds.issues.title')}</p>
          <ul>
            {issues.list.map((issue, i) => (
              <li key={i} data-issue-path={issue.path}>
                {t('rounds.issues.item', { field: issueLabel(t, issue), message: issue.text })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
