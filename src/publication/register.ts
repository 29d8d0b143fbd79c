import type { Catalogue } from '../report/catalogue';
import { RECORD_LOCALE, type Locale } from '../report/locale';
import { decimalEuro } from '../report/money';
import type { Report } from '../report/report';
import { registerCells, registerColumns, type RegisterCell } from './registerColumns';

/** The byte order mark that makes Excel read a CSV file as UTF-8 (names in any script). */
const BOM = '\uFEFF';

/**
 * The register of trips as CSV (RFC 4180: comma-separated, CRLF, fields with a quote, comma,
 * semicolon or line break quoted and quotes doubled), UTF-8 with a BOM; one row a report, in the
 * given order. Columns: see registerColumns; amounts with a decimal point (`412.80`), dates ISO.
 */
export function renderRegisterCsv(
  reports: readonly Report[],
  catalogue: Catalogue,
  locale: Locale = RECORD_LOCALE,
): string {
  return registerCsvHeader(catalogue, locale) + registerCsvRows(reports, catalogue, locale);
}

/** The CSV's start, its byte order mark and header line: for writing the register a page at a time. */
export function registerCsvHeader(catalogue: Catalogue, locale: Locale = RECORD_LOCALE): string {
  const headers = registerColumns(catalogue, locale).map((column) => csvField(column.header));
  return `${BOM}${headers.join(',')}\r\n`;
}

/** The CSV's lines of these reports, each ending in CRLF: what follows registerCsvHeader. */
export function registerCsvRows(
  reports: readonly Report[],
  catalogue: Catalogue,
  locale: Locale = RECORD_LOCALE,
): string {
  const columns = registerColumns(catalogue, locale);
  return reports
    .map(
      (report) => `${registerCells(report, catalogue, columns, locale).map(csvCell).join(',')}\r\n`,
    )
    .join('');
}

/** One report's row as the CSV's texts (unquoted): dates ISO so that they sort, amounts `412.80`. */
export function registerRow(
  report: Report,
  catalogue: Catalogue,
  locale: Locale = RECORD_LOCALE,
): string[] {
  const columns = registerColumns(catalogue, locale);
  return registerCells(report, catalogue, columns, locale).map(cellText);
}

/** A cell as the CSV writes it, before quoting: empty for an unknown amount, date or number. */
function cellText(cell: RegisterCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return cell.value === undefined ? '' : String(cell.value);
    case 'euro':
      return cell.cents === undefined ? '' : decimalEuro(cell.cents);
    case 'date':
      return cell.iso ?? '';
    case 'dateTime':
      return cell.local ?? '';
  }
}

// Only text is the traveller's: numbers, amounts and dates are written by the register itself
// (digits, `-` and `.`), and a leading `'` would spoil a negative amount for a machine.
function csvCell(cell: RegisterCell): string {
  return cell.kind === 'text' ? csvField(cell.text) : cellText(cell);
}

/** What makes a spreadsheet run a cell as a formula: its first character, after any spaces. */
const FORMULA_START = /^[=+\-@]/;
const CONTROL_START = /^[\t\r]/;

/**
 * One CSV field. A cell that starts with `=`, `+`, `-`, `@` (spaces before it included), tab or
 * carriage return would be run as a formula by a spreadsheet, so it gets a leading `'`. It is
 * quoted when it holds a quote, line break, comma or semicolon: a Dutch Excel splits on
 * semicolons, and an unquoted piece after one could start a formula of its own.
 */
export function csvField(value: string): string {
  const formula = FORMULA_START.test(value.trimStart()) || CONTROL_START.test(value);
  const safe = formula ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
