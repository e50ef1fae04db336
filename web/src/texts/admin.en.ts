// The English of ./admin.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import admin from '../../../shared/messages/ui-admin?lang=en';

export default [admin];
