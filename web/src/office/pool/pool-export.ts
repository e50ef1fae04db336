import { cellText, parseCsv } from '../../../../shared/pool/text';
import type { WorkbookSheet } from '../../ui/export/workbook';

/**
 * The pool export as one workbook sheet (issue 13 part 1: "export the pool the same way" it is imported): the API's
 * CSV, with the import's Chinese headers, read back into rows — so the .xlsx and the CSV always hold the same cells,
 * and either imports again unchanged.
 */
export function poolSheet(csv: string, name: string): WorkbookSheet {
  // `="…"` keeps a credit code or phone as text in a CSV; a workbook cell is text by its type, so it holds the text itself.
  const [headers = [], ...rows] = parseCsv(csv.replace(/^\uFEFF/, '')).map((row) => row.map(cellText));
  return { name, headers, rows };
}

/** `pool-2026-12-06.csv` → `pool-2026-12-06` (the workbook writer adds `.xlsx`). */
export const baseName = (fileName: string) => fileName.replace(/\.csv$/i, '');
