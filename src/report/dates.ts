import type { Locale } from './locale';
import { isWhitespace } from './plainText';
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

/** The months' full names, as the written dates of each language show them. */
const MONTH_NAMES: Record<Locale, readonly string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
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
  ],
};

// Weekday names and abbreviations people put before a date: "ma 3 t/m wo 5 november".
const WEEKDAYS = new Set(
  (
    'maandag ma dinsdag di woensdag wo donderdag do vrijdag vr zaterdag za zondag zo ' +
    'monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun'
  ).split(' '),
);
// Ordinal endings after a day: 3rd, 5th, 1st, 2nd; 3e, 1ste, 2de.
const ORDINALS = new Set(['st', 'nd', 'rd', 'th', 'e', 'ste', 'de']);
// Words before a date or a range: "van 3 t/m 5 november", "from 3 to 5 November", "op 3 mei".
const INTROS = new Set(['van', 'vanaf', 'from', 'op', 'on']);
// Words between the two dates of a range, as token texts: t/m, tm, t.e.m., tot (en met), to, …
const CONNECTORS: readonly (readonly string[])[] = [
  ['t', '/', 'm'],
  ['t', '.', 'e', '.', 'm', '.'],
  ['t', '.', 'e', '.', 'm'],
  ['tot', 'en', 'met'],
  ['tot', 'and', 'met'],
  ['tm'],
  ['tem'],
  ['tot'],
  ['to'],
  ['until'],
  ['till'],
  ['through'],
  ['thru'],
  ['-'],
  ['–'],
  ['—'],
];
// A date is a handful of tokens: text with more is no date, and is not read further.
const MOST_TOKENS = 40;
// How many years back a date without a year is looked for: 29 February needs up to 8.
const YEARS_BACK = 8;

/** One piece of typed text: a number, a word, or one punctuation character. */
interface Token {
  kind: 'number' | 'word' | 'mark';
  text: string;
  start: number;
  end: number;
}

/** A date as typed, perhaps without its year or month: "3" in "3 t/m 5 november". */
interface TypedDate {
  day: number;
  month?: number;
  year?: number;
  start: number;
  end: number;
}

/** The dates of a trip read from text, or why they could not be. */
export type DatesReading =
  | {
      ok: true;
      departure: string;
      return: string;
      /**
       * True when no year was typed and this year's dates would run past today: the dates are
       * last year's, which the traveller should confirm.
       */
      yearGuessed: boolean;
    }
  | { ok: false; problem: 'unreadable' }
  | { ok: false; problem: 'invalid'; field: 'departure' | 'return' | 'date'; typed: string };

/** The ISO date for this year, month and day, or undefined when that day does not exist. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  // Years before 1900 are typos (0023 for 2023), and Date maps years 0–99 onto 1900–1999.
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Reads a typed calendar date with its year (`19-06-2023`, `19/6/2023`, `19.06.2023`,
 * `2023-06-19`, `19 juni 2023`, `19 jun 2023`, `19 June 2023`, `June 19, 2023`) as ISO
 * `YYYY-MM-DD`; undefined when it is not a real date or has no year. A two-digit year means 20xx.
 */
export function parseDate(text: string): string | undefined {
  const date = readSingle(tokenize(text));
  return date?.year === undefined ? undefined : isoDate(date.year, date.month!, date.day);
}

/** True when the text is written like a date, even one that does not exist (`31-02-2023`). */
export function looksLikeDate(text: string): boolean {
  const date = readSingle(tokenize(text));
  return date?.month !== undefined;
}

/**
 * Reads the dates of a trip as people type them: a range (`3 t/m 5 nov`, `3-5 november`, `van 3
 * tot en met 5 november 2026`, `3 nov - 5 nov`, `19-06-2023 t/m 20-06-2023`, `June 19 – June 20,
 * 2023`, `30-06 t/m 02-07-2023`, `3/11 - 5/11`) or a single date (a day trip), in Dutch or
 * English, with or without the year. Without one, the dates are the most recent such dates that
 * are not after `today` (ISO). Linear in the length of the text; long text is no date.
 */
export function readTripDates(text: string, today: string): DatesReading {
  const tokens = tokenize(text);
  if (!tokens) return { ok: false, problem: 'unreadable' };
  const single = readSingle(tokens);
  // "19-06-23" is a date with a two-digit year before it is 19 t/m 23 June.
  const range = single?.year === undefined ? readRange(tokens) : undefined;
  if (range) return completeRange(range[0], range[1], text, today);
  if (!single || single.month === undefined) return { ok: false, problem: 'unreadable' };
  const iso =
    single.year === undefined
      ? mostRecent(single.month, single.day, today)
      : isoDate(single.year, single.month, single.day);
  if (!iso) return invalid('date', text, single);
  return { ok: true, departure: iso, return: iso, yearGuessed: false };
}

/**
 * Reads a departure date typed alone, with or without a year, for a trip of `days` days: without
 * a year, the most recent such date from which the trip ended by `today`. Undefined when the text
 * is no date; `invalid` when the date does not exist.
 */
export function readDeparture(
  text: string,
  days: number,
  today: string,
): { ok: true; departure: string } | { ok: false; problem: 'unreadable' | 'invalid' } {
  const single = readSingle(tokenize(text));
  if (!single || single.month === undefined) return { ok: false, problem: 'unreadable' };
  const latest = addDays(today, -(days - 1));
  const iso =
    single.year === undefined
      ? mostRecent(single.month, single.day, latest ?? today)
      : isoDate(single.year, single.month, single.day);
  return iso ? { ok: true, departure: iso } : { ok: false, problem: 'invalid' };
}

/** The ISO date `days` calendar days after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string | undefined {
  const date = new Date(utcMillis(iso) + days * 86_400_000);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

// The text as numbers, words and marks, whitespace dropped; undefined when it has more tokens
// than a date, or a character no date has.
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const lower = text.toLowerCase();
  let at = 0;
  while (at < lower.length) {
    const character = lower.charAt(at);
    if (isWhitespace(character)) {
      at += 1;
      continue;
    }
    if (tokens.length >= MOST_TOKENS) return undefined;
    const start = at;
    if (isDigit(character)) {
      while (at < lower.length && isDigit(lower.charAt(at))) at += 1;
      const digitsEnd = at;
      let letters = at;
      while (letters < lower.length && isLetter(lower.charAt(letters))) letters += 1;
      // "3rd", "5th", "3e": the ending belongs to the number.
      if (letters > at && ORDINALS.has(lower.slice(at, letters))) at = letters;
      tokens.push({ kind: 'number', text: lower.slice(start, digitsEnd), start, end: at });
    } else if (isLetter(character)) {
      while (at < lower.length && isLetter(lower.charAt(at))) at += 1;
      tokens.push({ kind: 'word', text: lower.slice(start, at), start, end: at });
    } else if ('-/.,–—'.includes(character)) {
      at += 1;
      tokens.push({ kind: 'mark', text: character, start, end: at });
    } else {
      return undefined;
    }
  }
  return tokens;
}

// A single date filling all the tokens (an intro word and a full stop at the end allowed).
function readSingle(tokens: Token[] | undefined): TypedDate | undefined {
  if (!tokens) return undefined;
  const from = skipIntro(tokens, 0);
  for (const candidate of readDates(tokens, from)) {
    if (atEnd(tokens, candidate.next)) return candidate.date;
  }
  return undefined;
}

// Two dates with a connector between them filling all the tokens.
function readRange(tokens: Token[]): [TypedDate, TypedDate] | undefined {
  const from = skipIntro(tokens, 0);
  for (const first of readDates(tokens, from)) {
    const after = connectorEnd(tokens, first.next);
    if (after === undefined) continue;
    for (const second of readDates(tokens, after)) {
      // "November 3-5": the second day in the month of the first.
      const month = second.date.month ?? first.date.month;
      if (atEnd(tokens, second.next) && month !== undefined) {
        return [first.date, { ...second.date, month }];
      }
    }
  }
  return undefined;
}

// Every way a date can be read at `from`: a fixed handful of shapes, each a few tokens long.
function readDates(tokens: Token[], from: number): { date: TypedDate; next: number }[] {
  let at = from;
  // "ma 3 november", "maandag, 3 november".
  if (WEEKDAYS.has(word(tokens, at) ?? '')) at += mark(tokens, at + 1) === ',' ? 2 : 1;
  const found: { date: TypedDate; next: number }[] = [];
  const start = tokens[at]?.start ?? 0;
  const endOf = (next: number) => tokens[next - 1]?.end ?? start;
  const add = (next: number, day: number, month?: number, year?: number) => {
    // No calendar has a day 32 or more: "2026" is a year, not a day.
    if (day > 31) return;
    found.push({
      date: {
        day,
        start,
        end: endOf(next),
        ...(month ? { month } : {}),
        ...(year ? { year } : {}),
      },
      next,
    });
  };

  const first = numberAt(tokens, at);
  if (first !== undefined) {
    const separator = mark(tokens, at + 1);
    const second = numberAt(tokens, at + 2);
    if (separator && '-/.'.includes(separator) && second !== undefined) {
      const third = mark(tokens, at + 3) === separator ? numberAt(tokens, at + 4) : undefined;
      const digits = (index: number) => tokens[index]!.text.length;
      if (third !== undefined && digits(at) === 4) add(at + 5, third, second, first);
      if (third !== undefined && digits(at) <= 2 && [2, 4].includes(digits(at + 4))) {
        add(at + 5, first, second, digits(at + 4) === 2 ? 2000 + third : third);
      }
      if (digits(at) <= 2 && digits(at + 2) <= 2) add(at + 3, first, second);
    }
    const month = monthAt(tokens, at + 1);
    if (month) {
      const year = yearAfter(tokens, month.next);
      if (year) add(year.next, first, month.month, year.year);
      add(month.next, first, month.month);
    }
    // "November 3-5, 2026": the year after the second day, with its comma.
    const year = mark(tokens, at + 1) === ',' ? yearAfter(tokens, at + 1) : undefined;
    if (year) add(year.next, first, undefined, year.year);
    add(at + 1, first);
  }
  const named = monthAt(tokens, at);
  const day = named && numberAt(tokens, named.next);
  if (named && day !== undefined) {
    const year = yearAfter(tokens, named.next + 1);
    if (year) add(year.next, day, named.month, year.year);
    add(named.next + 1, day, named.month);
  }
  return found;
}

// A month name or abbreviation at `at`, with an abbreviation's full stop: "nov.", "November".
function monthAt(tokens: Token[], at: number): { month: number; next: number } | undefined {
  const month = MONTHS.get(word(tokens, at) ?? '');
  if (month === undefined) return undefined;
  return { month, next: mark(tokens, at + 1) === '.' ? at + 2 : at + 1 };
}

// A four-digit year at `at`, after an optional comma: "5 november 2026", "June 19, 2023".
function yearAfter(tokens: Token[], at: number): { year: number; next: number } | undefined {
  const from = mark(tokens, at) === ',' ? at + 1 : at;
  const token = tokens[from];
  if (token?.kind !== 'number' || token.text.length !== 4 || token.end - token.start !== 4) {
    return undefined;
  }
  return { year: Number(token.text), next: from + 1 };
}

function connectorEnd(tokens: Token[], at: number): number | undefined {
  for (const connector of CONNECTORS) {
    if (connector.every((text, index) => tokens[at + index]?.text === text)) {
      return at + connector.length;
    }
  }
  return undefined;
}

function skipIntro(tokens: Token[], at: number): number {
  return INTROS.has(word(tokens, at) ?? '') ? at + 1 : at;
}

// True at the end of the tokens, or before a closing full stop or comma only.
function atEnd(tokens: Token[], at: number): boolean {
  if (at === tokens.length) return true;
  return at === tokens.length - 1 && ['.', ','].includes(mark(tokens, at) ?? '');
}

// A day or month number (one or two digits, perhaps with an ordinal ending), or a year's digits.
function numberAt(tokens: Token[], at: number): number | undefined {
  const token = tokens[at];
  return token?.kind === 'number' && token.text.length <= 4 ? Number(token.text) : undefined;
}

function word(tokens: Token[], at: number): string | undefined {
  const token = tokens[at];
  return token?.kind === 'word' ? token.text : undefined;
}

function mark(tokens: Token[], at: number): string | undefined {
  const token = tokens[at];
  return token?.kind === 'mark' ? token.text : undefined;
}

// The two halves of a range made whole: a missing month or year taken from the other half (a
// departure in a later month than the return is in the year before), and without any year the
// most recent dates that end by today.
function completeRange(
  first: TypedDate,
  second: TypedDate,
  text: string,
  today: string,
): DatesReading {
  if (first.day > 31 || second.day > 31) return { ok: false, problem: 'unreadable' };
  const returnMonth = second.month!;
  const departureMonth = first.month ?? returnMonth;
  const crossesYear = departureMonth > returnMonth;
  const yearsOf = (returnYear: number) => ({
    departure: isoDate(crossesYear ? returnYear - 1 : returnYear, departureMonth, first.day),
    return: isoDate(returnYear, returnMonth, second.day),
  });
  if (first.year !== undefined || second.year !== undefined) {
    const returnYear = second.year ?? first.year! + (crossesYear ? 1 : 0);
    const departureYear = first.year ?? (crossesYear ? returnYear - 1 : returnYear);
    const departure = isoDate(departureYear, departureMonth, first.day);
    if (!departure) return invalid('departure', text, first);
    const returnDate = isoDate(returnYear, returnMonth, second.day);
    if (!returnDate) return invalid('return', text, second);
    return { ok: true, departure, return: returnDate, yearGuessed: false };
  }
  const thisYear = Number(today.slice(0, 4));
  const current = yearsOf(thisYear);
  if (!current.departure && !isoDate(2024, departureMonth, first.day)) {
    return invalid('departure', text, first);
  }
  if (!current.return && !isoDate(2024, returnMonth, second.day)) {
    return invalid('return', text, second);
  }
  for (let year = thisYear; year > thisYear - YEARS_BACK; year -= 1) {
    const dates = yearsOf(year);
    if (dates.departure && dates.return && dates.return <= today) {
      // This year's trip would have started by today and ended after it: ask before taking last year's.
      const straddles =
        year < thisYear &&
        current.departure !== undefined &&
        current.departure <= today &&
        (current.return ?? '') > today;
      return {
        ok: true,
        departure: dates.departure,
        return: dates.return,
        yearGuessed: straddles,
      };
    }
  }
  return invalid('departure', text, first);
}

// The most recent date on this month and day that is not after `latest` (29 February included).
function mostRecent(month: number, day: number, latest: string): string | undefined {
  const thisYear = Number(latest.slice(0, 4));
  for (let year = thisYear; year > thisYear - YEARS_BACK; year -= 1) {
    const iso = isoDate(year, month, day);
    if (iso && iso <= latest) return iso;
  }
  return undefined;
}

function invalid(
  field: 'departure' | 'return' | 'date',
  text: string,
  date: TypedDate,
): DatesReading {
  const typed = field === 'date' ? text.trim() : text.slice(date.start, date.end).trim();
  return { ok: false, problem: 'invalid', field, typed };
}

function isDigit(character: string): boolean {
  return character >= '0' && character <= '9';
}

function isLetter(character: string): boolean {
  return /\p{L}/u.test(character);
}

/** Shows an ISO date as people write it: nl `19-06-2023`, en `19 June 2023`. */
export function formatDate(iso: string, locale: Locale): string {
  const [year, month, day] = iso.split('-');
  if (locale === 'en') return `${Number(day)} ${MONTH_NAMES.en[Number(month) - 1]} ${year}`;
  return `${day}-${month}-${year}`;
}

/**
 * Two ISO dates written out as a sentence shows them, nl "18 t/m 22 november 2025", en "18 to 22
 * November 2025"; the first date leaves out the month and year it shares with the second.
 */
export function writtenDateRange(departure: string, returnDate: string, locale: Locale): string {
  const [, month, day] = departure.split('-').map(Number) as [number, number, number];
  const names = MONTH_NAMES[locale];
  const last = writtenDate(returnDate, names);
  if (departure === returnDate) return last;
  const sameYear = departure.slice(0, 4) === returnDate.slice(0, 4);
  const sameMonth = sameYear && departure.slice(5, 7) === returnDate.slice(5, 7);
  const first = sameMonth
    ? `${day}`
    : sameYear
      ? `${day} ${names[month - 1]}`
      : writtenDate(departure, names);
  return `${first} ${locale === 'en' ? 'to' : 't/m'} ${last}`;
}

function writtenDate(iso: string, names: readonly string[]): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day} ${names[month - 1]} ${year}`;
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

function utcMillis(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
