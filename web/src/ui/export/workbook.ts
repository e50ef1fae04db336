/**
 * Tables to files the office opens in Excel or WPS (issue 12.4; the expert pool export of issue 13 uses the same):
 * an .xlsx workbook with one sheet per table, written in the browser by `write-excel-file` (a maintained library,
 * about 21 KB gzip with its zip writer, loaded only when someone exports), and CSV in UTF-8 with a byte order mark so
 * Excel reads Chinese text.
 */

/** One table of a workbook: the sheet's name (at most 31 characters, none of `\ / ? * [ ] :`), its headers and rows. */
export interface WorkbookSheet {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet name Excel accepts: forbidden characters replaced, cut to 31 characters, unique within the workbook. */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
  return candidate;
}

/** The .xlsx workbook of the tables as bytes (a Blob): headers bold in the first row, numbers as numbers. */
export async function workbookBlob(sheets: readonly WorkbookSheet[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const taken = new Set<string>();
  const data = sheets.map((s) => {
    const name = sheetName(s.name, taken);
    taken.add(name);
    return {
      sheet: name,
      data: [
        s.headers.map((h) => ({ value: h, fontWeight: 'bold' as const })),
        ...s.rows.map((row) => row.map((value) => (value === '' ? null : typeof value === 'number' ? { value, type: Number } : { value: String(value), type: String }))),
      ],
      columns: s.headers.map((h) => ({ width: Math.min(40, Math.max(8, h.length * 2 + 2)) })),
    };
  });
  const blob = await writeXlsxFile(data as never).toBlob();
  return blob.type === XLSX_TYPE ? blob : new Blob([blob], { type: XLSX_TYPE });
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A table as CSV text: a UTF-8 byte order mark first (Excel then reads Chinese correctly), CRLF line ends, RFC 4180 quoting. */
export function csvText(sheet: Pick<WorkbookSheet, 'headers' | 'rows'>): string {
  return `\uFEFF${[sheet.headers, ...sheet.rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Offers a file to the browser's downloads. */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the tables as one .xlsx workbook named `<fileName>.xlsx`. */
export async function downloadWorkbook(fileName: string, sheets: readonly WorkbookSheet[]): Promise<void> {
  saveFile(`${fileName}.xlsx`, await workbookBlob(sheets));
}

/** Downloads one table as `<fileName>.csv` (UTF-8 with BOM). */
export function downloadCsv(fileName: string, sheet: Pick<WorkbookSheet, 'headers' | 'rows'>): void {
  saveFile(`${fileName}.csv`, new Blob([csvText(sheet)], { type: 'text/csv;charset=utf-8' }));
}
