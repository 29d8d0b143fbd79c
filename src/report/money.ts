import type { AmountPart } from './catalogue';
import type { Locale } from './locale';
import type { Amount } from './report';

const EURO: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

/** Whole euro cents as people read them: `€ 1.586,80` in Dutch, `€1,586.80` in English. */
export function formatEuro(cents: number, locale: Locale): string {
  // Intl puts a no-break space after the euro sign; a plain space copies and searches better.
  return EURO[locale].format(cents / 100).replace(/\u00a0/g, ' ');
}

/** Whole euro cents as machines read them: `1586.80` (a decimal point, no thousands separator). */
export function decimalEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.abs(cents);
  return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}

/** The total of the amounts that are known, and whether any amount is still unknown. */
export function totalOf(
  amounts: Record<string, Amount>,
  parts: readonly AmountPart[],
): {
  cents: number;
  complete: boolean;
} {
  let cents = 0;
  let complete = true;
  for (const part of parts) {
    const amount = amounts[part.key];
    if (typeof amount === 'number') cents += amount;
    else complete = false;
  }
  return { cents, complete };
}
