/** The languages the bot speaks: Dutch by default, English for a Teams locale `en-*`. */
export type Locale = 'nl' | 'en';

/** Picks the bot's language from a Teams client locale such as `nl-NL` or `en-US`. */
export function localeFrom(clientLocale: string | undefined): Locale {
  return clientLocale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** A text in every language the bot speaks. */
export type Localized = Record<Locale, string>;

/**
 * The language of the record: the channel post with its thread notes, the Word document, the
 * Markdown and the register are in Dutch, the form's language, whatever the author's Teams
 * speaks. The personal chat keeps the traveller's language (`Report.locale`).
 */
export const RECORD_LOCALE: Locale = 'nl';
