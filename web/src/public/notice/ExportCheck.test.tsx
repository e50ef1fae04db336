import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChainHead } from '../../../../shared/api/outcome';
import type { AuditEntry } from '../../../../shared/audit/chain';
import type { Locale } from '../../../../shared/messages';
import '../../texts/notice';
import { buildChain } from '../../supervise/fixtures';
import { renderWithState } from '../../test-utils';
import { ExportCheck } from './ExportCheck';

afterEach(cleanup);

const headOf = (e: AuditEntry): ChainHead => ({ scope: e.scope, sequence: e.seq, hash: e.hash });
const jsonLines = (entries: readonly unknown[]) => entries.map((e) => JSON.stringify(e)).join('\n') + '\n';

/** Shows the check for `head`, chooses a file holding `text`, and waits for the result. */
async function check(head: ChainHead, text: string | File, locale: Locale = 'en') {
  renderWithState(<ExportCheck head={head} kind="notice" />, { locale });
  const input = screen.getByLabelText(locale === 'en' ? 'Check an exported chain file' : '用导出的审计链文件核验') as HTMLInputElement;
  const file = typeof text === 'string' ? new File([text], 'audit-round-city-2026.jsonl', { type: 'application/x-ndjson' }) : text;
  fireEvent.change(input, { target: { files: [file] } });
  await waitFor(() => expect(document.querySelector("[data-head-check]")).not.toBeNull());
  const result = document.querySelector("[data-head-check]")!;
  return { kind: result.getAttribute('data-head-check'), text: result.textContent ?? '' };
}

describe('checking an exported chain against a published head, in the browser', () => {
  it('says it matches when the export recomputes and holds the head with exactly its hash', async () => {
    const chain = await buildChain();
    expect(await check(headOf(chain[2]!), jsonLines(chain))).toEqual({
      kind: 'ok',
      text: 'Matches: the exported chain (5 entries) recomputes correctly, and its entry #3 has exactly the hash published here.',
    });
  });

  it('names the entry where an edited export stops verifying', async () => {
    const chain = await buildChain();
    const edited = chain.map((e) => (e.seq === 2 ? { ...e, actor: { personId: 'P-APP-9', role: 'applicant' } } : e));
    const result = await check(headOf(chain[3]!), jsonLines(edited), 'zh-CN');
    expect(result.kind).toBe('broken');
    expect(result.text).toBe('不一致：导出的审计链在第 2 条记录处无法验证：记录内容与其哈希不符。');
  });

  it('says so when the head is past the end of the export, or the hash differs', async () => {
    const chain = await buildChain();
    expect((await check({ ...headOf(chain[4]!), sequence: 6 }, jsonLines(chain))).kind).toBe('missing');
    cleanup();
    const forged = { ...headOf(chain[4]!), hash: 'f'.repeat(64) };
    expect(await check(forged, jsonLines(chain))).toEqual({ kind: 'mismatch', text: `Does not match: entry #5 of the exported chain has the hash ${chain[4]!.hash}, not the one published.` });
  });

  it("refuses another round's chain, a file that is not an export, and an empty one", async () => {
    const other = await buildChain('round:city-2024');
    const chain = await buildChain();
    expect((await check(headOf(chain[0]!), jsonLines(other))).text).toBe("This is not this round's chain: the file's entries belong to round:city-2024, not round:city-2026.");
    cleanup();
    expect(await check(headOf(chain[0]!), `${JSON.stringify(chain[0])}\n<html>`)).toEqual({
      kind: 'unreadable',
      text: "Cannot read it: line 2 is not an audit entry. Choose the .jsonl file exported from the supervisors' workspace.",
    });
    cleanup();
    expect((await check(headOf(chain[0]!), '\n')).kind).toBe('empty');
  });

  it('says the check could not be completed when the file cannot be read, without blaming its content', async () => {
    const chain = await buildChain();
    const unreadable = Object.assign(new File(['x'], 'audit.jsonl'), { text: () => Promise.reject(new Error('the file went away')) });
    expect(await check(headOf(chain[0]!), unreadable)).toEqual({
      kind: 'failed',
      text: 'The check could not be completed (the file could not be read, or the connection failed); try again.',
    });
  });
});
