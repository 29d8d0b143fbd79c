import type { Blob } from 'node:buffer';
import type { Stream } from 'node:stream';
import writeXlsxFile, { type Cell, type CellObject, type Feature } from 'write-excel-file/node';
import type { Catalogue } from '../report/catalogue';
import { RECORD_LOCALE, type Locale } from '../report/locale';
import type { Report } from '../report/report';
import {
  registerCells,
  registerColumns,
  type RegisterCell,
  type RegisterColumn,
} from './registerColumns';

/** The MIME type of an Excel workbook. */
export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The number formats of the workbook: Excel shows them in the reader's own notation. */
export const XLSX_FORMATS = {
  /** Euros with two decimals; a Dutch Excel shows `€ 1.586,80`. */
  euro: '"€" #,##0.00;"€" -#,##0.00',
  date: { nl: 'dd-mm-yyyy', en: 'yyyy-mm-dd' },
  dateTime: { nl: 'dd-mm-yyyy hh:mm', en: 'yyyy-mm-dd hh:mm' },
  whole: '0',
} as const;

const SHEET_NAME: Record<Locale, string> = { nl: 'Reisregister', en: 'Trip register' };
const HEADER_STYLE = {
  fontWeight: 'bold',
  backgroundColor: '#DDEBF7',
  bottomBorderStyle: 'thin',
} as const;
// Column widths in characters: wide enough for the header and most values, never a wall of text.
const MIN_WIDTH = 8;
const MAX_WIDTH = 50;

/**
 * The register of trips as an Excel workbook, for people (a Dutch Excel opens the CSV as one
 * column): the columns of the CSV, amounts as numbers in euros, dates as dates, a bold header
 * row that stays in view, a filter on every column. Text is always written as text: a title
 * such as `=HYPERLINK(…)` is a string in the sheet, never a formula.
 */
export async function renderRegisterXlsx(
  reports: readonly Report[],
  catalogue: Catalogue,
  locale: Locale = RECORD_LOCALE,
): Promise<Buffer> {
  const columns = registerColumns(catalogue, locale);
  const rows = reports.map((report) => registerCells(report, catalogue, columns, locale));
  const data: Cell[][] = [
    columns.map((column): CellObject => ({ type: String, value: column.header, ...HEADER_STYLE })),
    ...rows.map((row) => row.map((cell) => xlsxCell(cell, locale))),
  ];
  const sheetName = SHEET_NAME[locale];
  return writeXlsxFile(
    data,
    {
      sheet: sheetName,
      stickyRowsCount: 1,
      columns: columns.map((column, index) => ({
        width: columnWidth(
          column,
          rows.map((row) => row[index]!),
        ),
      })),
    },
    { features: [autoFilter(sheetName, columnLetters(columns.length), data.length)] },
  ).toBuffer();
}

/**
 * A cell of the workbook. Every value carries its type: the library writes a `String` as a
 * shared string, which Excel shows and never evaluates, whatever its first character.
 */
function xlsxCell(cell: RegisterCell, locale: Locale): Cell {
  switch (cell.kind) {
    case 'text':
      return cell.text === '' ? null : { type: String, value: cell.text };
    case 'number':
      return cell.value === undefined
        ? null
        : { type: Number, value: cell.value, format: XLSX_FORMATS.whole };
    case 'euro':
      // Cents to euros: 41280 / 100 is 412.8 exactly as a double as Excel stores it.
      return cell.cents === undefined
        ? null
        : { type: Number, value: cell.cents / 100, format: XLSX_FORMATS.euro };
    case 'date': {
      const date = cell.iso ? excelDate(cell.iso) : undefined;
      return date ? { type: Date, value: date, format: XLSX_FORMATS.date[locale] } : null;
    }
    case 'dateTime': {
      const date = cell.local ? excelDate(cell.local) : undefined;
      return date ? { type: Date, value: date, format: XLSX_FORMATS.dateTime[locale] } : null;
    }
  }
}

/**
 * An ISO day (`2024-11-05`) or local time (`2024-11-12 10:30`) as the Date the library turns
 * into Excel's serial number. Excel's dates have no time zone and the library counts in UTC,
 * so the local clock is put in UTC: Excel then shows the day and time as written.
 */
function excelDate(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour, minute));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A column's width: its header or longest first line of text, within MIN_WIDTH–MAX_WIDTH. */
function columnWidth(column: RegisterColumn, cells: readonly RegisterCell[]): number {
  const widths = cells.map((cell) => {
    switch (cell.kind) {
      case 'text':
        return Math.max(...cell.text.split(/\r?\n/).map((line) => line.length));
      case 'euro':
        return 14;
      case 'dateTime':
        return 16;
      case 'date':
        return 11;
      case 'number':
        return 6;
    }
  });
  // Two more for the filter button beside the header.
  const widest = Math.max(column.header.length + 2, ...widths) + 1;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest));
}

/** The column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * A filter button on every column header: the library has none, so this feature adds the
 * sheet's `<autoFilter>` right after `<sheetData>` (where the schema wants it when no sheet
 * protection precedes it) and the hidden name Excel itself keeps for the filtered range.
 * `Feature`'s type argument is the Node build's file content (the library does not export it).
 */
function autoFilter(
  sheetName: string,
  lastColumn: string,
  lastRow: number,
): Feature<Stream | Buffer | Blob> {
  const range = `A1:${lastColumn}${lastRow}`;
  const absolute = `'${sheetName.replace(/'/g, "''")}'!$A$1:$${lastColumn}$${lastRow}`;
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml) =>
            xml.replace('</sheetData>', `</sheetData><autoFilter ref="${range}"/>`),
        },
        'xl/workbook.xml': {
          transform: (xml) =>
            xml.replace(
              /<definedNames\/>|<\/definedNames>/,
              (found) =>
                `${found === '<definedNames/>' ? '<definedNames>' : ''}` +
                `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">` +
                `${escapeXml(absolute)}</definedName></definedNames>`,
            ),
        },
      },
    },
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
