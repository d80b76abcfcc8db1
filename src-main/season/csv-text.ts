/**
 * RFC 4180 CSV text with spreadsheet-injection protection. A text cell that starts with
 * = + - @ (or a tab / carriage return) could run as a formula when opened in Excel or
 * LibreOffice, so it gets a leading apostrophe. A cell that is exactly a decimal number
 * ("-12.50") is left as it is: it cannot be a formula, and mangling it would break sums.
 */
export type CsvCell = string | number | null;

const NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} to CSV`);
    return String(value);
  }
  const safe = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Lines end in CRLF as RFC 4180 says; `excelBom` prefixes a UTF-8 BOM so Excel reads accents right. */
export function toCsvText(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: { excelBom: boolean }): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${options.excelBom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
