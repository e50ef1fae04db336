import type { ComponentChildren } from 'preact';
import type { Role } from '../../../shared/api';
import { useT } from '../i18n';
import { useAppState } from '../state';
import './work.css';

/** Renders its children only for a session in one of `roles`; otherwise says why (the API enforces it anyway). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ComponentChildren }) {
  const state = useAppState();
  const t = useT();
  if (!state.sessionChecked.value) return <p class="muted">{t('site.loading')}</p>;
  const session = state.session.value;
  if (!session) {
    return (
      <section class="card">
        <p>{t('signIn.required')}</p>
        <p>
          <a class="button" href="/sign-in">
            {t('nav.signIn')}
          </a>
        </p>
      </section>
    );
  }
  if (!roles.includes(session.role)) {
    return (
      <section class="card" role="alert">
        <p>{t('signIn.wrongRole', { role: t(`platform.role.${session.role}`) })}</p>
      </section>
    );
  }
  return <>{children}</>;
}
