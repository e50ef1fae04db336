// What a runtime is built from besides its clients and keys: loaded while the signing key's secret is read over the
// network (functions/lib/runtime.ts), not at the cold import (issue 11).
export { archiveEntry } from './audit/archive';
export { AuditLog } from './audit/log';
export { authenticate } from './identity/sessions';
export { IdentityStore } from './identity/store';
export { createMailer } from './mailer';
