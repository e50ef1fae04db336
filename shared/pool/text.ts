/**
 * Reading a spreadsheet exported as CSV: offices save from Excel on Windows
 * (GBK, or UTF-8 with a byte order mark) or from WPS and other tools (UTF-8
 * without one), with commas, quotes and line breaks inside quoted cells.
 */

/** The encoding a CSV file was read with. */
export type CsvEncoding = 'utf-8-bom' | 'utf-8' | 'gbk';

/**
 * The text of a CSV file: UTF-8 when it has the byte order mark or is valid
 * UTF-8, GBK otherwise (Excel's "CSV" on a Chinese Windows). GBK bytes are
 * almost never valid UTF-8 (a lead byte 0x81–0xFE must be followed by 0x80–0xBF
 * continuation bytes in the right count), so the order of tries is safe.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Node's TextDecoder knows GBK only with full ICU (the default build since Node 13; Lambda's runtime has it).
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

/** Rows of cells of a CSV text (RFC 4180: quoted cells may hold commas, quotes doubled, line breaks); blank lines dropped. A tab-separated file (Excel's "Unicode text") is read by tabs. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/**
 * A cell as the CSV writers of this project write it (`="0591…"` keeps a credit
 * code or phone as text in Excel): the formula wrapper is read back as its text.
 */
export function cellText(raw: string): string {
  const m = /^="(.*)"$/s.exec(raw.trim());
  return (m ? m[1]!.replace(/""/g, '"') : raw).trim();
}
