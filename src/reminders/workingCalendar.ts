import { isDutchHoliday } from './dutchHolidays';
import { instantOf, nextMidnight, wallTimeOf, type WallTime } from '../report/zonedTime';

/** When reminders may arrive: days of the week and a time of day, e.g. `ma-vr 09:00-17:00`. */
export interface WorkingWindow {
  /** Days of the week inside the window, 0 = Sunday … 6 = Saturday. */
  days: ReadonlySet<number>;
  /** Minutes since local midnight at which the window opens, and closes (1440 = 24:00). */
  startMinute: number;
  endMinute: number;
}

/** The working week: a window, and whether Dutch public holidays are days off. */
export interface WorkingCalendar {
  window: WorkingWindow;
  skipHolidays: boolean;
}

const dayNumbers: Record<string, number> = {
  zo: 0,
  ma: 1,
  di: 2,
  wo: 3,
  do: 4,
  vr: 5,
  za: 6,
  su: 0,
  mo: 1,
  tu: 2,
  we: 3,
  th: 4,
  fr: 5,
  sa: 6,
};

// Day names, ranges and lists: `ma-vr`, `ma,wo,vr`.
const DAYS = /^[a-z,\s-]+$/i;
const HOURS = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;
const WINDOW_EXAMPLE = 'e.g. "ma-vr 09:00-17:00" or "ma-zo 00:00-24:00"';

/**
 * Reads a window such as `ma-vr 09:00-17:00`, `ma,wo,vr 08:30-12:00` or `mo-fr 9:00-17:00`
 * (Dutch or English day abbreviations; `24:00` allowed); throws an Error saying what is wrong.
 */
export function parseWorkingWindow(text: string): WorkingWindow {
  // The days, then whitespace, then the hours from the first digit on.
  const trimmed = text.trim();
  const hoursAt = trimmed.search(/\d/);
  const beforeHours = trimmed.slice(0, Math.max(hoursAt, 0));
  const dayText = beforeHours.trimEnd();
  const hours = HOURS.exec(trimmed.slice(hoursAt));
  if (!hours || dayText === beforeHours || !DAYS.test(dayText)) {
    throw new Error(`"${text}" is not a window of days and hours; write it ${WINDOW_EXAMPLE}.`);
  }
  const [, startHour, startMinute, endHour, endMinute] = hours as unknown as string[];
  const days = new Set<number>();
  for (const piece of dayText.toLowerCase().split(',')) {
    const [from, to, ...rest] = piece.split('-').map((day) => day.trim());
    const first = dayNumbers[from ?? ''];
    const last = to === undefined ? first : dayNumbers[to];
    if (first === undefined || last === undefined || rest.length > 0) {
      throw new Error(
        `"${piece.trim()}" in "${text}" is no day or range of days; use ma di wo do vr za zo ` +
          `(or mo tu we th fr sa su), ${WINDOW_EXAMPLE}.`,
      );
    }
    // A range runs forward through the week: vr-ma is Friday to Monday.
    for (let day = first; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === last) break;
    }
  }
  const start = minuteOfDay(startHour as string, startMinute as string);
  const end = minuteOfDay(endHour as string, endMinute as string);
  if (start === undefined || end === undefined || start >= end) {
    throw new Error(
      `The hours in "${text}" are not a time span within one day (00:00 to 24:00, start before ` +
        `end); write them ${WINDOW_EXAMPLE}.`,
    );
  }
  return { days, startMinute: start, endMinute: end };
}

function minuteOfDay(hours: string, minutes: string): number | undefined {
  const value = Number(hours) * 60 + Number(minutes);
  return Number(minutes) < 60 && value <= 24 * 60 ? value : undefined;
}

function isoDateOf(wall: WallTime): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** True when the wall time's day is a working day: in the window's days and no holiday. */
function isWorkingDay(wall: WallTime, calendar: WorkingCalendar): boolean {
  return (
    calendar.window.days.has(wall.weekday) &&
    !(calendar.skipHolidays && isDutchHoliday(isoDateOf(wall)))
  );
}

/** True when `instant` falls inside the working window in `timeZone`. */
export function isWithinWindow(
  instant: Date,
  calendar: WorkingCalendar,
  timeZone: string,
): boolean {
  const wall = wallTimeOf(instant, timeZone);
  const { startMinute, endMinute } = calendar.window;
  return isWorkingDay(wall, calendar) && wall.minute >= startMinute && wall.minute < endMinute;
}

/** A year of days: no window is closed for longer (a parsed window has at least one day). */
const MAX_DAYS_SEARCHED = 400;

/** `instant` when it is inside the window, else the moment the window next opens. */
export function nextWindowMoment(instant: Date, calendar: WorkingCalendar, timeZone: string): Date {
  const { startMinute } = calendar.window;
  let cursor = instant;
  for (let day = 0; day < MAX_DAYS_SEARCHED; day++) {
    if (isWithinWindow(cursor, calendar, timeZone)) return cursor;
    const wall = wallTimeOf(cursor, timeZone);
    if (isWorkingDay(wall, calendar) && wall.minute < startMinute) {
      return instantOf(wall.year, wall.month, wall.day, startMinute, timeZone);
    }
    cursor = nextMidnight(cursor, timeZone);
  }
  throw new Error(
    'The reminder window has no working moment within a year; check REMINDER_WINDOW and ' +
      'REMINDER_SKIP_HOLIDAYS.',
  );
}

/**
 * The moment `days` working days (fractions allowed) after `start` in `timeZone`: time runs only
 * on working days, so Friday 16:00 plus one working day is Monday 16:00 in a `ma-vr` week.
 */
export function addWorkingDays(
  start: Date,
  days: number,
  calendar: WorkingCalendar,
  timeZone: string,
): Date {
  let remaining = days * 24 * 60 * 60 * 1000;
  let cursor = start;
  for (let day = 0; day < MAX_DAYS_SEARCHED * 10; day++) {
    const dayEnd = nextMidnight(cursor, timeZone);
    if (isWorkingDay(wallTimeOf(cursor, timeZone), calendar)) {
      const left = dayEnd.getTime() - cursor.getTime();
      if (remaining <= left) return new Date(cursor.getTime() + remaining);
      remaining -= left;
    }
    cursor = dayEnd;
  }
  throw new Error(
    `${days} working days reach too far ahead; keep REMINDER_AFTER_DAYS to a few days.`,
  );
}
