/**
 * The municipality's time zone: the calendar of published dates (channel card, documents, the
 * register) and the time zone of a traveller whose Teams client names none.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** A wall-clock moment in some time zone: calendar date, and minutes since local midnight. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  /** Day of the week, 0 = Sunday … 6 = Saturday. */
  weekday: number;
  minute: number;
}

// Building an Intl.DateTimeFormat is costly and a sweep asks often: one per time zone.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** True when `timeZone` is an IANA time zone this Node.js knows, e.g. `Europe/Amsterdam`. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time of `instant` in `timeZone`, read from Intl: exact, and slow. */
export function wallTimeFromIntl(instant: Date, timeZone: string): WallTime {
  const parts = formatFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const year = part('year');
  const month = part('month');
  const day = part('day');
  return {
    year,
    month,
    day,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    minute: part('hour') * 60 + part('minute') + part('second') / 60,
  };
}

/**
 * Offsets change only at a zone's transitions, which fall on a quarter hour (UTC) in every
 * zone today: one Intl reading a zone and quarter hour serves every instant in it. Intl's
 * formatToParts was the bot's costliest function in the bench's profile (the reminder schedule
 * reads the clock a few dozen times an answer).
 */
const OFFSET_SPAN_MS = 15 * 60_000;
const MAX_OFFSETS = 10_000;
const offsets = new Map<string, number>();

/** The offset of `timeZone` from UTC at `instant`, in milliseconds (Amsterdam summer: +2 h). */
function offsetAt(instant: number, timeZone: string): number {
  const span = Math.floor(instant / OFFSET_SPAN_MS) * OFFSET_SPAN_MS;
  const key = `${timeZone}|${span}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const wall = wallTimeFromIntl(new Date(span), timeZone);
    offset = Date.UTC(wall.year, wall.month - 1, wall.day) + wall.minute * 60_000 - span;
    if (offsets.size >= MAX_OFFSETS) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The wall-clock time of `instant` in `timeZone`, to the second (as wallTimeFromIntl). */
export function wallTimeOf(instant: Date, timeZone: string): WallTime {
  const time = instant.getTime();
  const local = new Date(time - (time % 1000) + offsetAt(time, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60,
  };
}

/**
 * The instant at which the clocks in `timeZone` show this date and minute of the day (minute
 * 1440 is the next midnight). A time skipped by a DST change is taken an hour later.
 */
export function instantOf(
  year: number,
  month: number,
  day: number,
  minute: number,
  timeZone: string,
): Date {
  const asUtc = Date.UTC(year, month - 1, day) + minute * 60_000;
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return new Date(second);
}

/** The local midnight that starts the day after `instant`'s day in `timeZone`. */
export function nextMidnight(instant: Date, timeZone: string): Date {
  const wall = wallTimeOf(instant, timeZone);
  const next = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
  return instantOf(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, timeZone);
}
