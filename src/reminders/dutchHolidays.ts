/** A public holiday: its ISO date and its Dutch name. */
export interface Holiday {
  date: string;
  name: string;
}

/** The date of Easter Sunday in the Gregorian calendar (the anonymous computus). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

function iso(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/**
 * The Dutch public holidays of a year on which government offices close: Nieuwjaarsdag, Eerste
 * and Tweede Paasdag, Koningsdag (27 April, or 26 when the 27th is a Sunday), Bevrijdingsdag
 * (5 May), Hemelvaartsdag, Eerste and Tweede Pinksterdag, Eerste and Tweede Kerstdag.
 */
export function dutchHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const afterEaster = (days: number) => iso(year, easter.month, easter.day + days);
  const kingsDaySunday = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0;
  return [
    { date: iso(year, 1, 1), name: 'Nieuwjaarsdag' },
    { date: afterEaster(0), name: 'Eerste Paasdag' },
    { date: afterEaster(1), name: 'Tweede Paasdag' },
    { date: iso(year, 4, kingsDaySunday ? 26 : 27), name: 'Koningsdag' },
    { date: iso(year, 5, 5), name: 'Bevrijdingsdag' },
    { date: afterEaster(39), name: 'Hemelvaartsdag' },
    { date: afterEaster(49), name: 'Eerste Pinksterdag' },
    { date: afterEaster(50), name: 'Tweede Pinksterdag' },
    { date: iso(year, 12, 25), name: 'Eerste Kerstdag' },
    { date: iso(year, 12, 26), name: 'Tweede Kerstdag' },
  ];
}

const holidayDates = new Map<number, Set<string>>();

/** True when the ISO date (`2026-04-27`) is a Dutch public holiday. */
export function isDutchHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let dates = holidayDates.get(year);
  if (!dates) {
    dates = new Set(dutchHolidays(year).map((holiday) => holiday.date));
    holidayDates.set(year, dates);
  }
  return dates.has(date);
}
