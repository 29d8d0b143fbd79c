import type { Locale } from './locale';
import { collapseWhitespace } from './plainText';
import { wallTimeOf } from './zonedTime';

// Month names and abbreviations in Dutch and English; travellers mix the two.
const MONTHS = new Map<string, number>(
  Object.entries({
    januari: 1,
    january: 1,
    jan: 1,
    februari: 2,
    february: 2,
    feb: 2,
    maart: 3,
    march: 3,
    mrt: 3,
    mar: 3,
    april: 4,
    apr: 4,
    mei: 5,
    may: 5,
    juni: 6,
    june: 6,
    jun: 6,
    juli: 7,
    july: 7,
    jul: 7,
    augustus: 8,
    august: 8,
    aug: 8,
    september: 9,
    sept: 9,
    sep: 9,
    oktober: 10,
    october: 10,
    okt: 10,
    oct: 10,
    november: 11,
    nov: 11,
    december: 12,
    dec: 12,
  }),
);

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Day, month and year with one separator used twice: 19-06-2023, 19/6/2023, 19.06.23.
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const DAY_MONTH_NAME_YEAR = /^(\d{1,2})\s+(\p{L}+)\.?,?\s+(\d{4})$/u;
const MONTH_NAME_DAY_YEAR = /^(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u;
// The first half of a range such as "19 t/m 20 juni 2023" or "30-06 t/m 02-07-2023".
const DAY_ONLY = /^(\d{1,2})$/;
const DAY_MONTH = /^(\d{1,2})(?:[-/.](\d{1,2})|\s+(\p{L}+)\.?)$/u;
// Between the two dates of a range, in text whose whitespace is single spaces: t/m, tot (en met),
// to, until, till, through or a hyphen with a space on either side, or an en or em dash.
const RANGE_SEPARATOR = / (?:t\/m|tot en met|tot|to|until|till|through|-) | ?[–—] ?/i;
const RANGE_INTRO = /^(?:van|from) /i;

/** The ISO date for this year, month and day, or undefined when that day does not exist. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  // Years before 1900 are typos (0023 for 2023), and Date maps years 0–99 onto 1900–1999.
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Reads a typed calendar date (`19-06-2023`, `19/6/2023`, `19.06.2023`, `2023-06-19`,
 * `19 juni 2023`, `19 jun 2023`, `19 June 2023`, `June 19, 2023`) as ISO `YYYY-MM-DD`;
 * undefined when it is not a real date. A two-digit year means 20xx.
 */
export function parseDate(text: string): string | undefined {
  const parts = readDateParts(text);
  return parts && isoDate(parts.year, parts.month, parts.day);
}

/** True when the text is written like a date, even one that does not exist (`31-02-2023`). */
export function looksLikeDate(text: string): boolean {
  return readDateParts(text) !== undefined;
}

function readDateParts(text: string): { year: number; month: number; day: number } | undefined {
  const trimmed = text.trim().toLowerCase();
  let match = ISO.exec(trimmed);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  match = NUMERIC.exec(trimmed);
  if (match) {
    const year = match[4].length === 2 ? 2000 + Number(match[4]) : Number(match[4]);
    return { year, month: Number(match[3]), day: Number(match[1]) };
  }
  match = DAY_MONTH_NAME_YEAR.exec(trimmed);
  if (match) return withMonthName(Number(match[3]), match[2], Number(match[1]));
  match = MONTH_NAME_DAY_YEAR.exec(trimmed);
  if (match) return withMonthName(Number(match[3]), match[1], Number(match[2]));
  return undefined;
}

/**
 * Reads the start of a range written the Dutch way, `19 t/m 20 juni 2023`: a day alone, or a day
 * and month without a year, takes the missing parts from `end` (an ISO date). Full dates are read
 * as by parseDate.
 */
export function parseDateBefore(text: string, end: string): string | undefined {
  const full = parseDate(text);
  if (full) return full;
  const [year, month] = end.split('-').map(Number);
  const trimmed = text.trim().toLowerCase();
  const day = DAY_ONLY.exec(trimmed);
  if (day) return isoDate(year, month, Number(day[1]));
  const dayMonth = DAY_MONTH.exec(trimmed);
  if (!dayMonth) return undefined;
  if (dayMonth[2]) return isoDate(year, Number(dayMonth[2]), Number(dayMonth[1]));
  const named = withMonthName(year, dayMonth[3], Number(dayMonth[1]));
  return named && isoDate(named.year, named.month, named.day);
}

/**
 * The two halves of a typed range, `19-06-2023 t/m 20-06-2023`, `van 19 tot 20 juni 2023`,
 * `June 19 – June 20, 2023`: split at the first separator with text on both sides, after an
 * optional `van` or `from`. Whitespace in the halves is single spaces. Undefined without one.
 */
export function splitDateRange(text: string): [string, string] | undefined {
  const spaced = collapseWhitespace(text.trim());
  const intro = RANGE_INTRO.exec(spaced);
  return (intro && splitAtSeparator(spaced.slice(intro[0].length))) || splitAtSeparator(spaced);
}

function splitAtSeparator(text: string): [string, string] | undefined {
  // The first half has at least one character, so the search starts after it.
  const found = RANGE_SEPARATOR.exec(text.slice(1));
  if (!found) return undefined;
  const end = 1 + found.index + found[0].length;
  // Only a separator at the very end leaves no second half; none can follow it.
  if (end >= text.length) return undefined;
  return [text.slice(0, 1 + found.index), text.slice(end)];
}

/** Shows an ISO date as people write it: nl `19-06-2023`, en `19 June 2023`. */
export function formatDate(iso: string, locale: Locale): string {
  const [year, month, day] = iso.split('-');
  if (locale === 'en') return `${Number(day)} ${ENGLISH_MONTHS[Number(month) - 1]} ${year}`;
  return `${day}-${month}-${year}`;
}

/**
 * Today's ISO date in an IANA time zone (e.g. `Europe/Amsterdam`) at the instant `now`; a trip
 * that ended this evening in Amsterdam is not "in the future" because UTC is a day behind.
 * Throws RangeError for an unknown time zone.
 */
export function todayIn(timeZone: string, now: Date): string {
  const { year, month, day } = wallTimeOf(now, timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Calendar days from ISO date `a` to ISO date `b`: 1 from the 19th to the 20th, negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMillis(b) - utcMillis(a)) / 86_400_000);
}

function withMonthName(
  year: number,
  name: string,
  day: number,
): { year: number; month: number; day: number } | undefined {
  const month = MONTHS.get(name.toLowerCase());
  return month === undefined ? undefined : { year, month, day };
}

function utcMillis(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
