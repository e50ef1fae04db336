import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, DocumentNameSchema, documentNameProblem, downloadFileName } from './document-name';

describe('document names at the door', () => {
  it('accepts ordinary Chinese and English names, with emoji pairs, and stores them in NFC', () => {
    // Prepare / Act
    const parsed = ['营业执照（2024 年版）.pdf', 'Self-assessment report v2.docx', '证书 📄.png', 'Cafe\u0301.pdf'].map((n) => v.parse(DocumentNameSchema, n));
    // Assess
    expect(parsed).toEqual(['营业执照（2024 年版）.pdf', 'Self-assessment report v2.docx', '证书 📄.png', 'Café.pdf']);
  });

  it.each([
    ['a lone high surrogate', 'report\ud800.pdf', 'malformed'],
    ['a lone low surrogate', '\udc00licence.pdf', 'malformed'],
    ['a line break', 'a\nb.pdf', 'control'],
    ['a C1 control', 'a\u0085b.pdf', 'control'],
    ['DEL', 'a\u007fb.pdf', 'control'],
    ['a right-to-left override', 'invoice\u202Efdp.exe', 'bidi'],
    ['an isolate', 'a\u2067b.pdf', 'bidi'],
    ['a slash', '../etc/passwd', 'separator'],
    ['a backslash', 'C:\\x.pdf', 'separator'],
    ['only spaces', '   ', 'empty'],
    ['256 bytes', `${'a'.repeat(252)}.pdf`, 'tooLong'],
    ['86 Chinese characters', `${'证'.repeat(84)}.pdf`, 'tooLong'],
  ])('refuses %s with its reason', (_, name, problem) => {
    const result = v.safeParse(DocumentNameSchema, name);
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toBe(`DOCUMENT_NAME_INVALID:${problem}`);
  });

  it('accepts exactly 255 bytes', () => {
    expect(documentNameProblem(`${'a'.repeat(251)}.pdf`)).toBeUndefined();
    expect(documentNameProblem(`${'证'.repeat(83)}.pdf`)).toBeUndefined();
  });
});

describe('download header from any stored name', () => {
  it('gives an RFC 6266 attachment with an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('营业执照.pdf')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf`,
    );
    expect(attachmentDisposition(`it's (final) *v2*.pdf`)).toBe(`attachment; filename="it's (final) *v2*.pdf"; filename*=UTF-8''it%27s%20%28final%29%20%2Av2%2A.pdf`);
  });

  it('never throws and always gives a header-safe, well-formed value, whatever the stored name (lone surrogates, controls, quotes)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (stored) => {
        const header = attachmentDisposition(stored);
        // Only visible ASCII and spaces: a valid HTTP header value.
        expect(header).toMatch(/^[\x20-\x7e]+$/);
        const name = downloadFileName(stored);
        expect(name.length).toBeGreaterThan(0);
        expect(name).not.toMatch(/\p{Cs}/u);
        expect(documentNameProblem(name) === undefined || documentNameProblem(name) === 'tooLong').toBe(true);
        const exact = /filename\*=UTF-8''(.*)$/.exec(header)![1]!;
        expect(decodeURIComponent(exact)).toBe(name);
      }),
    );
  });

  it('turns a lone surrogate into U+FFFD', () => {
    expect(downloadFileName('报告\ud800.pdf')).toBe('报告\ufffd.pdf');
  });
});
