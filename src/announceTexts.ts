import type { Locale } from './report/locale';

/**
 * What the bot says about announced trips (`ik ga op reis`) and their nudge, in Dutch and
 * English. Kept beside texts.ts, not in it: the announcement is one feature, and texts.ts is
 * everyone's file. Sentences with user text (titles, destinations) use no markdown: they are
 * sent as plain messages, or composed into TextRuns on a card.
 */
const announceTexts = {
  nl: {
    announceIntro:
      'Fijne reis! Ik vraag je nu drie dingen: de titel, de bestemming en de data. De dag na je terugkeer vraag ik je naar het verslag.',
    announceOffer: (title: string, answered: number, total: number) =>
      `Je hebt nog een onafgerond verslag: ${title} (${answered} van ${total} vragen beantwoord). Wil je daarmee verdergaan, of een nieuwe reis aanmelden?`,
    announceButton: 'Reis aanmelden',
    announceOfferTypedHint:
      'Kies op de kaart: **Verdergaan** met je concept, of **Reis aanmelden** voor een nieuwe reis.',
    announced: (title: string, destination: string, day: string) =>
      `Genoteerd: ${title} in ${destination}. Op ${day} vraag ik je naar het verslag; wil je eerder beginnen, typ dan verder.`,
    nudge: (destination: string, title: string) =>
      `Welkom terug uit ${destination}! Zullen we het verslag van ${title} maken?`,
    nudgeHint: 'Het duurt een paar minuten; wat je al gaf bij het aanmelden staat er al in.',
    nudgeLastHint:
      'Ik stel het niet verder uit; daarna stuur ik je hooguit twee herinneringen. Typ **verder** wanneer je wilt beginnen.',
    nudgeSummary: (destination: string) => `Welkom terug uit ${destination}`,
    startNow: 'Nu beginnen',
    later: 'Later',
    postponed: (day: string, left: number) =>
      left > 0
        ? `Goed, ik vraag het je ${day} opnieuw.`
        : `Goed, ik vraag het je ${day} nog één keer; daarna kan het niet meer later.`,
    alreadyPostponed: (day: string) => `Dat had ik al genoteerd: ik vraag het je ${day} opnieuw.`,
    noMorePostponing:
      'Later kan nu niet meer: ik heb het al twee keer uitgesteld. Je krijgt de gewone herinneringen; typ **verder** wanneer je wilt beginnen.',
    notAnnounced:
      'Die reis is al geplaatst of bestaat niet meer. Typ **mijn verslagen** om je verslagen te zien.',
    statusAnnounced: (returnDate: string) => `aangemeld, terug op ${returnDate}`,
  },
  en: {
    announceIntro:
      'Have a good trip! I will ask three things now: the title, the destination and the dates. The day after your return I will ask you about the report.',
    announceOffer: (title: string, answered: number, total: number) =>
      `You have an unfinished report: ${title} (${answered} of ${total} questions answered). Do you want to continue it, or announce a new trip?`,
    announceButton: 'Announce trip',
    announceOfferTypedHint:
      'Choose on the card: **Continue** your draft, or **Announce trip** for a new trip.',
    announced: (title: string, destination: string, day: string) =>
      `Noted: ${title} in ${destination}. On ${day} I will ask you about the report; to start earlier, type continue.`,
    nudge: (destination: string, title: string) =>
      `Welcome back from ${destination}! Shall we write the report of ${title}?`,
    nudgeHint: 'It takes a few minutes; what you gave when announcing the trip is filled in.',
    nudgeLastHint:
      'I will not put it off again; after this you get two reminders at most. Type **continue** when you want to start.',
    nudgeSummary: (destination: string) => `Welcome back from ${destination}`,
    startNow: 'Start now',
    later: 'Later',
    postponed: (day: string, left: number) =>
      left > 0
        ? `Fine, I will ask you again on ${day}.`
        : `Fine, I will ask you again on ${day}, one last time; it cannot be put off after that.`,
    alreadyPostponed: (day: string) => `I had noted that already: I will ask you again on ${day}.`,
    noMorePostponing:
      'Later is not possible any more: I have put it off twice. You will get the usual reminders; type **continue** when you want to start.',
    notAnnounced:
      'That trip has been posted or no longer exists. Type **my reports** to see your reports.',
    statusAnnounced: (returnDate: string) => `announced, back on ${returnDate}`,
  },
} satisfies Record<Locale, unknown>;

/** The announcement's texts in one language. */
export type AnnounceTexts = (typeof announceTexts)['nl'];

/** The announcement's texts for a locale. */
export function announceTextsFor(locale: Locale): AnnounceTexts {
  return announceTexts[locale];
}

/**
 * The day of a moment as the announcement's sentences name it, in the traveller's time zone:
 * nl `maandag 23 november`, en `Monday 23 November`.
 */
export function spokenDay(instant: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone,
  }).format(new Date(instant));
}
