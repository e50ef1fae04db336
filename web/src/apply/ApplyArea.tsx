import { useT } from '../i18n';
import { useAppState } from '../state';
import { RequireRole } from '../ui/RequireRole';

// Placeholder: the applicants' engineer replaces this area with the application package.
function ApplyPlaceholder() {
  const t = useT();
  const session = useAppState().session.value!;
  return (
    <section class="card" aria-labelledby="apply-title">
      <h1 id="apply-title">{t('apply.title')}</h1>
      <p>{t('session.as', { name: session.person.name, role: t(`platform.role.${session.role}`) })}</p>
      <p class="muted">{session.person.email}</p>
      <p class="notice">{t('apply.coming')}</p>
    </section>
  );
}

/** The applicant's area. */
export function ApplyArea() {
  return (
    <RequireRole roles={['applicant']}>
      <ApplyPlaceholder />
    </RequireRole>
  );
}
