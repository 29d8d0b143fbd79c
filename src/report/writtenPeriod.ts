import type { Locale } from './locale';

const MONTHS: Record<Locale, readonly string[]> = {
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

const UNTIL: Record<Locale, string> = { nl: 't/m', en: 'to' };

/**
 * A trip's dates as a letter writes them, naming month and year once where both dates share
 * them: nl `17 t/m 19 november 2026`, `30 november t/m 2 december 2026`, `17 november 2026`
 * for a day trip; en `17 to 19 November 2026`. Both dates are ISO (`2026-11-17`).
 */
export function writtenPeriod(departure: string, returnDate: string, locale: Locale): string {
  const [fromYear, fromMonth, fromDay] = parts(departure);
  const [toYear, toMonth, toDay] = parts(returnDate);
  const months = MONTHS[locale];
  const end = `${toDay} ${months[toMonth - 1] ?? ''} ${toYear}`;
  if (departure === returnDate) return end;
  const start =
    fromYear !== toYear
      ? `${fromDay} ${months[fromMonth - 1] ?? ''} ${fromYear}`
      : fromMonth !== toMonth
        ? `${fromDay} ${months[fromMonth - 1] ?? ''}`
        : String(fromDay);
  return `${start} ${UNTIL[locale]} ${end}`;
}

// "2026-11-07" → [2026, 11, 7]
function parts(iso: string): [number, number, number] {
  const [year, month, day] = iso.split('-').map(Number);
  return [year ?? 0, month ?? 0, day ?? 0];
}
