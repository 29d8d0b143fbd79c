import { formatDate, writtenDateRange } from './dates';
import { describeDuration } from './duration';
import type { Locale } from './locale';

/** Which date of a trip a message is about. */
export type DateField = 'departure' | 'return';

/**
 * Every sentence the domain shows a traveller, in one place per language. A validation message
 * is one sentence: what is wrong, then what to do.
 */
export interface Messages {
  numberInvalid(min: number, max: number): string;
  numberOutOfRange(typed: string, min: number, max: number): string;
  textRequired: string;
  textTooLong(typed: number, limit: number): string;
  datesRequired: string;
  dateRequired(field: DateField): string;
  datesUnreadable(typed: string): string;
  /** A date that cannot be read or does not exist; `date` for a single date typed alone. */
  dateInvalid(field: DateField | 'date', typed: string): string;
  dateInFuture(field: DateField, today: string): string;
  returnBeforeDeparture(departure: string): string;
  durationTooShort: string;
  nightsMismatch(days: number): string;
  peopleRequired: string;
  personWithoutRole(line: string): string;
  tooManyPeople(count: number, max: number): string;
  yesNoRequired: string;
  agreementsRequired: string;
  /** `Ja` / `Yes`, and `Nee` / `No`, as shown before an answer's text. */
  yes: string;
  no: string;
  /** Two dates of a trip: `19-06-2023 t/m 20-06-2023`. */
  dateRange(departure: string, returnDate: string): string;
  /** The dates after a duration in the report text: `, van 19-06-2023 t/m 20-06-2023`. */
  datesAfterDuration(departure: string, returnDate: string): string;
  personCount(count: number): string;
  notAnswered: string;
  reportHeading: string;
  travellerLabel: string;
  versionLine(version: number, draft: boolean): string;
  changedLine(date: string): string;
  /** A list of people split without certainty: "Klopt dit? 3 personen:", the list follows. */
  askPeople(count: number): string;
  /** The sentence when a list of people cannot be read with certainty and cannot be asked back. */
  peopleUncertain: string;
  /** Dates typed without a year, taken as last year's: "Klopt dit? 18 t/m 22 november 2025". */
  askDates(departure: string, returnDate: string): string;
  datesUncertain: string;
  /** A text that may be a yes or a no: asks which, quoting it. */
  askYesOrNo(text: string): string;
  yesOrNoUncertain: string;
  /** A trip typed as a duration: asks for its departure date. */
  askDeparture(days: number, nights: number): string;
  departureRequired: string;
  departureInvalid(typed: string): string;
  /** A typed yes or no while an ask-back card waits for a button. */
  askBackUseButtons: string;
  /** The buttons of an ask-back: keep what was read, or change it. */
  askBackLabels: { confirm: string; adjust: string; departure: string };
  /** A no with a remark: "Nee — …". */
  noWithRemark(remark: string): string;
  /** An amount the traveller does not know yet, as shown: `nog niet bekend`. */
  amountUnknown: string;
  /** The total of an amounts answer: `Totaal: € 1.586,80`; with unknown amounts, of those known. */
  amountTotal(total: string, complete: boolean): string;
  /** Who paid, as shown; a third party's share reads as hospitality (gastvrijheid). */
  paidByMunicipality: string;
  paidByThirdParty(party: string): string;
  paidShared(split: string): string;
  /** The traveller went alone: no colleagues. */
  noColleagues: string;
}

const EXAMPLE_DATE = '19-06-2023';
const DUTCH_DATE_NAMES = { departure: 'vertrekdatum', return: 'terugkeerdatum', date: 'datum' };
const ENGLISH_DATE_NAMES = { departure: 'departure date', return: 'return date', date: 'date' };

const nl: Messages = {
  numberInvalid: (min, max) => `Vul een heel getal in van ${min} tot en met ${max}.`,
  numberOutOfRange: (typed, min, max) =>
    `${shorten(typed, 12)} valt buiten de grenzen; vul een heel getal in van ${min} tot en met ${max}.`,
  textRequired: 'Deze vraag mag niet leeg blijven; typ je antwoord.',
  textTooLong: (typed, limit) =>
    `Je antwoord telt ${count('nl', typed)} tekens; kort het in tot hoogstens ${count('nl', limit)} tekens.`,
  datesRequired: `Vul de vertrek- en terugkeerdatum in, bijvoorbeeld ${EXAMPLE_DATE} t/m 20-06-2023.`,
  dateRequired: (field) =>
    field === 'departure'
      ? `Vul ook de vertrekdatum in, bijvoorbeeld ${EXAMPLE_DATE}.`
      : 'Vul ook de terugkeerdatum in; was het een dagreis, kies dan dezelfde datum als de vertrekdatum.',
  datesUnreadable: (typed) =>
    `Ik herken ‘${shorten(typed)}’ niet als datum of reisduur; typ bijvoorbeeld ${EXAMPLE_DATE} t/m 20-06-2023, of de duur, zoals 2 dagen (1 nacht).`,
  dateInvalid: (field, typed) =>
    `‘${shorten(typed)}’ is geen geldige ${DUTCH_DATE_NAMES[field]}; typ een bestaande datum, bijvoorbeeld ${EXAMPLE_DATE}.`,
  dateInFuture: (field, today) =>
    field === 'departure'
      ? `De vertrekdatum ligt in de toekomst; kies een vertrekdatum op of vóór vandaag, ${formatDate(today, 'nl')}.`
      : `De terugkeerdatum ligt in de toekomst; vul dit verslag in na terugkeer, of kies een terugkeerdatum op of vóór vandaag, ${formatDate(today, 'nl')}.`,
  returnBeforeDeparture: (departure) =>
    `De terugkeerdatum ligt vóór de vertrekdatum; kies een terugkeerdatum op of na ${formatDate(departure, 'nl')}.`,
  durationTooShort: 'Een reis duurt ten minste 1 dag; typ bijvoorbeeld 1 dag (0 nachten).',
  nightsMismatch: (days) =>
    `Een reis van ${days} ${days === 1 ? 'dag' : 'dagen'} telt ${days - 1} of ${days} ${days === 1 ? 'nacht' : 'nachten'}; typ bijvoorbeeld ${describeDuration(days, days - 1, 'nl')}.`,
  peopleRequired: 'Noem ten minste één persoon, één per regel als Naam (functie).',
  personWithoutRole: (line) =>
    `Bij ‘${shorten(line)}’ ontbreekt de functie; schrijf één persoon per regel als Naam (functie), bijvoorbeeld Anna de Vries (wethouder).`,
  tooManyPeople: (typed, max) =>
    `Je noemde ${typed} personen; noem er hoogstens ${max}, bijvoorbeeld de belangrijkste.`,
  yesNoRequired: 'Antwoord met ja of nee; bij ja beschrijf je ook de afspraken.',
  agreementsRequired:
    'Bij ja horen de afspraken zelf; beschrijf welke vervolgafspraken er zijn, bijvoorbeeld: ja, in september spreken we elkaar opnieuw.',
  yes: 'Ja',
  no: 'Nee',
  dateRange: (departure, returnDate) =>
    `${formatDate(departure, 'nl')} t/m ${formatDate(returnDate, 'nl')}`,
  datesAfterDuration: (departure, returnDate) =>
    departure === returnDate
      ? `, op ${formatDate(departure, 'nl')}`
      : `, van ${formatDate(departure, 'nl')} t/m ${formatDate(returnDate, 'nl')}`,
  personCount: (n) => `${n} ${n === 1 ? 'persoon' : 'personen'}`,
  notAnswered: '(niet beantwoord)',
  reportHeading: 'VERSLAG BUITENLANDSE DIENSTREIS',
  travellerLabel: 'Reiziger',
  versionLine: (version, draft) => `Versie: ${version}${draft ? ' (concept)' : ''}`,
  changedLine: (date) => `Laatst gewijzigd: ${formatDate(date, 'nl')}`,
  askPeople: (n) => `Klopt dit? ${n} ${n === 1 ? 'persoon' : 'personen'}:`,
  peopleUncertain:
    'Ik weet niet zeker waar de ene persoon ophoudt en de volgende begint; schrijf één persoon per regel als Naam (functie).',
  askDates: (departure, returnDate) =>
    `Klopt dit? ${writtenDateRange(departure, returnDate, 'nl')}`,
  datesUncertain: `Typ de datums met het jaar erbij, bijvoorbeeld ${EXAMPLE_DATE} t/m 20-06-2023.`,
  askYesOrNo: (text) => `Bedoel je ja of nee? Je schreef: ‘${shorten(text)}’`,
  yesOrNoUncertain: 'Ik weet niet zeker of je ja of nee bedoelt; begin je antwoord met ja of nee.',
  askDeparture: (days, nights) =>
    `De reis duurde ${describeDuration(days, nights, 'nl')}. Op welke datum vertrok je?`,
  departureRequired: `Vul de vertrekdatum in, bijvoorbeeld ${EXAMPLE_DATE}.`,
  departureInvalid: (typed) =>
    `‘${shorten(typed)}’ is geen geldige vertrekdatum; typ een bestaande datum, bijvoorbeeld ${EXAMPLE_DATE} of 19 juni.`,
  askBackUseButtons:
    'Kies een knop op de kaart hierboven, of typ je antwoord opnieuw in zijn geheel.',
  askBackLabels: { confirm: 'Ja', adjust: 'Aanpassen', departure: 'Vertrekdatum' },
  noWithRemark: (remark) => `Nee — ${remark}`,
  amountUnknown: 'nog niet bekend',
  amountTotal: (total, complete) =>
    complete
      ? `Totaal: ${total}`
      : `Totaal: ${total} (zonder de bedragen die nog niet bekend zijn)`,
  paidByMunicipality: 'De gemeente',
  paidByThirdParty: (party) => `Betaald door derde partij: ${party} (gastvrijheid)`,
  paidShared: (split) => `Betaald door derde partij: deels — ${split} (gastvrijheid)`,
  noColleagues: 'Niemand; ik reisde alleen',
};

const en: Messages = {
  numberInvalid: (min, max) => `Enter a whole number from ${min} to ${max}.`,
  numberOutOfRange: (typed, min, max) =>
    `${shorten(typed, 12)} is out of range; enter a whole number from ${min} to ${max}.`,
  textRequired: 'This question cannot be left empty; type your answer.',
  textTooLong: (typed, limit) =>
    `Your answer has ${count('en', typed)} characters; shorten it to at most ${count('en', limit)} characters.`,
  datesRequired: 'Enter the departure and return dates, for example 19-06-2023 to 20-06-2023.',
  dateRequired: (field) =>
    field === 'departure'
      ? `Enter the departure date too, for example ${EXAMPLE_DATE}.`
      : 'Enter the return date too; for a day trip, pick the departure date again.',
  datesUnreadable: (typed) =>
    `I cannot read ‘${shorten(typed)}’ as a date or duration; type for example ${EXAMPLE_DATE} to 20-06-2023, or the duration, such as 2 days (1 night).`,
  dateInvalid: (field, typed) =>
    `‘${shorten(typed)}’ is not a valid ${ENGLISH_DATE_NAMES[field]}; type a date that exists, for example ${EXAMPLE_DATE}.`,
  dateInFuture: (field, today) =>
    field === 'departure'
      ? `The departure date is in the future; pick a departure date on or before today, ${formatDate(today, 'en')}.`
      : `The return date is in the future; fill in this report after your return, or pick a return date on or before today, ${formatDate(today, 'en')}.`,
  returnBeforeDeparture: (departure) =>
    `The return date is before the departure date; pick a return date on or after ${formatDate(departure, 'en')}.`,
  durationTooShort: 'A trip lasts at least 1 day; type for example 1 day (0 nights).',
  nightsMismatch: (days) =>
    `A trip of ${days} ${days === 1 ? 'day' : 'days'} has ${days - 1} or ${days} ${days === 1 ? 'night' : 'nights'}; type for example ${describeDuration(days, days - 1, 'en')}.`,
  peopleRequired: 'Name at least one person, one a line as Name (position).',
  personWithoutRole: (line) =>
    `The position is missing for ‘${shorten(line)}’; write one person a line as Name (position), for example Jane Smith (mayor).`,
  tooManyPeople: (typed, max) =>
    `You named ${typed} people; name at most ${max}, for example the most important ones.`,
  yesNoRequired: 'Answer yes or no; if yes, describe the agreements too.',
  agreementsRequired:
    'A yes needs the agreements themselves; describe the follow-up agreements, for example: yes, we meet again in September.',
  yes: 'Yes',
  no: 'No',
  dateRange: (departure, returnDate) =>
    `${formatDate(departure, 'en')} to ${formatDate(returnDate, 'en')}`,
  datesAfterDuration: (departure, returnDate) =>
    departure === returnDate
      ? `, on ${formatDate(departure, 'en')}`
      : `, from ${formatDate(departure, 'en')} to ${formatDate(returnDate, 'en')}`,
  personCount: (n) => `${n} ${n === 1 ? 'person' : 'people'}`,
  notAnswered: '(not answered)',
  reportHeading: 'FOREIGN BUSINESS TRIP REPORT',
  travellerLabel: 'Traveller',
  versionLine: (version, draft) => `Version: ${version}${draft ? ' (draft)' : ''}`,
  changedLine: (date) => `Last changed: ${formatDate(date, 'en')}`,
  askPeople: (n) => `Is this right? ${n} ${n === 1 ? 'person' : 'people'}:`,
  peopleUncertain:
    'I am not sure where one person ends and the next begins; write one person a line as Name (position).',
  askDates: (departure, returnDate) =>
    `Is this right? ${writtenDateRange(departure, returnDate, 'en')}`,
  datesUncertain: 'Type the dates with their year, for example 19-06-2023 to 20-06-2023.',
  askYesOrNo: (text) => `Do you mean yes or no? You wrote: ‘${shorten(text)}’`,
  yesOrNoUncertain: 'I am not sure whether you mean yes or no; start your answer with yes or no.',
  askDeparture: (days, nights) =>
    `The trip lasted ${describeDuration(days, nights, 'en')}. On which date did you leave?`,
  departureRequired: `Enter the departure date, for example ${EXAMPLE_DATE}.`,
  departureInvalid: (typed) =>
    `‘${shorten(typed)}’ is not a valid departure date; type a date that exists, for example ${EXAMPLE_DATE} or 19 June.`,
  askBackUseButtons: 'Choose a button on the card above, or type your whole answer again.',
  askBackLabels: { confirm: 'Yes', adjust: 'Adjust', departure: 'Departure date' },
  noWithRemark: (remark) => `No — ${remark}`,
  amountUnknown: 'not known yet',
  amountTotal: (total, complete) =>
    complete ? `Total: ${total}` : `Total: ${total} (without the amounts not known yet)`,
  paidByMunicipality: 'The municipality',
  paidByThirdParty: (party) => `Paid by a third party: ${party} (hospitality)`,
  paidShared: (split) => `Paid by a third party: partly — ${split} (hospitality)`,
  noColleagues: 'Nobody; I travelled alone',
};

/** The sentences in the traveller's language. */
export function messagesFor(locale: Locale): Messages {
  return locale === 'en' ? en : nl;
}

// A count with the language's thousands separator: nl 4.000, en 4,000.
function count(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL').format(value);
}

// Quotes a traveller's text in a message without letting a pasted essay swamp the sentence.
function shorten(text: string, max = 60): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
