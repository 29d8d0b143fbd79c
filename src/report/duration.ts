import { daysBetween } from './dates';
import type { Locale } from './locale';

/** How long a trip lasted, counted the way the form does: days including both ends, and nights. */
export interface Duration {
  days: number;
  nights: number;
}

/** The form's wording of a duration: nl `2 dagen (1 nacht)`, en `2 days (1 night)`. */
export function describeDuration(days: number, nights: number, locale: Locale): string {
  if (locale === 'en') {
    return `${days} ${days === 1 ? 'day' : 'days'} (${nights} ${nights === 1 ? 'night' : 'nights'})`;
  }
  return `${days} ${days === 1 ? 'dag' : 'dagen'} (${nights} ${nights === 1 ? 'nacht' : 'nachten'})`;
}

/** The duration of a trip between two ISO dates: the same day is 1 day and 0 nights. */
export function durationOf(departureIso: string, returnIso: string): Duration {
  const nights = daysBetween(departureIso, returnIso);
  return { days: nights + 1, nights };
}

// "2 dagen (1 nacht)", "2 dagen", "3 days (2 nights)", also "2 dagen en 1 nacht" or "2 dagen, 1 nacht".
// Each optional part starts with its own whitespace and then something that is not whitespace, so
// no two quantifiers can share a run of spaces: the match is linear in the length of the text.
const DURATION =
  /^(\d{1,5})\s*(?:dagen|dag|days|day)(?:\s*(?:[(,/]|en\b|and\b))?(?:\s*(\d{1,5})\s*(?:nachten|nacht|nights|night)(?:\s*\))?)?\s*\.?$/i;

/**
 * Reads the shape of a typed duration without judging it: days, and nights when given. Undefined
 * when the text is not a duration at all. See parseDurationText for the checked reading.
 */
export function readDurationText(text: string): { days: number; nights?: number } | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const days = Number(match[1]);
  return match[2] === undefined ? { days } : { days, nights: Number(match[2]) };
}

/** True when a trip of this many days can have this many nights (days − 1, or days for a night flight). */
export function nightsFit(days: number, nights: number): boolean {
  return days >= 1 && (nights === days - 1 || nights === days);
}

/**
 * Reads a typed duration such as `2 dagen (1 nacht)`, `2 dagen` or `3 days (2 nights)`. Nights
 * default to days − 1; undefined for anything else, for 0 days, and for nights outside [days − 1, days].
 */
export function parseDurationText(text: string): Duration | undefined {
  const read = readDurationText(text);
  if (!read) return undefined;
  const nights = read.nights ?? read.days - 1;
  return nightsFit(read.days, nights) ? { days: read.days, nights } : undefined;
}
