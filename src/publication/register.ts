import type { Catalogue } from '../report/catalogue';
import { RECORD_LOCALE, type Locale } from '../report/locale';
import type { Report } from '../report/report';
import { reportView, shownAnswer } from '../report/reportView';
import { postedAtLocal } from './tripDate';

/** The register's columns, in order, as a municipality's overview of trips names them. */
const COLUMNS: Record<Locale, string[]> = {
  nl: [
    'Reiziger',
    'Titel',
    'Bestemming',
    'Vertrek',
    'Terugkeer',
    'Duur',
    'Aantal personen',
    'Doel',
    'Geplaatst op',
    'Versie',
  ],
  en: [
    'Traveller',
    'Title',
    'Destination',
    'Departure',
    'Return',
    'Duration',
    'Number of people',
    'Purpose',
    'Posted at',
    'Version',
  ],
};

/** The byte order mark that makes Excel read a CSV file as UTF-8 (names in any script). */
const BOM = '\uFEFF';

/**
 * The register of trips as CSV (RFC 4180: comma-separated, CRLF, fields with a quote, comma,
 * semicolon or line break quoted and quotes doubled), UTF-8 with a BOM; one row a report, in the given order.
 */
export function renderRegisterCsv(
  reports: readonly Report[],
  catalogue: Catalogue,
  locale: Locale = RECORD_LOCALE,
): string {
  checkRegisterAnswers(catalogue);
  const rows = [
    COLUMNS[locale],
    ...reports.map((report) => registerRow(report, catalogue, locale)),
  ];
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One report's row: who went where, why, when, with how many; dates ISO so that they sort. */
export function registerRow(
  report: Report,
  catalogue: Catalogue,
  locale: Locale = RECORD_LOCALE,
): string[] {
  const view = reportView(report, catalogue, locale);
  return [
    view.traveller,
    view.title.text,
    view.destination.text,
    view.dates?.departure ?? '',
    view.dates?.return ?? '',
    view.dates?.length ?? '',
    shownAnswer(view, PERSONS_KEY),
    shownAnswer(view, PURPOSE_KEY),
    postedAtLocal(report),
    String(report.version),
  ];
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

// The answers of the register's own columns, besides those naming the trip (see reportView).
const PERSONS_KEY = 'persons';
const PURPOSE_KEY = 'purpose';

// The catalogue must still have the questions the register reads; fail, not leave a column empty.
function checkRegisterAnswers(catalogue: Catalogue): void {
  for (const key of ['title', 'destination', 'duration', PERSONS_KEY, PURPOSE_KEY]) {
    if (!catalogue.find(key)) {
      throw new Error(
        `The register reads the answer "${key}", which the question catalogue no longer has; ` +
          'update src/publication/register.ts together with the catalogue.',
      );
    }
  }
}
