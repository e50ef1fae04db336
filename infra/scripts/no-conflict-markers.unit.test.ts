import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A merge left half-resolved once reached README.md on main; every tracked text file is checked for the markers.
describe('the repository', () => {
  it('holds no merge-conflict markers in any tracked text file', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter((f) => /\.(ts|tsx|md|json|css|html|yml|yaml|sh)$/.test(f));
    const marked = files.filter((file) => /^(<{7}|>{7}) |^={7}$/m.test(readFileSync(file, 'utf8')));
    expect(marked).toEqual([]);
  });
});
