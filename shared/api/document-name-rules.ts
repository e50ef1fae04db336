/**
 * Document file names: what an upload may be called, checked the same way by
 * the site (before hashing a file) and the submission function (at the door),
 * and how any stored name — even one accepted before these rules — is turned
 * into a download header that cannot fail. No valibot here (the schema is in
 * document-name.ts): the site and the functions' download path import these rules
 * without loading it (issue 11).
 */

/** Longest file name, in UTF-8 bytes: what common file systems (ext4, NTFS via UTF-16 within it) accept when a reviewer saves it. */
export const DOCUMENT_NAME_MAX_BYTES = 255;

/** Why a file name is refused; each has a catalogue text `documentName.<problem>`. */
export type DocumentNameProblem = 'empty' | 'malformed' | 'control' | 'bidi' | 'separator' | 'tooLong';

// A UTF-16 surrogate not paired with its other half: with the `u` flag a pair is one code point and never matches.
const LONE_SURROGATE = /\p{Cs}/u;
// C0, DEL and C1 control characters; line and paragraph separators.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// Bidirectional embeddings, overrides, isolates and marks: they make `exe.pdf` look like `fdp.exe` (CVE-2021-42574).
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const SEPARATOR = /[/\\]/;

/** The first rule a (trimmed) file name breaks, or undefined when it is fine. */
export function documentNameProblem(name: string): DocumentNameProblem | undefined {
  if (LONE_SURROGATE.test(name)) return 'malformed';
  if (name.length === 0) return 'empty';
  if (CONTROL.test(name)) return 'control';
  if (BIDI.test(name)) return 'bidi';
  if (SEPARATOR.test(name)) return 'separator';
  if (new TextEncoder().encode(name).length > DOCUMENT_NAME_MAX_BYTES) return 'tooLong';
  return undefined;
}

/** Issue message of a refused name: the code the router answers with (`DOCUMENT_NAME_INVALID`) and the rule, `:`-separated. */
export const DOCUMENT_NAME_ISSUE = 'DOCUMENT_NAME_INVALID';

/**
 * A name safe to put in a download header, from any stored name: lone
 * surrogates become U+FFFD, control and bidi characters and path separators
 * go, and an empty result becomes `document`.
 */
export function downloadFileName(stored: string): string {
  let name = '';
  for (const ch of stored) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) name += '\ufffd';
    else if (CONTROL.test(ch) || BIDI.test(ch)) continue;
    else if (SEPARATOR.test(ch) || ch === '"') name += '_';
    else name += ch;
  }
  name = name.trim();
  // Keep the end (the extension) when cutting: at most 200 code points.
  const points = [...name];
  if (points.length > 200) name = [...points.slice(0, 150), '…', ...points.slice(-49)].join('');
  return name || 'document';
}

// RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~".
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

/**
 * `Content-Disposition: attachment` for a stored name (RFC 6266): an ASCII
 * `filename` fallback and the exact name as `filename*` (RFC 5987, UTF-8,
 * percent-encoded). Never throws, whatever the stored name holds.
 */
export function attachmentDisposition(stored: string): string {
  const name = downloadFileName(stored);
  const bytes = new TextEncoder().encode(name);
  let encoded = '';
  for (const byte of bytes) {
    const ch = String.fromCharCode(byte);
    encoded += byte < 0x80 && ATTR_CHAR.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/[%"\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
