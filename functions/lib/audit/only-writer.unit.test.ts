import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every state change is committed through AuditLog.commit, one transaction with its audit entry (ARCHITECTURE.md
// "Data that must never be lost"), so a use case added later cannot forget the audit chain: outside the audit log,
// only the identity store writes DynamoDB directly (and the audit linker, which appends committed intents to their chain) — sessions, spent links and rate counters, which are not state of the award.
const FUNCTIONS_DIR = resolve(import.meta.dirname, '../..');
const ALLOWED_WRITERS = new Set(['lib/audit/log.ts', 'lib/audit/linker.ts', 'lib/identity/store.ts']);
const WRITE = /\bnew\s+(PutCommand|UpdateCommand|DeleteCommand|TransactWriteCommand|BatchWriteCommand|PutItemCommand|UpdateItemCommand|DeleteItemCommand|TransactWriteItemsCommand|BatchWriteItemCommand|ExecuteStatementCommand|BatchExecuteStatementCommand)\s*\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the audit log is the only way to change the award', () => {
  it('finds no DynamoDB write outside the audit log (and the identity store’s sessions and counters)', () => {
    const writers = sources(FUNCTIONS_DIR)
      .filter((file) => WRITE.test(readFileSync(file, 'utf8')))
      .map((file) => relative(FUNCTIONS_DIR, file).split('\\').join('/'));
    expect(writers.sort()).toEqual([...ALLOWED_WRITERS].sort());
  });
});
