// The English of ./pool.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import pool from '../../../shared/messages/ui-pool?lang=en';

export default [pool];
