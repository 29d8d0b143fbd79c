import type { Locale } from './report/locale';

/** Everything the bot says outside the question catalogue, in Dutch and English. */
const texts = {
  nl: {
    appName: 'Reisverslag',
    progress: (n: number, total: number) => `Vraag ${n} van ${total}`,
    next: 'Volgende',
    previous: 'Vorige',
    change: 'Wijzig',
    post: 'Plaatsen in kanaal',
    resume: 'Verder gaan',
    newReport: 'Nieuw verslag',
    yes: 'Ja',
    no: 'Nee',
    required: 'verplicht',
    fillIn: (label: string) => `Vul ${label.toLowerCase()} in.`,
    numberRange: (min: number, max: number) =>
      `Vul een heel getal in van ${min} tot en met ${max}.`,
    welcome:
      'Hallo! Ik help je een verslag te maken van je buitenlandse dienstreis. Ik stel de vragen van het formulier "Verslag buitenlandse dienstreis" één voor één; typ **nieuw verslag** om te beginnen.',
    help:
      'Ik stel je de vragen van het formulier "Verslag buitenlandse dienstreis", één per kaart. Antwoord op de kaart of typ je antwoord gewoon in de chat. Elk antwoord wordt meteen bewaard.\n\n' +
      '- **nieuw verslag**: begin een verslag (of ga verder met je concept)\n' +
      '- **vorige**: terug naar de vorige vraag\n' +
      '- **stop**: pauzeer; je concept blijft bewaard\n' +
      '- **help**: deze uitleg\n\n' +
      'Aan het eind zie je alle antwoorden en plaats je het verslag met één knop in het kanaal van je team.',
    paused: 'Gepauzeerd. Je concept is bewaard; typ **nieuw verslag** wanneer je verder wilt gaan.',
    nothingToStop: 'Er loopt nu geen verslag. Typ **nieuw verslag** om te beginnen.',
    resumeOffer: (title: string, answered: number, total: number) =>
      `Je hebt een onafgerond verslag: ${title} (${answered} van ${total} vragen beantwoord). Wil je daarmee verder gaan?`,
    untitled: 'nog zonder titel',
    resumeTypedHint: 'Typ **verder** om verder te gaan of **nieuw** voor een nieuw verslag.',
    staleCard:
      'Die kaart hoort bij een eerdere vraag en is niet meer actueel; ik stel de huidige vraag opnieuw.',
    staleCardIdle:
      'Die kaart is niet meer actueel. Typ **nieuw verslag** om verder te gaan waar je gebleven was.',
    reviewTitle: 'Controleer je verslag',
    reviewIntro:
      'Dit zijn al je antwoorden. Wijzig wat nog niet klopt en plaats het verslag dan in het kanaal.',
    reviewTypedHint:
      'Typ **plaatsen** om het verslag te plaatsen, of **wijzig** met het onderdeel.',
    notComplete:
      'Nog niet alle vragen zijn beantwoord; ik ga verder met de eerstvolgende open vraag.',
    noChannel:
      'Ik weet nog niet in welk kanaal ik het verslag moet plaatsen. Vraag de eigenaar van je team om de app Reisverslag aan het team toe te voegen (in Teams: Apps > Reisverslag > Toevoegen aan een team), of typ in het gewenste kanaal **@Reisverslag gebruik dit kanaal**. Je verslag blijft als concept bewaard; typ daarna **nieuw verslag** om het te plaatsen.',
    chooseTeam: 'In welk team wil je het verslag plaatsen?',
    posted: (team: string, channel: string) =>
      `Je verslag is geplaatst in het kanaal ${channel} van het team ${team}. Bedankt!`,
    postFailed:
      'Het plaatsen in het kanaal is niet gelukt. Je verslag is bewaard als concept; probeer het later opnieuw met **nieuw verslag**.',
    unknownTeam: 'onbekend team',
    unknownChannel: 'het verslagenkanaal',
    channelRegistered: (channel: string) =>
      `Reisverslagen van dit team worden voortaan geplaatst in het kanaal ${channel}.`,
    channelHelp:
      'Ik plaats hier de reisverslagen van dit team. Een verslag maak je in een persoonlijke chat met mij; typ daar **nieuw verslag**. Typ hier **@Reisverslag gebruik dit kanaal** om de verslagen in dit kanaal te laten verschijnen.',
    tenantRefused:
      'Deze bot is alleen beschikbaar voor medewerkers van de gemeente; je organisatie heeft geen toegang.',
    turnError:
      'Sorry, er ging iets mis aan mijn kant. Je antwoorden zijn bewaard; probeer het zo nog eens.',
    reportHeading: 'Verslag buitenlandse dienstreis',
    traveller: 'Reiziger',
    destination: 'Bestemming',
    period: 'Periode',
    version: 'Versie',
    notAnswered: '(niet beantwoord)',
    answeredPrefix: 'Beantwoord',
  },
  en: {
    appName: 'Reisverslag',
    progress: (n: number, total: number) => `Question ${n} of ${total}`,
    next: 'Next',
    previous: 'Previous',
    change: 'Change',
    post: 'Post in channel',
    resume: 'Continue',
    newReport: 'New report',
    yes: 'Yes',
    no: 'No',
    required: 'required',
    fillIn: (label: string) => `Please fill in ${label.toLowerCase()}.`,
    numberRange: (min: number, max: number) => `Enter a whole number from ${min} to ${max}.`,
    welcome:
      'Hello! I help you write the report of your foreign business trip. I ask the questions of the form "Verslag buitenlandse dienstreis" one at a time; type **new report** to begin.',
    help:
      'I ask you the questions of the form "Verslag buitenlandse dienstreis", one per card. Answer on the card or just type your answer in the chat. Every answer is saved at once.\n\n' +
      '- **new report**: start a report (or continue your draft)\n' +
      '- **previous**: back to the previous question\n' +
      '- **stop**: pause; your draft is kept\n' +
      '- **help**: this explanation\n\n' +
      "At the end you see all answers and post the report in your team's channel with one button.",
    paused: 'Paused. Your draft is saved; type **new report** when you want to continue.',
    nothingToStop: 'No report is in progress. Type **new report** to begin.',
    resumeOffer: (title: string, answered: number, total: number) =>
      `You have an unfinished report: ${title} (${answered} of ${total} questions answered). Do you want to continue it?`,
    untitled: 'no title yet',
    resumeTypedHint: 'Type **continue** to continue or **new** for a new report.',
    staleCard:
      'That card belongs to an earlier question and is no longer current; here is the current question again.',
    staleCardIdle:
      'That card is no longer current. Type **new report** to continue where you left off.',
    reviewTitle: 'Check your report',
    reviewIntro:
      'These are all your answers. Change what is not right yet, then post the report in the channel.',
    reviewTypedHint: 'Type **post** to post the report, or **change** with the part.',
    notComplete: 'Not every question has been answered yet; here is the next open question.',
    noChannel:
      "I don't know yet in which channel to post the report. Ask your team's owner to add the Reisverslag app to the team (in Teams: Apps > Reisverslag > Add to a team), or type **@Reisverslag gebruik dit kanaal** in the channel you want. Your report is kept as a draft; type **new report** afterwards to post it.",
    chooseTeam: 'In which team do you want to post the report?',
    posted: (team: string, channel: string) =>
      `Your report has been posted in the channel ${channel} of the team ${team}. Thank you!`,
    postFailed:
      'Posting in the channel did not work. Your report is kept as a draft; try again later with **new report**.',
    unknownTeam: 'unknown team',
    unknownChannel: 'the reports channel',
    channelRegistered: (channel: string) =>
      `Travel reports of this team will be posted in the channel ${channel} from now on.`,
    channelHelp:
      'I post the travel reports of this team here. You write a report in a personal chat with me; type **new report** there. Type **@Reisverslag gebruik dit kanaal** here to have the reports appear in this channel.',
    tenantRefused:
      "This bot is only available to the municipality's staff; your organisation has no access.",
    turnError: 'Sorry, something went wrong on my side. Your answers are saved; please try again.',
    reportHeading: 'Report of a foreign business trip',
    traveller: 'Traveller',
    destination: 'Destination',
    period: 'Period',
    version: 'Version',
    notAnswered: '(not answered)',
    answeredPrefix: 'Answered',
  },
} satisfies Record<Locale, unknown>;

/** The bot's texts in one language. */
export type Texts = (typeof texts)['nl'];

/** The bot's texts for a locale. */
export function textsFor(locale: Locale): Texts {
  return texts[locale];
}
