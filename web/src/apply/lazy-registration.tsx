import { deferred } from '../ui/deferred';
import type { RegistrationForm as Form } from './RegistrationForm';

// The registration form (used once per organisation) loads in its own chunk when the page shows it, so an applicant's
// workspace does not carry it (issue 11). The page shows "loading" while the open rounds are read; the form follows.
export const LazyRegistrationForm = deferred<Parameters<typeof Form>[0]>(() => import('./RegistrationForm').then((m) => m.RegistrationForm));
