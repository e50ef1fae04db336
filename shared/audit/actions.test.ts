import { describe, expect, it } from 'vitest';
import { allMessages } from '../messages/all';
import { DOMAIN_EVENT_TYPES } from '../stages/events';
import { AUDIT_ACTIONS } from './actions';

describe('audited actions', () => {
  it('has a timeline label in both languages for every audited action', () => {
    const unlabelled = AUDIT_ACTIONS.filter((action) => !(`audit.${action}` in allMessages));
    expect(unlabelled).toEqual([]);
  });

  it('can audit every event the state machines emit', () => {
    const missing = DOMAIN_EVENT_TYPES.filter((type) => !(AUDIT_ACTIONS as readonly string[]).includes(type));
    expect(missing).toEqual([]);
  });
});
