/** The languages the bot speaks: Dutch by default, English for a Teams locale `en-*`. */
export type Locale = 'nl' | 'en';

/** Picks the bot's language from a Teams client locale such as `nl-NL` or `en-US`. */
export function localeFrom(clientLocale: string | undefined): Locale {
  return clientLocale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** A text in every language the bot speaks. */
export type Localized = Record<Locale, string>;
