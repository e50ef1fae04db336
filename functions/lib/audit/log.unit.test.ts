import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { AuditLog } from './log';

// Fault injection only: a client whose every transaction collides with another writing one of the change's items.
function contendedClient() {
  const calls = { transactions: 0 };
  const client = {
    send: async (command: unknown) => {
      if (command instanceof QueryCommand) return { Items: [] };
      if (command instanceof TransactWriteCommand) {
        calls.transactions++;
        throw new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: {},
          CancellationReasons: [{ Code: 'TransactionConflict' }],
        });
      }
      throw new Error('unexpected command');
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, calls };
}

describe('audit log under contention', () => {
  it('gives up on items that stay contended with 503 BUSY (a passing condition), after backing off and retrying', async () => {
    // Prepare
    const { client, calls } = contendedClient();
    const log = new AuditLog(client, { entries: 'audit', intents: 'audit-intents' });
    // Act
    const failure = await log
      .commit({
        scope: 'round:r1',
        actor: { personId: 'p1', role: 'applicant' },
        action: 'package.sectionSaved',
        target: { type: 'section', id: 'profile' },
        state: { text: 'x' },
        requestId: 'req-1',
        now: new Date('2026-11-25T00:00:00Z'),
        writes: [],
      })
      .catch((e: unknown) => e);
    // Assess
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'BUSY', status: 503 });
    expect(calls.transactions).toBeGreaterThan(1);
  });
});
